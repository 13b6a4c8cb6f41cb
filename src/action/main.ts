/**
 * The action's job: for each plugin folder or zip that `dist` names, sign (optionally), verify like Grafana,
 * check expectations, package (optionally), and report (outputs, annotations, job summary, MANIFEST.txt
 * artifact). Inputs arrive parsed; this file talks to the runner only through `@actions/core`, and the engine it
 * calls never does.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SignPluginError, UsageError } from '../errors.js';
import { trustedKeysFor } from '../grafana-com/fetch-keys.js';
import { loadPublicKeyInputs, type TrustedKeys } from '../signature/keys.js';
import { signPlugin } from '../signing/sign.js';
import { checkExpectations, type ExpectationCheck } from '../verify/expectations.js';
import { grafanaBadge, worstStatus } from '../verify/findings.js';
import { pluginReport, type LayoutProblem } from '../verify/report.js';
import { verifyTarget } from '../targets/target.js';
import type { VerifyResult } from '../verify/verify.js';
import { TOOL_VERSION } from '../version.js';
import { buildAnnotations } from './annotations.js';
import { boundResults } from './results-output.js';
import * as core from './runner.js';
import { defaultArtifactName, uploadManifestArtifact } from './artifact.js';
import { TOKEN_ENV } from '../grafana-com/endpoint.js';
import { Inputs, MAX_FINDINGS_OUTPUT, Outputs } from './constants.js';
import type { ActionInputs } from './input-helper.js';
import { renderJobSummary } from './summary.js';
import { oneLine } from '../text/escape.js';
import { resolveTargets, type Target } from './targets.js';
import {
  checkRunRoutes,
  reportPluginRoutes,
  routesBlockSigning,
  setRouteOutputs,
  type RunRoutes,
  type TargetRoutes,
} from './routes.js';

/** What happened to one plugin. */
export interface PluginOutcome {
  target: Target;
  result?: VerifyResult;
  expectations: ExpectationCheck[];
  layout?: LayoutProblem[];
  /** Reasons this plugin fails the job, in Grafana's words. */
  failures: string[];
  manifestPath?: string;
  archive?: { path: string; sha1: string };
  artifact?: { name: string; url?: string; skippedReason?: string };
  /** Route hygiene findings of this plugin's plugin.json files (absent with route-checks: off). */
  routes?: TargetRoutes;
}

/** What a run concluded, for callers and tests. */
export interface RunOutcome {
  ok: boolean;
  /** One line per reason the job failed. */
  failures: string[];
  plugins: PluginOutcome[];
}

interface RunContext {
  inputs: ActionInputs;
  env: NodeJS.ProcessEnv;
  keys: TrustedKeys;
  signing: boolean;
  /** No token and `if-no-token` is warn/ignore: an unsigned plugin does not fail the job. */
  tolerateUnsigned: boolean;
  /** Several plugins: prefix messages with the plugin's path. */
  several: boolean;
  routes: RunRoutes;
}

/**
 * Runs the action with parsed inputs. Sets the outputs (`status` is the worst verdict of all plugins),
 * annotates, writes the job summary (one section per plugin), uploads each valid plugin's MANIFEST.txt, and fails
 * the job (`core.setFailed`) with one line per reason when any plugin is not `valid`, misses an expectation, has a
 * zip layout problem, or cannot be signed, packaged or uploaded.
 *
 * Root URLs (check 11) are judged against `app-urls`; without them, against `root-urls` (each must be accepted);
 * without either, they are reported as not checked.
 *
 * @param inputs parsed by `getInputs`; @param env the runner's environment (run URL, summary file, runtime).
 * @returns the outcome; never throws for expected failures (they become `setFailed`).
 */
export async function run(inputs: ActionInputs, env: NodeJS.ProcessEnv = process.env): Promise<RunOutcome> {
  const outcome: RunOutcome = { ok: false, failures: [], plugins: [] };
  try {
    const targets = await resolveTargets(inputs.dist, inputs.workspace);
    // Route checks come first: an error finding in sign mode stops the run before anything is sent.
    const routes = await checkRunRoutes(targets, inputs);
    const routesBlock = routesBlockSigning(routes, inputs);
    const signing = !routesBlock && inputs.mode === 'sign' && (inputs.token !== '' || !skipSigningWithoutToken(inputs));
    const keys = await trustedKeysFor({
      fetch: inputs.fetchKeys ?? signing,
      retrieval: inputs.publicKeyRetrieval,
      grafanaComUrl: inputs.grafanaComUrl,
      extra: await loadPublicKeyInputs(inputs.publicKeys, Inputs.PublicKeys),
      onWarning: (message) => core.warning(message),
      retries: inputs.retries,
    });
    const ctx: RunContext = {
      inputs,
      env,
      keys,
      signing,
      tolerateUnsigned: inputs.mode === 'sign' && !signing && !routesBlock,
      several: targets.length > 1,
      routes,
    };
    for (const target of targets) outcome.plugins.push(await processPlugin(target, ctx));
    for (const p of outcome.plugins) {
      outcome.failures.push(...p.failures.map((f) => (ctx.several ? `${p.target.display}: ${f}` : f)));
    }
    await setOutputs(outcome.plugins, env);
    await setRouteOutputs(routes, inputs);
    if (inputs.showSummary) await writeSummary(outcome.plugins, env, inputs);
  } catch (error) {
    outcome.failures.push(...describeError(error));
  }
  outcome.ok = outcome.failures.length === 0;
  core.flushAnnotations();
  if (!outcome.ok) core.setFailed(outcome.failures.join('\n'));
  return outcome;
}

