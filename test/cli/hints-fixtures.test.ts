/**
 * Issue 11, done when: on a tampered copy of a shared Grafana fixture per cause, the bundled CLI's `verify --json`
 * carries exactly that `hint.cause`; an untouched or differently tampered copy carries none. Causes that need
 * another signature (backslash keys, a rotated key) re-sign the fixture's own manifest JSON with the loopback
 * grafana.com key.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { decodeCleartext } from '../../src/signature/cleartext.js';
import { clearsignLikeGrafanaCom, startLoopbackGrafanaCom, type LoopbackGrafanaCom } from '../servers/grafana-com.js';
import { CLI_BUNDLE, runCli } from '../helpers/run-action.js';
import { SHARED_PLUGINS, describeShared } from '../helpers/shared.js';
import { copyPlugin, tempDir } from '../helpers/tmp.js';

let server: LoopbackGrafanaCom;
let publicKeyFile: string;
beforeAll(async () => {
  if (!existsSync(CLI_BUNDLE)) throw new Error(`${CLI_BUNDLE} is missing: run npm run build`);
  server = await startLoopbackGrafanaCom();
  publicKeyFile = path.join(tempDir('hints-key-'), 'loopback.asc');
  writeFileSync(publicKeyFile, server.publicKeyArmored);
});
afterAll(() => server?.close());

const fixture = (name: string) => copyPlugin(path.join(SHARED_PLUGINS, name));
const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');

/** The fixture's signed manifest JSON, edited by `edit`, signed again by the loopback grafana.com key. */
async function resign(dir: string, edit: (m: Record<string, unknown>) => void): Promise<void> {
  const block = decodeCleartext(readFileSync(path.join(dir, 'MANIFEST.txt')))!;
  const manifest = JSON.parse(block.plaintext.toString('utf8')) as Record<string, unknown>;
  manifest.keyId = server.keyId;
  edit(manifest);
  const text = await clearsignLikeGrafanaCom(JSON.stringify(manifest, null, 2), server.privateKeyArmored);
  writeFileSync(path.join(dir, 'MANIFEST.txt'), text);
}

async function verifyJson(dir: string, ...flags: string[]) {
  const run = await runCli(['verify', '--json', ...flags, dir]);
  expect(run.stderr).toBe('');
  const report = JSON.parse(run.stdout) as {
    status: string;
    findings: { kind: string; status: string | null; hint?: { cause: string; detail: string; fix: string } }[];
  };
  const causes = [...new Set(report.findings.flatMap((f) => (f.hint ? [f.hint.cause] : [])))];
  return { code: run.code, status: report.status, causes, report };
}

