/**
 * Uploading the signed MANIFEST.txt as a workflow artifact, through GitHub's own `@actions/artifact` client (the
 * Results service + Azure Blob protocol that `actions/upload-artifact@v4` uses).
 *
 * `@actions/artifact` is imported lazily, only when an upload really happens: loading it costs ~200 ms.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { SignPluginError, UsageError } from '../errors.js';

export interface ManifestArtifactOptions {
  /** Path of MANIFEST.txt (resolved against the working directory when relative). */
  manifestPath: string;
  /** Artifact name, e.g. `myorg-demo-panel-1.0.0-manifest` (see {@link defaultArtifactName}). */
  name: string;
  /** Days GitHub keeps the artifact, an integer 1–90; undefined: the repository's default. */
  retentionDays?: number;
  /** Environment to read the Actions runtime variables from; default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

export type ManifestArtifactOutcome =
  | { uploaded: true; id: number; url: string; size: number; sha256: string }
  | { uploaded: false; reason: string; sha256: string };

/** The artifact upload itself failed (the Results service or blob storage refused, or the network failed). */
export class ArtifactUploadError extends SignPluginError {
  /** HTTP status the service answered with, or 0 when none is known. */
  readonly status: number;
  constructor(message: string, status = 0, options?: { cause?: unknown }) {
    super('artifact-upload', message, options);
    this.status = status;
  }
}

/** Characters GitHub refuses in artifact names (`@actions/artifact`'s `invalidArtifactNameCharacters`). */
const FORBIDDEN_NAME_CHARACTERS = /[":<>|*?\r\n\\/]/g;

/**
 * The artifact's default name: `<plugin-id>-<version>-manifest`, with each character GitHub refuses in artifact
 * names (`" : < > | * ? \r \n \ /`, the list `@actions/artifact` validates against) replaced by `-`.
 *
 * @example defaultArtifactName('myorg-demo-panel', '1.0.0') === 'myorg-demo-panel-1.0.0-manifest'
 */
export function defaultArtifactName(pluginId: string, version: string): string {
  return `${pluginId}-${version}-manifest`.replace(FORBIDDEN_NAME_CHARACTERS, '-');
}

/** `@actions/github`'s `context`: the run as the runner describes it in `GITHUB_*` variables. */
export type RunContext = Pick<(typeof import('@actions/github'))['context'], 'serverUrl' | 'runId' | 'repo'>;

/**
 * The artifact's page on GitHub: `${serverUrl}/${owner}/${repo}/actions/runs/${runId}/artifacts/${id}`, from
 * `@actions/github`'s `context` (`serverUrl`: `GITHUB_SERVER_URL`, default `https://github.com`; `repo`:
 * `GITHUB_REPOSITORY` or the event payload's repository; `runId`: `GITHUB_RUN_ID`). See {@link runContext}.
 *
 * @returns the URL, or `""` when the repository is unknown or not `owner/repo` (`context.repo` throws or lacks a
 *   part), the run ID is not a positive integer, or `artifactId` is not a positive integer. Never throws.
 */
export function artifactUrl(run: RunContext, artifactId: number): string {
  let owner: string | undefined;
  let repo: string | undefined;
  try {
    ({ owner, repo } = run.repo);
  } catch {
    return '';
  }
  const serverUrl = (run.serverUrl || 'https://github.com').replace(/\/+$/, '');
  if (!owner || !repo) return '';
  if (!Number.isSafeInteger(run.runId) || run.runId <= 0) return '';
  if (!Number.isSafeInteger(artifactId) || artifactId <= 0) return '';
  return `${serverUrl}/${owner}/${repo}/actions/runs/${run.runId}/artifacts/${artifactId}`;
}

/** The variables `@actions/github`'s `Context` reads for {@link RunContext} (the event file is left out). */
const RUN_ENV_KEYS = ['GITHUB_SERVER_URL', 'GITHUB_REPOSITORY', 'GITHUB_RUN_ID'] as const;

/**
 * `@actions/github`'s `context` for `env`, loaded on demand (the package pulls in Octokit: the action pays for it only
 * when an artifact is uploaded).
 *
 * For `process.env` this is the package's own `context`, built from the environment when the module is first
 * imported; the action runs as a process whose environment the runner sets before it starts, so that is the run's.
 * For another `env` object (tests, embedding), a new `Context` (the class of `context`, which the package does not
 * export) is built with `GITHUB_SERVER_URL`, `GITHUB_REPOSITORY` and `GITHUB_RUN_ID` taken from `env`, and
 * `GITHUB_EVENT_PATH` unset so no event file is read; its `repo` is read at once and frozen.
 */
export async function runContext(env: NodeJS.ProcessEnv = process.env): Promise<RunContext> {
  const { context } = await import('@actions/github');
  if (env === process.env) return context;
  const ContextClass = context.constructor as new () => RunContext;
  const restore = overlayProcessEnv({ ...env, GITHUB_EVENT_PATH: undefined }, [...RUN_ENV_KEYS, 'GITHUB_EVENT_PATH']);
  try {
    const fresh = new ContextClass();
    let repo: RunContext['repo'] | Error;
    try {
      repo = fresh.repo;
    } catch (error) {
      repo = error instanceof Error ? error : new Error(String(error));
    }
    return {
      serverUrl: fresh.serverUrl,
      runId: fresh.runId,
      get repo() {
        if (repo instanceof Error) throw repo;
        return repo;
      },
    };
  } finally {
    restore();
  }
}

/** Variables `@actions/artifact` reads from `process.env` itself during an upload. */
const CLIENT_ENV_KEYS = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'GITHUB_SERVER_URL',
  'GITHUB_RETENTION_DAYS',
  'ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY',
  'ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS',
] as const;

