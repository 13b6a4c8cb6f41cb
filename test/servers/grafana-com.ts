/**
 * A faithful loopback grafana.com: the two plugin-signing endpoints of `https://grafana.com/api`, speaking the real
 * protocol (`../shared/grafana/SIGNATURES.md` §6, §7) on 127.0.0.1 so the real client code can be exercised without
 * the network. Used by the tests and by `npm run demo`.
 *
 * - `POST {url}/plugins/ci/sign` checks the bearer token, the body, the org's ownership of the plugin id prefix and
 *   the signature level, then answers 200 `text/plain` with a cleartext-signed MANIFEST.txt shaped byte for byte like
 *   real grafana.com output: a leading empty line, CRLF line endings, `Hash: SHA512`, a text signature (type 0x01)
 *   by an ECDSA NIST P-521 key, the JSON written with `JSON.stringify(…, null, 2)` in grafana.com's key order.
 *   openpgp.js v6 writes no `Version:`/`Comment:` armor headers (grafana.com's v4 did); nothing reads them.
 * - `GET {url}/plugins/ci/keys` answers `{"items":[{"keyId","public","since"}]}` as Grafana's key retriever expects.
 *
 * Choices of this loopback where grafana.com's exact behaviour is not public (tests must not rely on more):
 * - 401 `Token could not be parsed` when the `Authorization: Bearer` header is missing or the token does not start
 *   with `glc_` (the real server decodes the base64 payload after `glc_`; this one only checks the prefix);
 *   401 `Unauthorized` for a well-formed token it does not know.
 * - Checks run in this order: token, body (`Invalid JSON body`, `Field is required: plugin|version|files`,
 *   `Invalid file hash for <path>`, `Invalid signature type: <t>`, `Invalid field: rootUrls`), org ownership (403),
 *   level (400 rootUrls / 409). `null` and `""` count as absent, as Go's `encoding/json` would leave them.
 * - `rootUrls` are written into the manifest whenever non-empty, whatever the level (real manifests of level
 *   `grafana` carry them too); `signPlugin` is accepted and ignored.
 * - The manifest `time` is `now()` and the signature is created at that same instant. A generated key is dated a day
 *   before the earlier of the real clock and `now()` at start, so a `now` in the past still signs.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as openpgp from 'openpgp';
import { SIGNATURE_TYPES, type SignatureType } from '../../src/manifest/types.js';
import { readArmoredPublicKeys, TrustedKeys } from '../../src/signature/keys.js';

/** Who a token belongs to. */
export interface LoopbackTokenInfo {
  /** Org slug, e.g. `myorg`: it must be the plugin id's prefix, and becomes `signedByOrg`. */
  org: string;
  /** Becomes `signedByOrgName`. */
  orgName: string;
  orgId?: number;
  /** Plugin id → the public level grafana.com granted it. Absent: the plugin can only be signed private. */
  grantedLevels?: Record<string, SignatureType>;
}

export interface LoopbackGrafanaComOptions {
  /** Token → org. Default `{ [DEMO_TOKEN]: DEMO_ORG }`. */
  tokens?: Record<string, LoopbackTokenInfo>;
  /** Armored (unencrypted) private signing key; default a freshly generated P-521 key (see {@link generateSigningKey}). */
  privateKeyArmored?: string;
  /** Clock for the manifest `time` and the signature creation time, in ms since the epoch; default `Date.now`. */
  now?: () => number;
}

/** One request as the server saw it. */
export interface RecordedRequest {
  method: string;
  /** The request target as sent, e.g. `/api/plugins/ci/sign`. */
  path: string;
  /** Node's lowercased header names. */
  headers: Record<string, string | string[] | undefined>;
  /** The body decoded as UTF-8. */
  body: string;
}

