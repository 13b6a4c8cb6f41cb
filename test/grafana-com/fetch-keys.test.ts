/**
 * Grafana's key retriever: `GET {grafana-com-url}/plugins/ci/keys` against the loopback grafana.com
 * (test/servers/grafana-com.ts), real HTTP on 127.0.0.1, real openpgp.js keys and signatures. Nothing of ours is mocked.
 */
import { createHash } from 'node:crypto';
import * as openpgp from 'openpgp';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import type { RetryInfo } from '../../src/grafana-com/retry.js';
import { requestSignedManifest } from '../../src/grafana-com/signing-client.js';
import {
  fetchGrafanaComKeys,
  KEY_FETCH_TIMEOUT_MS,
  KeyFetchError,
  trustedKeysFor,
  type TrustedKeysForOptions,
} from '../../src/grafana-com/fetch-keys.js';
import { GRAFANA_KEY_ID } from '../../src/signature/grafana-key.js';
import { readArmoredPublicKeys, TrustedKeys, type TrustedKey } from '../../src/signature/keys.js';
import { missingKeyMessage, readPluginManifest } from '../../src/signature/read-manifest.js';
import {
  DEMO_TOKEN,
  generateSigningKey,
  startLoopbackGrafanaCom,
  type LoopbackGrafanaCom,
} from '../servers/grafana-com.js';

const FAST = { baseDelayMs: 20, maxDelayMs: 100 };
const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

let server: LoopbackGrafanaCom;
/** A MANIFEST.txt signed by the loopback's own key, which only its /plugins/ci/keys serves. */
let manifestBytes: Buffer;
/** An unrelated key a user could pass. */
let userKey: TrustedKey;

beforeAll(async () => {
  server = await startLoopbackGrafanaCom();
  manifestBytes = await requestSignedManifest({
    grafanaComUrl: server.url,
    token: DEMO_TOKEN,
    manifest: { plugin: 'myorg-demo-panel', version: '1.0.0', files: { 'module.js': sha256('x') } },
  });
  const other = await generateSigningKey({ name: 'Someone Else' });
  [userKey] = await readArmoredPublicKeys(other.publicKeyArmored, 'input', 'public-keys input #1');
});
afterAll(async () => {
  await server.close();
});
beforeEach(() => {
  server.requests.length = 0;
  server.clearScript();
});

const keyRequests = (): number => server.requests.filter((r) => r.path === '/api/plugins/ci/keys').length;

