/**
 * Network faults, proxies and secrets: the real signing client (`requestSignedManifest`, real `@actions/http-client`
 * agents, real sockets) against the loopback grafana.com (test/servers/grafana-com.ts) scripted to drop, stall, fail
 * and echo the token, and through a loopback CONNECT proxy (test/servers/connect-proxy.ts). Nothing of ours is mocked.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import net from 'node:net';
import util from 'node:util';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SigningError, UsageError } from '../../src/errors.js';
import type { UnsignedManifest } from '../../src/manifest/types.js';
import {
  backoffDelayMs,
  DEFAULT_RETRIES,
  parseRetryAfter,
  resolveRetryPolicy,
  RetriesExhaustedError,
  withRetries,
  type RetryInfo,
} from '../../src/grafana-com/retry.js';
import { requestSignedManifest, type SigningRequestOptions } from '../../src/grafana-com/signing-client.js';
import { parseRetryInputs } from '../../src/options/parse.js';
import { startConnectProxy, type ConnectProxy, type ProxyRoute } from '../servers/connect-proxy.js';
import { DEMO_TOKEN, startLoopbackGrafanaCom, type LoopbackGrafanaCom } from '../servers/grafana-com.js';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** A plugin the demo org may sign without root URLs (granted `community`). */
const MANIFEST: UnsignedManifest = {
  plugin: 'myorg-demo-panel',
  version: '1.0.0',
  files: { 'plugin.json': sha256('{"id":"myorg-demo-panel"}'), 'module.js': sha256('console.log(1)') },
};

/** Small backoff so the file runs in seconds; the retry rules are the same as with the defaults. */
const FAST = { baseDelayMs: 20, maxDelayMs: 100 };

const SIGNED = '-----BEGIN PGP SIGNED MESSAGE-----';

let server: LoopbackGrafanaCom;

beforeAll(async () => {
  server = await startLoopbackGrafanaCom();
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  server.clearScript();
});

/** Signs MANIFEST against the loopback with FAST backoff, recording the retry reports in `retries`. */
function sign(overrides: Partial<SigningRequestOptions> = {}, retries: RetryInfo[] = []): Promise<Buffer> {
  return requestSignedManifest({
    grafanaComUrl: server.url,
    token: DEMO_TOKEN,
    manifest: MANIFEST,
    retryPolicy: FAST,
    timeoutMs: 5000,
    onRetry: (info) => retries.push(info),
    ...overrides,
  });
}

const signRequests = (): number => server.requests.filter((r) => r.path === '/api/plugins/ci/sign').length;

/** Awaits a rejection and returns it (fails the test if `pending` resolves). */
async function rejection(pending: Promise<unknown>): Promise<unknown> {
  return pending.then(
    () => {
      throw new Error('expected a rejection');
    },
    (e: unknown) => e,
  );
}

/** Awaits a SigningError with `status`. */
async function signingError(pending: Promise<unknown>, status: number): Promise<SigningError> {
  const error = await rejection(pending);
  expect(error).toBeInstanceOf(SigningError);
  expect((error as SigningError).status).toBe(status);
  return error as SigningError;
}

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const { port } = s.address() as net.AddressInfo;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return port;
}

