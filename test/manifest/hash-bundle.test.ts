/**
 * The hashing worker ships with the bundles: `node dist/cli/index.js manifest` on a folder over the worker threshold,
 * run from a copy of `dist/` alone (no sources, no node_modules), starts `hash-worker.mjs` from beside the bundle and
 * prints the same digests. Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  cpSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WORKER_MIN_TOTAL_BYTES } from '../../src/manifest/hash.js';
import { PROJECT_ROOT } from '../helpers/run-action.js';
import { tempDir } from '../helpers/tmp.js';

function digestOf(file: string): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  const buffer = Buffer.alloc(8 << 20);
  try {
    for (let n: number; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

// Preloaded in the CLI's process: reports every worker thread that comes online, with the file it runs.
const WATCH_WORKERS = `const wt = require('node:worker_threads');
const Original = wt.Worker;
wt.Worker = class extends Original {
  constructor(url, options) {
    super(url, options);
    this.on('online', () => process.stderr.write('worker online: ' + String(url) + '\\n'));
  }
};
require('node:module').syncBuiltinESMExports();
`;

describe('hashing worker in the bundles', () => {
  it('dist/cli/index.js from a copy of dist/ alone hashes a folder over the threshold on workers', () => {
    const bundle = path.join(PROJECT_ROOT, 'dist');
    expect(existsSync(path.join(bundle, 'cli', 'hash-worker.mjs')), 'run npm run build').toBe(true);
    expect(existsSync(path.join(bundle, 'hash-worker.mjs')), 'run npm run build').toBe(true);
    const dir = tempDir();
    const dist = path.join(dir, 'copy', 'dist');
    cpSync(bundle, dist, { recursive: true });
    const plugin = path.join(dir, 'plugin');
    mkdirSync(plugin);
    writeFileSync(path.join(plugin, 'plugin.json'), '{"id":"acme-big-app","type":"app","info":{"version":"1.0.0"}}');
    // Two sparse files over the threshold together (quick to make), with marks so their digests differ.
    const files = ['a.bin', 'b.bin'];
    files.forEach((name, i) => {
      const file = path.join(plugin, name);
      writeFileSync(file, '');
      truncateSync(file, WORKER_MIN_TOTAL_BYTES / 2 + 4096);
      const fd = openSync(file, 'r+');
      writeSync(fd, `mark ${i}`, 1_000_000 * (i + 1));
      closeSync(fd);
    });
    for (let i = 0; i < 20; i++) writeFileSync(path.join(plugin, `f${i}.js`), `export const v = ${i};\n`);
    const preload = path.join(dir, 'watch-workers.cjs');
    writeFileSync(preload, WATCH_WORKERS);

    const run = spawnSync(
      process.execPath,
      ['--require', preload, path.join(dist, 'cli', 'index.js'), 'manifest', plugin],
      {
        encoding: 'utf8',
        cwd: dir,
        env: { ...process.env, NODE_OPTIONS: '' },
      },
    );
    expect(run.stderr).toMatch(/worker online: (file:\/\/)?\/.*\/copy\/dist\/cli\/hash-worker\.mjs\n/);
    expect(run.status).toBe(0);
    const manifest = JSON.parse(run.stdout) as { files: Record<string, string> };
    for (const name of [...files, 'f0.js', 'f19.js', 'plugin.json']) {
      expect(manifest.files[name], name).toBe(digestOf(path.join(plugin, name)));
    }
    expect(manifest.files['a.bin']).not.toBe(manifest.files['b.bin']);
  });
});
