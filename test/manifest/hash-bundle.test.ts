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

// Preloaded in the CLI's process: every hashing worker is killed 30 ms after it comes online, in the middle of its job.
const KILL_WORKERS = `const wt = require('node:worker_threads');
const Original = wt.Worker;
wt.Worker = class extends Original {
  constructor(url, options) {
    super(url, options);
    this.on('online', () => setTimeout(() => {
      process.stderr.write('worker killed\\n');
      void this.terminate();
    }, 30));
  }
};
require('node:module').syncBuiltinESMExports();
`;

/** A plugin of `sparse` sparse files of `bytes` each (marked, so their digests differ) and 20 small ones. */
function makePlugin(dir: string, sparse: number, bytes: number): string[] {
  const plugin = path.join(dir, 'plugin');
  mkdirSync(plugin);
  writeFileSync(path.join(plugin, 'plugin.json'), '{"id":"acme-big-app","type":"app","info":{"version":"1.0.0"}}');
  const names = Array.from({ length: sparse }, (_, i) => `b${String(i).padStart(3, '0')}.bin`);
  names.forEach((name, i) => {
    const file = path.join(plugin, name);
    writeFileSync(file, '');
    truncateSync(file, bytes);
    const fd = openSync(file, 'r+');
    writeSync(fd, `mark ${i}`, 1_000_000 + i);
    closeSync(fd);
  });
  for (let i = 0; i < 20; i++) writeFileSync(path.join(plugin, `f${i}.js`), `export const v = ${i};\n`);
  return [...names, 'f0.js', 'f19.js', 'plugin.json'];
}

/** Runs `dist/cli/index.js manifest` from a copy of dist/ alone, with a preload script. */
function runCopiedCli(dir: string, preloadSource: string) {
  const bundle = path.join(PROJECT_ROOT, 'dist');
  expect(existsSync(path.join(bundle, 'cli', 'hash-worker.mjs')), 'run npm run build').toBe(true);
  expect(existsSync(path.join(bundle, 'hash-worker.mjs')), 'run npm run build').toBe(true);
  const dist = path.join(dir, 'copy', 'dist');
  cpSync(bundle, dist, { recursive: true });
  const preload = path.join(dir, 'preload.cjs');
  writeFileSync(preload, preloadSource);
  return spawnSync(
    process.execPath,
    ['--require', preload, path.join(dist, 'cli', 'index.js'), 'manifest', path.join(dir, 'plugin')],
    { encoding: 'utf8', cwd: dir, env: { ...process.env, NODE_OPTIONS: '' } },
  );
}

describe('hashing worker in the bundles', () => {
  it('dist/cli/index.js from a copy of dist/ alone hashes a big folder with a worker beside the main thread', () => {
    const dir = tempDir();
    // 24 sparse files of the threshold each (quick to make, ~0.3 s to read): the main thread passes the threshold
    // on the first file, and the worker comes online long before the work is done.
    const names = makePlugin(dir, 24, WORKER_MIN_TOTAL_BYTES);
    const run = runCopiedCli(dir, WATCH_WORKERS);
    expect(run.stderr).toMatch(/worker online: (file:\/\/)?\/.*\/copy\/dist\/cli\/hash-worker\.mjs\n/);
    expect(run.status).toBe(0);
    const manifest = JSON.parse(run.stdout) as { files: Record<string, string> };
    for (const name of names) expect(manifest.files[name], name).toBe(digestOf(path.join(dir, 'plugin', name)));
    expect(Object.keys(manifest.files)).toHaveLength(24 + 20 + 1);
    expect(manifest.files['b000.bin']).not.toBe(manifest.files['b001.bin']);
  });

  it('a worker killed in the middle of its job: the main thread hashes what it left, every digest right', () => {
    const dir = tempDir();
    const names = makePlugin(dir, 24, WORKER_MIN_TOTAL_BYTES);
    const run = runCopiedCli(dir, KILL_WORKERS);
    expect(run.stderr).toContain('worker killed');
    expect(run.status).toBe(0);
    const manifest = JSON.parse(run.stdout) as { files: Record<string, string> };
    for (const name of names) expect(manifest.files[name], name).toBe(digestOf(path.join(dir, 'plugin', name)));
    expect(Object.keys(manifest.files)).toHaveLength(24 + 20 + 1);
  });
});