/**
 * Sign mode without a token. `if-no-token: error` throws, explaining fork PRs and how to pass the secret;
 * `warn`/`ignore` announce (warning/notice) that signing is skipped and return true: the run verifies only and
 * an unsigned plugin does not fail it.
 */
function skipSigningWithoutToken(inputs: ActionInputs): boolean {
  const howTo =
    `Create an access policy token with the plugins:write scope at grafana.com, store it as a repository secret ` +
    `and pass it: access-policy-token: \${{ secrets.GRAFANA_ACCESS_POLICY_TOKEN }} (or set ${TOKEN_ENV}).`;
  if (inputs.ifNoToken === 'error') {
    throw new UsageError(
      Inputs.AccessPolicyToken,
      `access-policy-token is empty, so the plugin cannot be signed. ${howTo} Pull requests from forks get no ` +
        `secrets: for them use mode: verify, or if-no-token: warn to skip signing and verify what is there.`,
    );
  }
  const message =
    'No access policy token (pull requests from forks get no secrets): signing skipped, verifying what is there; ' +
    `an unsigned plugin does not fail this job (if-no-token: ${inputs.ifNoToken}).`;
  if (inputs.ifNoToken === 'warn') core.warning(message, { title: 'Plugin not signed' });
  else core.notice(message, { title: 'Plugin not signed' });
  return true;
}

async function processPlugin(target: Target, ctx: RunContext): Promise<PluginOutcome> {
  const { inputs } = ctx;
  const plugin: PluginOutcome = { target, expectations: [], failures: [] };
  if (ctx.several) core.startGroup(oneLine(target.display));
  try {
    reportPluginRoutes(plugin, ctx.routes, inputs);
    if (ctx.signing) await sign(target, ctx);

    const appUrls = inputs.appUrls.length > 0 ? inputs.appUrls : inputs.rootUrls.length > 0 ? inputs.rootUrls : null;
    core.info(
      `Verifying ${oneLine(target.display)} as Grafana would` +
        (appUrls ? ` at ${oneLine(appUrls.join(', '))}` : ' (root URLs not checked: no app-urls or root-urls given)'),
    );
    const { result, layout } = await verifyTarget(target.path, { keys: ctx.keys, appUrls });
    const expectations = checkExpectations(result, { signatureType: inputs.signatureType, rootUrls: inputs.rootUrls });
    Object.assign(plugin, { result, expectations, layout });
    if (!target.zip && result.manifest) plugin.manifestPath = path.join(result.pluginDir, 'MANIFEST.txt');

    const tolerated = result.status === 'unsigned' && ctx.tolerateUnsigned;
    if (tolerated) {
      // Nothing to judge without a signature: neither the verdict nor the expectations fail the job.
      core.notice(`${target.display}: ${result.headline} (not failing: there was no token to sign it with)`);
    } else {
      if (result.status !== 'valid') {
        plugin.failures.push(result.headline);
        for (const f of result.findings) {
          if (f.status === null) continue;
          plugin.failures.push(
            f.hint ? `${f.message} (${f.hint.cause}: ${f.hint.detail}; fix: ${f.hint.fix})` : f.message,
          );
        }
      }
      for (const e of expectations) if (!e.met) plugin.failures.push(e.message);
    }
    for (const l of layout ?? []) plugin.failures.push(`zip layout: ${l.message}`);

    logResult(result, expectations);
    if (!tolerated) annotate(plugin, ctx);
    if (inputs.package && ctx.signing && plugin.failures.length === 0) await packageSigned(plugin, ctx);
    plugin.artifact = await uploadArtifact(plugin, ctx);
  } catch (error) {
    plugin.failures.push(...describeError(error));
  } finally {
    if (ctx.several) core.endGroup();
  }
  return plugin;
}

