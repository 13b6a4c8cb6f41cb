/**
 * Grafana's key retriever (`pkg/plugins/manager/signature` key providers, docs/verification.md#keys): besides its
 * built-in key, Grafana trusts the keys grafana.com publishes at `GET {grafana_com api_url}/plugins/ci/keys`, each
 * under the exact `keyId` string the answer gives, fetched with a 10 s timeout; with `public_key_retrieval_disabled =
 * true` it trusts only the built-in key.
 */
import { SignPluginError, UsageError } from '../errors.js';
import { exchangeWithRetries } from './exchange.js';
import { HttpExchangeError, serverMessage } from './http.js';
import { resolveRetryPolicy, type RetryInfo, type RetryPolicy } from './retry.js';
import { grafanaComEndpoint, isLoopbackHost, USER_AGENT } from './endpoint.js';
import { GRAFANA_KEY_ID } from '../signature/grafana-key.js';
import { readArmoredPublicKeys, TrustedKeys, type TrustedKey } from '../signature/keys.js';

/** Grafana's key retriever gives grafana.com 10 s to answer. */
export const KEY_FETCH_TIMEOUT_MS = 10_000;

/** How much of an error body is quoted. */
const MAX_QUOTED_BODY = 200;

/** grafana.com's key list could not be fetched or read: no answer, an HTTP error, bad JSON or a bad key. */
export class KeyFetchError extends SignPluginError {
  /** HTTP status of the answer, or 0 when no answer came back (or the request was refused before sending). */
  readonly status: number;
  constructor(status: number, message: string, options?: { cause?: unknown }) {
    super('key-fetch', message, options);
    this.status = status;
  }
}

/** Options of {@link fetchGrafanaComKeys}. */
export interface FetchKeysOptions {
  /** API root, e.g. `https://grafana.com/api`; the keys are at `{grafanaComUrl}/plugins/ci/keys`. */
  grafanaComUrl: string;
  /** Time limit of each attempt in ms; default 10000, like Grafana's key retriever. */
  timeoutMs?: number;
  /** Extra attempts after a connection error, timeout, 429 or 5xx; default 3, like signing. */
  retries?: number;
  /** `User-Agent` header; default `sign-plugin-action`. */
  userAgent?: string;
  /** Backoff and budget overrides (see `RetryPolicy`). */
  retryPolicy?: Partial<Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'totalMs'>>;
  /** Called before each wait between attempts. */
  onRetry?: (info: RetryInfo) => void;
}

/**
 * Fetches the keys grafana.com publishes for plugin signatures, as Grafana's key retriever does:
 * `GET {grafanaComUrl}/plugins/ci/keys` (no token, no credentials), answer `{"items":[{"keyId":"…","public":
 * "<armored public key>","since":<int>}]}`.
 *
 * Each item's `public` is read with `readArmoredPublicKeys` and trusted under the item's `keyId`, exactly as given
 * (Grafana stores keys by that string and looks manifests' `keyId` up by it, without case folding); the whole armored
 * text is kept, as Grafana hands it to `ReadArmoredKeyRing`. Source `grafana.com`, label `grafana.com key <keyId>`.
 * The JSON is read as Go's `encoding/json` reads Grafana's struct: `items` absent or null is an empty list, `since`
 * absent or null is 0, and a `since` that is not an integer is an error.
 *
 * Retries as signing does (`./retry.ts`): connection errors, timeouts, 429 and 5xx; redirects are not followed.
 * Plain `http://` is refused except to loopback: these keys decide what verifies, so nobody on the path may swap them.
 *
 * @returns the keys, in the answer's order (an empty list when grafana.com lists none).
 * @throws UsageError (`grafana-com-url`) for an unusable URL (see `grafanaComEndpoint`).
 * @throws KeyFetchError for plain http to a host that is not loopback, no complete answer within the time limit
 *   (status 0), any status but 200, a body that is not JSON or not shaped like the above, an empty `keyId`, or a
 *   `public` that is not an armored public key. After retries the message ends with
 *   `Gave up after N attempts over S s; last failure: <reason>.`
 */
