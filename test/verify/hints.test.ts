/**
 * Hints (issue 11): each proven cause on plugins signed by the loopback grafana.com, made by the real mechanism
 * where one exists (git core.autocrlf, a Git LFS pointer, a manifest with backslash keys), each beside its near
 * miss, which must get no hint. Hints never change a status.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildManifest } from '../../src/manifest/build.js';
import { trustedKeysFor } from '../../src/grafana-com/fetch-keys.js';
import { TrustedKeys } from '../../src/signature/keys.js';
import type { Finding } from '../../src/verify/findings.js';
import { parseLfsPointer } from '../../src/verify/hints/git-lfs.js';
import { verifyPlugin, type VerifyResult } from '../../src/verify/verify.js';
import {
  clearsignLikeGrafanaCom,
  DEMO_TOKEN,
  keysTrustingLoopback,
  startLoopbackGrafanaCom,
  type LoopbackGrafanaCom,
} from '../servers/grafana-com.js';
import { tempDir } from '../helpers/tmp.js';

let server: LoopbackGrafanaCom;
let keys: TrustedKeys;

beforeAll(async () => {
  server = await startLoopbackGrafanaCom({
    tokens: { [DEMO_TOKEN]: { org: 'myorg', orgName: 'My Org', grantedLevels: { 'myorg-hint-panel': 'community' } } },
  });
  keys = await keysTrustingLoopback(server);
});
afterAll(() => server?.close());

const sha256 = (b: string | Buffer) => createHash('sha256').update(b).digest('hex');
const MODULE_JS = 'define([], function () {\n  return {};\n});\n';
const PLUGIN_JSON =
  JSON.stringify({ type: 'panel', id: 'myorg-hint-panel', info: { version: '1.2.3' } }, null, 2) + '\n';

function makePlugin(extra: Record<string, string> = {}): string {
  const dir = path.join(tempDir('hints-'), 'dist');
  const files: Record<string, string> = {
    'plugin.json': PLUGIN_JSON,
    'module.js': MODULE_JS,
    'img/logo.svg': '<svg>\n</svg>\n',
    'README.md': '# Hint panel\n\nSome text.\n',
    ...extra,
  };
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
  return dir;
}

/** Signs `dir`'s files (with `files` overriding the listed ones) with the loopback key, as grafana.com would. */
async function sign(dir: string, overrides: Record<string, unknown> = {}): Promise<void> {
  const built = await buildManifest(dir);
  const manifest = {
    manifestVersion: '2.0.0',
    signatureType: 'community',
    signedByOrg: 'myorg',
    signedByOrgName: 'My Org',
    plugin: built.plugin,
    version: built.version,
    time: Date.now() - 60_000,
    keyId: server.keyId,
    files: { ...built.files },
    ...overrides,
  };
  const text = await clearsignLikeGrafanaCom(JSON.stringify(manifest, null, 2), server.privateKeyArmored);
  writeFileSync(path.join(dir, 'MANIFEST.txt'), text);
}

const failing = (r: VerifyResult): Finding[] => r.findings.filter((f) => f.status !== null);
const causes = (r: VerifyResult) => [...new Set(r.findings.flatMap((f) => (f.hint ? [f.hint.cause] : [])))];

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
}