/** An answer that replaces the next signing or keys request (see {@link LoopbackGrafanaCom.script}, `scriptKeys`). */
export interface ScriptedResponse {
  status: number;
  body: string | Buffer;
  headers?: Record<string, string>;
  /** The reason phrase of the status line (default: Node's for the status). */
  statusMessage?: string;
  /** Wait this long before answering (or dropping). */
  delayMs?: number;
  /**
   * Drop the connection instead of answering. With a non-empty body, the status line, the headers (with the full
   * `Content-Length`) and the first half of the body are sent first, so the client sees a truncated answer.
   */
  destroy?: boolean;
}

export interface LoopbackGrafanaCom {
  /** The API root, e.g. `http://127.0.0.1:43121/api` (pass it as `grafana-com-url`). */
  url: string;
  /** Lowercase 16-hex key ID of the signing key (the manifests' `keyId`). */
  keyId: string;
  publicKeyArmored: string;
  privateKeyArmored: string;
  /** Every request received, in order, on every route. */
  requests: RecordedRequest[];
  /** Queue answers: the next sign requests get these (in order) instead of being checked and signed. */
  script(...responses: ScriptedResponse[]): void;
  /** Queue answers: the next `GET /plugins/ci/keys` requests get these (in order) instead of the key list. */
  scriptKeys(...responses: ScriptedResponse[]): void;
  /** Drops any scripted answers not yet used (sign and keys). */
  clearScript(): void;
  /** Stops listening, drops open connections and pending scripted answers. */
  close(): Promise<void>;
}

/**
 * The demo token: `glc_`-prefixed like a grafana.com access policy token, but deliberately not base64 (it contains
 * `-`) so secret scanners never mistake it for a real one. Accepted by default for org {@link DEMO_ORG}.
 */
export const DEMO_TOKEN = 'glc_loopback-demo-token-not-a-real-secret';

/**
 * The demo org `myorg` ("My Org"): owns every `myorg-*` plugin id; `myorg-demo-panel` is granted the `community`
 * level (so it signs without root URLs), every other `myorg-*` plugin can only be signed `private`/`private-glob`.
 */
export const DEMO_ORG: LoopbackTokenInfo = {
  org: 'myorg',
  orgName: 'My Org',
  orgId: 1,
  grantedLevels: { 'myorg-demo-panel': 'community' },
};

const API_PREFIX = '/api';
const PUBLIC_LEVELS: readonly string[] = ['grafana', 'commercial', 'community'];
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Generates a signing key like grafana.com's: openpgp.js ECC NIST P-521 (ECDSA primary key, which signs).
 * `date` (default now) is the key creation time; signatures made before it are refused by openpgp.js.
 *
 * @returns both armored halves and the lowercase 16-hex key ID of the primary key.
 */
export async function generateSigningKey(
  options: { date?: Date; name?: string; email?: string } = {},
): Promise<{ privateKeyArmored: string; publicKeyArmored: string; keyId: string }> {
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'nistP521',
    userIDs: [{ name: options.name ?? 'Loopback grafana.com', email: options.email ?? 'loopback@grafana.invalid' }],
    date: options.date,
    format: 'armored',
  });
  const key = await openpgp.readPrivateKey({ armoredKey: privateKey });
  return { privateKeyArmored: privateKey, publicKeyArmored: publicKey, keyId: key.getKeyID().toHex() };
}

/**
 * Clear-signs `text` the way grafana.com's answers are made: openpgp.js text signature, `Hash: SHA512`, then the
 * whole output in CRLF with one empty line first (SIGNATURES.md §3). Tests use it to sign manifests they craft.
 *
 * @param text the manifest JSON (any text); @param privateKeyArmored an unencrypted private key;
 * @param date signature creation time (default now). @returns the MANIFEST.txt text.
 */
export async function clearsignLikeGrafanaCom(
  text: string,
  privateKeyArmored: string,
  date = new Date(),
): Promise<string> {
  const signingKey = await openpgp.readPrivateKey({ armoredKey: privateKeyArmored });
  const signed = await openpgp.sign({
    message: await openpgp.createCleartextMessage({ text }),
    signingKeys: signingKey,
    date,
    config: { preferredHashAlgorithm: openpgp.enums.hash.sha512, nonDeterministicSignaturesViaNotation: false },
  });
  return `\r\n${signed.replace(/\r?\n/g, '\r\n')}`;
}

