/**
 * The MANIFEST.txt artifact upload, through the real `@actions/artifact` client against a loopback Results service
 * (Twirp + Azure Blob protocol): what lands in the artifact, the outcome, the failures and the input checks.
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  ArtifactUploadError,
  artifactUrl,
  runContext,
  defaultArtifactName,
  uploadManifestArtifact,
} from '../../src/action/artifact.js';
import { UsageError } from '../../src/errors.js';
import { startLoopbackResultsService, type LoopbackResultsService } from '../servers/results-service.js';
import { rejection } from '../helpers/rejection.js';
import { tempDir } from '../helpers/tmp.js';
import { unzip } from '../helpers/unzip.js';

const MANIFEST =
  '\r\n-----BEGIN PGP SIGNED MESSAGE-----\r\nHash: SHA512\r\n\r\n{\r\n  "plugin": "myorg-demo-panel"\r\n}\r\n';
const DAY_MS = 24 * 60 * 60 * 1000;
/** Every variable the client or our gate reads: cleared before each test so a real CI runner's values cannot leak in. */
const ENV_KEYS = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_RESULTS_URL',
  'GITHUB_ACTIONS',
  'GITHUB_SERVER_URL',
  'GITHUB_REPOSITORY',
  'GITHUB_RUN_ID',
  'GITHUB_RUN_ATTEMPT',
  'GITHUB_RETENTION_DAYS',
  'ACTIONS_ARTIFACT_UPLOAD_CONCURRENCY',
  'ACTIONS_ARTIFACT_UPLOAD_TIMEOUT_MS',
];

let server: LoopbackResultsService;
let savedEnv: Record<string, string | undefined>;
let manifestPath: string;

