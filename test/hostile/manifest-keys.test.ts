/**
 * Hostile `files` keys in a correctly signed manifest: `../`, absolute paths, backslashes, NUL bytes, a 1 MB key,
 * 100,000 keys. Production Grafana looks every key up exactly in its static file list (the files the walk listed),
 * so no key ever opens a path of its own and `./a` is not `a`; `cleanRelativePath` (dev mode's rule) stays tested.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { TrustedKeys } from '../../src/signature/keys.js';
import { cleanRelativePath, verifyPlugin, type VerifyResult } from '../../src/verify/verify.js';
import { makePlugin, makeSigner, SECRET, sha256 } from './make-plugin.js';

let keys: TrustedKeys;
let sign: (dir: string, files?: Record<string, string>) => Promise<Buffer>;
beforeAll(async () => {
  ({ keys, sign } = await makeSigner());
});

const MODULE_JS = 'define([], function () { return {}; });\n';
const LOGO = '<svg/>\n';

/** The plugin's real files and hashes, plus `extra` keys. */
const realFiles = (dir: string, extra: Record<string, string> = {}) => ({
  'plugin.json': sha256(readFileSync(path.join(dir, 'plugin.json'))),
  'module.js': sha256(MODULE_JS),
  'img/logo.svg': sha256(LOGO),
  ...extra,
});

const kinds = (r: VerifyResult, key: string) => r.findings.filter((f) => f.path === key).map((f) => f.kind);

describe('cleanRelativePath (Grafana util.CleanRelativePath)', () => {
  it('never leaves the plugin folder', () => {
    expect(cleanRelativePath('../../etc/passwd')).toBe('etc/passwd');
    expect(cleanRelativePath('/etc/passwd')).toBe('etc/passwd');
    expect(cleanRelativePath('a/../../../b')).toBe('b');
    expect(cleanRelativePath('./a//b/./c/')).toBe('a/b/c'); // Go's Clean drops the trailing slash
    expect(cleanRelativePath('module.js//')).toBe('module.js');
    expect(cleanRelativePath('..')).toBe('.');
    expect(cleanRelativePath('')).toBe('.');
    expect(cleanRelativePath('/')).toBe('.');
  });

  it('keeps backslashes and NUL bytes as name characters', () => {
    expect(cleanRelativePath('..\\..\\etc\\passwd')).toBe('..\\..\\etc\\passwd');
    expect(cleanRelativePath('module.js\0.png')).toBe('module.js\0.png');
  });

  it('is linear on a 1 MB key of ../', () => {
    const started = Date.now();
    expect(cleanRelativePath('../'.repeat(350_000) + 'etc/passwd')).toBe('etc/passwd');
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe('hostile manifest keys, correctly signed', () => {
  it('a file planted outside the plugin, listed as ../outside/secret.txt with its true hash, is not found', async () => {
    const { dir } = makePlugin();
    const hostile = {
      '../outside/secret.txt': sha256(SECRET),
      '../../outside/secret.txt': sha256(SECRET),
      [`${path.dirname(dir)}/outside/secret.txt`]: sha256(SECRET), // absolute
      '../outside/fifo': sha256(''), // opening it would hang the test
      '../../../../../../../../etc/passwd': sha256(readFileSync('/etc/passwd')),
      '/etc/passwd': sha256(readFileSync('/etc/passwd')),
    };
    await sign(dir, realFiles(dir, hostile));
    const result = await verifyPlugin(dir, { keys });
    expect(result.status).toBe('modified');
    for (const key of Object.keys(hostile)) {
      expect(kinds(result, key)).toEqual(['file-missing']);
      expect(result.findings.find((f) => f.path === key)?.message).toBe(
        `Plugin file listed in the manifest was not found: ${key}`,
      );
    }
    expect(result.findings.every((f) => f.kind === 'file-missing')).toBe(true);
  }, 15_000);

  it('keys are looked up exactly, as production Grafana does: aliases of a listed file are not found', async () => {
    const { dir } = makePlugin();
    const files: Record<string, string> = realFiles(dir);
    const aliases = ['./module.js', '/module.js', '../module.js', 'img/../module.js', './/module.js', 'module.js/'];
    for (const alias of aliases) files[alias] = sha256(MODULE_JS);
    await sign(dir, files);
    const result = await verifyPlugin(dir, { keys });
    // module.js is listed too, exactly, and matches: the aliases alone make it modified.
    expect(result.status).toBe('modified');
    for (const alias of aliases) expect(kinds(result, alias)).toEqual(['file-missing']);
    expect(kinds(result, 'module.js')).toEqual([]);
    expect(kinds(result, 'img/logo.svg')).toEqual([]);
  });

  it('backslash and NUL keys match no file (modified), the JSON escape for NUL included', async () => {
    const { dir } = makePlugin();
    const files: Record<string, string> = realFiles(dir);
    files['img\\logo.svg'] = files['img/logo.svg'];
    files['..\\..\\outside\\secret.txt'] = sha256(SECRET);
    files['module.js\0.png'] = sha256(MODULE_JS);
    files['module.js\0'] = sha256(MODULE_JS);
    await sign(dir, files);
    const result = await verifyPlugin(dir, { keys });
    expect(result.status).toBe('modified');
    for (const key of ['img\\logo.svg', '..\\..\\outside\\secret.txt', 'module.js\0.png', 'module.js\0']) {
      expect(kinds(result, key)).toEqual(['file-missing']);
    }
  });

  it('a 1 MB key of ../ is not found, quickly', async () => {
    const { dir } = makePlugin();
    const key = '../'.repeat(350_000) + 'outside/secret.txt';
    await sign(dir, realFiles(dir, { [key]: sha256(SECRET) }));
    const started = Date.now();
    const result = await verifyPlugin(dir, { keys });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(result.status).toBe('modified');
    expect(kinds(result, key)).toEqual(['file-missing']);
  }, 15_000);

  it('100,000 keys: every one reported, memory and time bounded', async () => {
    const { dir } = makePlugin();
    const many: Record<string, string> = {};
    for (let i = 0; i < 100_000; i++) many[`../many/${i}.js`] = sha256(String(i));
    await sign(dir, realFiles(dir, many));
    const before = process.memoryUsage().rss;
    const started = Date.now();
    const result = await verifyPlugin(dir, { keys });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(process.memoryUsage().rss - before).toBeLessThan(400 * 1024 * 1024);
    expect(result.status).toBe('modified');
    expect(result.findings).toHaveLength(100_000);
    expect(result.findings.every((f) => f.kind === 'file-missing')).toBe(true);
    expect(result.findings[99_999].path).toBe('../many/99999.js');
  }, 30_000);
});