/**
 * Starts the loopback grafana.com on `127.0.0.1` (random port). See the module comment for the protocol and the
 * choices it makes where grafana.com's behaviour is not public.
 *
 * @throws when `privateKeyArmored` is not an unencrypted private key, or the port cannot be bound.
 */
export async function startLoopbackGrafanaCom(opts: LoopbackGrafanaComOptions = {}): Promise<LoopbackGrafanaCom> {
  const now = opts.now ?? Date.now;
  const tokens = opts.tokens ?? { [DEMO_TOKEN]: DEMO_ORG };
  const privateKeyArmored =
    opts.privateKeyArmored ??
    (await generateSigningKey({ date: new Date(Math.min(Date.now(), now()) - DAY_MS) })).privateKeyArmored;
  const privateKey = await openpgp.readPrivateKey({ armoredKey: privateKeyArmored });
  if (!privateKey.isDecrypted()) {
    throw new Error('privateKeyArmored must be an unencrypted private key');
  }
  const publicKeyArmored = privateKey.toPublic().armor();
  const keyId = privateKey.getKeyID().toHex();
  const since = Math.floor(privateKey.getCreationTime().getTime() / 1000);

  const requests: RecordedRequest[] = [];
  const queue: ScriptedResponse[] = [];
  const keysQueue: ScriptedResponse[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const signManifest = (text: string): Promise<string> =>
    clearsignLikeGrafanaCom(text, privateKeyArmored, new Date(now()));

  const handleSign = async (req: RecordedRequest): Promise<Answer> => {
    const auth = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    const token = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length).trim() : '';
    if (!token.startsWith('glc_')) return json(401, { message: 'Token could not be parsed' });
    const info = Object.hasOwn(tokens, token) ? tokens[token] : undefined;
    if (!info) return json(401, { message: 'Unauthorized' });

    let body: unknown;
    try {
      body = JSON.parse(req.body);
    } catch {
      return json(400, { message: 'Invalid JSON body' });
    }
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return json(400, { message: 'Invalid JSON body' });
    }
    const fields = body as Record<string, unknown>;
    for (const name of ['plugin', 'version'] as const) {
      if (typeof fields[name] !== 'string' || fields[name] === '') {
        return json(400, { message: `Field is required: ${name}` });
      }
    }
    const plugin = fields.plugin as string;
    const version = fields.version as string;
    const files = fields.files;
    if (files === null || typeof files !== 'object' || Array.isArray(files) || Object.keys(files).length === 0) {
      return json(400, { message: 'Field is required: files' });
    }
    for (const [path, hash] of Object.entries(files)) {
      if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) {
        return json(400, { message: `Invalid file hash for ${path}` });
      }
    }
    const requested = fields.signatureType ?? '';
    if (typeof requested !== 'string' || (requested !== '' && !isSignatureType(requested))) {
      return json(400, {
        message: `Invalid signature type: ${typeof requested === 'string' ? requested : JSON.stringify(requested)}`,
      });
    }
    const rootUrlsField = fields.rootUrls ?? [];
    if (!Array.isArray(rootUrlsField) || rootUrlsField.some((u) => typeof u !== 'string')) {
      return json(400, { message: 'Invalid field: rootUrls' });
    }
    const rootUrls = rootUrlsField as string[];

    const prefix = plugin.split('-')[0];
    if (prefix !== info.org) {
      return json(403, { message: `Plugin id "${plugin}" does not belong to org "${info.org}"` });
    }
    const granted = info.grantedLevels && Object.hasOwn(info.grantedLevels, plugin) ? info.grantedLevels[plugin] : '';
    const level = requested || granted || 'private';
    if ((level === 'private' || level === 'private-glob') && rootUrls.length === 0) {
      return json(400, { message: 'Field is required: rootUrls' });
    }
    if (PUBLIC_LEVELS.includes(level) && level !== granted) {
      return json(409, { message: `Plugin is not approved for signature type ${level}` });
    }

    const manifest = {
      manifestVersion: '2.0.0',
      signatureType: level,
      signedByOrg: info.org,
      signedByOrgName: info.orgName,
      ...(rootUrls.length > 0 ? { rootUrls } : {}),
      plugin,
      version,
      time: now(),
      keyId,
      files,
    };
    const signed = await signManifest(JSON.stringify(manifest, null, 2));
    return { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: Buffer.from(signed, 'utf8') };
  };

  const route = async (req: RecordedRequest): Promise<Answer | ScriptedResponse> => {
    const pathname = new URL(req.path, 'http://loopback').pathname;
    if (pathname === `${API_PREFIX}/plugins/ci/sign` && req.method === 'POST') {
      const scripted = queue.shift();
      return scripted ?? (await handleSign(req));
    }
    if (pathname === `${API_PREFIX}/plugins/ci/keys` && req.method === 'GET') {
      const scripted = keysQueue.shift();
      return scripted ?? json(200, { items: [{ keyId, public: publicKeyArmored, since }] });
    }
    return json(404, { message: 'Not found' });
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const recorded: RecordedRequest = {
        method: req.method ?? '',
        path: req.url ?? '',
        headers: { ...req.headers },
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(recorded);
      void route(recorded)
        .catch((err: unknown) => json(500, { message: `Internal error: ${(err as Error).message}` }))
        .then((answer) => {
          const send = (): void => respond(res, answer);
          const delay = 'delayMs' in answer ? (answer.delayMs ?? 0) : 0;
          if (delay > 0) {
            const timer = setTimeout(() => {
              timers.delete(timer);
              send();
            }, delay);
            timers.add(timer);
          } else {
            send();
          }
        });
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}${API_PREFIX}`,
    keyId,
    publicKeyArmored,
    privateKeyArmored,
    requests,
    script(...responses: ScriptedResponse[]): void {
      queue.push(...responses);
    },
    scriptKeys(...responses: ScriptedResponse[]): void {
      keysQueue.push(...responses);
    },
    clearScript(): void {
      queue.length = 0;
      keysQueue.length = 0;
    },
    close(): Promise<void> {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      return new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      });
    },
  };
}

/** A computed answer. */
interface Answer {
  status: number;
  headers: Record<string, string>;
  body: Buffer;
}

function json(status: number, value: unknown): Answer {
  return {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8' },
    body: Buffer.from(JSON.stringify(value), 'utf8'),
  };
}

function isSignatureType(value: string): value is SignatureType {
  return (SIGNATURE_TYPES as readonly string[]).includes(value);
}

function respond(res: http.ServerResponse, answer: Answer | ScriptedResponse): void {
  const body = typeof answer.body === 'string' ? Buffer.from(answer.body, 'utf8') : answer.body;
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers ?? {})) {
    if (name.toLowerCase() !== 'content-length') headers[name] = value;
  }
  headers['Content-Length'] = String(body.length);
  if ('destroy' in answer && answer.destroy) {
    if (body.length === 0) {
      res.socket?.destroy();
      return;
    }
    writeHead(res, answer, headers);
    res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.socket?.destroy());
    return;
  }
  writeHead(res, answer, headers);
  res.end(body);
}

function writeHead(res: http.ServerResponse, answer: Answer | ScriptedResponse, headers: Record<string, string>): void {
  if ('statusMessage' in answer && answer.statusMessage !== undefined) {
    res.writeHead(answer.status, answer.statusMessage, headers);
  } else {
    res.writeHead(answer.status, headers);
  }
}

/**
 * The keys a Grafana that trusts this loopback grafana.com would hold: Grafana's embedded key plus the loopback's
 * signing key (as `public-keys` would add it). @returns a fresh {@link TrustedKeys}.
 */
export async function keysTrustingLoopback(server: LoopbackGrafanaCom): Promise<TrustedKeys> {
  const keys = TrustedKeys.withEmbedded();
  for (const key of await readArmoredPublicKeys(server.publicKeyArmored, 'input', 'loopback grafana.com key')) {
    keys.add(key);
  }
  return keys;
}