describe('line-endings', () => {
  /** Commits the signed plugin (stored as written), then clones it with core.autocrlf=true. */
  function checkoutWithAutocrlf(dir: string): string {
    const repo = path.dirname(dir);
    git(repo, 'init', '-q');
    git(repo, 'config', 'core.autocrlf', 'false');
    git(repo, 'add', '.');
    git(repo, '-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'signed plugin');
    const clone = path.join(tempDir('hints-clone-'), 'repo');
    git(path.dirname(clone), '-c', 'core.autocrlf=true', 'clone', '-q', repo, clone);
    return path.join(clone, 'dist');
  }

  it('a checkout with core.autocrlf=true: every converted text file is modified, hint line-endings', async () => {
    const dir = makePlugin();
    await sign(dir);
    expect((await verifyPlugin(dir, { keys })).status).toBe('valid');
    const checkedOut = checkoutWithAutocrlf(dir);
    expect(readFileSync(path.join(checkedOut, 'module.js'), 'latin1')).toContain('\r\n'); // git converted it
    const result = await verifyPlugin(checkedOut, { keys });
    expect(result.status).toBe('modified');
    const modified = failing(result);
    expect(modified.map((f) => f.kind)).toEqual(['file-modified', 'file-modified', 'file-modified', 'file-modified']);
    for (const f of modified) {
      expect(f.hint).toMatchObject({ cause: 'line-endings' });
      expect(f.hint!.detail).toBe(
        `${f.path} has CRLF line endings; with LF line endings it hashes to the signed value`,
      );
      expect(f.hint!.fix).toContain('core.autocrlf');
    }
  });

  it('the reverse: signed with CRLF, checked out with LF', async () => {
    const dir = makePlugin({ 'module.js': MODULE_JS.replaceAll('\n', '\r\n') });
    await sign(dir);
    writeFileSync(path.join(dir, 'module.js'), MODULE_JS);
    const result = await verifyPlugin(dir, { keys });
    expect(failing(result)[0].hint?.detail).toBe(
      'module.js has LF line endings; with CRLF line endings it hashes to the signed value',
    );
  });

  it('near miss: CRLF plus one changed character is modified with no hint', async () => {
    const dir = makePlugin();
    await sign(dir);
    writeFileSync(path.join(dir, 'module.js'), MODULE_JS.replace('{}', '{ x: 1 }').replaceAll('\n', '\r\n'));
    const result = await verifyPlugin(dir, { keys });
    expect(result.status).toBe('modified');
    expect(failing(result)).toHaveLength(1);
    expect(causes(result)).toEqual([]);
  });
});

describe('git-lfs-pointer', () => {
  /** The pointer git-lfs writes for `content` (docs/spec.md), checked against `git lfs pointer` when installed. */
  function lfsPointer(content: string, file: string): string {
    const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${sha256(content)}\nsize ${Buffer.byteLength(content)}\n`;
    const real = spawnSync('git', ['lfs', 'pointer', `--file=${file}`], { encoding: 'utf8' });
    if (real.status === 0) expect(real.stdout).toBe(pointer);
    return pointer;
  }

  it('a pointer checked out instead of the signed file: modified, hint git-lfs-pointer naming the signed object', async () => {
    const dir = makePlugin();
    await sign(dir);
    const file = path.join(dir, 'module.js');
    writeFileSync(file, lfsPointer(MODULE_JS, file));
    const result = await verifyPlugin(dir, { keys });
    expect(result.status).toBe('modified');
    expect(failing(result)).toHaveLength(1);
    expect(failing(result)[0].hint).toMatchObject({ cause: 'git-lfs-pointer' });
    expect(failing(result)[0].hint!.detail).toContain('(the object it points to is the signed file)');
    expect(failing(result)[0].hint!.fix).toContain('lfs: true');
  });

  it('plugin.json itself a pointer: the id/version mismatch and the modified file all name the pointer', async () => {
    const dir = makePlugin();
    await sign(dir);
    const file = path.join(dir, 'plugin.json');
    writeFileSync(file, lfsPointer(PLUGIN_JSON, file));
    const result = await verifyPlugin(dir, { keys });
    expect(result.status).toBe('modified');
    expect(failing(result).map((f) => [f.kind, f.hint?.cause])).toEqual([
      ['plugin-id-mismatch', 'git-lfs-pointer'],
      ['plugin-version-mismatch', 'git-lfs-pointer'],
      ['file-modified', 'git-lfs-pointer'],
    ]);
  });

  it('near miss: a text that only starts like a pointer is no hint', async () => {
    const dir = makePlugin();
    await sign(dir);
    writeFileSync(path.join(dir, 'module.js'), 'version https://git-lfs.github.com/spec/v1\nnot a pointer\n');
    const result = await verifyPlugin(dir, { keys });
    expect(result.status).toBe('modified');
    expect(causes(result)).toEqual([]);
    expect(parseLfsPointer(Buffer.from('version https://git-lfs.github.com/spec/v1\noid sha256:xyz\nsize 1\n'))).toBe(
      undefined,
    );
  });
});

describe('windows-separators', () => {
  it('a manifest with backslash keys signed by grafana.com: the key and the unlisted file both get the hint', async () => {
    const dir = makePlugin();
    const { files } = await buildManifest(dir);
    const windows = Object.fromEntries(Object.entries(files).map(([k, v]) => [k.replaceAll('/', '\\'), v]));
    await sign(dir, { files: windows });
    const result = await verifyPlugin(dir, { keys });
    expect(result.status).toBe('modified');
    expect(failing(result).map((f) => [f.kind, f.path, f.hint?.cause])).toEqual([
      ['file-missing', 'img\\logo.svg', 'windows-separators'],
      ['file-not-covered', 'img/logo.svg', 'windows-separators'],
    ]);
    expect(failing(result)[0].hint!.detail).toBe(
      'the manifest lists "img\\logo.svg" with backslashes; "img/logo.svg" exists and hashes to the signed value',
    );
  });

  it('near miss: a backslash key whose file has other bytes gets no hint', async () => {
    const dir = makePlugin();
    const { files } = await buildManifest(dir);
    const windows: Record<string, string> = { ...files, 'img\\logo.svg': sha256('<svg/>') };
    delete windows['img/logo.svg'];
    await sign(dir, { files: windows });
    const result = await verifyPlugin(dir, { keys });
    expect(result.status).toBe('modified');
    expect(causes(result)).toEqual([]);
  });
});

describe('os-debris', () => {
  it.each(['.DS_Store', 'img/Thumbs.db', 'desktop.ini', '.module.js.swp', 'module.js~', '__MACOSX/._module.js'])(
    '%s added after signing: not covered, hint os-debris',
    async (name) => {
      const dir = makePlugin();
      await sign(dir);
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), 'Bud1\0\0');
      const result = await verifyPlugin(dir, { keys });
      expect(result.status).toBe('modified');
      expect(failing(result).map((f) => [f.kind, f.hint?.cause])).toEqual([['file-not-covered', 'os-debris']]);
      expect(failing(result)[0].hint!.fix).toBe(
        `delete ${name} (and keep such files out of the build), then sign again`,
      );
    },
  );

  it('near miss: an ordinary file added after signing gets no hint', async () => {
    const dir = makePlugin();
    await sign(dir);
    writeFileSync(path.join(dir, 'notes.txt'), 'x');
    writeFileSync(path.join(dir, 'DS_Store.js'), 'x');
    const result = await verifyPlugin(dir, { keys });
    expect(failing(result).map((f) => f.kind)).toEqual(['file-not-covered', 'file-not-covered']);
    expect(causes(result)).toEqual([]);
  });
});

describe('folder-level', () => {
  it('a renamed folder (case only): missing and unlisted files name the rename', async () => {
    const dir = makePlugin();
    await sign(dir);
    renameSync(path.join(dir, 'img'), path.join(dir, 'Img'));
    const result = await verifyPlugin(dir, { keys });
    expect(failing(result).map((f) => [f.kind, f.hint?.cause])).toEqual([
      ['file-missing', 'folder-level'],
      ['file-not-covered', 'folder-level'],
    ]);
    expect(failing(result)[0].hint!.detail).toBe(
      '1 listed file differs only in case: "img" was signed, "Img" is on disk, with the signed bytes',
    );
  });

  it('a manifest built one level up (keys under dist/): every file names the prefix', async () => {
    const dir = makePlugin();
    const { files } = await buildManifest(dir);
    await sign(dir, { files: Object.fromEntries(Object.entries(files).map(([k, v]) => [`dist/${k}`, v])) });
    const result = await verifyPlugin(dir, { keys });
    expect(result.status).toBe('modified');
    expect(failing(result)).toHaveLength(8);
    expect(causes(result)).toEqual(['folder-level']);
    expect(failing(result).every((f) => f.hint?.detail.includes('under "dist/"'))).toBe(true);
  });

  it('near miss: a renamed folder whose file also changed gets no hint', async () => {
    const dir = makePlugin();
    await sign(dir);
    renameSync(path.join(dir, 'img'), path.join(dir, 'Img'));
    writeFileSync(path.join(dir, 'Img/logo.svg'), '<svg/>');
    const result = await verifyPlugin(dir, { keys });
    expect(failing(result).map((f) => f.kind)).toEqual(['file-missing', 'file-not-covered']);
    expect(causes(result)).toEqual([]);
  });
});

describe('changed-after-signing', () => {
  it('a version bump after signing: the version mismatch names both versions', async () => {
    const dir = makePlugin();
    await sign(dir);
    writeFileSync(path.join(dir, 'plugin.json'), PLUGIN_JSON.replace('1.2.3', '1.2.4'));
    const result = await verifyPlugin(dir, { keys });
    expect(result.status).toBe('modified');
    expect(failing(result).map((f) => [f.kind, f.hint?.cause])).toEqual([
      ['plugin-version-mismatch', 'changed-after-signing'],
      ['file-modified', undefined],
    ]);
    expect(failing(result)[0].hint!.detail).toBe('plugin.json says version 1.2.4, the manifest was signed for 1.2.3');
  });

  it('near miss: another plugin id as well (another plugin, not a bump) gets no hint', async () => {
    const dir = makePlugin();
    await sign(dir);
    writeFileSync(path.join(dir, 'plugin.json'), PLUGIN_JSON.replace('1.2.3', '1.2.4').replace('hint-panel', 'other'));
    const result = await verifyPlugin(dir, { keys });
    expect(result.status).toBe('modified');
    expect(causes(result)).toEqual([]);
  });
});

describe('root-url-near-miss', () => {
  async function signedFor(rootUrls: string[], signatureType = 'private'): Promise<string> {
    const dir = makePlugin();
    await sign(dir, { signatureType, rootUrls });
    return dir;
  }

  it.each([
    ['https://localhost:3000/', 'only the scheme differs: http:// signed, https:// in the app URL'],
    ['http://LocalHost:3000/', 'only the host\'s case differs: "localhost" signed, "LocalHost" in the app URL'],
    ['http://localhost:3001/', 'only the port differs: port 3000 signed, port 3001 in the app URL'],
    ['http://localhost:3000/grafana/', 'only the path differs: / signed, /grafana in the app URL'],
  ])('app URL %s against http://localhost:3000/', async (appUrl, what) => {
    const result = await verifyPlugin(await signedFor(['http://localhost:3000/']), { keys, appUrls: [appUrl] });
    expect(result.status).toBe('invalid');
    const [f] = failing(result);
    expect(f.kind).toBe('root-url-mismatch');
    expect(f.hint?.cause).toBe('root-url-near-miss');
    expect(f.hint!.detail).toContain(what);
    expect(f.hint!.fix).toContain(`sign with root URL ${appUrl}`);
  });

  it('a default port written out in the root URL', async () => {
    const result = await verifyPlugin(await signedFor(['https://grafana.example.com:443/']), {
      keys,
      appUrls: ['https://grafana.example.com/'],
    });
    expect(failing(result)[0].hint!.detail).toContain(
      'only the port differs: port 443 signed, no port (default 443, not written) in the app URL',
    );
  });

  it('the private-glob trailing-slash gotcha', async () => {
    const dir = await signedFor(['https://*.example.com'], 'private-glob');
    const result = await verifyPlugin(dir, { keys, appUrls: ['https://grafana.example.com/'] });
    expect(result.status).toBe('invalid');
    expect(failing(result)[0].hint?.detail).toContain('has no trailing slash');
    expect(failing(result)[0].hint!.fix).toContain('https://*.example.com/');
  });

  it('near misses that are not: another host, or two parts differing, get no hint', async () => {
    const dir = await signedFor(['http://localhost:3000/']);
    for (const appUrl of ['http://127.0.0.1:3000/', 'https://localhost:3001/', 'http://localhost:3000/?orgId=1']) {
      const result = await verifyPlugin(dir, { keys, appUrls: [appUrl] });
      expect(result.status).toBe('invalid');
      expect(causes(result)).toEqual([]);
    }
  });
});

describe('rotated-key', () => {
  it('a key grafana.com publishes, with key retrieval disabled: invalid, hint rotated-key', async () => {
    const dir = makePlugin();
    await sign(dir);
    const warnings: string[] = [];
    const disabled = await trustedKeysFor({
      fetch: true,
      retrieval: 'disabled',
      grafanaComUrl: server.url,
      extra: [],
      onWarning: (w) => warnings.push(w),
    });
    const result = await verifyPlugin(dir, { keys: disabled });
    expect(warnings).toEqual([]);
    expect(result.status).toBe('invalid');
    expect(failing(result).map((f) => [f.kind, f.hint?.cause])).toEqual([['public-key-missing', 'rotated-key']]);
    expect(failing(result)[0].hint!.detail).toBe(
      `key ID ${server.keyId} is one grafana.com publishes at /plugins/ci/keys, but not one this Grafana trusts`,
    );
  });

  it('near misses: keys not fetched, or a key list without that key ID, give no hint', async () => {
    const dir = makePlugin();
    await sign(dir);
    expect(causes(await verifyPlugin(dir, { keys: TrustedKeys.withEmbedded() }))).toEqual([]);
    const other = TrustedKeys.withEmbedded();
    other.markPublished(['0123456789abcdef', server.keyId.toUpperCase()]);
    const result = await verifyPlugin(dir, { keys: other });
    expect(result.status).toBe('invalid');
    expect(causes(result)).toEqual([]);
  });
});

describe('hints never change a verdict and cost a valid plugin nothing', () => {
  it('a valid plugin carries no hint; a failing one keeps its status', async () => {
    const dir = makePlugin({ '.DS_Store': 'x' });
    await sign(dir);
    const valid = await verifyPlugin(dir, { keys });
    expect(valid.status).toBe('valid');
    expect(valid.findings).toEqual([]);
  });
});
