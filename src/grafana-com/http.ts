/**
 * One HTTP exchange with grafana.com, proxied the way `@actions/http-client` proxies: the agent comes from its
 * `HttpClient.getAgent(url)`, which reads `https_proxy`/`HTTPS_PROXY` (https URLs), `http_proxy`/`HTTP_PROXY` (http
 * URLs) and `no_proxy`/`NO_PROXY`, always bypasses loopback hosts (`localhost`, `127.*`, `[::1]`), and tunnels through
 * the proxy with `CONNECT` (the `tunnel` package), so TLS runs end to end and the proxy never sees headers or bodies
 * of https requests.
 *
 * The request itself is made here rather than by `HttpClient.request` so that one deadline covers the whole attempt
 * (connecting, the proxy's `CONNECT`, the answer and its body) and a missed deadline destroys the socket:
 * `HttpClient`'s `socketTimeout` is an inactivity timer that only half-closes the socket, and does not run while a
 * tunnel is being set up. Redirects are never followed.
 */
import type http from 'node:http';

/** One request. */
export interface HttpExchangeRequest {
  method: 'GET' | 'POST';
  url: string;
  /** Extra headers (`User-Agent` and `Content-Length` are set here). */
  headers?: Record<string, string>;
  /** UTF-8 body (POST). */
  body?: string;
  /** The whole exchange's time limit, in ms. */
  timeoutMs: number;
  userAgent: string;
  /** Largest body accepted, in bytes; default 16 MiB. */
  maxBodyBytes?: number;
}

/** A complete answer. */
export interface HttpAnswer {
  status: number;
  /** The reason phrase as sent (server-controlled: redact before quoting). */
  statusText: string;
  /** Node's lowercased header names. */
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** Why no complete answer came back. */
export type HttpFailureKind = 'timeout' | 'incomplete' | 'too-large' | 'connection';

/** No complete answer: `kind` says why, `code` carries Node's error code (`ECONNREFUSED`, …) when there is one. */
export class HttpExchangeError extends Error {
  readonly kind: HttpFailureKind;
  readonly code?: string;
  constructor(kind: HttpFailureKind, message: string, code?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'HttpExchangeError';
    this.kind = kind;
    if (code !== undefined) this.code = code;
  }
}

const DEFAULT_MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Connection-level error codes worth another attempt: the network or the server may be fine a moment later. */
const TRANSIENT_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENETUNREACH',
  'ENETDOWN',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'UND_ERR_SOCKET',
]);

/**
 * Whether a failed exchange is worth another attempt: timeouts, answers cut short, and connection errors such as
 * ECONNRESET/ECONNREFUSED/`socket hang up`/a proxy refusing the tunnel. Not: unknown hosts (`ENOTFOUND`), TLS and
 * certificate errors, oversized answers — they would fail the same way again.
 */
export function isTransientExchangeError(error: unknown): boolean {
  if (!(error instanceof HttpExchangeError)) return false;
  if (error.kind === 'timeout' || error.kind === 'incomplete') return true;
  if (error.kind === 'too-large') return false;
  return (
    (error.code !== undefined && TRANSIENT_CODES.has(error.code)) ||
    /socket hang up|tunneling socket/.test(error.message)
  );
}

/** A short reason for logs: `ECONNRESET: socket hang up`, `no answer within 300 ms`. */
export function exchangeFailureReason(error: HttpExchangeError): string {
  return error.code && !error.message.includes(error.code) ? `${error.code}: ${error.message}` : error.message;
}

/**
 * Sends one request and reads the whole answer, within `timeoutMs` for everything.
 *
 * @returns the answer, whatever its status (3xx are not followed).
 * @throws HttpExchangeError: `timeout` (`no answer within N ms` / `the answer did not complete within N ms`),
 *   `incomplete` (the connection closed before the answer was complete), `too-large`, or `connection` (Node's
 *   message, e.g. `connect ECONNREFUSED 127.0.0.1:9`, with its `code`, the original error as `cause`).
 */
export async function httpExchange(request: HttpExchangeRequest): Promise<HttpAnswer> {
  const url = new URL(request.url);
  // Loaded only when grafana.com is called, not at start-up (see docs/performance.md).
  const [{ HttpClient }, transport] = await Promise.all([
    import('@actions/http-client'),
    url.protocol === 'https:' ? import('node:https') : import('node:http'),
  ]);
  const maxBodyBytes = request.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const client = new HttpClient(request.userAgent, undefined, {
    keepAlive: false,
    allowRedirects: false,
    allowRetries: false,
  });
  const agent = client.getAgent(request.url);
  const headers: Record<string, string> = { ...request.headers, 'User-Agent': request.userAgent };
  if (request.body !== undefined) headers['Content-Length'] = String(Buffer.byteLength(request.body, 'utf8'));

  return new Promise<HttpAnswer>((resolve, reject) => {
    let settled = false;
    let answered = false;
    const settle = (error: HttpExchangeError | undefined, answer?: HttpAnswer): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (error) {
        req.destroy();
        reject(error);
      } else {
        resolve(answer as HttpAnswer);
      }
      client.dispose();
    };
    const timer = setTimeout(() => {
      settle(
        new HttpExchangeError(
          'timeout',
          answered
            ? `the answer did not complete within ${request.timeoutMs} ms`
            : `no answer within ${request.timeoutMs} ms`,
        ),
      );
    }, request.timeoutMs);

    const req = transport.request(url, { method: request.method, headers, agent }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBodyBytes) {
          settle(new HttpExchangeError('too-large', `the answer is larger than ${maxBodyBytes} bytes`));
          return;
        }
        chunks.push(chunk);
      });
      res.on('end', () => {
        settle(undefined, {
          status: res.statusCode ?? 0,
          statusText: res.statusMessage ?? '',
          headers: res.headers,
          body: Buffer.concat(chunks),
        });
      });
      const cut = (): void =>
        settle(
          new HttpExchangeError('incomplete', 'the connection closed before the answer was complete', 'ECONNRESET'),
        );
      res.on('error', cut);
      res.on('aborted', cut);
      res.on('close', () => {
        if (!res.complete) cut();
      });
    });
    req.on('error', (err: Error & { code?: unknown }) => {
      const code = typeof err.code === 'string' ? err.code : undefined;
      settle(new HttpExchangeError('connection', err.message, code, { cause: err }));
    });
    req.end(request.body);
  });
}

/**
 * What a grafana.com error answer says: the `message` of a JSON body (grafana.com's error shape,
 * docs/verification.md#signing), else the start of the text body; `undefined` for an empty body. `redact` runs on the
 * body first, so a secret the server echoes never reaches the result.
 *
 * @param body the answer's bytes; @param maxChars how much of a non-JSON body to quote.
 */
export function serverMessage(
  body: Buffer,
  maxChars: number,
  redact: (text: string) => string = (t) => t,
): string | undefined {
  const text = redact(body.toString('utf8'));
  try {
    const parsed: unknown = JSON.parse(text);
    const message = (parsed as { message?: unknown } | null)?.message;
    if (typeof message === 'string') return message;
  } catch {
    // not JSON: quote the text
  }
  return text.trim().slice(0, maxChars) || undefined;
}
