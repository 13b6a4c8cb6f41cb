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

/**
 * The artifact's page on GitHub: `${GITHUB_SERVER_URL}/${owner}/${repo}/actions/runs/${GITHUB_RUN_ID}/artifacts/${id}`.
 *
 * Reads the same variables as `@actions/github`'s `Context` (`serverUrl` defaulting to `https://github.com`, `repo`
 * from `GITHUB_REPOSITORY`, `runId` from `GITHUB_RUN_ID`), but from `env` rather than from `process.env` at import
 * time — the package's exports map does not expose `lib/context`, and its `context` is frozen when first imported.
 *
 * @returns the URL, or `""` when `GITHUB_REPOSITORY` is not `owner/repo`, `GITHUB_RUN_ID` is not a positive integer,
 *   or `artifactId` is not a positive integer. Never throws.
 */
export function artifactUrl(env: NodeJS.ProcessEnv, artifactId: number): string {
  const serverUrl = (env.GITHUB_SERVER_URL || 'https://github.com').replace(/\/+$/, '');
  const [owner, repo, ...rest] = (env.GITHUB_REPOSITORY ?? '').split('/');
  const runId = Number.parseInt(env.GITHUB_RUN_ID ?? '', 10);
  if (!owner || !repo || rest.length > 0) return '';
  if (!Number.isSafeInteger(runId) || runId <= 0) return '';
  if (!Number.isSafeInteger(artifactId) || artifactId <= 0) return '';
  return `${serverUrl}/${owner}/${repo}/actions/runs/${runId}/artifacts/${artifactId}`;
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

  const restore = env === process.env ? () => {} : overlayProcessEnv(env);
  try {
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const result = await new DefaultArtifactClient().uploadArtifact(
      name,
      [manifestPath],
      path.dirname(manifestPath),
      retentionDays === undefined ? {} : { retentionDays },
    );
    if (result.id === undefined) throw new Error('the service returned no artifact id');
    return { uploaded: true, id: result.id, url: artifactUrl(env, result.id), size: result.size ?? 0, sha256 };
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

/** Copies the client's variables from `env` into `process.env` (deleting absent ones); returns the undo. */
function overlayProcessEnv(env: NodeJS.ProcessEnv): () => void {
  const saved = CLIENT_ENV_KEYS.map((key) => [key, process.env[key]] as const);
  const set = (key: string, value: string | undefined) => {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  };
  for (const key of CLIENT_ENV_KEYS) set(key, env[key]);
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
