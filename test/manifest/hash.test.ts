/**
 * hashFiles: the parallel hashing used by manifest building and verification gives exactly the digests of
 * single-threaded hashing, file by file, in input order, with per-file errors.
 */
import { createHash, randomBytes } from 'node:crypto';
import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  truncateSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  HASH_CHUNK_BYTES,
  WORKER_MIN_TOTAL_BYTES,
  hashFiles,
  sha256File,
  type HashInput,
  type HashStats,
  type HashOutcome,
} from '../../src/manifest/hash.js';
import { tempDir } from '../helpers/tmp.js';

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function write(dir: string, name: string, bytes: Uint8Array): HashInput {
  const absolutePath = path.join(dir, name);
  writeFileSync(absolutePath, bytes);
  return { absolutePath, size: bytes.length };
}

/** A sparse file of `size` bytes with `marks` written at some offsets: quick to make, slow only to read. */
function sparse(dir: string, name: string, size: number, marks: Record<number, string>): HashInput {
  const absolutePath = path.join(dir, name);
  writeFileSync(absolutePath, '');
  truncateSync(absolutePath, size);
  const fd = openSync(absolutePath, 'r+');
  try {
    for (const [offset, text] of Object.entries(marks)) writeSync(fd, text, Number(offset));
  } finally {
    closeSync(fd);
  }
  return { absolutePath, size };
}