describe('retries', () => {
  it('a connection dropped before any answer is retried, and the second attempt signs', async () => {
    server.script({ status: 200, body: '', destroy: true });
    const retries: RetryInfo[] = [];
    const started = Date.now();
    const out = await sign({}, retries);
    expect(out.toString('utf8')).toContain(SIGNED);
    expect(signRequests()).toBe(2);
    expect(retries).toHaveLength(1);
    expect(retries[0].attempt).toBe(1);
    expect(retries[0].reason).toMatch(/socket hang up|ECONNRESET/);
    expect(retries[0].delayMs).toBeLessThan(FAST.baseDelayMs);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('an answer cut in the middle of its body is retried, not returned truncated', async () => {
    server.script({ status: 200, body: `\r\n${SIGNED}\r\nHash: SHA512\r\n\r\n${'{}'.repeat(4000)}`, destroy: true });
    const retries: RetryInfo[] = [];
    const out = await sign({}, retries);
    expect(out.toString('utf8')).toContain('"plugin": "myorg-demo-panel"');
    expect(signRequests()).toBe(2);
    expect(retries.map((r) => r.reason)).toEqual([expect.stringContaining('closed before the answer was complete')]);
  });

  it('a stalled server is cut at the per-attempt timeout, then the retry signs', async () => {
    server.script({ status: 200, body: 'too late', delayMs: 3000 });
    const retries: RetryInfo[] = [];
    const started = Date.now();
    const out = await sign({ timeoutMs: 300 }, retries);
    const elapsed = Date.now() - started;
    expect(out.toString('utf8')).toContain(SIGNED);
    expect(signRequests()).toBe(2);
    expect(retries).toEqual([{ attempt: 1, delayMs: expect.any(Number) as number, reason: 'no answer within 300 ms' }]);
    expect(elapsed).toBeGreaterThanOrEqual(290);
    expect(elapsed).toBeLessThan(1500);
  });

  it('the deadline really closes the connection (the server sees it end at the timeout)', async () => {
    // A raw server that reads the request and never answers, noting when the client lets go of the socket.
    let endedAfter = -1;
    let started = 0;
    const stall = net.createServer((socket) => {
      socket.resume();
      socket.on('close', () => (endedAfter = Date.now() - started));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => stall.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = stall.address() as net.AddressInfo;
      started = Date.now();
      const error = await signingError(
        sign({ grafanaComUrl: `http://127.0.0.1:${port}/api`, timeoutMs: 300, retries: 0 }),
        0,
      );
      expect(error.message).toContain('within 300 ms');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(endedAfter).toBeGreaterThanOrEqual(290);
      expect(endedAfter).toBeLessThan(1000);
    } finally {
      stall.close();
    }
  });

  it('502 then 200: one retry, reported with the status', async () => {
    server.script({ status: 502, body: '<html>Bad Gateway</html>', headers: { 'Content-Type': 'text/html' } });
    const retries: RetryInfo[] = [];
    const out = await sign({}, retries);
    expect(out.toString('utf8')).toContain(SIGNED);
    expect(signRequests()).toBe(2);
    expect(retries).toEqual([{ attempt: 1, delayMs: expect.any(Number) as number, reason: 'HTTP 502 Bad Gateway' }]);
  });

  it('429 with Retry-After: 1 waits that second (not the 20 ms backoff)', async () => {
    server.script({ status: 429, body: '{"message":"rate limited"}', headers: { 'Retry-After': '1' } });
    const retries: RetryInfo[] = [];
    const started = Date.now();
    await sign({}, retries);
    const elapsed = Date.now() - started;
    expect(signRequests()).toBe(2);
    expect(retries).toEqual([{ attempt: 1, delayMs: 1000, reason: 'HTTP 429 Too Many Requests' }]);
    expect(elapsed).toBeGreaterThanOrEqual(990);
    expect(elapsed).toBeLessThan(2500);
  });

  it('503 with Retry-After as an HTTP date waits until that date', async () => {
    const at = new Date(Date.now() + 2000);
    server.script({ status: 503, body: '', headers: { 'Retry-After': at.toUTCString() } });
    const retries: RetryInfo[] = [];
    await sign({}, retries);
    expect(signRequests()).toBe(2);
    expect(retries).toHaveLength(1);
    // The date has whole seconds: the wait is between 1 and 2 s.
    expect(retries[0].delayMs).toBeGreaterThan(900);
    expect(retries[0].delayMs).toBeLessThanOrEqual(2000);
    expect(Date.now()).toBeGreaterThanOrEqual(Math.floor(at.getTime() / 1000) * 1000);
  });

  it('a Retry-After beyond the budget ends the retries at once', async () => {
    server.script({ status: 429, body: '{"message":"come back in an hour"}', headers: { 'Retry-After': '3600' } });
    const retries: RetryInfo[] = [];
    const started = Date.now();
    const error = await signingError(sign({ retryPolicy: { ...FAST, totalMs: 5000 } }, retries), 429);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(signRequests()).toBe(1);
    expect(retries).toHaveLength(0);
    expect(error.message).toContain('come back in an hour');
    expect(error.message).toMatch(
      /Gave up after 1 attempt over \d+\.\d s \(the server asked to retry after 3600\.0 s, beyond the 5\.0 s budget\); last failure: HTTP 429 Too Many Requests\.$/,
    );
  });

  it.each([400, 401, 403, 404, 408, 409, 422])('HTTP %i is never retried', async (status) => {
    server.script({ status, body: '{"message":"no"}' });
    const retries: RetryInfo[] = [];
    const error = await signingError(sign({}, retries), status);
    expect(signRequests()).toBe(1);
    expect(retries).toHaveLength(0);
    expect(error.serverMessage).toBe('no');
    expect(error.message).not.toContain('Gave up');
  });

  it('a redirect and a 200 that is not a manifest are not retried', async () => {
    server.script({ status: 302, body: '', headers: { Location: 'https://example.com/' } });
    await signingError(sign(), 302);
    server.script({ status: 200, body: '<!DOCTYPE html>' });
    await signingError(sign(), 200);
    expect(signRequests()).toBe(2);
  });

  it('every attempt failing: the error states the attempts, the elapsed time and the last reason', async () => {
    server.script(...Array.from({ length: 4 }, () => ({ status: 503, body: '{"message":"overloaded"}' })));
    const retries: RetryInfo[] = [];
    const started = Date.now();
    const error = await signingError(sign({ retries: 3 }, retries), 503);
    const elapsed = Date.now() - started;
    expect(signRequests()).toBe(4);
    expect(retries.map((r) => r.attempt)).toEqual([1, 2, 3]);
    retries.forEach((r, i) => {
      expect(r.delayMs).toBeGreaterThanOrEqual(0);
      expect(r.delayMs).toBeLessThan(Math.min(FAST.maxDelayMs, FAST.baseDelayMs * 2 ** i));
    });
    expect(error.serverMessage).toBe('overloaded');
    const match = /Gave up after 4 attempts over (\d+\.\d) s; last failure: HTTP 503 Service Unavailable\.$/.exec(
      error.message,
    );
    expect(match).not.toBeNull();
    expect(Number(match?.[1]) * 1000).toBeLessThanOrEqual(elapsed + 50);
    expect(elapsed).toBeLessThan(1500);
  });

  it('by default there are 3 retries (4 attempts)', async () => {
    expect(DEFAULT_RETRIES).toBe(3);
    server.script(...Array.from({ length: 5 }, () => ({ status: 500, body: '' })));
    const error = await signingError(sign({ retries: undefined }), 500);
    expect(signRequests()).toBe(4);
    expect(error.message).toContain('Gave up after 4 attempts');
  });

  it('retries: 0 makes a single attempt and leaves the message as it was', async () => {
    server.script({ status: 500, body: '{"message":"boom"}' }, { status: 500, body: '' });
    const error = await signingError(sign({ retries: 0 }), 500);
    expect(signRequests()).toBe(1);
    expect(error.message).not.toContain('Gave up');
    expect(error.message).toContain('boom');
  });

  it('connection refused is retried, then stated with the attempts', async () => {
    const port = await closedPort();
    const retries: RetryInfo[] = [];
    const error = await signingError(sign({ grafanaComUrl: `http://127.0.0.1:${port}/api`, retries: 2 }, retries), 0);
    expect(retries).toHaveLength(2);
    expect(retries[0].reason).toContain('ECONNREFUSED');
    expect(error.message).toContain(`Could not reach http://127.0.0.1:${port}/api/plugins/ci/sign`);
    expect(error.message).toMatch(/Gave up after 3 attempts over \d+\.\d s; last failure: .*ECONNREFUSED/);
    expect((error.cause as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('an unknown host is not retried', async () => {
    const retries: RetryInfo[] = [];
    const error = await signingError(sign({ grafanaComUrl: 'https://grafana-com.invalid/api' }, retries), 0);
    expect(retries).toHaveLength(0);
    expect(error.message).toContain('ENOTFOUND');
  });

  it('the total budget bounds attempts and waits together', async () => {
    server.script(...Array.from({ length: 6 }, () => ({ status: 200, body: 'late', delayMs: 5000 })));
    const retries: RetryInfo[] = [];
    const started = Date.now();
    const error = await signingError(
      sign({ timeoutMs: 400, retries: 5, retryPolicy: { ...FAST, totalMs: 700 } }, retries),
      0,
    );
    const elapsed = Date.now() - started;
    expect(elapsed).toBeLessThan(1100);
    expect(elapsed).toBeGreaterThanOrEqual(650);
    expect(signRequests()).toBeLessThanOrEqual(3);
    expect(error.message).toMatch(/Gave up after [23] attempts/);
  });
});

describe('the retry policy', () => {
  it('backoff has full jitter under an exponential ceiling', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 100_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (attempt, baseDelayMs, maxDelayMs, r) => {
          const delay = backoffDelayMs(attempt, { baseDelayMs, maxDelayMs }, () => r);
          const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
          expect(Number.isInteger(delay)).toBe(true);
          expect(delay).toBeGreaterThanOrEqual(0);
          expect(delay).toBeLessThanOrEqual(ceiling);
          if (ceiling > 0) expect(delay).toBeLessThan(ceiling);
        },
      ),
    );
    expect(backoffDelayMs(3, { baseDelayMs: 1000, maxDelayMs: 30_000 }, () => 0.5)).toBe(2000);
    expect(backoffDelayMs(10, { baseDelayMs: 1000, maxDelayMs: 30_000 }, () => 0.5)).toBe(15_000);
  });

  it('parses Retry-After as seconds or an HTTP date', () => {
    const now = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');
    expect(parseRetryAfter('1', now)).toBe(1000);
    expect(parseRetryAfter(' 120 ', now)).toBe(120_000);
    expect(parseRetryAfter('0', now)).toBe(0);
    expect(parseRetryAfter(['7', '9'], now)).toBe(7000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:00:00 GMT', now)).toBe(0);
    for (const bad of [undefined, '', '1.5', '-1', 'soon', '1e3']) expect(parseRetryAfter(bad, now)).toBeUndefined();
  });

  it('defaults: 3 retries, 30 s per attempt, a budget for every attempt and wait', () => {
    expect(resolveRetryPolicy()).toEqual({
      retries: 3,
      timeoutMs: 30_000,
      totalMs: 4 * 30_000 + 3 * 30_000,
      baseDelayMs: 1000,
      maxDelayMs: 30_000,
    });
    expect(resolveRetryPolicy({ retries: 0, timeoutMs: 5000 }).totalMs).toBe(5000);
    expect(() => resolveRetryPolicy({ retries: 1.5 })).toThrow(RangeError);
    expect(() => resolveRetryPolicy({ timeoutMs: -1 })).toThrow(RangeError);
    expect(() => resolveRetryPolicy({ timeoutMs: 0 })).toThrow(RangeError);
  });

  it('withRetries rethrows a non-retryable error unchanged and reports exhaustion with the last error', async () => {
    const policy = resolveRetryPolicy({ retries: 2, ...FAST, timeoutMs: 1000 });
    const fatal = new Error('fatal');
    let calls = 0;
    await expect(
      withRetries(
        () => {
          calls++;
          return Promise.reject(fatal);
        },
        policy,
        () => ({ retryable: false, reason: 'fatal' }),
      ),
    ).rejects.toBe(fatal);
    expect(calls).toBe(1);

    calls = 0;
    const timeouts: number[] = [];
    const exhausted = await rejection(
      withRetries(
        ({ attempt, timeoutMs }) => {
          calls++;
          timeouts.push(timeoutMs);
          return Promise.reject(new Error(`flaky ${attempt}`));
        },
        policy,
        (e) => ({ retryable: true, reason: (e as Error).message }),
      ),
    );
    expect(calls).toBe(3);
    expect(timeouts).toEqual([1000, 1000, 1000]);
    expect(exhausted).toBeInstanceOf(RetriesExhaustedError);
    const err = exhausted as RetriesExhaustedError;
    expect(err.attempts).toBe(3);
    expect(err.reason).toBe('flaky 3');
    expect((err.lastError as Error).message).toBe('flaky 3');
    expect(err.cause).toBe(err.lastError);
    expect(err.message).toMatch(/^Gave up after 3 attempts over \d+\.\d s; last failure: flaky 3$/);

    let tries = 0;
    const value = await withRetries(
      () => (++tries < 3 ? Promise.reject(new Error('again')) : Promise.resolve('done')),
      policy,
      () => ({ retryable: true, reason: 'again' }),
    );
    expect(value).toBe('done');
  });

  it.each([
    ['', '', { retries: 3, timeoutMs: 30_000 }],
    ['0', '1', { retries: 0, timeoutMs: 1000 }],
    [' 10 ', '600', { retries: 10, timeoutMs: 600_000 }],
    ['5', ' 45 ', { retries: 5, timeoutMs: 45_000 }],
  ])('parseRetryInputs(%j, %j)', (retries, timeout, expected) => {
    expect(parseRetryInputs(retries, timeout, { retries: 'retries', timeout: 'timeout-seconds' })).toEqual(expected);
  });

  it.each([
    ['11', '30', 'retries'],
    ['-1', '30', 'retries'],
    ['1.5', '30', 'retries'],
    ['three', '30', 'retries'],
    ['0x3', '30', 'retries'],
    ['3', '0', 'timeout-seconds'],
    ['3', '601', 'timeout-seconds'],
    ['3', '2.5', 'timeout-seconds'],
    ['3', '30s', 'timeout-seconds'],
  ])('parseRetryInputs(%j, %j) is a UsageError for %s', (retries, timeout, input) => {
    let caught: unknown;
    try {
      parseRetryInputs(retries, timeout, { retries: 'retries', timeout: 'timeout-seconds' });
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).input).toBe(input);
    expect((caught as UsageError).message).toMatch(input === 'retries' ? /from 0 to 10/ : /from 1 to 600/);
  });
});

describe('proxies (https_proxy, http_proxy, no_proxy through @actions/http-client)', () => {
  const proxyVars = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY'];
  const saved: Record<string, string | undefined> = {};
  let proxy: ConnectProxy | undefined;

  beforeEach(() => {
    for (const name of proxyVars) {
      saved[name] = process.env[name];
      delete process.env[name];
    }
  });
  afterEach(async () => {
    for (const name of proxyVars) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    await proxy?.close();
    proxy = undefined;
  });

  const loopbackPort = (): number => Number(new URL(server.url).port);

  it('http_proxy: the request is tunnelled through the proxy to the target and signs', async () => {
    // @actions/http-client never proxies localhost, 127.* or [::1]; the IPv4-mapped form of 127.0.0.1 is loopback for
    // our plain-http rule but not special-cased there, so this exercises the real proxy path end to end.
    proxy = await startConnectProxy();
    process.env.http_proxy = proxy.url;
    const port = loopbackPort();
    const out = await sign({ grafanaComUrl: `http://[::ffff:127.0.0.1]:${port}/api` });
    expect(out.toString('utf8')).toContain(SIGNED);
    expect(proxy.requests).toHaveLength(1);
    expect(proxy.requests[0].method).toBe('CONNECT');
    expect(proxy.requests[0].target).toMatch(new RegExp(`^\\[?::ffff:7f00:1\\]?:${port}$`));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${DEMO_TOKEN}`);
  });

  it('control: loopback names bypass the proxy, as @actions/http-client rules', async () => {
    proxy = await startConnectProxy();
    process.env.http_proxy = proxy.url;
    process.env.https_proxy = proxy.url;
    await sign();
    expect(proxy.requests).toHaveLength(0);
    expect(signRequests()).toBe(1);
  });

  it('HTTP_PROXY (upper case) is read too', async () => {
    proxy = await startConnectProxy();
    process.env.HTTP_PROXY = proxy.url;
    await sign({ grafanaComUrl: `http://[::ffff:127.0.0.1]:${loopbackPort()}/api` });
    expect(proxy.requests.map((r) => r.method)).toEqual(['CONNECT']);
  });

  it('https_proxy: an https target is reached with CONNECT host:443 and TLS runs inside the tunnel', async () => {
    // The tunnel leads to the plain-http loopback, so the TLS handshake fails: what matters is that the proxy got a
    // CONNECT for the target and only ever saw TLS bytes, never the request or the token.
    proxy = await startConnectProxy({
      route: (host, port) =>
        host === 'grafana.test' && port === 443 ? { host: '127.0.0.1', port: loopbackPort() } : null,
    });
    process.env.https_proxy = proxy.url;
    const retries: RetryInfo[] = [];
    const error = await signingError(sign({ grafanaComUrl: 'https://grafana.test/api', retries: 0 }, retries), 0);
    expect(error.message).toContain('https://grafana.test/api/plugins/ci/sign');
    expect(proxy.requests).toEqual([expect.objectContaining({ method: 'CONNECT', target: 'grafana.test:443' })]);
    const seen = proxy.tunnelledFromClients();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toBe(0x16); // a TLS handshake record
    expect(seen.toString('latin1')).not.toContain(DEMO_TOKEN);
    expect(seen.toString('latin1')).not.toContain('POST /api');
    expect(server.requests).toHaveLength(0);
  });

  it('no_proxy exempts a host: it is then reached directly', async () => {
    proxy = await startConnectProxy();
    process.env.https_proxy = proxy.url;
    process.env.no_proxy = 'example.org, grafana-com.invalid';
    const error = await signingError(sign({ grafanaComUrl: 'https://grafana-com.invalid/api' }), 0);
    expect(error.message).toContain('ENOTFOUND');
    expect(proxy.requests).toHaveLength(0);

    process.env.no_proxy = 'example.org';
    await signingError(sign({ grafanaComUrl: 'https://grafana-com.invalid/api', retries: 0 }), 0);
    expect(proxy.requests.map((r) => r.target)).toEqual(['grafana-com.invalid:443']);
  });

  it('a proxy refusing the tunnel (502) is retried like a connection error', async () => {
    let calls = 0;
    proxy = await startConnectProxy({
      route: (_host, port): ProxyRoute => (++calls === 1 ? null : { host: '127.0.0.1', port }),
    });
    process.env.http_proxy = proxy.url;
    const retries: RetryInfo[] = [];
    await sign({ grafanaComUrl: `http://[::ffff:127.0.0.1]:${loopbackPort()}/api` }, retries);
    expect(proxy.requests).toHaveLength(2);
    expect(retries).toHaveLength(1);
    expect(retries[0].reason).toContain('statusCode=502');
    expect(signRequests()).toBe(1);
  });

  it('a proxy that never answers CONNECT is cut at the per-attempt timeout', async () => {
    proxy = await startConnectProxy({ route: () => 'stall' });
    process.env.http_proxy = proxy.url;
    const started = Date.now();
    const error = await signingError(
      sign({ grafanaComUrl: `http://[::ffff:127.0.0.1]:${loopbackPort()}/api`, timeoutMs: 300, retries: 1 }),
      0,
    );
    const elapsed = Date.now() - started;
    expect(error.message).toContain('within 300 ms');
    expect(error.message).toContain('Gave up after 2 attempts');
    expect(proxy.requests).toHaveLength(2);
    expect(elapsed).toBeGreaterThanOrEqual(590);
    expect(elapsed).toBeLessThan(2000);
  });

  it('plain http to a host that is not loopback is refused even through a proxy (the target host counts)', async () => {
    proxy = await startConnectProxy();
    process.env.http_proxy = proxy.url;
    for (const url of ['http://grafana.example/api', 'http://[::ffff:10.0.0.1]/api', 'http://127.0.0.1.nip.io/api']) {
      const error = await rejection(sign({ grafanaComUrl: url }));
      expect(error).toBeInstanceOf(UsageError);
      expect((error as UsageError).input).toBe('grafana-com-url');
      expect((error as Error).message).toContain('Refusing to send the access policy token over plain http');
    }
    expect(proxy.requests).toHaveLength(0);
  });

  it('the test proxy also forwards absolute-form requests, recording the target', async () => {
    proxy = await startConnectProxy();
    const { port } = new URL(proxy.url);
    const target = `${server.url}/plugins/ci/keys`;
    const { status, body } = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = http.request({ host: '127.0.0.1', port, method: 'GET', path: target }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(200);
    expect((JSON.parse(body) as { items: { keyId: string }[] }).items[0].keyId).toBe(server.keyId);
    expect(proxy.requests).toEqual([expect.objectContaining({ method: 'GET', target })]);
    expect(server.requests.map((r) => r.path)).toEqual(['/api/plugins/ci/keys']);
  });
});

describe('the token never leaks', () => {
  /** Not base64, with characters that JSON and URL encodings change, like a pasted secret could have. */
  const TOKEN = 'glc_leak/check+token=42';
  const forms = [TOKEN, JSON.stringify(TOKEN).slice(1, -1), encodeURIComponent(TOKEN), 'leak/check+token'];

  /** Every string reachable from the error (message, stack, own fields), down its whole `cause` chain. */
  function expectNoToken(error: unknown, reported: RetryInfo[] = []): void {
    const texts: string[] = [util.inspect(error, { depth: Infinity })];
    const seen = new Set<unknown>();
    for (let e: unknown = error; e !== undefined && e !== null && !seen.has(e); e = (e as { cause?: unknown }).cause) {
      seen.add(e);
      if (e instanceof Error) texts.push(e.message, e.stack ?? '');
      if (typeof e === 'object') {
        for (const value of Object.values(e as Record<string, unknown>)) {
          if (typeof value === 'string') texts.push(value);
          if (value instanceof Uint8Array) texts.push(Buffer.from(value).toString('latin1'));
        }
      } else {
        texts.push(typeof e === 'string' ? e : util.inspect(e));
      }
    }
    texts.push(...reported.map((r) => r.reason));
    for (const text of texts) for (const form of forms) expect(text).not.toContain(form);
  }

  const attempt = (overrides: Partial<SigningRequestOptions>, reported: RetryInfo[] = []) =>
    rejection(sign({ token: TOKEN, ...overrides }, reported));

  it('echoed in a 4xx JSON message', async () => {
    server.script({ status: 401, body: JSON.stringify({ message: `token ${TOKEN} is not valid` }) });
    const error = await attempt({});
    expect(error).toBeInstanceOf(SigningError);
    expect((error as SigningError).serverMessage).toBe('token *** is not valid');
    expectNoToken(error);
  });

  it('echoed in a 5xx HTML body, on every attempt', async () => {
    const html = `<html><body><h1>Error</h1><pre>Authorization: Bearer ${TOKEN}</pre></body></html>`;
    server.script(
      ...Array.from({ length: 3 }, () => ({ status: 500, body: html, headers: { 'Content-Type': 'text/html' } })),
    );
    const reported: RetryInfo[] = [];
    const error = await attempt({ retries: 2 }, reported);
    expect(reported).toHaveLength(2);
    expect((error as SigningError).message).toContain('Bearer ***');
    expect((error as SigningError).message).toContain('Gave up after 3 attempts');
    expectNoToken(error, reported);
  });

  it('echoed in an answer Node cannot parse (the parse error keeps the raw bytes)', async () => {
    const raw = net.createServer((socket) => {
      socket.once('data', () => socket.end(`HTTP/1.1 401 Unauthorized\r\nX-Token: ${TOKEN}\x01\r\n\r\n`));
      socket.on('error', () => undefined);
    });
    await new Promise<void>((resolve) => raw.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = raw.address() as net.AddressInfo;
      const error = await attempt({ grafanaComUrl: `http://127.0.0.1:${port}/api` });
      expect((error as SigningError).status).toBe(0);
      expect((error as SigningError).message).toContain('Parse Error');
      expect((error as Error).cause).toBeInstanceOf(Error);
      expectNoToken(error);
    } finally {
      raw.close();
    }
  });

  it('echoed in a WWW-Authenticate header', async () => {
    server.script({
      status: 401,
      body: '',
      headers: { 'WWW-Authenticate': `Bearer realm="grafana.com", error="invalid_token", token="${TOKEN}"` },
    });
    expectNoToken(await attempt({}));
  });

  it('echoed in a 200 body that is not a manifest', async () => {
    server.script({ status: 200, body: `<html>Welcome back, ${encodeURIComponent(TOKEN)} / ${TOKEN}</html>` });
    const error = await attempt({});
    expect((error as SigningError).status).toBe(200);
    expect((error as SigningError).message).toContain('Welcome back, *** / ***');
    expectNoToken(error);
  });

  it('echoed in the reason phrase of retried 502s and in a redirect Location', async () => {
    server.script(
      { status: 502, statusMessage: `Bad ${TOKEN}`, body: '' },
      { status: 502, statusMessage: `Bad ${TOKEN}`, body: '' },
    );
    const reported: RetryInfo[] = [];
    const error = await attempt({ retries: 1 }, reported);
    expect(reported.map((r) => r.reason)).toEqual(['HTTP 502 Bad ***']);
    expect((error as SigningError).message).toContain('last failure: HTTP 502 Bad ***');
    expectNoToken(error, reported);

    server.script({
      status: 302,
      body: '',
      headers: { Location: `https://evil.example/?t=${encodeURIComponent(TOKEN)}` },
    });
    expectNoToken(await attempt({}));
  });
});
