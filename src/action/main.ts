/**
 * The action's job: sign (optionally), verify like Grafana, check expectations, report (outputs, annotations,
 * job summary, MANIFEST.txt artifact). Inputs arrive parsed; this file talks to the runner only through
 * `@actions/core`, and the engine it calls never does.
 */
import * as core from '@actions/core';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SignPluginError, UsageError } from '../errors.js';
import { loadPublicKeyInputs, TrustedKeys } from '../signature/keys.js';
import { signPlugin } from '../signing/sign.js';
import { checkExpectations, type ExpectationCheck } from '../verify/expectations.js';
import { grafanaBadge } from '../verify/findings.js';
import { verifyPlugin, type VerifyResult } from '../verify/verify.js';
import { buildAnnotations } from './annotations.js';
import { defaultArtifactName, uploadManifestArtifact } from './artifact.js';
import { Inputs, MAX_FINDINGS_OUTPUT, Outputs, TOKEN_ENV } from './constants.js';
import type { ActionInputs } from './input-helper.js';
import { renderSummary } from './summary.js';
import { TOOL_VERSION } from '../version.js';

/** What a run concluded, for callers and tests. */
export interface RunOutcome {
  ok: boolean;
  /** One line per reason the job failed, in Grafana's words. */
  failures: string[];
  verification?: VerifyResult;
  expectations: ExpectationCheck[];
  manifestPath?: string;
}

/**
 * Runs the action with parsed inputs: in `sign` mode signs `dist` then verifies it; in `verify` mode only
 * verifies. Sets the outputs, annotates, writes the job summary, uploads MANIFEST.txt as an artifact when the
 * plugin is valid, and fails the job (`core.setFailed`) on any verdict but `valid`, any unmet expectation or a
 * failed upload, one line per reason.
 *
 * Root URLs (check 11) are judged against `app-urls`; without them, against `root-urls` (each must be accepted);
 * without either, they are reported as not checked.
 *
 * @param inputs parsed by `getInputs`; @param env the runner's environment (workspace, run URL, summary file).
 * @returns the outcome; never throws for expected failures (they become `setFailed`).
 */
export async function run(inputs: ActionInputs, env: NodeJS.ProcessEnv = process.env): Promise<RunOutcome> {
  const outcome: RunOutcome = { ok: false, failures: [], expectations: [] };
  try {
    const keys = TrustedKeys.withEmbedded();
    for (const key of await loadPublicKeyInputs(inputs.publicKeys, Inputs.PublicKeys)) keys.add(key);

    if (inputs.mode === 'sign') await sign(inputs, keys);

    const appUrls = inputs.appUrls.length > 0 ? inputs.appUrls : inputs.rootUrls.length > 0 ? inputs.rootUrls : null;
    core.info(
      `Verifying ${inputs.distInput} as Grafana would` +
        (appUrls ? ` at ${appUrls.join(', ')}` : ' (root URLs not checked: no app-urls or root-urls given)'),
    );
    const result = await verifyPlugin(inputs.dist, { keys, appUrls });
    const expectations = checkExpectations(result, { signatureType: inputs.signatureType, rootUrls: inputs.rootUrls });
    outcome.verification = result;
    outcome.expectations = expectations;
    outcome.manifestPath = result.manifest ? path.join(result.pluginDir, 'MANIFEST.txt') : undefined;

    if (result.status !== 'valid') {
      outcome.failures.push(result.headline);
      for (const f of result.findings) if (f.status !== null) outcome.failures.push(f.message);
    }
    for (const e of expectations) if (!e.met) outcome.failures.push(e.message);

    await setOutputs(result, outcome.manifestPath);
    logResult(result, expectations);
    annotate(result, expectations, inputs, env);
    const artifact = await uploadArtifact(inputs, result, outcome, env);
    if (inputs.showSummary) await writeSummary(result, expectations, inputs, artifact, env);
  } catch (error) {
    outcome.failures.push(...describeError(error));
  }
  outcome.ok = outcome.failures.length === 0;
  if (!outcome.ok) core.setFailed(outcome.failures.join('\n'));
  return outcome;
}

async function sign(inputs: ActionInputs, keys: TrustedKeys): Promise<void> {
  if (!inputs.token) {
    throw new UsageError(
      Inputs.AccessPolicyToken,
      `access-policy-token is empty, so the plugin cannot be signed. Create an access policy token with the ` +
        `plugins:write scope at grafana.com, store it as a repository secret and pass it: ` +
        `access-policy-token: \${{ secrets.GRAFANA_ACCESS_POLICY_TOKEN }} (or set ${TOKEN_ENV}). ` +
        `Pull requests from forks get no secrets: use mode: verify for them.`,
    );
  }
  core.info(`Signing ${inputs.distInput} through ${inputs.grafanaComUrl}/plugins/ci/sign`);
  const signed = await signPlugin({
    dist: inputs.dist,
    token: inputs.token,
    grafanaComUrl: inputs.grafanaComUrl,
    signatureType: inputs.signatureType,
    rootUrls: inputs.rootUrls,
    keys,
    toolVersion: TOOL_VERSION,
  });
  core.info(
    `Wrote ${path.join(inputs.distInput, 'MANIFEST.txt')} (${signed.manifestBytes.length} bytes, ` +
      `${Object.keys(signed.request.files).length} files signed)`,
  );
}

