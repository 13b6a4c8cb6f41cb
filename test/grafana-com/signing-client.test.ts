/**
 * The grafana.com signing client against the loopback grafana.com (test/servers/grafana-com.ts): real HTTP on
 * 127.0.0.1, the real `@actions/http-client`, real openpgp.js signatures. Nothing of ours is mocked.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import * as openpgp from 'openpgp';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SigningError, UsageError } from '../../src/errors.js';
import type { UnsignedManifest } from '../../src/manifest/types.js';
import { requestSignedManifest, signingEndpoint } from '../../src/grafana-com/signing-client.js';
import { HAVE_SHARED, SHARED_MANIFESTS } from '../helpers/shared.js';
import {
  DEMO_ORG,
  DEMO_TOKEN,
  generateSigningKey,
  startLoopbackGrafanaCom,
  type LoopbackGrafanaCom,
} from '../servers/grafana-com.js';

/** `time` of the real clock-panel 2.1.2 manifest: the main server signs at this instant. */
const FIXED_TIME = 1672825174657;

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

function manifest(overrides: Partial<UnsignedManifest> = {}): UnsignedManifest {
  return {
    plugin: 'myorg-clock-panel',
    version: '1.2.3',
    files: { 'plugin.json': sha256('{"id":"myorg-clock-panel"}'), 'img/logo.svg': sha256('<svg/>') },
    ...overrides,
  };
}