async function sign(target: Target, ctx: RunContext): Promise<void> {
  const { inputs } = ctx;
  if (target.zip) {
    throw new UsageError(
      Inputs.Dist,
      `${target.display} is a .zip: sign the plugin folder, then package it (package: true), or use mode: verify`,
    );
  }
  core.info(`Signing ${oneLine(target.display)} through ${oneLine(inputs.grafanaComUrl)}/plugins/ci/sign`);
  const signed = await signPlugin({
    dist: target.path,
    token: inputs.token,
    grafanaComUrl: inputs.grafanaComUrl,
    signatureType: inputs.signatureType,
    rootUrls: inputs.rootUrls,
    keys: ctx.keys,
    toolVersion: TOOL_VERSION,
    retries: inputs.retries,
    timeoutMs: inputs.timeoutMs,
    onRetry: ({ attempt, delayMs, reason }) =>
      core.warning(`grafana.com: ${reason}; attempt ${attempt + 1} in ${(delayMs / 1000).toFixed(1)} s`),
  });
  core.info(
    `Wrote ${oneLine(path.join(target.display, 'MANIFEST.txt'))} (${signed.manifestBytes.length} bytes, ` +
      `${Object.keys(signed.request.files).length} files signed)`,
  );
}

/** Writes `<id>-<version>.zip` beside the plugin folder and proves it verifies through the zip path. */
async function packageSigned(plugin: PluginOutcome, ctx: RunContext): Promise<void> {
  const folder = plugin.target.path;
  // The zip libraries are loaded only when packaging (see docs/performance.md).
  const [{ packagePlugin }, { verifyPluginZip }] = await Promise.all([
    import('../zip/write-zip.js'),
    import('../zip/read-zip.js'),
  ]);
  const packaged = await packagePlugin(folder, path.dirname(folder));
  const check = await verifyPluginZip(packaged.archive, { keys: ctx.keys, appUrls: null });
  const display = path.relative(ctx.inputs.workspace, packaged.archive);
  if (check.status !== 'valid' || check.layout.length > 0) {
    plugin.failures.push(
      `the packaged ${display} does not verify: ${check.status}` +
        [...check.findings.filter((f) => f.status !== null), ...check.layout].map((f) => `; ${f.message}`).join(''),
    );
    return;
  }
  plugin.archive = { path: packaged.archive, sha1: packaged.sha1 };
  core.info(`Packaged ${display} (${packaged.entries} files, sha1 ${packaged.sha1}); it verifies valid as a zip`);
}

async function setOutputs(plugins: PluginOutcome[], env: NodeJS.ProcessEnv): Promise<void> {
  const verified = plugins.filter((p) => p.result);
  const single = plugins.length === 1 ? plugins[0] : undefined;
  const result = single?.result;
  const m = result?.manifest;
  core.setOutput(Outputs.Status, verified.length ? worstStatus(verified.map((p) => p.result!.status)) : '');
  core.setOutput(Outputs.SignatureType, m?.signatureType ?? '');
  core.setOutput(Outputs.SignedByOrg, m?.signedByOrg ?? '');
  core.setOutput(Outputs.SignedByOrgName, m?.signedByOrgName ?? '');
  core.setOutput(Outputs.KeyId, m?.keyId ?? '');
  core.setOutput(Outputs.PluginId, result ? result.plugin.id || m?.plugin || '' : '');
  core.setOutput(Outputs.PluginVersion, result ? result.plugin.version || m?.version || '' : '');
  core.setOutput(Outputs.ManifestPath, single?.manifestPath ?? '');
  core.setOutput(Outputs.FilesCount, result ? String(result.filesCount) : '');
  core.setOutput(Outputs.Findings, JSON.stringify((result?.findings ?? []).slice(0, MAX_FINDINGS_OUTPUT)));
  core.setOutput(
    Outputs.ManifestSha256,
    single?.manifestPath
      ? createHash('sha256')
          .update(await readFile(single.manifestPath))
          .digest('hex')
      : '',
  );
  const results = await boundResults(
    plugins.map((p) => ({
      ...(p.result
        ? pluginReport(p.result, p.expectations, p.target.display, p.layout)
        : { path: p.target.display, status: null, ok: false }),
      findings: (p.result?.findings ?? []).slice(0, MAX_FINDINGS_OUTPUT),
      errors: p.failures,
      archive: p.archive?.path ?? null,
      artifactUrl: p.artifact?.url ?? null,
    })),
    env,
  );
  core.setOutput(Outputs.Results, results.output);
  core.setOutput(Outputs.ResultsFile, results.file);
  if (results.omitted > 0) {
    core.notice(
      `results holds ${plugins.length - results.omitted} of ${plugins.length} plugins (GitHub limits outputs to ` +
        `1 MiB); the full JSON is in ${results.file} (the results-file output)`,
    );
  }
  core.setOutput(Outputs.Archive, plugins.flatMap((p) => (p.archive ? [p.archive.path] : [])).join('\n'));
  core.setOutput(Outputs.ArchiveSha1, plugins.flatMap((p) => (p.archive ? [p.archive.sha1] : [])).join('\n'));
}