async function setOutputs(result: VerifyResult, manifestPath: string | undefined): Promise<void> {
  const m = result.manifest;
  core.setOutput(Outputs.Status, result.status);
  core.setOutput(Outputs.SignatureType, m?.signatureType ?? '');
  core.setOutput(Outputs.SignedByOrg, m?.signedByOrg ?? '');
  core.setOutput(Outputs.SignedByOrgName, m?.signedByOrgName ?? '');
  core.setOutput(Outputs.KeyId, m?.keyId ?? '');
  core.setOutput(Outputs.PluginId, result.plugin.id || m?.plugin || '');
  core.setOutput(Outputs.PluginVersion, result.plugin.version || m?.version || '');
  core.setOutput(Outputs.ManifestPath, manifestPath ?? '');
  core.setOutput(Outputs.FilesCount, String(result.filesCount));
  core.setOutput(Outputs.Findings, JSON.stringify(result.findings.slice(0, MAX_FINDINGS_OUTPUT)));
  let sha = '';
  if (manifestPath) {
    sha = createHash('sha256')
      .update(await readFile(manifestPath))
      .digest('hex');
  }
  core.setOutput(Outputs.ManifestSha256, sha);
}

function logResult(result: VerifyResult, expectations: ExpectationCheck[]): void {
  const m = result.manifest;
  if (result.status === 'valid') {
    core.info(
      `${grafanaBadge('valid')}: ${result.plugin.id} ${result.plugin.version}, ${m?.signatureType} signature by ` +
        `${m?.signedByOrgName} (${m?.signedByOrg}), key ${m?.keyId}, ${result.filesCount} files`,
    );
  } else {
    core.info(`${grafanaBadge(result.status)}: ${result.headline}`);
  }
  for (const check of result.rootUrlChecks) {
    core.info(`  app URL ${check.appUrl}: ${check.matched ? 'accepted' : 'rejected'}`);
    for (const a of check.attempts) core.info(`    ${a.rootUrl}: ${a.reason}`);
  }
  for (const e of expectations) core.info(`  ${e.met ? '✓' : '✗'} ${e.message}`);
}

/**
 * Emits the annotations: one per problem file (linked to it), capped per kind, and notices. Failures without a
 * file are left to `core.setFailed`, which states every reason in one annotation, so none is annotated twice.
 */
function annotate(
  result: VerifyResult,
  expectations: ExpectationCheck[],
  inputs: ActionInputs,
  env: NodeJS.ProcessEnv,
) {
  const workspace = env.GITHUB_WORKSPACE || process.cwd();
  const annotations = buildAnnotations(result, expectations, {
    workspace,
    distPath: inputs.dist,
    fileErrorsOnly: true,
  });
  for (const a of annotations) {
    const props: core.AnnotationProperties = {};
    if (a.title) props.title = a.title;
    if (a.file) props.file = a.file;
    if (a.level === 'error') core.error(a.message, props);
    else if (a.level === 'warning') core.warning(a.message, props);
    else core.notice(a.message, props);
  }
}

interface ArtifactReport {
  name: string;
  url?: string;
  skippedReason?: string;
}

async function uploadArtifact(
  inputs: ActionInputs,
  result: VerifyResult,
  outcome: RunOutcome,
  env: NodeJS.ProcessEnv,
): Promise<ArtifactReport | undefined> {
  core.setOutput(Outputs.ArtifactId, '');
  core.setOutput(Outputs.ArtifactUrl, '');
  if (!inputs.uploadArtifact) return undefined;
  const name = inputs.artifactName || defaultArtifactName(result.plugin.id || 'plugin', result.plugin.version || '0');
  if (!outcome.manifestPath || outcome.failures.length > 0) {
    return { name, skippedReason: 'not uploaded: the plugin is not validly signed' };
  }
  try {
    const uploaded = await uploadManifestArtifact({
      manifestPath: outcome.manifestPath,
      name,
      retentionDays: inputs.retentionDays,
      env,
    });
    if (!uploaded.uploaded) {
      core.notice(uploaded.reason);
      return { name, skippedReason: uploaded.reason };
    }
    core.setOutput(Outputs.ArtifactId, String(uploaded.id));
    core.setOutput(Outputs.ArtifactUrl, uploaded.url);
    core.info(
      `Uploaded ${name} (artifact ${uploaded.id}, ${uploaded.size} bytes)${uploaded.url ? `: ${uploaded.url}` : ''}`,
    );
    return { name, url: uploaded.url || undefined };
  } catch (error) {
    outcome.failures.push(...describeError(error));
    return { name, skippedReason: error instanceof Error ? error.message : String(error) };
  }
}

async function writeSummary(
  result: VerifyResult,
  expectations: ExpectationCheck[],
  inputs: ActionInputs,
  artifact: ArtifactReport | undefined,
  env: NodeJS.ProcessEnv,
): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written');
    return;
  }
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  const runUrl =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  await core.summary
    .addRaw(renderSummary(result, expectations, { distPath: inputs.distInput, runUrl, artifact }))
    .write();
}

function describeError(error: unknown): string[] {
  if (error instanceof SignPluginError) return [error.message];
  // Not one of ours: a bug. Keep the stack in the debug log, the message in the failure.
  core.debug(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return [`unexpected error: ${error instanceof Error ? error.message : String(error)}`];
}