export async function fetchGrafanaComKeys(opts: FetchKeysOptions): Promise<TrustedKey[]> {
  const endpoint = grafanaComEndpoint(opts.grafanaComUrl, '/plugins/ci/keys');
  const url = new URL(endpoint);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new KeyFetchError(
      0,
      `Refusing to fetch trusted keys over plain http from ${url.host}: anyone on the path could replace them; ` +
        'use an https:// grafana-com-url (plain http is only allowed for loopback hosts)',
    );
  }
  const timeoutMs = opts.timeoutMs ?? KEY_FETCH_TIMEOUT_MS;
  const policy = resolveRetryPolicy({ ...opts.retryPolicy, retries: opts.retries, timeoutMs });
  const body = await exchangeWithRetries({
    request: {
      method: 'GET',
      url: endpoint,
      headers: { Accept: 'application/json' },
      userAgent: opts.userAgent ?? USER_AGENT,
    },
    policy,
    onRetry: opts.onRetry,
    noAnswer: (err, reason, attemptTimeoutMs) =>
      new KeyFetchError(
        0,
        err instanceof HttpExchangeError && err.kind === 'timeout'
          ? `No answer from ${endpoint} within ${attemptTimeoutMs} ms.`
          : `Could not reach ${endpoint}: ${reason}.`,
        { cause: err },
      ),
    answered: (answer) => {
      if (answer.status === 200) return answer.body;
      const statusText = answer.statusText ? ` ${answer.statusText}` : '';
      const said = serverMessage(answer.body, MAX_QUOTED_BODY);
      return new KeyFetchError(
        answer.status,
        `GET ${endpoint} answered HTTP ${answer.status}${statusText}${said ? `: ${said}` : ' (empty body)'}.`,
      );
    },
    gaveUp: (last, summary) => new KeyFetchError(last.status, `${last.message} ${summary}.`, { cause: last.cause }),
  });
  return await readKeyList(body, endpoint);
}

/** The keys of a 200 answer's body. */
async function readKeyList(body: Buffer, endpoint: string): Promise<TrustedKey[]> {
  const shape = '{"items":[{"keyId":"…","public":"<armored public key>","since":<int>}]}';
  const bad = (why: string, cause?: unknown): KeyFetchError =>
    new KeyFetchError(200, `GET ${endpoint} answered HTTP 200 but ${why}`, cause === undefined ? undefined : { cause });
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (err) {
    const start = body.toString('utf8').trim().slice(0, MAX_QUOTED_BODY);
    throw bad(`the body is not JSON (${(err as Error).message})${start ? `; it starts with "${start}"` : ''}`, err);
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw bad(`the body is not a JSON object shaped like ${shape}`);
  }
  const items = (parsed as { items?: unknown }).items;
  if (items === undefined || items === null) return [];
  if (!Array.isArray(items)) throw bad(`"items" is not an array (expected ${shape})`);

  const keys: TrustedKey[] = [];
  for (const [index, item] of items.entries()) {
    const where = `item #${index + 1} of "items"`;
    if (item === null || typeof item !== 'object' || Array.isArray(item)) throw bad(`${where} is not an object`);
    const { keyId, public: armored, since } = item as { keyId?: unknown; public?: unknown; since?: unknown };
    if (typeof keyId !== 'string' || keyId === '') throw bad(`${where} has no "keyId" string`);
    if (typeof armored !== 'string') throw bad(`${where} (keyId "${keyId}") has no "public" string`);
    if (since !== undefined && since !== null && !Number.isSafeInteger(since)) {
      throw bad(`${where} (keyId "${keyId}") has a "since" that is not an integer: ${JSON.stringify(since)}`);
    }
    const label = `grafana.com key ${keyId}`;
    let read: TrustedKey[];
    try {
      read = await readArmoredPublicKeys(armored, 'grafana.com', label);
    } catch (err) {
      if (err instanceof UsageError) throw bad(`${where}: ${err.message}`, err);
      throw err;
    }
    const primary = read.find((k) => k.keyId === keyId.toLowerCase()) ?? read[0];
    keys.push({ keyId, fingerprint: primary.fingerprint, armored, source: 'grafana.com', label });
  }
  return keys;
}