function logResult(result: VerifyResult, expectations: ExpectationCheck[]): void {
  const m = result.manifest;
  if (result.status === 'valid') {
    core.info(
      `${grafanaBadge('valid')}: ${oneLine(result.plugin.id)} ${oneLine(result.plugin.version)}, ` +
        `${oneLine(m?.signatureType ?? '')} signature by ${oneLine(m?.signedByOrgName ?? '')} ` +
        `(${oneLine(m?.signedByOrg ?? '')}), key ${oneLine(m?.keyId ?? '')}, ${result.filesCount} files`,
    );
  } else {
    core.info(`${grafanaBadge(result.status)}: ${result.headline}`);
  }
  for (const check of result.rootUrlChecks) {
    core.info(`  app URL ${oneLine(check.appUrl)}: ${check.matched ? 'accepted' : 'rejected'}`);
    for (const a of check.attempts) core.info(`    ${oneLine(a.rootUrl)}: ${oneLine(a.reason)}`);
  }
  for (const e of expectations) core.info(`  ${e.met ? '✓' : '✗'} ${e.message}`);
}

/**
 * Emits the annotations: one per problem file (linked to it), capped per kind, and notices. Failures without a
 * file are left to `core.setFailed`, which states every reason in one annotation, so none is annotated twice.
 */
function annotate(plugin: PluginOutcome, ctx: RunContext): void {
  const result = plugin.result!;
  const annotations = buildAnnotations(result, plugin.expectations, {
    workspace: ctx.inputs.workspace,
    distPath: plugin.target.zip ? '' : plugin.target.path,
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

async function uploadArtifact(plugin: PluginOutcome, ctx: RunContext): Promise<PluginOutcome['artifact']> {
  const { inputs, env } = ctx;
  core.setOutput(Outputs.ArtifactId, '');
  core.setOutput(Outputs.ArtifactUrl, '');
  if (!inputs.uploadArtifact || !plugin.result) return undefined;
  const { id, version } = plugin.result.plugin;
  const name =
    inputs.artifactName && !ctx.several ? inputs.artifactName : defaultArtifactName(id || 'plugin', version || '0');
  if (!plugin.manifestPath || plugin.failures.length > 0) {
    return { name, skippedReason: 'not uploaded: the plugin is not validly signed' };
  }
  try {
    const uploaded = await uploadManifestArtifact({
      manifestPath: plugin.manifestPath,
      name,
      retentionDays: inputs.retentionDays,
      env,
    });
    if (!uploaded.uploaded) {
      core.notice(uploaded.reason);
      return { name, skippedReason: uploaded.reason };
    }
    if (!ctx.several) {
      core.setOutput(Outputs.ArtifactId, String(uploaded.id));
      core.setOutput(Outputs.ArtifactUrl, uploaded.url);
    }
    core.info(`Uploaded ${name} (artifact ${uploaded.id})${uploaded.url ? `: ${uploaded.url}` : ''}`);
    return { name, url: uploaded.url || undefined };
  } catch (error) {
    plugin.failures.push(...describeError(error));
    return { name, skippedReason: error instanceof Error ? error.message : String(error) };
  }
}

async function writeSummary(plugins: PluginOutcome[], env: NodeJS.ProcessEnv, inputs: ActionInputs): Promise<void> {
  if (!env.GITHUB_STEP_SUMMARY) {
    core.debug('GITHUB_STEP_SUMMARY is not set: no job summary written');
    return;
  }
  const server = env.GITHUB_SERVER_URL || 'https://github.com';
  const runUrl =
    env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID
      ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}`
      : undefined;
  const page = renderJobSummary(
    plugins.flatMap((p) =>
      p.result
        ? [
            {
              result: p.result,
              expectations: p.expectations,
              distPath: p.target.display,
              artifact: p.artifact,
              layout: p.layout,
              routeFindings: p.routes?.findings,
              failing: p.failures.length > 0,
            },
          ]
        : [],
    ),
    { runUrl, routeChecks: inputs.routeChecks },
  );
  if (page !== '') await core.summary.addRaw(page).write();
}

function describeError(error: unknown): string[] {
  if (error instanceof SignPluginError) return [error.message];
  // Not one of ours: a bug. Keep the stack in the debug log, the message in the failure.
  core.debug(error instanceof Error ? (error.stack ?? error.message) : String(error));
  return [`unexpected error: ${error instanceof Error ? error.message : String(error)}`];
}