/** Awaits a rejection and checks it is a KeyFetchError with `status` and every `parts` in its message. */
async function keyFetchError(pending: Promise<unknown>, status: number, parts: string[]): Promise<KeyFetchError> {
  const error = await pending.then(
    () => {
      throw new Error('expected a KeyFetchError');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(KeyFetchError);
  expect((error as KeyFetchError).status).toBe(status);
  expect((error as KeyFetchError).code).toBe('key-fetch');
  for (const part of parts) expect((error as KeyFetchError).message).toContain(part);
  return error as KeyFetchError;
}

function keysFor(overrides: Partial<TrustedKeysForOptions>, warnings: string[]): Promise<TrustedKeys> {
  return trustedKeysFor({
    fetch: true,
    retrieval: 'enabled',
    grafanaComUrl: server.url,
    extra: [],
    onWarning: (msg) => warnings.push(msg),
    retryPolicy: FAST,
    ...overrides,
  });
}

describe('fetchGrafanaComKeys', () => {
  it('GETs /plugins/ci/keys without credentials and trusts each key under its keyId', async () => {
    const keys = await fetchGrafanaComKeys({ grafanaComUrl: `${server.url}/` });
    const parsed = await openpgp.readKey({ armoredKey: server.publicKeyArmored });
    expect(keys).toEqual([
      {
        keyId: server.keyId,
        fingerprint: parsed.getFingerprint().toUpperCase(),
        armored: server.publicKeyArmored,
        source: 'grafana.com',
        label: `grafana.com key ${server.keyId}`,
      },
    ]);
    expect(server.requests).toHaveLength(1);
    const [request] = server.requests;
    expect(`${request.method} ${request.path}`).toBe('GET /api/plugins/ci/keys');
    expect(request.headers.authorization).toBeUndefined();
    expect(request.headers['user-agent']).toBe('sign-plugin-action');
    expect(request.headers.accept).toBe('application/json');
  });

  it("waits 10 s by default, like Grafana's key retriever", () => {
    expect(KEY_FETCH_TIMEOUT_MS).toBe(10_000);
  });

  it('uses the keyId the server gives, exactly (no case folding), as Grafana does', async () => {
    const upper = server.keyId.toUpperCase();
    server.scriptKeys({
      status: 200,
      body: JSON.stringify({
        items: [
          { keyId: upper, public: server.publicKeyArmored, since: 1 },
          { keyId: 'loopback-2024', public: server.publicKeyArmored, since: 2 },
        ],
      }),
    });
    const fetched = await fetchGrafanaComKeys({ grafanaComUrl: server.url });
    expect(fetched.map((k) => k.keyId)).toEqual([upper, 'loopback-2024']);
    expect(fetched.map((k) => k.label)).toEqual([`grafana.com key ${upper}`, 'grafana.com key loopback-2024']);
    const keys = TrustedKeys.withEmbedded();
    for (const key of fetched) keys.add(key);
    // The manifest says the lowercase ID: neither alias matches it.
    const reading = await readPluginManifest(manifestBytes, keys);
    expect(reading).toMatchObject({ ok: false, step: 'key', message: missingKeyMessage(server.keyId) });
  });

  it('reads items and since as Go would: absent or null items are no keys, absent since is fine', async () => {
    server.scriptKeys(
      { status: 200, body: '{}' },
      { status: 200, body: '{"items":null}' },
      { status: 200, body: JSON.stringify({ items: [{ keyId: 'k', public: server.publicKeyArmored }] }) },
    );
    expect(await fetchGrafanaComKeys({ grafanaComUrl: server.url })).toEqual([]);
    expect(await fetchGrafanaComKeys({ grafanaComUrl: server.url })).toEqual([]);
    expect((await fetchGrafanaComKeys({ grafanaComUrl: server.url })).map((k) => k.keyId)).toEqual(['k']);
  });

  it('500 then 200: succeeds after one retry', async () => {
    server.scriptKeys({ status: 500, body: '{"message":"internal error"}' });
    const retries: RetryInfo[] = [];
    const keys = await fetchGrafanaComKeys({
      grafanaComUrl: server.url,
      retryPolicy: FAST,
      onRetry: (info) => retries.push(info),
    });
    expect(keys.map((k) => k.keyId)).toEqual([server.keyId]);
    expect(keyRequests()).toBe(2);
    expect(retries).toEqual([
      { attempt: 1, delayMs: expect.any(Number) as number, reason: 'HTTP 500 Internal Server Error' },
    ]);
  });

  it('HTTP errors: 4xx at once, 5xx after the retries, saying attempts and time', async () => {
    server.scriptKeys({ status: 404, body: '{"message":"Not found"}' });
    await keyFetchError(fetchGrafanaComKeys({ grafanaComUrl: server.url, retryPolicy: FAST }), 404, [
      `GET ${server.url}/plugins/ci/keys answered HTTP 404 Not Found: Not found.`,
    ]);
    expect(keyRequests()).toBe(1);

    server.scriptKeys(...Array.from({ length: 3 }, () => ({ status: 503, body: '' })));
    const error = await keyFetchError(
      fetchGrafanaComKeys({ grafanaComUrl: server.url, retries: 2, retryPolicy: FAST }),
      503,
      [
        'answered HTTP 503 Service Unavailable (empty body).',
        'Gave up after 3 attempts over',
        'last failure: HTTP 503 Service Unavailable.',
      ],
    );
    expect(error.message).not.toContain('undefined');
    expect(keyRequests()).toBe(4);
  });

  it('no answer within the time limit is status 0', async () => {
    server.scriptKeys({ status: 200, body: '{"items":[]}', delayMs: 2000 });
    const started = Date.now();
    await keyFetchError(fetchGrafanaComKeys({ grafanaComUrl: server.url, timeoutMs: 200, retries: 0 }), 0, [
      `No answer from ${server.url}/plugins/ci/keys within 200 ms`,
    ]);
    expect(Date.now() - started).toBeLessThan(1500);
  });

  it.each([
    ['not JSON', '<html>maintenance</html>', ['the body is not JSON', 'it starts with "<html>maintenance</html>"']],
    ['not an object', '[]', ['not a JSON object shaped like {"items":']],
    ['items not an array', '{"items":{}}', ['"items" is not an array']],
    ['an item that is not an object', '{"items":[1]}', ['item #1 of "items" is not an object']],
    ['no keyId', '{"items":[{"public":"x"}]}', ['item #1 of "items" has no "keyId" string']],
    ['an empty keyId', '{"items":[{"keyId":"","public":"x"}]}', ['has no "keyId" string']],
    ['no public', '{"items":[{"keyId":"a"}]}', ['item #1 of "items" (keyId "a") has no "public" string']],
    ['a fractional since', null, ['(keyId "a") has a "since" that is not an integer: 1.5']],
    [
      'a public that is not a key',
      '{"items":[{"keyId":"a","public":"hello"}]}',
      ['grafana.com key a is not an armored'],
    ],
  ])('a 200 with %s is a KeyFetchError', async (_what, body, parts) => {
    const text = body ?? JSON.stringify({ items: [{ keyId: 'a', public: server.publicKeyArmored, since: 1.5 }] });
    server.scriptKeys({ status: 200, body: text });
    await keyFetchError(fetchGrafanaComKeys({ grafanaComUrl: server.url }), 200, [
      `GET ${server.url}/plugins/ci/keys answered HTTP 200 but`,
      ...parts,
    ]);
    expect(keyRequests()).toBe(1);
  });

  it('a private key served as a public one is refused', async () => {
    server.scriptKeys({
      status: 200,
      body: JSON.stringify({ items: [{ keyId: server.keyId, public: server.privateKeyArmored, since: 1 }] }),
    });
    await keyFetchError(fetchGrafanaComKeys({ grafanaComUrl: server.url }), 200, ['item #1', 'PRIVATE key']);
  });

  it('refuses plain http to a host that is not loopback (the keys decide what verifies), before connecting', async () => {
    await keyFetchError(fetchGrafanaComKeys({ grafanaComUrl: 'http://grafana.example/api' }), 0, [
      'Refusing to fetch trusted keys over plain http from grafana.example',
    ]);
  });

  it('an unusable grafana-com-url is a UsageError', async () => {
    await expect(fetchGrafanaComKeys({ grafanaComUrl: 'ftp://grafana.com/api' })).rejects.toBeInstanceOf(UsageError);
  });
});

describe('trustedKeysFor', () => {
  it('a key only grafana.com serves verifies a manifest signed with it', async () => {
    const warnings: string[] = [];
    const keys = await keysFor({}, warnings);
    expect(warnings).toEqual([]);
    expect(keys.list().map((k) => [k.keyId, k.source])).toEqual([
      [GRAFANA_KEY_ID, 'embedded'],
      [server.keyId, 'grafana.com'],
    ]);
    const reading = await readPluginManifest(manifestBytes, keys);
    expect(reading.ok).toBe(true);
    if (reading.ok) expect(reading.key.label).toBe(`grafana.com key ${server.keyId}`);

    // The control: with the embedded key only, the same manifest has no key.
    const embedded = await readPluginManifest(manifestBytes, TrustedKeys.withEmbedded());
    expect(embedded).toMatchObject({ ok: false, step: 'key', message: missingKeyMessage(server.keyId) });
  });

  it('retrieval disabled: no fetched key is trusted and the key is missing, like public_key_retrieval_disabled', async () => {
    const warnings: string[] = [];
    const keys = await keysFor({ retrieval: 'disabled' }, warnings);
    // The list is read only to record what grafana.com publishes (the rotated-key hint), never trusted.
    expect(keyRequests()).toBe(1);
    expect(warnings).toEqual([]);
    expect(keys.list().map((k) => k.keyId)).toEqual([GRAFANA_KEY_ID]);
    expect([...keys.publishedKeyIds()!]).toEqual([server.keyId]);
    const reading = await readPluginManifest(manifestBytes, keys);
    expect(reading).toMatchObject({ ok: false, step: 'key', message: missingKeyMessage(server.keyId) });
  });

  it('retrieval disabled without fetch: nothing is fetched, nothing is recorded as published', async () => {
    const warnings: string[] = [];
    const keys = await keysFor({ retrieval: 'disabled', fetch: false }, warnings);
    expect(keyRequests()).toBe(0);
    expect(keys.publishedKeyIds()).toBeUndefined();
  });

  it('retrieval disabled: a failing key list only warns, and records nothing', async () => {
    server.scriptKeys({ status: 404, body: '{"message":"Not found"}' });
    const warnings: string[] = [];
    const keys = await keysFor({ retrieval: 'disabled', retries: 0 }, warnings);
    expect(keys.list().map((k) => k.keyId)).toEqual([GRAFANA_KEY_ID]);
    expect(keys.publishedKeyIds()).toBeUndefined();
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('read only to explain an untrusted key ID');
  });

  it('retrieval disabled: keys the user passed still apply, with a warning saying so', async () => {
    const warnings: string[] = [];
    const keys = await keysFor({ retrieval: 'disabled', fetch: false, extra: [userKey] }, warnings);
    expect(keyRequests()).toBe(0);
    expect(keys.list().map((k) => k.keyId)).toEqual([GRAFANA_KEY_ID, userKey.keyId]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('public_key_retrieval_disabled = true');
    expect(warnings[0]).toContain(`${userKey.keyId} from public-keys input #1`);
    expect(warnings[0]).toContain('still apply here because you passed them explicitly');
  });

  it('fetch off: nothing is fetched, no warning', async () => {
    const warnings: string[] = [];
    const keys = await keysFor({ fetch: false, extra: [userKey] }, warnings);
    expect(keyRequests()).toBe(0);
    expect(warnings).toEqual([]);
    expect(keys.list().map((k) => k.keyId)).toEqual([GRAFANA_KEY_ID, userKey.keyId]);
  });

  it('a failing endpoint falls back to the embedded key with exactly one warning', async () => {
    server.scriptKeys({ status: 404, body: '{"message":"Not found"}' });
    const warnings: string[] = [];
    const keys = await keysFor({ extra: [userKey] }, warnings);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(
      new RegExp(
        `^could not fetch the signing keys grafana\\.com publishes, falling back to the embedded key ${GRAFANA_KEY_ID} ` +
          `\\(and the keys you passed\\): GET .*/plugins/ci/keys answered HTTP 404 Not Found: Not found\\.$`,
      ),
    );
    expect(keys.list().map((k) => k.keyId)).toEqual([GRAFANA_KEY_ID, userKey.keyId]);
    expect((await readPluginManifest(manifestBytes, keys)).ok).toBe(false);
  });

  it('an endpoint failing every attempt falls back after the retries, with one warning', async () => {
    server.scriptKeys(...Array.from({ length: 2 }, () => ({ status: 502, body: '' })));
    const warnings: string[] = [];
    const keys = await keysFor({ retries: 1 }, warnings);
    expect(keyRequests()).toBe(2);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('falling back to the embedded key');
    expect(warnings[0]).toContain('Gave up after 2 attempts');
    expect(keys.list().map((k) => k.keyId)).toEqual([GRAFANA_KEY_ID]);
  });

  it('500 then 200: the fetched key is there after one retry, no warning', async () => {
    server.scriptKeys({ status: 500, body: '' });
    const warnings: string[] = [];
    const keys = await keysFor({}, warnings);
    expect(warnings).toEqual([]);
    expect(keyRequests()).toBe(2);
    expect(keys.get(server.keyId)?.source).toBe('grafana.com');
  });

  it('user keys come last: one with a fetched key ID replaces it', async () => {
    const mine: TrustedKey = { ...userKey, keyId: server.keyId, label: 'my copy' };
    const keys = await keysFor({ extra: [mine] }, []);
    expect(keys.get(server.keyId)?.label).toBe('my copy');
    expect(keys.list().map((k) => k.keyId)).toEqual([GRAFANA_KEY_ID, server.keyId]);
  });

  it('an unusable grafana-com-url is a UsageError, not a silent fallback', async () => {
    const warnings: string[] = [];
    await expect(keysFor({ grafanaComUrl: 'not a url' }, warnings)).rejects.toBeInstanceOf(UsageError);
    expect(warnings).toEqual([]);
  });
});