/** The digest of `file` computed here, over the bytes on disk, in chunks (never the whole file in memory). */
function expectedDigest(file: HashInput): string {
  const hash = createHash('sha256');
  const fd = openSync(file.absolutePath, 'r');
  const buffer = Buffer.alloc(8 << 20);
  try {
    for (let n: number; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;) hash.update(buffer.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}

const digests = (outcomes: HashOutcome[]) => outcomes.map((o) => (o.ok ? o.sha256 : `error:${o.code}`));

describe('hashFiles', () => {
  const dir = tempDir('hash-');
  const edgeCases = [
    write(dir, 'empty', new Uint8Array(0)),
    write(dir, 'one-byte', Buffer.from('x')),
    write(dir, 'chunk', randomBytes(HASH_CHUNK_BYTES)),
    write(dir, 'chunk-minus-1', randomBytes(HASH_CHUNK_BYTES - 1)),
    write(dir, 'chunk-plus-1', randomBytes(HASH_CHUNK_BYTES + 1)),
    write(dir, 'multi-chunk', randomBytes(3 * HASH_CHUNK_BYTES + 12345)),
  ];

  it('main thread: digests equal crypto.createHash over the same bytes, in input order', async () => {
    const outcomes = await hashFiles(edgeCases, { workers: 0 });
    expect(digests(outcomes)).toEqual(edgeCases.map((f) => sha(readFileSync(f.absolutePath))));
    expect(outcomes[0]).toEqual({
      ok: true,
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    });
  });

  it('worker threads: the same digests, for every edge size and a file bigger than the worker threshold', async () => {
    const big = sparse(dir, 'big-sparse', WORKER_MIN_TOTAL_BYTES + 3 * HASH_CHUNK_BYTES + 7, {
      0: 'start',
      [HASH_CHUNK_BYTES - 2]: 'across a chunk boundary',
      [WORKER_MIN_TOTAL_BYTES]: 'past the threshold',
    });
    const files = [...edgeCases, big, ...edgeCases.slice().reverse()];
    expect(files.reduce((sum, f) => sum + (f.size ?? 0), 0)).toBeGreaterThanOrEqual(WORKER_MIN_TOTAL_BYTES);
    const expected = files.map(expectedDigest);
    // Default options: over the threshold, so a worker per core but the main thread's starts and helps.
    const stats = {} as HashStats;
    expect(digests(await hashFiles(files, { stats }))).toEqual(expected);
    expect(stats.workersStarted).toBe(Math.min(Math.max(availableParallelism() - 1, 0), 7));
    expect(stats.filesOnWorkers + stats.filesOnMainThread).toBe(files.length);
    // Everything on workers (the main thread only hands out batches): two workers, then one with odd-sized chunks.
    const onWorkers = {} as HashStats;
    expect(digests(await hashFiles(files, { workers: 2, mainThread: false, stats: onWorkers }))).toEqual(expected);
    expect(onWorkers).toEqual({ workersStarted: 2, filesOnWorkers: files.length, filesOnMainThread: 0 });
    const oneWorker = { workers: 1, mainThread: false, chunkBytes: 4093 };
    expect(digests(await hashFiles(files, oneWorker))).toEqual(expected);
    // The main thread alone.
    expect(digests(await hashFiles(files, { workers: 0 }))).toEqual(expected);
  });

  it('reports errors per file (missing → ENOENT, a folder → EISDIR), the other files still hashed, order kept', async () => {
    const sub = path.join(dir, 'a-folder');
    mkdirSync(sub, { recursive: true });
    const missing = { absolutePath: path.join(dir, 'does-not-exist'), size: 10 };
    const folder = { absolutePath: sub, size: 4096 };
    const files = [edgeCases[1], missing, edgeCases[3], folder, edgeCases[0]];
    for (const options of [{ workers: 0 }, { workers: 2, workerMinTotalBytes: 0, mainThread: false }]) {
      const outcomes = await hashFiles(files, options);
      expect(outcomes.map((o) => (o.ok ? 'ok' : o.code))).toEqual(['ok', 'ENOENT', 'ok', 'EISDIR', 'ok']);
      expect(outcomes[1]).toMatchObject({
        ok: false,
        code: 'ENOENT',
        message: expect.stringContaining('does-not-exist') as string,
      });
      expect(digests([outcomes[0], outcomes[2], outcomes[4]])).toEqual(
        [files[0], files[2], files[4]].map(expectedDigest),
      );
    }
  });

  it('keeps small sets on the main thread (no worker start-up cost)', async () => {
    const stats = {} as HashStats;
    await hashFiles(edgeCases, { stats });
    expect(stats).toEqual({ workersStarted: 0, filesOnWorkers: 0, filesOnMainThread: edgeCases.length });
  });

  it('workerAfterMs: workers start once the main thread has been busy that long with files left', async () => {
    // Many small files, far below the byte threshold: only the timer can start a worker. The main thread is kept
    // busy elsewhere (a synchronous 50 ms wait between its slices) so that files are left when the timer fires.
    const setDir = path.join(dir, 'after-ms');
    mkdirSync(setDir);
    const files = Array.from({ length: 400 }, (_, i) => write(setDir, `s${i}`, Buffer.from(`small ${i}`)));
    const busy = setInterval(() => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 50), 1);
    const late = {} as HashStats;
    try {
      const outcomes = await hashFiles(files, { workers: 1, workerAfterMs: 5, chunkBytes: 1, stats: late });
      expect(digests(outcomes)).toEqual(files.map(expectedDigest));
    } finally {
      clearInterval(busy);
    }
    expect(late.workersStarted).toBe(1);
    // Without the option, the same files stay on the main thread.
    const never = {} as HashStats;
    await hashFiles(files, { workers: 1, stats: never });
    expect(never).toEqual({ workersStarted: 0, filesOnWorkers: 0, filesOnMainThread: 400 });
  });

  it('returns [] for no files', async () => {
    expect(await hashFiles([])).toEqual([]);
  });

  it('property: equals sequential sha256File on random small file sets, on the main thread and on workers', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.uint8Array({ maxLength: 3000 }), { minLength: 1, maxLength: 12 }),
        fc.constantFrom(0, 1, 2),
        fc.boolean(),
        fc.constantFrom(1, 1000, 4096, HASH_CHUNK_BYTES),
        async (contents, workers, mainThread, chunkBytes) => {
          const setDir = path.join(dir, `set-${run++}`);
          mkdirSync(setDir);
          const files = contents.map((bytes, i) => write(setDir, `f${i}`, bytes));
          const sequential: string[] = [];
          for (const f of files) sequential.push(await sha256File(f.absolutePath));
          // Small chunks too, so that multi-chunk reads happen with small files.
          const outcomes = await hashFiles(files, { workers, mainThread, workerMinTotalBytes: 0, chunkBytes });
          expect(digests(outcomes)).toEqual(sequential);
        },
      ),
      { numRuns: 40 },
    );
  });
});