/** Awaits a rejection and checks it is a SigningError with `status`, every `parts` in its message, no token. */
async function expectSigningError(
  pending: Promise<unknown>,
  status: number,
  parts: string[],
  token: string = DEMO_TOKEN,
): Promise<SigningError> {
  const err = await pending.then(
    () => {
      throw new Error('expected a SigningError, got a signed manifest');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(SigningError);
  const error = err as SigningError;
  expect(error.status).toBe(status);
  for (const part of parts) {
    expect(error.message).toContain(part);
  }
  expect(error.message).not.toContain(token);
  expect(error.serverMessage ?? '').not.toContain(token);
  return error;
}

/** Awaits a rejection and checks it is a UsageError for `input`. */
async function expectUsageError(pending: Promise<unknown>, input: string, part: string): Promise<UsageError> {
  const err = await pending.then(
    () => {
      throw new Error('expected a UsageError');
    },
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UsageError);
  expect((err as UsageError).input).toBe(input);
  expect((err as UsageError).message).toContain(part);
  return err as UsageError;
}

/** The JSON text inside a signed manifest (lines between the armor headers and the signature), LF-joined. */
function signedJsonText(text: string): string {
  const lines = text.split('\r\n');
  const start = lines.indexOf('-----BEGIN PGP SIGNED MESSAGE-----');
  const blank = lines.indexOf('', start);
  const end = lines.indexOf('-----BEGIN PGP SIGNATURE-----');
  return lines.slice(blank + 1, end).join('\n');
}

/** A port nothing listens on (bound, then released). */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('signingEndpoint', () => {
  it('appends /plugins/ci/sign to the API root, without doubling slashes', () => {
    expect(signingEndpoint('https://grafana.com/api')).toBe('https://grafana.com/api/plugins/ci/sign');
    expect(signingEndpoint('https://grafana.com/api///')).toBe('https://grafana.com/api/plugins/ci/sign');
    expect(signingEndpoint(' http://127.0.0.1:3000/api/ ')).toBe('http://127.0.0.1:3000/api/plugins/ci/sign');
  });

  it.each([
    ['grafana.com/api', 'not a valid URL'],
    ['not a url', 'not a valid URL'],
    ['', 'not a valid URL'],
    ['ftp://grafana.com/api', 'must be an http(s) URL'],
    ['file:///etc/passwd', 'must be an http(s) URL'],
    ['https://grafana.com/api?org=1', 'query or fragment'],
    ['https://grafana.com/api#x', 'query or fragment'],
    ['https://user:pass@grafana.com/api', 'user name or password'],
  ])('refuses %j as grafana-com-url', (url, part) => {
    let caught: unknown;
    try {
      signingEndpoint(url);
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(UsageError);
    expect((caught as UsageError).input).toBe('grafana-com-url');
    expect((caught as UsageError).message).toContain(part);
  });
});

describe('requestSignedManifest against the loopback grafana.com', () => {
  let server: LoopbackGrafanaCom;

  beforeAll(async () => {
    server = await startLoopbackGrafanaCom({ now: () => FIXED_TIME });
  });
  afterAll(async () => {
    await server.close();
  });
  beforeEach(() => {
    server.requests.splice(0);
  });

  describe('a 200', () => {
    it('returns a manifest shaped like grafana.com output, signed for real by the server key', async () => {
      const sent = manifest({ signatureType: 'private', rootUrls: ['http://localhost:3000/'] });
      const out = await requestSignedManifest({ grafanaComUrl: server.url, token: DEMO_TOKEN, manifest: sent });

      expect(Buffer.isBuffer(out)).toBe(true);
      const text = out.toString('utf8');
      expect(text.startsWith('\r\n-----BEGIN PGP SIGNED MESSAGE-----\r\nHash: SHA512\r\n\r\n{\r\n')).toBe(true);
      expect(text.endsWith('\r\n-----END PGP SIGNATURE-----\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toContain('\n');
      expect(text.replace(/\r\n/g, '')).not.toContain('\r');

      const expected = {
        manifestVersion: '2.0.0',
        signatureType: 'private',
        signedByOrg: 'myorg',
        signedByOrgName: 'My Org',
        rootUrls: ['http://localhost:3000/'],
        plugin: 'myorg-clock-panel',
        version: '1.2.3',
        time: FIXED_TIME,
        keyId: server.keyId,
        files: sent.files,
      };
      expect(server.keyId).toMatch(/^[0-9a-f]{16}$/);
      // Exact bytes: key order, two-space indentation, CRLF.
      expect(signedJsonText(text)).toBe(JSON.stringify(expected, null, 2));
      expect(text).toContain(`\r\n  "keyId": "${server.keyId}",\r\n`);

      const message = await openpgp.readCleartextMessage({ cleartextMessage: text });
      const verificationKeys = await openpgp.readKey({ armoredKey: server.publicKeyArmored });
      const result = await openpgp.verify({ message, verificationKeys, expectSigned: true });
      expect(result.signatures).toHaveLength(1);
      expect(result.signatures[0].keyID.toHex()).toBe(server.keyId);
      await expect(result.signatures[0].verified).resolves.toBe(true);
      const packet = (await result.signatures[0].signature).packets[0];
      expect(packet.signatureType).toBe(openpgp.enums.signature.text);
      expect(packet.hashAlgorithm).toBe(openpgp.enums.hash.sha512);
      expect(packet.created?.getTime()).toBe(Math.floor(FIXED_TIME / 1000) * 1000);
      expect(verificationKeys.getAlgorithmInfo()).toEqual({ algorithm: 'ecdsa', curve: 'nistP521' });
    });

    it('is really signed: the same bytes with one hash edited fail openpgp.js verification', async () => {
      const out = await requestSignedManifest({
        grafanaComUrl: server.url,
        token: DEMO_TOKEN,
        manifest: manifest({ signatureType: 'private', rootUrls: ['https://grafana.example.com/'] }),
      });
      const good = manifest().files['plugin.json'];
      const tampered = out.toString('utf8').replace(good, `0${good.slice(1)}`);
      expect(tampered).not.toBe(out.toString('utf8'));
      const message = await openpgp.readCleartextMessage({ cleartextMessage: tampered });
      const verificationKeys = await openpgp.readKey({ armoredKey: server.publicKeyArmored });
      const result = await openpgp.verify({ message, verificationKeys });
      await expect(result.signatures[0].verified).rejects.toThrow(/digest did not match/);
    });

    it('sends the bearer token and the exact JSON body, optional fields only when set', async () => {
      await requestSignedManifest({
        grafanaComUrl: server.url,
        token: DEMO_TOKEN,
        manifest: {
          files: { 'plugin.json': 'a'.repeat(64) },
          rootUrls: ['http://localhost:3000/'],
          version: '1.0.0',
          signatureType: 'private',
          plugin: 'myorg-x-panel',
        },
      });
      await requestSignedManifest({
        grafanaComUrl: server.url,
        token: DEMO_TOKEN,
        manifest: {
          signPlugin: { version: '3.3.3' },
          plugin: 'myorg-demo-panel',
          version: '2.0.0',
          files: { 'a b/c.js': 'b'.repeat(64) },
          rootUrls: [],
        },
        userAgent: 'sign-plugin-action/9.9.9',
      });

      expect(server.requests).toHaveLength(2);
      const [first, second] = server.requests;
      expect(first.method).toBe('POST');
      expect(first.path).toBe('/api/plugins/ci/sign');
      expect(first.headers.authorization).toBe(`Bearer ${DEMO_TOKEN}`);
      expect(first.headers['content-type']).toBe('application/json');
      expect(first.headers.accept).toBe('application/json');
      expect(first.headers['user-agent']).toBe('sign-plugin-action');
      expect(first.body).toBe(
        `{"plugin":"myorg-x-panel","version":"1.0.0","files":{"plugin.json":"${'a'.repeat(64)}"},` +
          '"signatureType":"private","rootUrls":["http://localhost:3000/"]}',
      );
      expect(second.headers['user-agent']).toBe('sign-plugin-action/9.9.9');
      expect(second.body).toBe(
        `{"plugin":"myorg-demo-panel","version":"2.0.0","files":{"a b/c.js":"${'b'.repeat(64)}"},` +
          '"signPlugin":{"version":"3.3.3"}}',
      );
    });

    it('uses the level granted to the plugin when no signature type is asked, and omits empty rootUrls', async () => {
      const out = await requestSignedManifest({
        grafanaComUrl: server.url,
        token: DEMO_TOKEN,
        manifest: manifest({ plugin: 'myorg-demo-panel' }),
      });
      const json = JSON.parse(signedJsonText(out.toString('utf8'))) as Record<string, unknown>;
      expect(json.signatureType).toBe('community');
      expect(Object.keys(json)).toEqual([
        'manifestVersion',
        'signatureType',
        'signedByOrg',
        'signedByOrgName',
        'plugin',
        'version',
        'time',
        'keyId',
        'files',
      ]);
    });

    it.skipIf(!HAVE_SHARED)('has the same line structure as the real clock-panel MANIFEST.txt', async () => {
      const real = readFileSync(path.join(SHARED_MANIFESTS, 'clock-panel-2.1.2.MANIFEST.txt'), 'utf8');
      const ours = (
        await requestSignedManifest({
          grafanaComUrl: server.url,
          token: DEMO_TOKEN,
          manifest: manifest({ plugin: 'myorg-demo-panel', signatureType: 'community' }),
        })
      ).toString('utf8');
      // Structure: every line kind in order, with the JSON body and the base64 lines collapsed and the armor
      // headers openpgp.js v6 does not write (Version:, Comment:) dropped.
      const shape = (text: string): string[] =>
        text
          .split('\r\n')
          .filter((line) => !/^(Version|Comment): /.test(line))
          .map((line) => (/^[ {}]/.test(line) ? 'json' : /^[A-Za-z0-9+/=]+$/.test(line) ? 'base64' : line))
          .filter((line, i, all) => i === 0 || line !== all[i - 1] || line === '');
      expect(shape(ours)).toEqual(shape(real));
      expect(shape(ours)).toEqual([
        '',
        '-----BEGIN PGP SIGNED MESSAGE-----',
        'Hash: SHA512',
        '',
        'json',
        '-----BEGIN PGP SIGNATURE-----',
        '',
        'base64',
        '-----END PGP SIGNATURE-----',
        '',
      ]);
      const keys = (text: string): string[] => Object.keys(JSON.parse(signedJsonText(text)) as object);
      expect(keys(ours)).toEqual(keys(real));
    });

    it('returns the body bytes unchanged, even bytes that are not UTF-8', async () => {
      const body = Buffer.concat([
        Buffer.from('\r\n-----BEGIN PGP SIGNED MESSAGE-----\r\nHash: SHA512\r\n\r\n{}\r\n\n\r'),
        Buffer.from([0xff, 0xfe, 0x00, 0xc3]),
      ]);
      server.script({ status: 200, body, headers: { 'Content-Type': 'text/plain' } });
      const out = await requestSignedManifest({ grafanaComUrl: server.url, token: DEMO_TOKEN, manifest: manifest() });
      expect(out.equals(body)).toBe(true);
    });
  });

  describe('a refusal', () => {
    it('401 for a malformed token: the server message and how to get a token', async () => {
      const token = 'not-an-access-policy-token';
      const error = await expectSigningError(
        requestSignedManifest({ grafanaComUrl: server.url, token, manifest: manifest() }),
        401,
        [
          'HTTP 401',
          'Token could not be parsed',
          'missing, expired or malformed',
          'plugins:write',
          'access-policy-token',
          'GRAFANA_ACCESS_POLICY_TOKEN',
        ],
        token,
      );
      expect(error.serverMessage).toBe('Token could not be parsed');
      expect(server.requests[0].headers.authorization).toBe(`Bearer ${token}`);
    });

    it('401 for a well-formed token grafana.com does not know', async () => {
      const token = 'glc_unknown-token-for-this-test';
      const error = await expectSigningError(
        requestSignedManifest({ grafanaComUrl: server.url, token, manifest: manifest() }),
        401,
        ['HTTP 401', ': Unauthorized', 'plugins:write'],
        token,
      );
      expect(error.serverMessage).toBe('Unauthorized');
    });

    it('400 Field is required: rootUrls for private signing without root URLs', async () => {
      const error = await expectSigningError(
        requestSignedManifest({
          grafanaComUrl: server.url,
          token: DEMO_TOKEN,
          manifest: manifest({ signatureType: 'private-glob' }),
        }),
        400,
        ['HTTP 400', 'Field is required: rootUrls', 'root-urls input', '--root-urls', 'no public signature level'],
      );
      expect(error.serverMessage).toBe('Field is required: rootUrls');
    });

    it('400 Field is required: rootUrls for a plugin with no level granted and no type asked', async () => {
      const error = await expectSigningError(
        requestSignedManifest({ grafanaComUrl: server.url, token: DEMO_TOKEN, manifest: manifest() }),
        400,
        ['Field is required: rootUrls', 'root-urls'],
      );
      expect(error.serverMessage).toBe('Field is required: rootUrls');
    });

    it('400 for an uppercase file hash or an unknown signature type, with a generic hint', async () => {
      const upper = await expectSigningError(
        requestSignedManifest({
          grafanaComUrl: server.url,
          token: DEMO_TOKEN,
          manifest: manifest({ files: { 'module.js': 'A'.repeat(64) } }),
        }),
        400,
        ['Invalid file hash for module.js', 'check plugin.json id'],
      );
      expect(upper.serverMessage).toBe('Invalid file hash for module.js');
      const unknown = await expectSigningError(
        requestSignedManifest({
          grafanaComUrl: server.url,
          token: DEMO_TOKEN,
          manifest: manifest({ signatureType: 'public' }),
        }),
        400,
        ['Invalid signature type: public'],
      );
      expect(unknown.serverMessage).toBe('Invalid signature type: public');
      const empty = await expectSigningError(
        requestSignedManifest({ grafanaComUrl: server.url, token: DEMO_TOKEN, manifest: manifest({ files: {} }) }),
        400,
        ['Field is required: files'],
      );
      expect(empty.serverMessage).toBe('Field is required: files');
    });

    it("403 when the token's org does not own the plugin id prefix", async () => {
      const error = await expectSigningError(
        requestSignedManifest({
          grafanaComUrl: server.url,
          token: DEMO_TOKEN,
          manifest: manifest({ plugin: 'otherorg-clock-panel', signatureType: 'private', rootUrls: ['http://x/'] }),
        }),
        403,
        ['HTTP 403', 'Plugin id "otherorg-clock-panel" does not belong to org "myorg"', 'prefix', 'org "otherorg"'],
      );
      expect(error.serverMessage).toBe('Plugin id "otherorg-clock-panel" does not belong to org "myorg"');
    });

    it('404 when grafana-com-url lacks /api', async () => {
      const root = server.url.replace(/\/api$/, '');
      const error = await expectSigningError(
        requestSignedManifest({ grafanaComUrl: root, token: DEMO_TOKEN, manifest: manifest() }),
        404,
        ['HTTP 404', 'Not found', 'ends in /api', `${root}/plugins/ci/sign`],
      );
      expect(error.serverMessage).toBe('Not found');
      expect(server.requests[0].path).toBe('/plugins/ci/sign');
    });

    it('409 for a public level the plugin is not approved for', async () => {
      const notGranted = await expectSigningError(
        requestSignedManifest({
          grafanaComUrl: server.url,
          token: DEMO_TOKEN,
          manifest: manifest({ signatureType: 'commercial' }),
        }),
        409,
        [
          'HTTP 409',
          'Plugin is not approved for signature type commercial',
          'not approved for signature type "commercial"',
        ],
      );
      expect(notGranted.serverMessage).toBe('Plugin is not approved for signature type commercial');
      const otherLevel = await expectSigningError(
        requestSignedManifest({
          grafanaComUrl: server.url,
          token: DEMO_TOKEN,
          manifest: manifest({ plugin: 'myorg-demo-panel', signatureType: 'grafana' }),
        }),
        409,
        ['Plugin is not approved for signature type grafana'],
      );
      expect(otherLevel.serverMessage).toBe('Plugin is not approved for signature type grafana');
    });

    it('5xx: the server message, or the first 500 characters of a text body, and retry later', async () => {
      server.script({ status: 500, body: '{"message":"internal server error"}' });
      const json = await expectSigningError(
        requestSignedManifest({ grafanaComUrl: server.url, token: DEMO_TOKEN, manifest: manifest(), retries: 0 }),
        500,
        ['HTTP 500', 'internal server error', 'retry later'],
      );
      expect(json.serverMessage).toBe('internal server error');

      const html = `<html><body>${'x'.repeat(478)}END-OF-500${'y'.repeat(300)}</body></html>`;
      server.script({ status: 503, body: html, headers: { 'Content-Type': 'text/html' } });
      const text = await expectSigningError(
        requestSignedManifest({ grafanaComUrl: server.url, token: DEMO_TOKEN, manifest: manifest(), retries: 0 }),
        503,
        ['HTTP 503', '<html><body>xxx', 'retry later'],
      );
      expect(text.serverMessage).toBe(html.slice(0, 500));
      expect(text.serverMessage?.endsWith('END-OF-500')).toBe(true);
      expect(text.message).not.toContain('yyy');
    });

    it('a redirect is reported, not followed, so the token never reaches another host', async () => {
      const elsewhere = await startLoopbackGrafanaCom();
      try {
        server.script({ status: 302, body: '', headers: { Location: `${elsewhere.url}/plugins/ci/sign` } });
        const error = await expectSigningError(
          requestSignedManifest({ grafanaComUrl: server.url, token: DEMO_TOKEN, manifest: manifest() }),
          302,
          ['HTTP 302', 'not followed', `${elsewhere.url}/plugins/ci/sign`, '(empty body)'],
        );
        expect(error.serverMessage).toBeUndefined();
        expect(elsewhere.requests).toHaveLength(0);
        expect(server.requests).toHaveLength(1);
      } finally {
        await elsewhere.close();
      }
    });

    it('a 200 that is not a signed manifest is an error, not a MANIFEST.txt', async () => {
      server.script({ status: 200, body: '<!DOCTYPE html><title>Grafana Labs</title>' });
      await expectSigningError(
        requestSignedManifest({ grafanaComUrl: server.url, token: DEMO_TOKEN, manifest: manifest() }),
        200,
        ['not a signed manifest', '<!DOCTYPE html>', 'ending in /api'],
      );
    });
  });

  describe('the token', () => {
    it('is redacted when the server echoes it in a JSON message', async () => {
      server.script({ status: 401, body: JSON.stringify({ message: `Token ${DEMO_TOKEN} has expired` }) });
      const error = await expectSigningError(
        requestSignedManifest({ grafanaComUrl: server.url, token: DEMO_TOKEN, manifest: manifest() }),
        401,
        ['Token *** has expired', 'plugins:write'],
      );
      expect(error.serverMessage).toBe('Token *** has expired');
    });

    it('is redacted raw, JSON-escaped and URL-encoded from a text body', async () => {
      const token = 'glc_abc/def+ghi=';
      server.script({
        status: 400,
        body: `bad token ${token}; escaped glc_abc\\/def+ghi=; encoded ${encodeURIComponent(token)} end`,
      });
      const error = await expectSigningError(
        requestSignedManifest({ grafanaComUrl: server.url, token, manifest: manifest() }),
        400,
        ['bad token ***; escaped ***; encoded *** end'],
        token,
      );
      expect(error.serverMessage).toBe('bad token ***; escaped ***; encoded *** end');
      expect(error.message).not.toContain('glc_abc');
    });

    it('is refused when empty or containing whitespace, before any request', async () => {
      await expectUsageError(
        requestSignedManifest({ grafanaComUrl: server.url, token: '  ', manifest: manifest() }),
        'access-policy-token',
        'plugins:write',
      );
      const spaced = await expectUsageError(
        requestSignedManifest({ grafanaComUrl: server.url, token: 'glc_abc def', manifest: manifest() }),
        'access-policy-token',
        'spaces',
      );
      expect(spaced.message).not.toContain('glc_abc def');
      expect(server.requests).toHaveLength(0);
    });

    it('surrounding whitespace (a secret pasted with a newline) is trimmed', async () => {
      await requestSignedManifest({
        grafanaComUrl: server.url,
        token: `${DEMO_TOKEN}\n`,
        manifest: manifest({ plugin: 'myorg-demo-panel' }),
      });
      expect(server.requests[0].headers.authorization).toBe(`Bearer ${DEMO_TOKEN}`);
    });
  });

  describe('the connection', () => {
    it('connection refused is status 0 and names the URL', async () => {
      const port = await closedPort();
      const url = `http://127.0.0.1:${port}/api`;
      const error = await expectSigningError(
        requestSignedManifest({ grafanaComUrl: url, token: DEMO_TOKEN, manifest: manifest(), retries: 0 }),
        0,
        [`Could not reach ${url}/plugins/ci/sign`, 'ECONNREFUSED'],
      );
      expect(error.serverMessage).toBeUndefined();
    });

    it('no answer within timeoutMs is status 0', async () => {
      server.script({ status: 200, body: 'late', delayMs: 1500 });
      const started = Date.now();
      await expectSigningError(
        requestSignedManifest({
          grafanaComUrl: server.url,
          token: DEMO_TOKEN,
          manifest: manifest(),
          retries: 0,
          timeoutMs: 200,
        }),
        0,
        ['No answer from', 'within 200 ms'],
      );
      expect(Date.now() - started).toBeLessThan(1400);
    });

    it('a connection dropped in the middle of the answer is status 0, not a truncated manifest', async () => {
      server.script({
        status: 200,
        body: `\r\n-----BEGIN PGP SIGNED MESSAGE-----\r\nHash: SHA512\r\n\r\n${'{}'.repeat(4000)}`,
        destroy: true,
      });
      await expectSigningError(
        requestSignedManifest({
          grafanaComUrl: server.url,
          token: DEMO_TOKEN,
          manifest: manifest(),
          retries: 0,
          timeoutMs: 5000,
        }),
        0,
        ['Could not reach'],
      );
      server.script({ status: 200, body: '', destroy: true });
      await expectSigningError(
        requestSignedManifest({
          grafanaComUrl: server.url,
          token: DEMO_TOKEN,
          manifest: manifest(),
          retries: 0,
          timeoutMs: 5000,
        }),
        0,
        ['socket hang up'],
      );
    });

    it.each(['127.5.6.7', '[::1]', '[::ffff:127.0.0.1]', 'localhost'])(
      'plain http to loopback host %s is allowed',
      async (host) => {
        const port = await closedPort();
        const error = await expectSigningError(
          requestSignedManifest({
            grafanaComUrl: `http://${host}:${port}/api`,
            token: DEMO_TOKEN,
            manifest: manifest(),
            retries: 0,
          }),
          0,
          [`http://${host}:${port}/api/plugins/ci/sign`],
        );
        expect(error).not.toBeInstanceOf(UsageError);
      },
    );
  });

  describe('plain http to a host that is not loopback', () => {
    // A stand-in proxy counting connections: with http(s)_proxy pointing at it, any request the client makes to a
    // non-loopback host shows up here, which proves the refusal happens before the network is touched.
    let proxy: net.Server;
    let connections = 0;
    const saved: Record<string, string | undefined> = {};
    const proxyVars = ['http_proxy', 'HTTP_PROXY', 'https_proxy', 'HTTPS_PROXY', 'no_proxy', 'NO_PROXY'];

    beforeAll(async () => {
      proxy = net.createServer((socket) => {
        connections += 1;
        socket.destroy();
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
    });
    beforeEach(() => {
      const { port } = proxy.address() as net.AddressInfo;
      for (const name of proxyVars) {
        saved[name] = process.env[name];
        delete process.env[name];
      }
      process.env.http_proxy = `http://127.0.0.1:${port}`;
      process.env.https_proxy = `http://127.0.0.1:${port}`;
      connections = 0;
    });
    afterEach(() => {
      for (const name of proxyVars) {
        if (saved[name] === undefined) delete process.env[name];
        else process.env[name] = saved[name];
      }
    });

    it('control: an https URL does go out (through the proxy)', async () => {
      await expectSigningError(
        requestSignedManifest({
          grafanaComUrl: 'https://grafana.example/api',
          token: DEMO_TOKEN,
          manifest: manifest(),
          timeoutMs: 5000,
          retries: 0,
        }),
        0,
        ['https://grafana.example/api/plugins/ci/sign'],
      );
      expect(connections).toBeGreaterThanOrEqual(1);
    });

    it('is refused with a UsageError before any connection', async () => {
      const error = await expectUsageError(
        requestSignedManifest({ grafanaComUrl: 'http://grafana.example/api', token: DEMO_TOKEN, manifest: manifest() }),
        'grafana-com-url',
        'plain http to grafana.example',
      );
      expect(error.message).toContain('https://');
      expect(error.message).not.toContain(DEMO_TOKEN);
      expect(connections).toBe(0);
      const ipv4 = await expectUsageError(
        requestSignedManifest({ grafanaComUrl: 'http://10.0.0.1:8080/api', token: DEMO_TOKEN, manifest: manifest() }),
        'grafana-com-url',
        'plain http',
      );
      expect(ipv4).toBeInstanceOf(UsageError);
      await expectUsageError(
        requestSignedManifest({
          grafanaComUrl: 'http://localhost.evil.example/api',
          token: DEMO_TOKEN,
          manifest: manifest(),
        }),
        'grafana-com-url',
        'plain http',
      );
      expect(connections).toBe(0);
    });
  });
});

describe('the loopback grafana.com itself', () => {
  it('serves its public key at /plugins/ci/keys as Grafana expects, and 404s unknown routes', async () => {
    const server = await startLoopbackGrafanaCom();
    try {
      const keys = await fetch(`${server.url}/plugins/ci/keys`);
      expect(keys.status).toBe(200);
      const body = (await keys.json()) as { items: { keyId: string; public: string; since: number }[] };
      expect(body.items).toHaveLength(1);
      expect(body.items[0].keyId).toBe(server.keyId);
      expect(body.items[0].public).toBe(server.publicKeyArmored);
      expect(Number.isInteger(body.items[0].since)).toBe(true);
      expect(body.items[0].since).toBeLessThanOrEqual(Date.now() / 1000);
      const key = await openpgp.readKey({ armoredKey: body.items[0].public });
      expect(key.getKeyID().toHex()).toBe(server.keyId);
      expect(key.isPrivate()).toBe(false);

      const missing = await fetch(`${server.url}/plugins/ci/nope`);
      expect(missing.status).toBe(404);
      expect(await missing.json()).toEqual({ message: 'Not found' });
      expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        'GET /api/plugins/ci/keys',
        'GET /api/plugins/ci/nope',
      ]);
    } finally {
      await server.close();
    }
  });

  it('signs with a given key and custom tokens, at the real time by default', async () => {
    const key = await generateSigningKey({ date: new Date(Date.now() - 60_000) });
    const token = 'glc_acme-test-token';
    const server = await startLoopbackGrafanaCom({
      privateKeyArmored: key.privateKeyArmored,
      tokens: { [token]: { org: 'acme', orgName: 'Acme Corp', grantedLevels: { 'acme-maps-panel': 'commercial' } } },
    });
    try {
      expect(server.keyId).toBe(key.keyId);
      expect(server.privateKeyArmored).toBe(key.privateKeyArmored);
      const before = Date.now();
      const out = await requestSignedManifest({
        grafanaComUrl: server.url,
        token,
        manifest: manifest({ plugin: 'acme-maps-panel' }),
      });
      const json = JSON.parse(signedJsonText(out.toString('utf8'))) as Record<string, unknown>;
      expect(json).toMatchObject({
        signatureType: 'commercial',
        signedByOrg: 'acme',
        signedByOrgName: 'Acme Corp',
        keyId: key.keyId,
      });
      expect(json.time).toBeGreaterThanOrEqual(before);
      expect(json.time).toBeLessThanOrEqual(Date.now());
      const verified = await openpgp.verify({
        message: await openpgp.readCleartextMessage({ cleartextMessage: out.toString('utf8') }),
        verificationKeys: await openpgp.readKey({ armoredKey: key.publicKeyArmored }),
      });
      await expect(verified.signatures[0].verified).resolves.toBe(true);
      // With custom tokens, the demo token is not accepted.
      await expectSigningError(
        requestSignedManifest({ grafanaComUrl: server.url, token: DEMO_TOKEN, manifest: manifest() }),
        401,
        ['Unauthorized'],
      );
    } finally {
      await server.close();
    }
  });

  it('exports a demo org owning myorg-* with myorg-demo-panel granted community', () => {
    expect(DEMO_TOKEN.startsWith('glc_')).toBe(true);
    expect(DEMO_ORG.org).toBe('myorg');
    expect(DEMO_ORG.grantedLevels).toEqual({ 'myorg-demo-panel': 'community' });
  });
});