beforeAll(async () => {
  server = await startLoopbackResultsService();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  // @actions/core writes `::debug::`, `::add-mask::` and progress lines straight to stdout: keep the report readable.
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  savedEnv = Object.fromEntries(ENV_KEYS.map((k) => [k, process.env[k]]));
  for (const k of ENV_KEYS) delete process.env[k];
  manifestPath = path.join(tempDir(), 'MANIFEST.txt');
  writeFileSync(manifestPath, MANIFEST);
});
afterEach(() => {
  vi.restoreAllMocks();
  for (const [k, v] of Object.entries(savedEnv)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

const manifestSha256 = createHash('sha256').update(MANIFEST).digest('hex');

describe('uploadManifestArtifact against the loopback Results service', () => {
  it('uploads a zip holding exactly MANIFEST.txt, with the retention asked for (client env via process.env)', async () => {
    Object.assign(process.env, server.env());
    const before = Date.now();
    const outcome = await uploadManifestArtifact({
      manifestPath,
      name: 'myorg-demo-panel-1.0.0-manifest',
      retentionDays: 7,
    });

    const artifact = server.artifacts.find((a) => a.name === 'myorg-demo-panel-1.0.0-manifest');
    expect(artifact).toBeDefined();
    expect(outcome).toEqual({
      uploaded: true,
      id: artifact!.id,
      url: `https://github.com/myorg/demo-plugin/actions/runs/4242/artifacts/${artifact!.id}`,
      size: artifact!.zip.length,
      sha256: manifestSha256,
    });
    expect(artifact!.finalized).toBe(true);
    expect(artifact!.mimeType).toBe('application/zip');
    expect(artifact!.digest).toBe(`sha256:${createHash('sha256').update(artifact!.zip).digest('hex')}`);
    expect(unzip(artifact!.zip)).toEqual([{ name: 'MANIFEST.txt', data: Buffer.from(MANIFEST) }]);

    // setDate(+7) is 7 calendar days in local time: within an hour of 7×24 h across a DST change.
    expect(artifact!.retentionDays).toBe(7);
    const ahead = Date.parse(artifact!.expiresAt!) - before;
    expect(Math.abs(ahead - 7 * DAY_MS)).toBeLessThan(3600_000 + 60_000);

    const paths = server.requests.map((r) => `${r.method} ${r.path.split('?')[0]}`);
    expect(paths[0]).toBe('POST /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact');
    expect(paths.at(-1)).toBe('POST /twirp/github.actions.results.api.v1.ArtifactService/FinalizeArtifact');
    expect(JSON.parse(server.requests[0].body)).toMatchObject({
      workflow_run_backend_id: server.runBackendId,
      workflow_job_run_backend_id: server.jobBackendId,
      name: 'myorg-demo-panel-1.0.0-manifest',
      version: 7,
    });
    expect(readFileSync(manifestPath, 'utf8')).toBe(MANIFEST);
  });

  it('takes the client env from opts.env, sends no expires_at without retentionDays, and restores process.env', async () => {
    process.env.GITHUB_RETENTION_DAYS = '3';
    const seen = server.requests.length;
    const outcome = await uploadManifestArtifact({ manifestPath, name: 'no-retention', env: server.env() });

    const artifact = server.artifacts.find((a) => a.name === 'no-retention')!;
    expect(outcome).toEqual({
      uploaded: true,
      id: artifact.id,
      url: `https://github.com/myorg/demo-plugin/actions/runs/4242/artifacts/${artifact.id}`,
      size: artifact.zip.length,
      sha256: manifestSha256,
    });
    expect(artifact.expiresAt).toBeUndefined();
    expect(artifact.retentionDays).toBeUndefined();
    expect(JSON.parse(server.requests[seen].body)).not.toHaveProperty('expires_at');
    expect(unzip(artifact.zip)).toEqual([{ name: 'MANIFEST.txt', data: Buffer.from(MANIFEST) }]);
    expect(process.env.ACTIONS_RUNTIME_TOKEN).toBeUndefined();
    expect(process.env.ACTIONS_RESULTS_URL).toBeUndefined();
    expect(process.env.GITHUB_RETENTION_DAYS).toBe('3');
  });

  it('turns a 4xx on CreateArtifact into ArtifactUploadError and leaves MANIFEST.txt alone', async () => {
    server.failNext('create', 403, 'artifact uploads are disabled for this repository');
    const error = await rejection(
      uploadManifestArtifact({ manifestPath, name: 'refused', env: server.env() }),
      ArtifactUploadError,
    );
    expect(error.code).toBe('artifact-upload');
    expect(error.status).toBe(403);
    expect(error.message).toBe(
      'uploading artifact "refused" failed: Failed to CreateArtifact: Received non-retryable error: Failed request: ' +
        `(403) Forbidden: artifact uploads are disabled for this repository. MANIFEST.txt is still on disk at ${manifestPath}`,
    );
    expect(error.message).not.toContain('    at ');
    expect(server.artifacts.some((a) => a.name === 'refused')).toBe(false);
    expect(readFileSync(manifestPath, 'utf8')).toBe(MANIFEST);
    expect(process.env.ACTIONS_RUNTIME_TOKEN).toBeUndefined();
  });

  it('turns a 4xx from blob storage into ArtifactUploadError with the status', async () => {
    server.failNext('block', 403, 'This request is not authorized to perform this operation.');
    const error = await rejection(
      uploadManifestArtifact({ manifestPath, name: 'blob-refused', env: server.env() }),
      ArtifactUploadError,
    );
    expect(error.status).toBe(403);
    expect(error.message).toBe(
      'uploading artifact "blob-refused" failed (HTTP 403): This request is not authorized to perform this operation. ' +
        `MANIFEST.txt is still on disk at ${manifestPath}`,
    );
    expect(server.artifacts.find((a) => a.name === 'blob-refused')!.finalized).toBe(false);
    expect(readFileSync(manifestPath, 'utf8')).toBe(MANIFEST);
  });

  it('turns a 4xx on FinalizeArtifact into ArtifactUploadError', async () => {
    server.failNext('finalize', 400, 'size does not match');
    const error = await rejection(
      uploadManifestArtifact({ manifestPath, name: 'not-final', env: server.env() }),
      ArtifactUploadError,
    );
    expect(error.status).toBe(400);
    expect(error.message).toBe(
      'uploading artifact "not-final" failed: Failed to FinalizeArtifact: Received non-retryable error: Failed request: ' +
        `(400) Bad Request: size does not match. MANIFEST.txt is still on disk at ${manifestPath}`,
    );
    expect(server.artifacts.find((a) => a.name === 'not-final')!.finalized).toBe(false);
  });
});

describe('uploadManifestArtifact outside GitHub Actions', () => {
  it('skips without ACTIONS_RUNTIME_TOKEN, sending nothing', async () => {
    const seen = server.requests.length;
    const { ACTIONS_RUNTIME_TOKEN: _, ...env } = server.env();
    expect(await uploadManifestArtifact({ manifestPath, name: 'skipped', env })).toEqual({
      uploaded: false,
      reason: 'not running in GitHub Actions (no ACTIONS_RUNTIME_TOKEN): artifact upload skipped',
      sha256: manifestSha256,
    });
    expect(server.requests.length).toBe(seen);
  });

  it('skips without ACTIONS_RESULTS_URL, and reads process.env by default', async () => {
    process.env.ACTIONS_RUNTIME_TOKEN = server.runtimeToken;
    expect(await uploadManifestArtifact({ manifestPath, name: 'skipped' })).toEqual({
      uploaded: false,
      reason: 'not running in GitHub Actions (no ACTIONS_RESULTS_URL): artifact upload skipped',
      sha256: manifestSha256,
    });
  });

  it('fails with ArtifactUploadError when MANIFEST.txt is missing', async () => {
    const missing = path.join(tempDir(), 'MANIFEST.txt');
    const error = await rejection(
      uploadManifestArtifact({ manifestPath: missing, name: 'x', env: {} }),
      ArtifactUploadError,
    );
    expect(error.message).toMatch(
      new RegExp(
        `^cannot read MANIFEST\\.txt at ${missing.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} to upload it: ENOENT`,
      ),
    );
  });
});

describe('input checks', () => {
  it.each([0, 91, 1.5, Number.NaN, -3])('retentionDays %s is a UsageError for retention-days', async (days) => {
    const error = await rejection(
      uploadManifestArtifact({
        manifestPath,
        name: 'x',
        retentionDays: days,
        env: server.env(),
      }),
      UsageError,
    );
    expect(error.input).toBe('retention-days');
    expect(error.message).toBe(`retention-days must be a whole number of days from 1 to 90, got ${days}`);
  });

  it('accepts retentionDays 1 and 90 (checked without uploading)', async () => {
    for (const retentionDays of [1, 90]) {
      expect(await uploadManifestArtifact({ manifestPath, name: 'x', retentionDays, env: {} })).toMatchObject({
        uploaded: false,
      });
    }
  });

  it('refuses an artifact name GitHub would refuse', async () => {
    const error = await rejection(uploadManifestArtifact({ manifestPath, name: 'a/b', env: server.env() }), UsageError);
    expect(error.input).toBe('artifact-name');
    expect(error.message).toBe(
      'artifact name "a/b" contains "/"; GitHub refuses " : < > | * ? \\r \\n \\ / in artifact names',
    );
    const empty = await rejection(uploadManifestArtifact({ manifestPath, name: '', env: {} }), UsageError);
    expect(empty.message).toBe('artifact name is empty');
  });

  it('defaultArtifactName sanitises the characters GitHub refuses', () => {
    expect(defaultArtifactName('a/b', '1:0')).toBe('a-b-1-0-manifest');
    expect(defaultArtifactName('myorg-demo-panel', '1.0.0')).toBe('myorg-demo-panel-1.0.0-manifest');
    expect(defaultArtifactName('x"<>|*?\\', '\r\n')).toBe('x-----------manifest');
  });
});

describe('artifactUrl', () => {
  const env = { GITHUB_SERVER_URL: 'https://ghe.example.com/', GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '77' };
  it('builds the run artifact page from @actions/github context for the env', async () => {
    expect(artifactUrl(await runContext(env), 5)).toBe('https://ghe.example.com/o/r/actions/runs/77/artifacts/5');
    expect(artifactUrl(await runContext({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '77' }), 5)).toBe(
      'https://github.com/o/r/actions/runs/77/artifacts/5',
    );
  });
  it('is "" when repository or run id are unknown', async () => {
    expect(artifactUrl(await runContext({ ...env, GITHUB_REPOSITORY: undefined }), 5)).toBe('');
    expect(artifactUrl(await runContext({ ...env, GITHUB_REPOSITORY: 'just-a-name' }), 5)).toBe('');
    expect(artifactUrl(await runContext({ ...env, GITHUB_RUN_ID: undefined }), 5)).toBe('');
    expect(artifactUrl(await runContext({ ...env, GITHUB_RUN_ID: 'abc' }), 5)).toBe('');
    expect(artifactUrl(await runContext(env), 0)).toBe('');
  });
});

describe('runContext', () => {
  it("is @actions/github's own context for process.env", async () => {
    const { context } = await import('@actions/github');
    expect(await runContext()).toBe(context);
    expect(await runContext(process.env)).toBe(context);
  });

  it('reads another env without reading an event file, and leaves process.env as it was', async () => {
    const saved = { ...process.env };
    process.env.GITHUB_EVENT_PATH = path.join(tempDir('no-event-'), 'missing.json');
    process.env.GITHUB_REPOSITORY = 'before/before';
    // Context writes "GITHUB_EVENT_PATH … does not exist" to stdout when it tries to read a missing event file.
    const write = vi.spyOn(process.stdout, 'write');
    try {
      const run = await runContext({ GITHUB_REPOSITORY: 'o/r', GITHUB_RUN_ID: '9', GITHUB_SERVER_URL: 'https://s' });
      expect({ serverUrl: run.serverUrl, runId: run.runId, repo: run.repo }).toEqual({
        serverUrl: 'https://s',
        runId: 9,
        repo: { owner: 'o', repo: 'r' },
      });
      expect(process.env.GITHUB_REPOSITORY).toBe('before/before');
      expect(process.env.GITHUB_EVENT_PATH).toMatch(/missing\.json$/);
      expect(write.mock.calls.map((c) => String(c[0])).filter((t) => t.includes('GITHUB_EVENT_PATH'))).toEqual([]);
    } finally {
      write.mockRestore();
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});