/** Options of {@link trustedKeysFor}. */
export interface TrustedKeysForOptions {
  /** Fetch grafana.com's keys (the action's `fetch-keys`, the CLI's `--fetch-keys`). */
  fetch: boolean;
  /** `disabled` behaves like Grafana's `public_key_retrieval_disabled = true`: nothing is fetched. */
  retrieval: 'enabled' | 'disabled';
  /** API root the keys are fetched from. */
  grafanaComUrl: string;
  /** Keys the user passed (`public-keys`, `--public-key`); added last, so they win over a fetched key of the same ID. */
  extra: TrustedKey[];
  /** Receives the warnings (a fetch that failed, retrieval disabled with user keys). */
  onWarning: (msg: string) => void;
  /** Time limit of each fetch attempt in ms; default 10000, like Grafana's key retriever. */
  timeoutMs?: number;
  /** Extra fetch attempts; default 3. */
  retries?: number;
  /** Backoff and budget overrides for the fetch. */
  retryPolicy?: FetchKeysOptions['retryPolicy'];
}

function fetchOptions(opts: TrustedKeysForOptions): FetchKeysOptions {
  return {
    grafanaComUrl: opts.grafanaComUrl,
    timeoutMs: opts.timeoutMs,
    retries: opts.retries,
    retryPolicy: opts.retryPolicy,
  };
}

/**
 * The keys a verification trusts, assembled like Grafana's key provider, in this order (a later key replaces an
 * earlier one with the same ID):
 *
 * 1. Grafana's embedded key `7e4d0c6a708866e7`, always;
 * 2. when `fetch` is set and `retrieval` is `enabled`, the keys of {@link fetchGrafanaComKeys}; if that fails with a
 *    KeyFetchError, `onWarning("could not fetch the signing keys grafana.com publishes, falling back to the embedded
 *    key 7e4d0c6a708866e7: <why>")` and verification goes on without them (Grafana also keeps working on the
 *    built-in key when grafana.com cannot be reached);
 * 3. `extra`, the keys the user passed.
 *
 * `retrieval: 'disabled'` (Grafana's `public_key_retrieval_disabled = true`) trusts no fetched key, whatever `fetch`
 * says; with `fetch` the list is still read, only to record the published key IDs (`TrustedKeys.markPublished`) that
 * explain a `missing public key` verdict (the `rotated-key` hint); a failed fetch then only warns. Fetched keys are
 * always recorded as published too.
 * Keys in `extra` still apply, because the user passed them explicitly — but such a Grafana trusts only its embedded
 * key, so a plugin valid here only thanks to them would be invalid there: a warning says so whenever `extra` is not
 * empty.
 *
 * @throws UsageError (`grafana-com-url`) when fetching with an unusable URL; never for a failed fetch.
 */
export async function trustedKeysFor(opts: TrustedKeysForOptions): Promise<TrustedKeys> {
  const keys = TrustedKeys.withEmbedded();
  if (opts.retrieval === 'disabled') {
    if (opts.extra.length > 0) {
      const count = opts.extra.length === 1 ? 'the key' : `the ${opts.extra.length} keys`;
      opts.onWarning(
        `public key retrieval is disabled (like Grafana's public_key_retrieval_disabled = true): such a Grafana ` +
          `trusts only its embedded key ${GRAFANA_KEY_ID}, but ${count} you passed (` +
          `${opts.extra.map((k) => `${k.keyId} from ${k.label}`).join(', ')}) still apply here because you passed ` +
          'them explicitly; a plugin signed with them will be invalid in that Grafana.',
      );
    }
    if (opts.fetch) {
      // Such a Grafana fetches nothing; the list is read only to explain "missing public key" (rotated-key hint).
      try {
        keys.markPublished((await fetchGrafanaComKeys(fetchOptions(opts))).map((k) => k.keyId));
      } catch (error) {
        if (!(error instanceof KeyFetchError)) throw error;
        opts.onWarning(
          `could not fetch the key list grafana.com publishes (read only to explain an untrusted key ID, since ` +
            `public key retrieval is disabled): ${error.message}`,
        );
      }
    }
  } else if (opts.fetch) {
    try {
      const fetched = await fetchGrafanaComKeys(fetchOptions(opts));
      for (const key of fetched) keys.add(key);
      keys.markPublished(fetched.map((k) => k.keyId));
    } catch (error) {
      if (!(error instanceof KeyFetchError)) throw error;
      const also = opts.extra.length > 0 ? ' (and the keys you passed)' : '';
      opts.onWarning(
        `could not fetch the signing keys grafana.com publishes, falling back to the embedded key ` +
          `${GRAFANA_KEY_ID}${also}: ${error.message}`,
      );
    }
  }
  for (const key of opts.extra) keys.add(key);
  return keys;
}
