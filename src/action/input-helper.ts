/**
 * Reading and validating the action's inputs once, into a typed object (upload-artifact's input-helper style).
 */
import * as core from '@actions/core';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { addSecret } from '../text/redact.js';
import type { SignatureType } from '../manifest/types.js';
import { parseRetryInputs, parseSignatureType, parseUrlList } from '../options/parse.js';
import { DEFAULT_GRAFANA_COM_URL, LEGACY_TOKEN_ENV, TOKEN_ENV } from '../grafana-com/endpoint.js';
import { Inputs } from './constants.js';
import type { RouteChecks } from './routes.js';

export type Mode = 'sign' | 'verify';
export type IfNoToken = 'error' | 'warn' | 'ignore';

export interface ActionInputs {
  mode: Mode;
  /** The `dist` lines: paths or globs of plugin folders and .zip files, relative to the workspace. */
  dist: string[];
  /** Absolute GITHUB_WORKSPACE (or the working directory). */
  workspace: string;
  /** "" when none was given. */
  token: string;
  ifNoToken: IfNoToken;
  signatureType?: SignatureType;
  rootUrls: string[];
  appUrls: string[];
  grafanaComUrl: string;
  /** Armored keys or file paths. */
  publicKeys: string[];
  /** Fetch grafana.com's signing keys; undefined: only when signing (not in verify mode, nor without a token). */
  fetchKeys?: boolean;
  /** `disabled`: only the embedded key, like Grafana's `public_key_retrieval_disabled = true`. */
  publicKeyRetrieval: 'enabled' | 'disabled';
  showSummary: boolean;
  uploadArtifact: boolean;
  /** "" means `<plugin-id>-<version>-manifest`. */
  artifactName: string;
  /** undefined means the repository's default. */
  retentionDays?: number;
  /** Write `<id>-<version>.zip` (+ .sha1, .md5) after signing. */
  package: boolean;
  /** Extra attempts for grafana.com requests. */
  retries: number;
  /** Per-attempt timeout, milliseconds. */
  timeoutMs: number;
  /** Route hygiene of plugin.json (docs/route-hygiene.md#rules): error findings fail the job before signing, or warn, or off. */
  routeChecks: RouteChecks;
  /** Where to write the route findings as SARIF 2.1.0 ("" for nowhere), absolute. */
  sarifFile: string;
}

/**
 * Splits the `public-keys` input: armored text (which may hold several key blocks) is one value; otherwise
 * each non-empty line is a file path.
 */
export function splitPublicKeysInput(value: string): string[] {
  if (value.includes('-----BEGIN PGP')) return [value];
  return value
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** A boolean input (YAML 1.2 core schema words, like `core.getBooleanInput`), the default applied when empty. */
function booleanInput(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  if (/^(true|True|TRUE)$/.test(raw)) return true;
  if (/^(false|False|FALSE)$/.test(raw)) return false;
  throw new UsageError(name, `${name}: "${raw}" is not a boolean; use true or false`);
}

/** An input that takes one of `choices` (case-sensitive), `fallback` when empty. */
function choiceInput<T extends string>(name: string, choices: readonly T[], fallback: T, meaning: string): T {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  if ((choices as readonly string[]).includes(raw)) return raw as T;
  throw new UsageError(name, `${name}: "${raw}" is not one of ${choices.join(', ')} (${meaning})`);
}

function retentionDaysInput(): number | undefined {
  const raw = core.getInput(Inputs.RetentionDays).trim();
  if (raw === '') return undefined;
  const days = Number(raw);
  if (!/^\d+$/.test(raw) || days < 1 || days > 90) {
    throw new UsageError(Inputs.RetentionDays, `retention-days: "${raw}" must be a whole number of days from 1 to 90`);
  }
  return days;
}

/**
 * Reads every input through `@actions/core`, masks the token, and validates.
 *
 * @param env process environment (for the token fallback and the workspace).
 * @returns the typed inputs.
 * @throws UsageError naming the input and the fix.
 */
export function getInputs(env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const mode = choiceInput<Mode>(
    Inputs.Mode,
    ['sign', 'verify'],
    'sign',
    'sign = sign then verify; verify = verify only',
  );
  let token = core.getInput(Inputs.AccessPolicyToken).trim();
  if (!token) token = (env[TOKEN_ENV] ?? '').trim();
  if (!token && env[LEGACY_TOKEN_ENV]) {
    token = env[LEGACY_TOKEN_ENV].trim();
    core.warning(`${LEGACY_TOKEN_ENV} is deprecated: pass the token as access-policy-token or ${TOKEN_ENV}`);
  }
  if (token) {
    core.setSecret(token);
    addSecret(token);
  }

  const dist = core
    .getInput(Inputs.Dist)
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);
  const grafanaComUrl = (core.getInput(Inputs.GrafanaComUrl).trim() || DEFAULT_GRAFANA_COM_URL).replace(/\/+$/, '');
  const { retries, timeoutMs } = parseRetryInputs(core.getInput(Inputs.Retries), core.getInput(Inputs.TimeoutSeconds), {
    retries: Inputs.Retries,
    timeout: Inputs.TimeoutSeconds,
  });
  return {
    mode,
    dist: dist.length ? dist : ['dist'],
    workspace: env.GITHUB_WORKSPACE || process.cwd(),
    token,
    ifNoToken: choiceInput<IfNoToken>(
      Inputs.IfNoToken,
      ['error', 'warn', 'ignore'],
      'error',
      'what to do in sign mode without a token',
    ),
    signatureType: parseSignatureType(core.getInput(Inputs.SignatureType), Inputs.SignatureType),
    rootUrls: parseUrlList(core.getInput(Inputs.RootUrls), Inputs.RootUrls),
    appUrls: parseUrlList(core.getInput(Inputs.AppUrls), Inputs.AppUrls),
    grafanaComUrl,
    publicKeys: splitPublicKeysInput(core.getInput(Inputs.PublicKeys)),
    fetchKeys: core.getInput(Inputs.FetchKeys).trim() === '' ? undefined : booleanInput(Inputs.FetchKeys, false),
    publicKeyRetrieval: choiceInput(
      Inputs.PublicKeyRetrieval,
      ['enabled', 'disabled'] as const,
      'enabled',
      "disabled = trust only Grafana's embedded key, like public_key_retrieval_disabled",
    ),
    showSummary: booleanInput(Inputs.ShowSummary, true),
    uploadArtifact: booleanInput(Inputs.UploadArtifact, true),
    artifactName: core.getInput(Inputs.ArtifactName).trim(),
    retentionDays: retentionDaysInput(),
    package: booleanInput(Inputs.Package, false),
    retries,
    timeoutMs,
    routeChecks: choiceInput<RouteChecks>(
      Inputs.RouteChecks,
      ['error', 'warn', 'off'],
      'error',
      'error = route error findings fail the job before signing; warn = report only; off = no route check',
    ),
    sarifFile: sarifFileInput(env),
  };
}

/** The `sarif-file` input, resolved against the workspace ("" when not set). */
function sarifFileInput(env: NodeJS.ProcessEnv): string {
  const raw = core.getInput(Inputs.SarifFile).trim();
  return raw === '' ? '' : path.resolve(env.GITHUB_WORKSPACE || process.cwd(), raw);
}
