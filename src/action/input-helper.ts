/**
 * Reading and validating the action's inputs once, into a typed object (upload-artifact's input-helper style).
 */
import * as core from '@actions/core';
import path from 'node:path';
import { UsageError } from '../errors.js';
import type { SignatureType } from '../manifest/types.js';
import { parseSignatureType, parseUrlList } from '../verify/expectations.js';
import { DEFAULT_GRAFANA_COM_URL, Inputs, LEGACY_TOKEN_ENV, TOKEN_ENV } from './constants.js';

export type Mode = 'sign' | 'verify';

export interface ActionInputs {
  mode: Mode;
  /** Absolute path of the plugin folder. */
  dist: string;
  /** As the user wrote it, for messages. */
  distInput: string;
  /** "" when none was given. */
  token: string;
  signatureType?: SignatureType;
  rootUrls: string[];
  appUrls: string[];
  grafanaComUrl: string;
  /** Armored keys or file paths. */
  publicKeys: string[];
  showSummary: boolean;
  uploadArtifact: boolean;
  /** "" means `<plugin-id>-<version>-manifest`. */
  artifactName: string;
  /** undefined means the repository's default. */
  retentionDays?: number;
}

/** `core.getBooleanInput` with the default applied for an empty input and a message that names the fix. */
function booleanInput(name: string, fallback: boolean): boolean {
  const raw = core.getInput(name).trim();
  if (raw === '') return fallback;
  if (/^(true|True|TRUE)$/.test(raw)) return true;
  if (/^(false|False|FALSE)$/.test(raw)) return false;
  throw new UsageError(name, `${name}: "${raw}" is not a boolean; use true or false`);
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

/**
 * Reads every input through `@actions/core`, masks the token, and validates.
 *
 * @param env process environment (for the token fallback and the workspace).
 * @returns the typed inputs.
 * @throws UsageError naming the input and the fix.
 */
export function getInputs(env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const modeInput = core.getInput(Inputs.Mode).trim() || 'sign';
  if (modeInput !== 'sign' && modeInput !== 'verify') {
    throw new UsageError(Inputs.Mode, `mode: "${modeInput}" is not a mode; use sign (sign then verify) or verify`);
  }
  let token = core.getInput(Inputs.AccessPolicyToken).trim();
  if (!token) token = (env[TOKEN_ENV] ?? '').trim();
  if (!token && env[LEGACY_TOKEN_ENV]) {
    token = env[LEGACY_TOKEN_ENV].trim();
    core.warning(`${LEGACY_TOKEN_ENV} is deprecated: pass the token as access-policy-token or ${TOKEN_ENV}`);
  }
  if (token) core.setSecret(token);

  const distInput = core.getInput(Inputs.Dist).trim() || 'dist';
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const grafanaComUrl = (core.getInput(Inputs.GrafanaComUrl).trim() || DEFAULT_GRAFANA_COM_URL).replace(/\/+$/, '');
  return {
    mode: modeInput,
    dist: path.resolve(workspace, distInput),
    distInput,
    token,
    signatureType: parseSignatureType(core.getInput(Inputs.SignatureType), Inputs.SignatureType),
    rootUrls: parseUrlList(core.getInput(Inputs.RootUrls), Inputs.RootUrls),
    appUrls: parseUrlList(core.getInput(Inputs.AppUrls), Inputs.AppUrls),
    grafanaComUrl,
    publicKeys: splitPublicKeysInput(core.getInput(Inputs.PublicKeys)),
    showSummary: booleanInput(Inputs.ShowSummary, true),
    uploadArtifact: booleanInput(Inputs.UploadArtifact, true),
    artifactName: core.getInput(Inputs.ArtifactName).trim(),
    retentionDays: retentionDaysInput(),
  };
}
