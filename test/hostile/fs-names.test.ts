/**
 * File names are bytes (issue 9 item 3), through the bundled CLI: a name that is not valid UTF-8 can never be
 * covered by a manifest (Go's JSON decoder turns invalid UTF-8 in a key into U+FFFD, Grafana's walk keeps the raw
 * bytes), so a plugin holding `\xff.js` beside a signed `�.js` (U+FFFD, real UTF-8) is `modified`, and signing such
 * a folder is refused before any request to grafana.com.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TrustedKeys } from '../../src/signature/keys.js';
import { signPlugin } from '../../src/signing/sign.js';
import type { PluginReport } from '../../src/verify/report.js';
import { CLI_BUNDLE, runCli } from '../helpers/run-action.js';
import {
  DEMO_TOKEN,
  keysTrustingLoopback,
  startLoopbackGrafanaCom,
  type LoopbackGrafanaCom,
} from '../servers/grafana-com.js';
import { makePlugin, PLUGIN_ID } from './make-plugin.js';

let server: LoopbackGrafanaCom;
let keys: TrustedKeys;
let keyFile: string;
beforeAll(async () => {
  if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run npm run build`);
  server = await startLoopbackGrafanaCom({
    tokens: { [DEMO_TOKEN]: { org: 'myorg', orgName: 'My Org', grantedLevels: { [PLUGIN_ID]: 'community' } } },
  });
  keys = await keysTrustingLoopback(server);
  keyFile = path.join(makePlugin().parent, 'loopback.asc');
  writeFileSync(keyFile, server.publicKeyArmored);
});
afterAll(() => server?.close());

/** `dist` as a Buffer path with the raw name `name` appended. */
const rawPath = (dir: string, name: number[]) => Buffer.concat([Buffer.from(`${dir}/`), Buffer.from(name)]);
const FF_JS = [0xff, 0x2e, 0x6a, 0x73]; // "\xff.js"

describe('names that are not UTF-8', () => {
  it('a signed �.js plus an unsigned \\xff.js: modified, \\xff.js not covered, saying why', async () => {
    const p = makePlugin({ '\uFFFD.js': 'the signed one\n' });
    await signPlugin({ dist: p.dir, token: DEMO_TOKEN, grafanaComUrl: server.url, keys });
    const signedOnly = await runCli(['verify', '--json', '--public-key', keyFile, p.dir]);
    expect((JSON.parse(signedOnly.stdout) as PluginReport).status).toBe('valid'); // control: U+FFFD itself is a fine name
    writeFileSync(rawPath(p.dir, FF_JS), 'the unsigned one\n');
    expect(readdirSync(p.dir, { encoding: 'buffer' }).some((n) => n.equals(Buffer.from(FF_JS)))).toBe(true);

    const run = await runCli(['verify', '--json', '--public-key', keyFile, p.dir]);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as PluginReport;
    expect(json.status).toBe('modified');
    const uncovered = json.findings.filter((f) => f.kind === 'file-not-covered');
    expect(uncovered).toHaveLength(1);
    expect(uncovered[0].path).toBe('\\xff.js');
    expect(uncovered[0].message).toContain('The following files were not included in the signature: \\xff.js');
    expect(uncovered[0].message).toContain('not valid UTF-8');
    expect(uncovered[0].message).toContain('U+FFFD');
  });

  it('in a folder whose name is not UTF-8 too: every file under it is not covered', async () => {
    const p = makePlugin({ 'a.js': 'a' });
    await signPlugin({ dist: p.dir, token: DEMO_TOKEN, grafanaComUrl: server.url, keys });
    const sub = rawPath(p.dir, [0x73, 0xc3]); // "s\xc3": a truncated sequence
    const { mkdirSync } = await import('node:fs');
    mkdirSync(sub);
    writeFileSync(Buffer.concat([sub, Buffer.from('/x.js')]), 'x');
    const json = JSON.parse(
      (await runCli(['verify', '--json', '--public-key', keyFile, p.dir])).stdout,
    ) as PluginReport;
    expect(json.status).toBe('modified');
    expect(json.findings.map((f) => f.path)).toEqual(['s\\xc3/x.js']);
  });

  it('sign refuses the folder before any request, naming the file with its bytes escaped', async () => {
    const p = makePlugin({ '\uFFFD.js': 'fine\n' });
    writeFileSync(rawPath(p.dir, FF_JS), 'not signable\n');
    const before = server.requests.length;
    const run = await runCli(['sign', '--dist', p.dir, '--grafana-com-url', server.url, '--public-key', keyFile], {
      env: { GRAFANA_ACCESS_POLICY_TOKEN: DEMO_TOKEN },
    });
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/^error: /m);
    expect(run.stderr).toContain('\\xff.js: the name is not valid UTF-8');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(server.requests.length).toBe(before); // not even the keys fetch
    expect(existsSync(path.join(p.dir, 'MANIFEST.txt'))).toBe(false);
  });
});
