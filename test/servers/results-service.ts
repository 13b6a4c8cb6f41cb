/**
 * A faithful loopback GitHub Actions Results service: the two Twirp RPCs and the Azure Blob upload that
 * `@actions/artifact` v6's `uploadArtifact` uses, on 127.0.0.1, so the real client can be exercised without the network.
 *
 * - `POST /twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact|FinalizeArtifact`: Twirp JSON. Requests
 *   arrive with proto field names (`workflow_run_backend_id`, `expires_at` as an RFC 3339 string, `size` as a string);
 *   answers use proto field names too (`signed_upload_url`, `artifact_id` as a string), as the real service does — the
 *   client's `maskSecretUrls` looks for `signed_upload_url` — and protobuf-ts's `fromJson` accepts either casing.
 *   Errors are Twirp errors: `{"code","msg"}` JSON (a non-JSON error body would make the client retry).
 * - The signed upload URL is an Azure-style SAS URL on this server; `PUT ?comp=block&blockid=…` stages a block,
 *   `PUT ?comp=blocklist` commits the `<Latest>` ids in order (both 201, with Azure's `x-ms-*` headers), and a single-shot
 *   `PUT` with `x-ms-blob-type: BlockBlob` stores the whole body. The committed bytes become the artifact's `zip`.
 *
 * Loopback choices where the real service's behaviour is not public: a second CreateArtifact for a name already
 * created in the run is 409 `already_exists`; FinalizeArtifact is 400 unless `size` and `hash` match the committed
 * blob, 404 for an unknown name; a wrong or missing bearer token is 401, a wrong `sig` 403 `AuthenticationFailed`.
 * No `x-ms-content-crc64` is sent for staged blocks (the SDK does not check it).
 */
import { createHash, createHmac, randomBytes } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LoopbackArtifact {
  id: number;
  name: string;
  /** Bytes of the committed blob (the zip). */
  size: number;
  /** Whole days between CreateArtifact and `expiresAt`, rounded. */
  retentionDays?: number;
  /** `expires_at` exactly as the client sent it. */
  expiresAt?: string;
  /** `mime_type` as sent, e.g. `application/zip`. */
  mimeType?: string;
  /** `hash` as sent to FinalizeArtifact, e.g. `sha256:<hex>`. */
  digest?: string;
  finalized: boolean;
  zip: Buffer;
}

export interface LoopbackResultsService {
  /** Value for `ACTIONS_RESULTS_URL`, e.g. `http://127.0.0.1:PORT/`. */
  url: string;
  /** JWT for `ACTIONS_RUNTIME_TOKEN`; its `scp` holds `Actions.Results:<runBackendId>:<jobBackendId>`. */
  runtimeToken: string;
  runBackendId: string;
  jobBackendId: string;
  /** Everything the client needs to upload to this server as workflow run 4242 of `myorg/demo-plugin`. */
  env(): Record<string, string>;
  artifacts: LoopbackArtifact[];
  /** Every request, in order. `path` is the request target; block bodies are recorded as `[<n> bytes]`. */
  requests: Array<{ method: string; path: string; body: string }>;
  /** Answer the next request of this kind with this (4xx) status and message. */
  failNext(kind: 'create' | 'finalize' | 'block', status: number, message?: string): void;
  close(): Promise<void>;
}

const TWIRP_PREFIX = '/twirp/github.actions.results.api.v1.ArtifactService/';
const TWIRP_CODES: Record<number, string> = {
  400: 'invalid_argument',
  401: 'unauthenticated',
  403: 'permission_denied',
  404: 'not_found',
  409: 'already_exists',
  412: 'failed_precondition',
  429: 'resource_exhausted',
};
const DAY_MS = 24 * 60 * 60 * 1000;

const b64url = (data: string | Buffer) => Buffer.from(data).toString('base64url');