describeShared('every cause on a tampered copy of a shared fixture, through the bundled CLI', () => {
  it('line-endings: private-localhost with plugin.json converted to CRLF', async () => {
    const dir = fixture('private-localhost');
    const file = path.join(dir, 'plugin.json');
    writeFileSync(file, readFileSync(file, 'latin1').replaceAll('\n', '\r\n'), 'latin1');
    expect(await verifyJson(dir)).toMatchObject({ code: 1, status: 'modified', causes: ['line-endings'] });
  });

  it('git-lfs-pointer: nested with nested/plugin.json replaced by its LFS pointer', async () => {
    const dir = fixture('nested');
    const file = path.join(dir, 'nested/plugin.json');
    const content = readFileSync(file);
    writeFileSync(
      file,
      `version https://git-lfs.github.com/spec/v1\noid sha256:${sha256(content)}\nsize ${content.length}\n`,
    );
    expect(await verifyJson(dir)).toMatchObject({ status: 'modified', causes: ['git-lfs-pointer'] });
  });

  it('windows-separators: nested re-signed with the key nested\\plugin.json', async () => {
    const dir = fixture('nested');
    await resign(dir, (m) => {
      const files = m.files as Record<string, string>;
      files['nested\\plugin.json'] = files['nested/plugin.json'];
      delete files['nested/plugin.json'];
    });
    const run = await verifyJson(dir, '--public-key', publicKeyFile);
    expect(run).toMatchObject({ status: 'modified', causes: ['windows-separators'] });
    expect(run.report.findings.map((f) => f.kind)).toEqual(['file-missing', 'file-not-covered']);
  });

  it('os-debris: grafana-with-root-url with a .DS_Store added', async () => {
    const dir = fixture('grafana-with-root-url');
    writeFileSync(path.join(dir, '.DS_Store'), Buffer.from('\0\0\0\x01Bud1', 'latin1'));
    expect(await verifyJson(dir, '--app-url', 'https://dev.grafana.com/')).toMatchObject({
      status: 'modified',
      causes: ['os-debris'],
    });
  });

  it('folder-level: nested with its child folder renamed nested → Nested', async () => {
    const dir = fixture('nested');
    renameSync(path.join(dir, 'nested'), path.join(dir, 'Nested'));
    expect(await verifyJson(dir)).toMatchObject({ status: 'modified', causes: ['folder-level'] });
  });

  it('changed-after-signing: private-localhost with the version bumped in plugin.json', async () => {
    const dir = fixture('private-localhost');
    const file = path.join(dir, 'plugin.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"version": "1.0.0"', '"version": "1.0.1"'));
    expect(await verifyJson(dir)).toMatchObject({ status: 'modified', causes: ['changed-after-signing'] });
  });

  it('root-url-near-miss: private-localhost on port 3001, private-subpath on the root path', async () => {
    expect(await verifyJson(fixture('private-localhost'), '--app-url', 'http://localhost:3001/')).toMatchObject({
      status: 'invalid',
      causes: ['root-url-near-miss'],
    });
    expect(await verifyJson(fixture('private-subpath'), '--app-url', 'http://localhost:3000/')).toMatchObject({
      status: 'invalid',
      causes: ['root-url-near-miss'],
    });
  });

  it('rotated-key: private-localhost re-signed by a key grafana.com publishes, key retrieval disabled', async () => {
    const dir = fixture('private-localhost');
    await resign(dir, () => {});
    const flags = ['--fetch-keys', '--grafana-com-url', server.url, '--public-key-retrieval', 'disabled'];
    expect(await verifyJson(dir, ...flags)).toMatchObject({ status: 'invalid', causes: ['rotated-key'] });
    // The same copy with retrieval enabled trusts the published key: valid, no hint.
    expect(await verifyJson(dir, '--fetch-keys', '--grafana-com-url', server.url)).toMatchObject({
      code: 0,
      status: 'valid',
      causes: [],
    });
  });

  it('untouched copies carry no hint; differently tampered copies carry none', async () => {
    for (const [name, flags] of [
      ['private-localhost', []],
      ['private-subpath', ['--app-url', 'http://localhost:3000/grafana']],
      ['grafana-with-root-url', ['--app-url', 'https://dev.grafana.com/']],
      ['nested', []],
    ] as const) {
      expect(await verifyJson(fixture(name), ...flags)).toMatchObject({ code: 0, status: 'valid', causes: [] });
    }
    // Content edited (not line endings), an ordinary file added, another host, an unknown key not fetched.
    const edited = fixture('private-localhost');
    const file = path.join(edited, 'plugin.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace('"Test"', '"Tested"'));
    expect(await verifyJson(edited)).toMatchObject({ status: 'modified', causes: [] });
    const added = fixture('nested');
    writeFileSync(path.join(added, 'nested/MANIFEST.txt'), 'child manifest');
    expect(await verifyJson(added)).toMatchObject({ status: 'modified', causes: [] });
    expect(await verifyJson(fixture('private-localhost'), '--app-url', 'http://127.0.0.1:3000/')).toMatchObject({
      status: 'invalid',
      causes: [],
    });
    const resigned = fixture('private-localhost');
    await resign(resigned, () => {});
    expect(await verifyJson(resigned)).toMatchObject({ status: 'invalid', causes: [] });
  });

  it('the CLI text output shows the cause and the fix', async () => {
    const dir = fixture('private-localhost');
    const run = await runCli(['verify', '--app-url', 'http://localhost:3001/', dir]);
    expect(run.stdout).toContain('      cause: root-url-near-miss: http://localhost:3001/ does not match');
    expect(run.stdout).toContain('      fix:   sign with root URL http://localhost:3001/');
  });
});