/**
 * Uploads MANIFEST.txt as a workflow artifact: a zip holding just `MANIFEST.txt` at its root, named `opts.name`.
 *
 * Outside GitHub Actions (no `ACTIONS_RUNTIME_TOKEN` or no `ACTIONS_RESULTS_URL` in `env`, the two variables the
 * client needs) nothing is uploaded and `@actions/artifact` is not loaded: the outcome says why.
 *
 * The client reads `process.env` itself; when `opts.env` is another object, the variables it reads
 * (`ACTIONS_RUNTIME_TOKEN`, `ACTIONS_RESULTS_URL`, `GITHUB_SERVER_URL`, `GITHUB_RETENTION_DAYS`,
 * `ACTIONS_ARTIFACT_UPLOAD_*`) are copied from `opts.env` into `process.env` for the upload and restored afterwards.
 *
 * @returns on upload: the artifact `id`, its `url` ({@link artifactUrl}, `""` if the run is unknown), `size` (bytes of
 *   the uploaded zip, as GitHub lists it) and `sha256` (lowercase hex of MANIFEST.txt's bytes); otherwise the `reason`
 *   and `sha256`.
 * @throws UsageError (`retention-days`) unless `retentionDays` is undefined or an integer 1–90 (the range
 *   `actions/upload-artifact` documents for `retention-days`: at least 1 day, at most 90 unless the repository allows
 *   more). UsageError (`artifact-name`) for an empty name or one with a character GitHub refuses (checked here so the
 *   message is short; the client would refuse it too). ArtifactUploadError when MANIFEST.txt cannot be read, or when
 *   the upload fails — its message gives the service's HTTP status and message and says MANIFEST.txt is still on disk
 *   at its path; `status` holds the HTTP status (0 when unknown). Only 4xx answers fail fast: the client retries 429
 *   and 5xx (Twirp calls up to 5 times over ~30 s).
 */
export async function uploadManifestArtifact(opts: ManifestArtifactOptions): Promise<ManifestArtifactOutcome> {
  const { name, retentionDays } = opts;
  const env = opts.env ?? process.env;
  const manifestPath = path.resolve(opts.manifestPath);
  if (retentionDays !== undefined && !(Number.isInteger(retentionDays) && retentionDays >= 1 && retentionDays <= 90)) {
    throw new UsageError(
      'retention-days',
      `retention-days must be a whole number of days from 1 to 90, got ${retentionDays}`,
    );
  }
  const bad = name.match(FORBIDDEN_NAME_CHARACTERS);
  if (!name || bad) {
    throw new UsageError(
      'artifact-name',
      name
        ? `artifact name ${JSON.stringify(name)} contains ${JSON.stringify(bad![0])}; GitHub refuses " : < > | * ? \\r \\n \\ / in artifact names`
        : 'artifact name is empty',
    );
  }

  let bytes: Buffer;
  try {
    bytes = await readFile(manifestPath);
  } catch (error) {
    throw new ArtifactUploadError(`cannot read MANIFEST.txt at ${manifestPath} to upload it: ${messageOf(error)}`, 0, {
      cause: error,
    });
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');

  for (const variable of ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'] as const) {
    if (!env[variable]) {
      return {
        uploaded: false,
        reason: `not running in GitHub Actions (no ${variable}): artifact upload skipped`,
        sha256,
      };
    }
  }

  const restore = env === process.env ? () => {} : overlayProcessEnv(env, CLIENT_ENV_KEYS);
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const result = await new DefaultArtifactClient().uploadArtifact(
      name,
      [manifestPath],
      path.dirname(manifestPath),
      retentionDays === undefined ? {} : { retentionDays },
    );
    if (result.id === undefined) throw new Error('the service returned no artifact id');
    const url = artifactUrl(await runContext(env), result.id);
    return { uploaded: true, id: result.id, url, size: result.size ?? 0, sha256 };
  } catch (error) {
    const status = statusOf(error);
    const message = messageOf(error);
    const statusNote = status && !message.includes(String(status)) ? ` (HTTP ${status})` : '';
    throw new ArtifactUploadError(
      `uploading artifact ${JSON.stringify(name)} failed${statusNote}: ${message.replace(/[^.!?]$/, '$&.')} ` +
        `MANIFEST.txt is still on disk at ${manifestPath}`,
      status,
      { cause: error },
    );
  } finally {
    restore();
  }
}

/** Copies the variables `keys` from `env` into `process.env` (deleting absent ones); returns the undo. */
function overlayProcessEnv(env: NodeJS.ProcessEnv, keys: readonly string[]): () => void {
  const saved = keys.map((key) => [key, process.env[key]] as const);
  const set = (key: string, value: string | undefined) => {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  };
  for (const key of keys) set(key, env[key]);
  return () => {
    for (const [key, value] of saved) set(key, value);
  };
}

/** The error's own message on one line, never its stack. */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** HTTP status from an Azure `RestError` (`statusCode`) or the Twirp client's `Failed request: (403) …` message. */
function statusOf(error: unknown): number {
  const code = (error as { statusCode?: unknown } | null)?.statusCode;
  if (typeof code === 'number') return code;
  const match = /\((\d{3})\)/.exec(error instanceof Error ? error.message : '');
  return match ? Number(match[1]) : 0;
}
