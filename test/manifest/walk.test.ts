/**
 * SIGNATURES.md §5 (which files count) and §7 (what is sent for signing), on folders built by the tests.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PluginError } from '../../src/errors.js';
import { buildManifest } from '../../src/manifest/build.js';
import { walkPluginFiles } from '../../src/manifest/walk.js';
import { compareWalkOrder } from '../helpers/walk-order.js';
import { tempDir } from '../helpers/tmp.js';

const sha = (s: string) => createHash('sha256').update(s).digest('hex');

function makePlugin(files: Record<string, string>): string {
  const root = tempDir('walk-');
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    writeFileSync(path.join(root, rel), content);
  }
  return root;
}

const PLUGIN_JSON = JSON.stringify({ id: 'myorg-x-panel', type: 'panel', info: { version: '2.0.0' } });

describe('walkPluginFiles', () => {
  it('lists every non-directory, dotfiles, node_modules and nested manifests included, in Go walk order', async () => {
    const root = makePlugin({
      'plugin.json': PLUGIN_JSON,
      'MANIFEST.txt': 'old manifest',
      '.hidden': 'h',
      'node_modules/x/index.js': 'x',
      'nested/MANIFEST.txt': 'child manifest',
      'nested/plugin.json': '{}',
      'a-b': 'dash sorts after the folder a',
      'a/z.js': 'z',
      'B.txt': 'uppercase sorts first',
    });
    const { files, problems } = await walkPluginFiles(root);
    expect(problems).toEqual([]);
    expect(files.map((f) => f.path)).toEqual([
      '.hidden',
      'B.txt',
      'MANIFEST.txt',
      'a/z.js',
      'a-b',
      'nested/MANIFEST.txt',
      'nested/plugin.json',
      'node_modules/x/index.js',
      'plugin.json',
    ]);
  });

  it('a symlink to a file inside is listed under the link path and read from the target; a linked folder is skipped', async () => {
    const root = makePlugin({ 'plugin.json': PLUGIN_JSON, 'text.txt': 'hello', 'dir/a.txt': 'a' });
    symlinkSync('text.txt', path.join(root, 'symlink_to_txt'));
    symlinkSync('dir', path.join(root, 'linked_dir'));
    const { files, problems } = await walkPluginFiles(root);
    expect(problems).toEqual([]);
    expect(files.map((f) => [f.path, f.symlink])).toEqual([
      ['dir/a.txt', false],
      ['plugin.json', false],
      ['symlink_to_txt', true],
      ['text.txt', false],
    ]);
    const manifest = await buildManifest(root);
    expect(manifest.files['symlink_to_txt']).toBe(sha('hello'));
    expect(manifest.files['text.txt']).toBe(sha('hello'));
  });

  it('a symlink resolving outside the folder, or broken, is a problem naming the link', async () => {
    const outside = makePlugin({ 'secret.txt': 'do not read' });
    const root = makePlugin({ 'plugin.json': PLUGIN_JSON });
    symlinkSync(path.join(outside, 'secret.txt'), path.join(root, 'escape'));
    symlinkSync('does-not-exist', path.join(root, 'broken'));
    const { files, problems } = await walkPluginFiles(root);
    expect(files.map((f) => f.path)).toEqual(['plugin.json']);
    expect(problems.map((p) => [p.path, p.kind])).toEqual([
      ['broken', 'symlink-broken'],
      ['escape', 'symlink-outside'],
    ]);
    await expect(buildManifest(root)).rejects.toThrow(/escape: symlink resolves outside the plugin folder/);
  });

  it('a FIFO is reported, never opened', async () => {
    const root = makePlugin({ 'plugin.json': PLUGIN_JSON });
    execFileSync('mkfifo', [path.join(root, 'pipe')]);
    const { problems } = await walkPluginFiles(root);
    expect(problems).toEqual([expect.objectContaining({ path: 'pipe', kind: 'special-file' })]);
  });

  it('compareWalkOrder sorts by path segment, bytewise', () => {
    expect(['a-b', 'a/z', 'a', 'É', 'Z'].sort(compareWalkOrder)).toEqual(['Z', 'a', 'a/z', 'a-b', 'É']);
  });
});

describe('buildManifest', () => {
  it('hashes every file but the top-level MANIFEST.txt, with id and version from plugin.json', async () => {
    const root = makePlugin({
      'plugin.json': PLUGIN_JSON,
      'MANIFEST.txt': 'old',
      'nested/MANIFEST.txt': 'kept',
      'module.js': 'm',
    });
    const manifest = await buildManifest(root);
    expect(manifest.plugin).toBe('myorg-x-panel');
    expect(manifest.version).toBe('2.0.0');
    expect({ ...manifest.files }).toEqual({
      'module.js': sha('m'),
      'nested/MANIFEST.txt': sha('kept'),
      'plugin.json': sha(PLUGIN_JSON),
    });
  });

  it('keeps a file named __proto__ as an ordinary entry', async () => {
    const root = makePlugin({ 'plugin.json': PLUGIN_JSON, ['__proto__']: 'p' });
    const manifest = await buildManifest(root);
    expect(Object.keys(manifest.files)).toEqual(['__proto__', 'plugin.json']);
    expect((JSON.parse(JSON.stringify(manifest)) as { files: Record<string, string> }).files.__proto__).toBe(sha('p'));
  });

  it('refuses a folder whose plugin.json has no id or version, saying so', async () => {
    const noVersion = makePlugin({ 'plugin.json': JSON.stringify({ id: 'a-b-panel', info: {} }) });
    await expect(buildManifest(noVersion)).rejects.toThrow(PluginError);
    await expect(buildManifest(noVersion)).rejects.toThrow('plugin.json has no string "info.version"');
    const none = makePlugin({ 'module.js': 'x' });
    await expect(buildManifest(none)).rejects.toThrow(/plugin.json not found/);
  });
});
