/**
 * The grafana.com signing client: `POST {grafana-com-url}/plugins/ci/sign` with an access policy token, exactly as
 * `@grafana/sign-plugin` does it (see docs/verification.md#signing), returning the signed MANIFEST.txt bytes.
 *
 * The token never appears in any message this module produces: it travels only in the `Authorization` header, is
 * refused over plain `http://` to anything but loopback, redirects are not followed (so it cannot be replayed to
 * another host), and anything the server echoes back is redacted before it reaches an error or a retry report.
 *
 * Connection errors, timeouts, 429 and 5xx are retried (`./retry.ts`); proxies come from the environment
 * (`./http.ts`, through `@actions/http-client`).
 */
import { SigningError, UsageError } from '../errors.js';
import { makeRedactor } from '../text/redact.js';
import type { UnsignedManifest } from '../manifest/types.js';
import { exchangeWithRetries } from './exchange.js';
import { HttpExchangeError, serverMessage } from './http.js';
import { resolveRetryPolicy, type RetryInfo, type RetryPolicy } from './retry.js';
import { grafanaComEndpoint, isLoopbackHost, USER_AGENT } from './endpoint.js';

/** Options of {@link requestSignedManifest}. */
export interface SigningRequestOptions {
  /** API root, e.g. `https://grafana.com/api` (the action's default) or `http://127.0.0.1:PORT/api`. */
  grafanaComUrl: string;
  /** Access policy token (scope `plugins:write`). Never appears in any message, log or error. */
  token: string;
  /** The body to POST. */
  manifest: UnsignedManifest;
  /** `User-Agent` header; default `sign-plugin-action`. */
  userAgent?: string;
  /** Extra attempts after a connection error, timeout, 429 or 5xx; default 3 (0: a single attempt). */
  retries?: number;
  /** Time limit of each attempt in ms (connecting, the answer and its body); default 30000. */
  timeoutMs?: number;
  /** Backoff and budget overrides (see `RetryPolicy`); defaults: 1 s base, 30 s cap, budget for every attempt. */
  retryPolicy?: Partial<Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs' | 'totalMs'>>;
  /** Called before each wait between attempts, with a redacted reason (the action logs it as a warning). */
  onRetry?: (info: RetryInfo) => void;
}

/** How much of a non-JSON error body is quoted. */
const MAX_QUOTED_BODY = 500;
/** Every signed MANIFEST.txt contains this line (docs/verification.md#cleartext). */
const CLEARTEXT_HEADER = '-----BEGIN PGP SIGNED MESSAGE-----';

/**
 * The signing endpoint for an API root: `${url without trailing slashes}/plugins/ci/sign`
 * (docs/verification.md#signing; the path `@grafana/sign-plugin` appends to `GRAFANA_COM_URL`). Surrounding whitespace
 * is ignored.
 *
 * `signingEndpoint('https://grafana.com/api/')` → `'https://grafana.com/api/plugins/ci/sign'`.
 *
 * @throws UsageError (input `grafana-com-url`): see {@link grafanaComEndpoint}.
 */
export function signingEndpoint(grafanaComUrl: string): string {
  return grafanaComEndpoint(grafanaComUrl, '/plugins/ci/sign');
}

/**
 * Asks grafana.com to sign `opts.manifest` and returns the answer's bytes unchanged: they ARE the signed
 * MANIFEST.txt (leading empty line, CRLF, `Hash: SHA512`) and must be written to disk byte for byte
 * (docs/verification.md#cleartext).
 *
 * Request (docs/verification.md#signing, as `@grafana/sign-plugin`): `POST {endpoint}` with `Content-Type:
 * application/json`, `Accept: application/json`, `Authorization: Bearer <token>` and the compact JSON body
 * `{"plugin","version","files"}` followed, only when set (non-empty), by `"signatureType"`, `"rootUrls"`,
 * `"signPlugin"`. Proxies come from `https_proxy`/`http_proxy`/`no_proxy` (through `@actions/http-client`, see
 * `./http.ts`). Redirects are not followed: a redirect is reported, so the token is never sent elsewhere.
 *
 * Retries (`./retry.ts`): connection errors (refused, reset, `socket hang up`, an answer cut short), a missed
 * per-attempt deadline (`timeoutMs`), 429 and 5xx are tried again, up to `retries` extra times, after a backoff with
 * full jitter (1 s base, 30 s cap) or the server's `Retry-After` (seconds or HTTP date), within the overall budget.
 * Other answers (3xx, 4xx, a 200 that is not a signed manifest) and unknown hosts or TLS errors are final at once.
 *
 * @throws UsageError (`grafana-com-url`) for an unusable URL (see {@link signingEndpoint}) or plain `http://` to a
 *   host that is not loopback (`127.0.0.0/8`, `::1`, `::ffff:127.0.0.0/104`, `localhost`) — checked on the target
 *   URL, whatever proxy is set, before any connection is made.
 * @throws UsageError (`access-policy-token`) for an empty token or one with whitespace/control/non-ASCII characters.
 * @throws SigningError with the HTTP status for any answer but a 200 carrying a cleartext-signed message (the
 *   message states the status, the server's `message` — or the first 500 characters of a non-JSON body — and what to
 *   do); status `0` when no complete answer came back (connection refused, DNS failure, timeout, dropped connection).
 *   When retries were allowed and the last attempt failed with a retryable error, the message ends with
 *   `Gave up after N attempts over S s; last failure: <reason>.`. Every occurrence of the token in those texts (and in
 *   the `cause` and the `onRetry` reasons) is replaced by `***`.
 */
