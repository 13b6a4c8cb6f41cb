/**
 * End to end: the bundled dist/index.js, run as a child process the way a runner runs it, against the loopback
 * grafana.com.
 */
import { createHash } from 'node:crypto';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_TOKEN, startLoopbackGrafanaCom, type LoopbackGrafanaCom } from '../servers/grafana-com.js';
import { ACTION_BUNDLE, PROJECT_ROOT, runAction } from '../helpers/run-action.js';
import { tempDir } from '../helpers/tmp.js';

const EXAMPLE = path.join(PROJECT_ROOT, 'examples/plugin/dist');
let server: LoopbackGrafanaCom;

beforeAll(async () => {
  if (!existsSync(ACTION_BUNDLE)) throw new Error(`${ACTION_BUNDLE} is missing: run npm run build`);
  server = await startLoopbackGrafanaCom({
    tokens: { [DEMO_TOKEN]: { org: 'myorg', orgName: 'My Org', grantedLevels: { 'myorg-demo-panel': 'community' } } },
  });
});
afterAll(() => server?.close());

function workspace(): string {
  const ws = tempDir('action-ws-');
  cpSync(EXAMPLE, path.join(ws, 'dist'), { recursive: true });
  return ws;
}

const signInputs = () => ({
  dist: 'dist',
  'access-policy-token': DEMO_TOKEN,
  'grafana-com-url': server.url,
  'public-keys': server.publicKeyArmored,
});

describe('bundled action', () => {
  it('signs, verifies, sets the outputs and exits 0', async () => {
    const ws = workspace();
    const signRequests = () => server.requests.filter((r) => r.path.endsWith('/plugins/ci/sign'));
    const before = signRequests().length;
    const run = await runAction({ workspace: ws, inputs: { ...signInputs(), 'signature-type': 'community' } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const manifestPath = path.join(ws, 'dist/MANIFEST.txt');
    const written = readFileSync(manifestPath);
    expect(run.outputs).toEqual({
      status: 'valid',
      'signature-type': 'community',
      'signed-by-org': 'myorg',
      'signed-by-org-name': 'My Org',
      'key-id': server.keyId,
      'plugin-id': 'myorg-demo-panel',
      'plugin-version': '1.0.0',
      'manifest-path': manifestPath,
      'manifest-sha256': createHash('sha256').update(written).digest('hex'),
      'files-count': '5',
      findings: '[]',
      'artifact-id': '',
      'artifact-url': '',
      archive: '',
      'archive-sha1': '',
      'route-findings': '[]',
      'route-errors': '0',
      results: expect.any(String) as string,
      'results-file': expect.stringMatching(/sign-plugin-action-results-[0-9a-f]{12}\.json$/) as string,
    });
    expect(readFileSync(run.outputs['results-file'], 'utf8')).toBe(run.outputs.results);
    expect(JSON.parse(run.outputs.results)).toEqual([
      expect.objectContaining({
        path: 'dist',
        status: 'valid',
        ok: true,
        plugin: 'myorg-demo-panel',
        keyId: server.keyId,
      }),
    ]);
    expect(run.stdout).toContain(
      '::notice::not running in GitHub Actions (no ACTIONS_RUNTIME_TOKEN): artifact upload skipped',
    );
    expect(run.stdout).toContain('::notice title=Signed%3A myorg-demo-panel 1.0.0::Signed as community by My Org');
    expect(written.toString('latin1')).toMatch(/^\r\n-----BEGIN PGP SIGNED MESSAGE-----\r\nHash: SHA512\r\n\r\n\{\r\n/);
    expect(signRequests().length).toBe(before + 1);
    const sent = JSON.parse(signRequests().at(-1)!.body) as { files: Record<string, string> };
    expect(sent).toMatchObject({ plugin: 'myorg-demo-panel', version: '1.0.0', signatureType: 'community' });
    expect(Object.keys(sent.files).sort()).toEqual([
      'LICENSE',
      'README.md',
      'img/logo.svg',
      'module.js',
      'plugin.json',
    ]);
    // The runner consumes ::add-mask:: and shows nothing of it; nowhere else may the token appear.
    expect(run.stdout.split('\n').filter((l) => l === `::add-mask::${DEMO_TOKEN}`)).toHaveLength(1);
    expect(run.stdout.replace(`::add-mask::${DEMO_TOKEN}`, '')).not.toContain(DEMO_TOKEN);
    expect(run.summary).not.toContain(DEMO_TOKEN);
  });

  it('a wrong expected signature type exits 1 with the reason', async () => {
    const ws = workspace();
    expect((await runAction({ workspace: ws, inputs: signInputs() })).code).toBe(0);
    const run = await runAction({
      workspace: ws,
      inputs: { mode: 'verify', dist: 'dist', 'signature-type': 'commercial', 'public-keys': server.publicKeyArmored },
    });
    expect(run.code).toBe(1);
    expect(run.outputs.status).toBe('valid');
    expect(run.stdout).toContain('::error::expected signature type commercial, the manifest says community');
  });

  it('a server error exits 1, writes no MANIFEST.txt and leaves an earlier one byte-identical', async () => {
    const ws = workspace();
    const manifestPath = path.join(ws, 'dist/MANIFEST.txt');
    server.script(...Array.from({ length: 4 }, () => ({ status: 500, body: '{"message":"internal error"}' })));
    const first = await runAction({ workspace: ws, inputs: { ...signInputs(), retries: '1' } });
    expect(first.code).toBe(1);
    expect(first.stdout).toMatch(/::warning::grafana.com: .*500.*; attempt 2 in \d\.\d s/);
    expect(first.stdout).toMatch(/::error::.*500.*internal error.*Gave up after 2 attempts/);
    expect(existsSync(manifestPath)).toBe(false);

    const earlier = Buffer.from('\n-----BEGIN PGP SIGNED MESSAGE-----\nearlier manifest, must survive\n');
    writeFileSync(manifestPath, earlier);
    const second = await runAction({ workspace: ws, inputs: { ...signInputs(), retries: '1' } });
    expect(second.code).toBe(1);
    expect(readFileSync(manifestPath).equals(earlier)).toBe(true);
    server.clearScript();
  });

  it('refuses to sign without a token, explaining how to pass one', async () => {
    const ws = workspace();
    const run = await runAction({ workspace: ws, inputs: { dist: 'dist', 'grafana-com-url': server.url } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('::error::access-policy-token is empty');
    expect(existsSync(path.join(ws, 'dist/MANIFEST.txt'))).toBe(false);
  });

  it('private signing without root URLs: the server message and the fix', async () => {
    const ws = workspace();
    const run = await runAction({ workspace: ws, inputs: { ...signInputs(), 'signature-type': 'private' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('Field is required: rootUrls');
    expect(run.stdout).toContain('root-urls');
  });

  it('private signing with root URLs checks them as the app URLs', async () => {
    const ws = workspace();
    const run = await runAction({
      workspace: ws,
      inputs: { ...signInputs(), 'signature-type': 'private', 'root-urls': 'https://grafana.example.com/' },
    });
    expect(run.code).toBe(0);
    expect(run.outputs['signature-type']).toBe('private');
    expect(run.stdout).toContain('app URL https://grafana.example.com/: accepted');
  });

  it('an unknown signature type is a clear input error', async () => {
    const ws = workspace();
    const run = await runAction({ workspace: ws, inputs: { ...signInputs(), 'signature-type': 'Community' } });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      '::error::signature-type: "Community" is not a signature type; use one of grafana, commercial, community, private, private-glob',
    );
  });
});
