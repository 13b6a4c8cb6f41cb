/**
 * Signing refuses a hostile folder before contacting grafana.com: no request reaches the loopback server, no
 * MANIFEST.txt is written, and the `PluginError` names the entry at fault.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PluginError } from '../../src/errors.js';
import { trustedKeysFor } from '../../src/grafana-com/fetch-keys.js';
import { TrustedKeys } from '../../src/signature/keys.js';
import { signPlugin } from '../../src/signing/sign.js';
import {
  DEMO_TOKEN,
  keysTrustingLoopback,
  startLoopbackGrafanaCom,
  type LoopbackGrafanaCom,
} from '../servers/grafana-com.js';
import { makePlugin, PLUGIN_ID, type HostilePlugin } from './make-plugin.js';

let server: LoopbackGrafanaCom;
let keys: TrustedKeys;
beforeAll(async () => {
  server = await startLoopbackGrafanaCom({
    tokens: { [DEMO_TOKEN]: { org: 'myorg', orgName: 'My Org', grantedLevels: { [PLUGIN_ID]: 'community' } } },
  });
  keys = await keysTrustingLoopback(server);
});
afterAll(() => server?.close());

const sign = (dist: string) => signPlugin({ dist, token: DEMO_TOKEN, grafanaComUrl: server.url, keys });

const CASES: [name: string, plant: (p: HostilePlugin) => string | void, message: RegExp][] = [
  [
    'a symlink to a file outside',
    ({ dir, outside }) => symlinkSync(path.join(outside, 'secret.txt'), path.join(dir, 'escape.js')),
    /escape\.js: symlink resolves outside the plugin folder/,
  ],
  [
    'a symlink to a folder outside',
    ({ dir, outside }) => symlinkSync(outside, path.join(dir, 'vendor')),
    /vendor: symlink resolves outside the plugin folder/,
  ],
  [
    'a symlink loop',
    ({ dir }) => {
      symlinkSync('b', path.join(dir, 'a'));
      symlinkSync('a', path.join(dir, 'b'));
    },
    /a: symlink does not resolve \(ELOOP: a symlink loop\)/,
  ],
  [
    'a broken symlink',
    ({ dir }) => symlinkSync('gone.js', path.join(dir, 'broken.js')),
    /broken\.js: symlink does not resolve \(ENOENT\)/,
  ],
  [
    'a FIFO',
    ({ dir }) => {
      execFileSync('mkfifo', [path.join(dir, 'img/pipe')]);
    },
    /img\/pipe: not a regular file/,
  ],
  [
    'a symlink to /dev/zero',
    ({ dir }) => symlinkSync('/dev/zero', path.join(dir, 'zero.js')),
    /zero\.js: symlink resolves outside the plugin folder \(to \/dev\/zero\)/,
  ],
  [
    'plugin.json linked from outside',
    ({ dir, outside }) => {
      writeFileSync(path.join(outside, 'plugin.json'), JSON.stringify({ id: PLUGIN_ID, info: { version: '1' } }));
      rmSync(path.join(dir, 'plugin.json'));
      symlinkSync(path.join(outside, 'plugin.json'), path.join(dir, 'plugin.json'));
    },
    /^plugin\.json resolves outside the plugin folder/,
  ],
  ['plugin.json malformed', ({ dir }) => writeFileSync(path.join(dir, 'plugin.json'), '{'), /not valid JSON/],
  ['plugin.json an array', ({ dir }) => writeFileSync(path.join(dir, 'plugin.json'), '[]'), /is an array/],
  [
    'plugin.json a FIFO',
    ({ dir }) => {
      rmSync(path.join(dir, 'plugin.json'));
      execFileSync('mkfifo', [path.join(dir, 'plugin.json')]);
    },
    /plugin\.json is not a regular file but a FIFO/,
  ],
  ['a path that does not exist', ({ parent }) => path.join(parent, 'nope'), /does not exist/],
  ['a path that is a file', ({ dir }) => path.join(dir, 'module.js'), /module\.js is not a folder/],
];

describe('signing a hostile folder sends nothing', () => {
  for (const [name, plant, message] of CASES) {
    it(`${name}: PluginError naming it, no request, no MANIFEST.txt`, async () => {
      const p = makePlugin();
      const dist = plant(p) ?? p.dir;
      const requests = server.requests.length;
      const attempt = sign(dist);
      await expect(attempt).rejects.toThrow(PluginError);
      await expect(attempt).rejects.toThrow(message);
      await expect(attempt).rejects.not.toThrow(/\n\s+at /);
      expect(server.requests.length).toBe(requests);
      expect(existsSync(path.join(p.dir, 'MANIFEST.txt'))).toBe(false);
    });
  }

  it('control: the same plugin without hostile entries is signed with exactly one request', async () => {
    const p = makePlugin();
    mkdirSync(path.join(p.dir, 'sub'));
    const requests = server.requests.length;
    const signed = await sign(p.dir);
    expect(signed.verification.status).toBe('valid');
    expect(server.requests.length).toBe(requests + 1);
  });

  it('keys fetched lazily (as the CLI does): a hostile folder costs not even the keys request', async () => {
    const fetchKeys = () =>
      trustedKeysFor({ fetch: true, retrieval: 'enabled', grafanaComUrl: server.url, extra: [], onWarning: () => {} });
    const hostile = makePlugin();
    symlinkSync(path.join(hostile.outside, 'secret.txt'), path.join(hostile.dir, 'escape.js'));
    const before = server.requests.length;
    await expect(
      signPlugin({ dist: hostile.dir, token: DEMO_TOKEN, grafanaComUrl: server.url, keys: fetchKeys }),
    ).rejects.toThrow(PluginError);
    expect(server.requests.length).toBe(before);
    const good = makePlugin();
    const signed = await signPlugin({ dist: good.dir, token: DEMO_TOKEN, grafanaComUrl: server.url, keys: fetchKeys });
    expect(signed.verification.status).toBe('valid');
    expect(server.requests.slice(before).map((r) => `${r.method} ${r.path}`)).toEqual([
      'GET /api/plugins/ci/keys',
      'POST /api/plugins/ci/sign',
    ]);
  });
});