export async function requestSignedManifest(opts: SigningRequestOptions): Promise<Buffer> {
  const endpoint = signingEndpoint(opts.grafanaComUrl);
  const url = new URL(endpoint);
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new UsageError(
      'grafana-com-url',
      `Refusing to send the access policy token over plain http to ${url.host}: use an https:// grafana-com-url ` +
        '(plain http is only allowed for loopback hosts: 127.0.0.0/8, ::1, localhost)',
    );
  }
  const token = opts.token.trim();
  if (token === '') {
    throw new UsageError(
      'access-policy-token',
      'No access policy token: create one at grafana.com with scope plugins:write and pass it as the ' +
        'access-policy-token input (GRAFANA_ACCESS_POLICY_TOKEN for the CLI)',
    );
  }
  if (!/^[\x21-\x7e]+$/.test(token)) {
    throw new UsageError(
      'access-policy-token',
      'The access policy token contains spaces, control or non-ASCII characters; copy it again from grafana.com',
    );
  }
  const redact = makeRedactor([opts.token, token]);
  const policy = resolveRetryPolicy({ ...opts.retryPolicy, retries: opts.retries, timeoutMs: opts.timeoutMs });
  const body = JSON.stringify(requestBody(opts.manifest));
  return await exchangeWithRetries({
    request: {
      method: 'POST',
      url: endpoint,
      headers: {
        'Content-Type': 'application/json',
        Accept: 'application/json',
        Authorization: `Bearer ${token}`,
      },
      body,
      userAgent: opts.userAgent ?? USER_AGENT,
    },
    policy,
    onRetry: opts.onRetry,
    redactReason: redact,
    noAnswer: (err, _reason, timeoutMs) =>
      new SigningError(0, redact(connectionFailure(endpoint, err, timeoutMs)), undefined, {
        cause: redactError(err, redact),
      }),
    answered: (answer) => {
      const status = answer.status;
      if (status === 200) {
        if (!answer.body.toString('utf8').includes(CLEARTEXT_HEADER)) {
          const quoted = redact(answer.body.toString('utf8')).trim().slice(0, 200);
          throw new SigningError(
            200,
            redact(
              `POST ${endpoint} answered HTTP 200 but the body is not a signed manifest ` +
                `(${quoted ? `it starts with "${quoted}"` : 'it is empty'}). ` +
                'Check that grafana-com-url is the grafana.com API root ending in /api, e.g. https://grafana.com/api.',
            ),
          );
        }
        return answer.body;
      }
      const message = serverMessage(answer.body, MAX_QUOTED_BODY, redact);
      const location = headerValue(answer.headers['location']);
      const hint = hintFor(status, message, opts.manifest, endpoint, location ? redact(location) : undefined);
      const reason = answer.statusText ? ` ${answer.statusText}` : '';
      const said = message !== undefined ? `: ${message}` : ' (empty body)';
      return new SigningError(
        status,
        redact(`grafana.com refused to sign: POST ${endpoint} answered HTTP ${status}${reason}${said}. ${hint}`),
        message,
      );
    },
    gaveUp: (last, summary) =>
      new SigningError(last.status, `${last.message} ${redact(summary)}.`, last.serverMessage, { cause: last.cause }),
  });
}