/** Starts the service on an ephemeral 127.0.0.1 port. */
export async function startLoopbackResultsService(): Promise<LoopbackResultsService> {
  const runBackendId = 'ce7f54c7-61c7-4aae-887f-30da475f5f1a';
  const jobBackendId = 'ca395085-040a-526b-2ce8-bdc85f692774';
  const jwtHead = b64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const now = Math.floor(Date.now() / 1000);
  const claims = { scp: `Actions.GenericRead:${runBackendId} Actions.Results:${runBackendId}:${jobBackendId}` };
  const jwtBody = b64url(JSON.stringify({ ...claims, iat: now, nbf: now, exp: now + 6 * 3600 }));
  const runtimeToken = `${jwtHead}.${jwtBody}.${b64url(createHmac('sha256', randomBytes(32)).update(`${jwtHead}.${jwtBody}`).digest())}`;
  const sig = randomBytes(24).toString('base64');

  const artifacts: LoopbackArtifact[] = [];
  const requests: LoopbackResultsService['requests'] = [];
  const failures = new Map<string, { status: number; message: string }>();
  const blocks = new Map<number, Map<string, Buffer>>(); // artifact id → staged blocks
  let nextId = 1000;
  let origin = '';

  const twirpError = (res: http.ServerResponse, status: number, msg: string) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ code: TWIRP_CODES[status] ?? 'internal', msg }));
  };
  const azureReply = (req: http.IncomingMessage, res: http.ServerResponse, status: number, extra = {}) => {
    res.writeHead(status, {
      'x-ms-request-id': randomBytes(16).toString('hex'),
      'x-ms-version': String(req.headers['x-ms-version'] ?? '2025-11-05'),
      'x-ms-client-request-id': String(req.headers['x-ms-client-request-id'] ?? ''),
      date: new Date().toUTCString(),
      'content-length': '0',
      ...extra,
    });
    res.end();
  };
  const azureError = (res: http.ServerResponse, status: number, code: string, msg: string) => {
    const body = `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${msg}</Message></Error>`;
    res.writeHead(status, {
      'x-ms-request-id': randomBytes(16).toString('hex'),
      'x-ms-error-code': code,
      'content-type': 'application/xml',
      'content-length': String(Buffer.byteLength(body)),
    });
    res.end(body);
  };

  const twirp = (req: http.IncomingMessage, res: http.ServerResponse, method: string, raw: string) => {
    if (req.method !== 'POST' || !String(req.headers['content-type']).startsWith('application/json'))
      return twirpError(res, 404, `no handler for path "${req.url}"`);
    if (req.headers.authorization !== `Bearer ${runtimeToken}`) return twirpError(res, 401, 'invalid runtime token');
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      return twirpError(res, 400, 'the json request could not be decoded');
    }
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed))
      return twirpError(res, 400, 'the json request could not be decoded');
    const body = parsed as Record<string, unknown>;
    if (body.workflow_run_backend_id !== runBackendId || body.workflow_job_run_backend_id !== jobBackendId)
      return twirpError(res, 403, 'backend ids do not match the runtime token');
    const name = typeof body.name === 'string' ? body.name : '';
    const fail = failures.get(method === 'CreateArtifact' ? 'create' : 'finalize');
    if (fail) {
      failures.delete(method === 'CreateArtifact' ? 'create' : 'finalize');
      return twirpError(res, fail.status, fail.message);
    }
    if (method === 'CreateArtifact') {
      if (!name) return twirpError(res, 400, 'name is required');
      if (artifacts.some((a) => a.name === name))
        return twirpError(res, 409, 'an artifact with this name already exists on the workflow run');
      const expiresAt = typeof body.expires_at === 'string' ? body.expires_at : undefined;
      const artifact: LoopbackArtifact = {
        id: nextId++,
        name,
        size: 0,
        expiresAt,
        retentionDays: expiresAt ? Math.round((Date.parse(expiresAt) - Date.now()) / DAY_MS) : undefined,
        mimeType: typeof body.mime_type === 'string' ? body.mime_type : undefined,
        finalized: false,
        zip: Buffer.alloc(0),
      };
      artifacts.push(artifact);
      blocks.set(artifact.id, new Map());
      const se = new Date(Date.now() + 3600_000).toISOString();
      const query = new URLSearchParams({ sv: '2021-12-02', se, sr: 'b', sp: 'cw', sig });
      const signedUploadUrl = `${origin}/actions-results/${runBackendId}/workflow-job-run-${jobBackendId}/artifacts/${artifact.id}.zip?${query.toString()}`;
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ ok: true, signed_upload_url: signedUploadUrl }));
    }
    if (method === 'FinalizeArtifact') {
      const artifact = artifacts.find((a) => a.name === name && !a.finalized);
      if (!artifact) return twirpError(res, 404, `artifact "${name}" not found`);
      if (body.size !== String(artifact.zip.length))
        return twirpError(res, 400, `size ${String(body.size)} does not match uploaded ${artifact.zip.length}`);
      const digest = `sha256:${createHash('sha256').update(artifact.zip).digest('hex')}`;
      if (body.hash !== undefined && body.hash !== digest) return twirpError(res, 400, 'hash does not match upload');
      artifact.finalized = true;
      artifact.digest = typeof body.hash === 'string' ? body.hash : undefined;
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ ok: true, artifact_id: String(artifact.id) }));
    }
    return twirpError(res, 404, `no handler for path "${req.url}"`);
  };

  const blob = (req: http.IncomingMessage, res: http.ServerResponse, url: URL, data: Buffer) => {
    const id = Number(/\/artifacts\/(\d+)\.zip$/.exec(url.pathname)?.[1]);
    const artifact = artifacts.find((a) => a.id === id);
    if (req.method !== 'PUT' || !artifact) return azureError(res, 404, 'ResourceNotFound', 'No such resource.');
    if (url.searchParams.get('sig') !== sig)
      return azureError(res, 403, 'AuthenticationFailed', 'Signature did not match.');
    if (artifact.finalized) return azureError(res, 409, 'BlobImmutable', 'The artifact is finalized.');
    const comp = url.searchParams.get('comp');
    const staged = blocks.get(artifact.id)!;
    const fail = failures.get('block');
    if (fail && (comp === 'block' || (!comp && req.headers['x-ms-blob-type'] === 'BlockBlob'))) {
      failures.delete('block');
      return azureError(res, fail.status, 'RequestRejected', fail.message);
    }
    const committed = () => {
      artifact.size = artifact.zip.length;
      azureReply(req, res, 201, {
        etag: `"0x${randomBytes(8).toString('hex').toUpperCase()}"`,
        'last-modified': new Date().toUTCString(),
        'x-ms-request-server-encrypted': 'true',
      });
    };
    if (comp === 'block') {
      const blockId = url.searchParams.get('blockid');
      if (!blockId) return azureError(res, 400, 'InvalidQueryParameterValue', 'blockid is required.');
      staged.set(blockId, data);
      return azureReply(req, res, 201, { 'x-ms-request-server-encrypted': 'true' });
    }
    if (comp === 'blocklist') {
      const ids = [...data.toString('utf8').matchAll(/<(Latest|Uncommitted)>([^<]*)<\/\1>/g)].map((m) => m[2]);
      if (ids.some((b) => !staged.has(b))) return azureError(res, 400, 'InvalidBlockList', 'Unknown block id.');
      artifact.zip = Buffer.concat(ids.map((b) => staged.get(b)!));
      staged.clear();
      return committed();
    }
    if (!comp && req.headers['x-ms-blob-type'] === 'BlockBlob') {
      artifact.zip = data;
      return committed();
    }
    return azureError(res, 400, 'UnsupportedQueryParameter', `Unsupported comp=${comp}.`);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const data = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', origin);
      const isBlock = url.searchParams.get('comp') === 'block' || req.headers['x-ms-blob-type'] === 'BlockBlob';
      requests.push({
        method: req.method ?? '',
        path: req.url ?? '',
        body: isBlock ? `[${data.length} bytes]` : data.toString('utf8'),
      });
      if (url.pathname.startsWith(TWIRP_PREFIX))
        return twirp(req, res, url.pathname.slice(TWIRP_PREFIX.length), data.toString('utf8'));
      return blob(req, res, url, data);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: `${origin}/`,
    runtimeToken,
    runBackendId,
    jobBackendId,
    artifacts,
    requests,
    env: () => ({
      ACTIONS_RUNTIME_TOKEN: runtimeToken,
      ACTIONS_RESULTS_URL: `${origin}/`,
      GITHUB_ACTIONS: 'true',
      GITHUB_SERVER_URL: 'https://github.com',
      GITHUB_REPOSITORY: 'myorg/demo-plugin',
      GITHUB_RUN_ID: '4242',
      GITHUB_RUN_ATTEMPT: '1',
    }),
    failNext(kind, status, message = `loopback ${kind} failure`) {
      if (status < 400 || status > 499) throw new Error('failNext takes a 4xx status (5xx makes the client retry)');
      failures.set(kind, { status, message });
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}