/** The request body with keys in `@grafana/sign-plugin`'s order; optional fields only when set. */
function requestBody(manifest: UnsignedManifest): Record<string, unknown> {
  const body: Record<string, unknown> = {
    plugin: manifest.plugin,
    version: manifest.version,
    files: manifest.files,
  };
  if (manifest.signatureType !== undefined && manifest.signatureType !== '') {
    body.signatureType = manifest.signatureType;
  }
  if (manifest.rootUrls !== undefined && manifest.rootUrls.length > 0) {
    body.rootUrls = manifest.rootUrls;
  }
  if (manifest.signPlugin !== undefined) {
    body.signPlugin = manifest.signPlugin;
  }
  return body;
}

/** Text of a SigningError(0). */
function connectionFailure(endpoint: string, err: unknown, timeoutMs: number): string {
  const detail = err instanceof Error ? err.message : String(err);
  const code = (err as { code?: unknown } | null)?.code;
  if (err instanceof HttpExchangeError && err.kind === 'timeout') {
    return (
      `No answer from ${endpoint} within ${timeoutMs} ms` +
      (detail.startsWith('the answer did not complete') ? ' (the answer started but did not complete)' : '') +
      '. grafana.com may be slow or unreachable from here (check the network, an https_proxy setting, or retry later).'
    );
  }
  const codeText = typeof code === 'string' && !detail.includes(code) ? ` (${code})` : '';
  return (
    `Could not reach ${endpoint}: ${detail}${codeText}. Check grafana-com-url, the network and any proxy ` +
    'settings (https_proxy, no_proxy), then retry.'
  );
}

/** What to do about a refusal, by status (docs/verification.md#signing lists the errors seen in the wild). */
function hintFor(
  status: number,
  serverMessage: string | undefined,
  manifest: UnsignedManifest,
  endpoint: string,
  location: string | undefined,
): string {
  const level = manifest.signatureType ? `signature type "${manifest.signatureType}"` : 'its signature level';
  if (status >= 300 && status < 400) {
    return (
      `The redirect${location ? ` to ${location}` : ''} was not followed, so the token is not sent elsewhere. ` +
      'Set grafana-com-url to the grafana.com API root ending in /api, e.g. https://grafana.com/api.'
    );
  }
  switch (status) {
    case 400:
      if (serverMessage !== undefined && /rootUrls/.test(serverMessage)) {
        return (
          'Private signing (signature-type private or private-glob) needs the URLs Grafana will be served from: ' +
          'pass them as the root-urls input (--root-urls for the CLI). If you meant a public level, the plugin ' +
          'has no public signature level granted on grafana.com yet, so it can only be signed as private.'
        );
      }
      return (
        'grafana.com rejected the manifest: check plugin.json id and info.version, the signature-type and ' +
        'root-urls inputs.'
      );
    case 401:
      return (
        'The access policy token is missing, expired or malformed: create one at grafana.com (your org → ' +
        'Access Policies) with scope plugins:write and pass it as the access-policy-token input ' +
        '(GRAFANA_ACCESS_POLICY_TOKEN for the CLI).'
      );
    case 403: {
      const prefix = manifest.plugin.split('-')[0];
      return (
        `The token's org must own the plugin id's prefix (the slug before the first "-"): plugin ` +
        `"${manifest.plugin}" can only be signed with an access policy token of the grafana.com org "${prefix}". ` +
        'Use a token from that org or change the plugin id.'
      );
    }
    case 404:
      return (
        `Nothing answers at ${endpoint}: check that grafana-com-url is the grafana.com API root and ends in /api ` +
        '(default https://grafana.com/api).'
      );
    case 409:
      return (
        `The plugin is not approved for ${level}: that level must first be granted on grafana.com (submit the ` +
        'plugin for review), or sign it as private with root-urls.'
      );
    case 429:
      return 'grafana.com is rate limiting requests: wait a little and retry.';
    default:
      if (status >= 500) {
        return 'grafana.com failed to sign: this is on its side, retry later.';
      }
      return 'Unexpected answer from the signing endpoint: check grafana-com-url and retry.';
  }
}

/** A copy of a connection error that is safe to attach as `cause`: its message and code, redacted. */
function redactError(err: unknown, redact: (text: string) => string): Error {
  const safe = new Error(redact(err instanceof Error ? err.message : String(err)));
  const code = (err as { code?: unknown } | null)?.code;
  if (typeof code === 'string') {
    (safe as Error & { code?: string }).code = code;
  }
  return safe;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
