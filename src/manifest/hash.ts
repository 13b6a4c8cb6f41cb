/**
 * SHA-256 of plugin files, streamed: a file is never held in memory whole.
 *
 * {@link hashFiles} is the fast path used by manifest building and verification: the main thread hashes, and worker
 * threads (one per other core) join in when there are enough bytes to repay starting them. Every file is read in
 * chunks of at most {@link HASH_CHUNK_BYTES} into a buffer that is reused, so memory does not grow with file size.
 * Digests are identical to {@link sha256File}'s.
 */
import { createHash } from 'node:crypto';
import { closeSync, createReadStream, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import { HASH_WORKER_ROLE, openRegularFile } from './hash-worker.mjs';

/** The hashing worker (`hash-worker.mjs`), beside this module in the sources and beside each bundle. */
const WORKER_URL = new URL('./hash-worker.mjs', import.meta.url);

/**
 * Hashes one file as Grafana does (`sha256.New` + `io.Copy`, `hex.EncodeToString`).
 *
 * @param absolutePath file to read (symlinks are followed by the open, as in Grafana).
 * @returns 64 lowercase hex characters.
 * @throws the `fs` error (ENOENT, EACCES, EISDIR…) when the file cannot be read.
 */
export async function sha256File(absolutePath: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(absolutePath, { highWaterMark: 1 << 20 }), hash);
  return hash.digest('hex');
}

/**
 * Runs `fn` over `items` with at most `limit` calls in flight, keeping results in input order.
 *
 * @param items inputs; @param limit concurrency ≥ 1; @returns results aligned with `items`.
 * @throws the first error any call throws (the remaining calls still settle).
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  });
  await Promise.all(workers);
  return results;
}

/** Bytes read per chunk, by a worker or the main thread, into a buffer reused from file to file. */
export const HASH_CHUNK_BYTES = 1 << 20;

/**
 * A worker thread is started only when the files total at least this many bytes. Starting one costs 30–80 ms of
 * wall time and CPU (a V8 isolate) on the 2-core bench machine, while the main thread alone hashes ~1.2 GB/s (SHA-NI),
 * so below ~50 MB the main thread is done before a worker would have helped. Above it the worker pays: ~15 % on a
 * 136 MB frontend dist of 5,000 small files (~175 → ~150 ms), 25–30 % on a 390 MB backend dist (~320 → ~230 ms).
 */
export const WORKER_MIN_TOTAL_BYTES = 48 * 1024 * 1024;

/** The main thread hashes synchronously for at most this long before letting the event loop run (worker messages). */
const MAIN_THREAD_SLICE_MS = 3;

/** A batch sent to a worker holds at most this many files, and stops growing past this many bytes. */
const WORKER_BATCH_FILES = 128;
const WORKER_BATCH_BYTES = 4 * 1024 * 1024;
/** Batches queued per worker, so it never waits for the main thread between two. */
const WORKER_BATCHES_IN_FLIGHT = 2;

/** One file to hash. */
export interface HashInput {
  /** The file (opened without following a link in its last component, unless `openPath` is given). */
  absolutePath: string;
  /** The path to open instead (the walk's `/proc/self/fd/<folder fd>/<name>`, see `walk.ts`). */
  openPath?: string;
  /**
   * Its size in bytes when listed; used only to schedule (the whole file is read, whatever its size now). Unknown
   * sizes are `stat`ed only until the known ones reach the worker threshold.
   */
  size?: number;
  /** Device and inode the opened file must have (the walk's `stat`); another file there is `ECHANGED`, unread. */
  identity?: { dev: number; ino: number };
}

/** What became of one file: its digest, or why it could not be read. */
export type HashOutcome =
  | { ok: true; /** 64 lowercase hex characters. */ sha256: string }
  | {
      ok: false;
      /** The `fs` error code (`ENOENT`, `EACCES`, `EISDIR`…), or the error text without one. */ code: string;
      message: string;
    };

/** Options of {@link hashFiles}; the defaults are what the measurements of `npm run bench` chose. */
export interface HashFilesOptions {
  /**
   * Worker threads to start when the files are big enough (see `workerMinTotalBytes`); the main thread hashes too.
   * Default: one per core but the main thread's (`os.availableParallelism() - 1`, at most 7): 1 on 2 cores, none on
   * a single core. 0: hash on the main thread only.
   */
  workers?: number;
  /** Start workers only when the sizes add up to at least this many bytes. Default {@link WORKER_MIN_TOTAL_BYTES}. */
  workerMinTotalBytes?: number;
  /** Chunk size in bytes. Default {@link HASH_CHUNK_BYTES}. */
  chunkBytes?: number;
  /**
   * Whether the main thread hashes too while workers run (default true). false keeps its event loop free: it only
   * hands out batches (it still hashes when no worker runs, or when every worker failed).
   */
  mainThread?: boolean;
  /** Filled in with how the work was split (for the benchmark and the tests). */
  stats?: HashStats;
}

/** How {@link hashFiles} split the work. */
export interface HashStats {
  /** Worker threads started (0: everything on the main thread). */
  workersStarted: number;
  /** Files hashed by workers, and on the main thread. */
  filesOnWorkers: number;
  filesOnMainThread: number;
}

const NO_IDENTITY = { dev: -1, ino: -1 };

const openPathOf = (file: HashInput) => file.openPath ?? file.absolutePath;

/**
 * Sizes for scheduling: the given ones, and unknown ones `stat`ed (following the path to open) in list order only
 * until the total reaches `threshold`, the one thing sizes decide (whether workers start); the rest count as 0.
 */
function knownSizes(files: readonly HashInput[], threshold: number): number[] {
  let total = files.reduce((sum, f) => sum + Math.max(0, f.size ?? 0), 0);
  return files.map((f) => {
    if (f.size !== undefined) return Math.max(0, f.size);
    if (total >= threshold) return 0;
    try {
      const size = statSync(openPathOf(f)).size;
      total += size;
      return size;
    } catch {
      return 0; // the open reports it
    }
  });
}

type WorkerAnswer = 'ready' | [index: number, sha256: string | null, code?: string, message?: string][];

/** The default worker count: the cores but the main thread's, at most 7 (none on one core). */
function defaultWorkerCount(): number {
  return Math.min(Math.max(availableParallelism() - 1, 0), 7);
}

function failure(error: unknown): HashOutcome {
  const code = (error as NodeJS.ErrnoException)?.code;
  return { ok: false, code: code ?? String(error), message: error instanceof Error ? error.message : String(error) };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * SHA-256 of many files at once, on every core: the digests are exactly {@link sha256File}'s.
 *
 * Design, chosen by measurement (2-core Xeon with SHA-NI, Node 20, files in the page cache; README "Performance"):
 * - `hash.update` runs on the calling thread, so concurrent streams on the main thread use one core however many
 *   there are: 6 × 64 MB took ~800 ms with 2 or 8 concurrent `createReadStream`s (a fresh 1 MiB buffer per chunk),
 *   ~310 ms with one synchronous read loop into a reused buffer, ~230 ms with a worker thread beside it.
 * - Per file, async reads cost ~80 µs of CPU against ~40 µs for `openSync`/`readSync`/`closeSync` (5,000 files of
 *   1–50 KiB: ~410 ms of CPU async, ~200 ms sync). So the main thread reads synchronously too, in slices of
 *   {@link MAIN_THREAD_SLICE_MS} ms between which the event loop runs.
 * - When the sizes add up to at least `workerMinTotalBytes`, `workers` threads take files largest first, in batches
 *   (two queued per worker); the main thread takes the smallest first, so it is busy while the workers start and
 *   small files never wait behind big ones. Below that total everything is hashed on the main thread: the CLI's
 *   `verify` of a small plugin pays no worker start-up. A worker that cannot start or dies hands its files back.
 *
 * Memory: one `chunkBytes` buffer per thread (2 MiB with the defaults on 2 cores), whatever the file sizes.
 *
 * @param files the files; `size` only orders the work.
 * @param options worker count, threshold, chunk size, stats (see {@link HashFilesOptions}).
 * @returns one outcome per file, in the order of `files`: `{ ok: true, sha256 }`, or `{ ok: false, code, message }`
 *   when the file could not be opened or read (`ENOENT`, `EACCES`, `EISDIR`…).
 * @throws never for a file's error (that is its outcome).
 */
export async function hashFiles(files: readonly HashInput[], options: HashFilesOptions = {}): Promise<HashOutcome[]> {
  const outcomes = new Array<HashOutcome>(files.length);
  const chunkBytes = Math.max(1, Math.floor(options.chunkBytes ?? HASH_CHUNK_BYTES));
  const threshold = options.workerMinTotalBytes ?? WORKER_MIN_TOTAL_BYTES;
  const sizes = knownSizes(files, threshold);
  const totalBytes = sizes.reduce((sum, size) => sum + size, 0);
  const workerCount =
    totalBytes >= threshold && files.length > 1
      ? Math.min(Math.max(0, options.workers ?? defaultWorkerCount()), files.length - 1)
      : 0;
  const stats: HashStats = Object.assign(options.stats ?? {}, {
    workersStarted: workerCount,
    filesOnWorkers: 0,
    filesOnMainThread: 0,
  });

  // Pending files, largest first: workers take from the front, the main thread from the back; `returned` holds the
  // files of a worker that failed.
  const order = files.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  let front = 0;
  let back = order.length;
  const returned: number[] = [];

  const takeForMain = (): number | undefined => {
    if (returned.length > 0) return returned.pop();
    return front < back ? order[--back] : undefined;
  };
  const takeBatchForWorker = (): number[] => {
    if (returned.length > 0) return returned.splice(0, WORKER_BATCH_FILES);
    const batch: number[] = [];
    let bytes = 0;
    while (front < back && batch.length < WORKER_BATCH_FILES && (batch.length === 0 || bytes < WORKER_BATCH_BYTES)) {
      const index = order[front++];
      batch.push(index);
      bytes += sizes[index];
    }
    return batch;
  };

  const runMainThread = async (): Promise<void> => {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    let sliceEnd = performance.now() + MAIN_THREAD_SLICE_MS;
    const yieldIfDue = async () => {
      if (performance.now() < sliceEnd) return;
      await nextTurn();
      sliceEnd = performance.now() + MAIN_THREAD_SLICE_MS;
    };
    for (let index = takeForMain(); index !== undefined; index = takeForMain()) {
      stats.filesOnMainThread++;
      let fd = -1;
      try {
        const { dev, ino } = files[index].identity ?? NO_IDENTITY;
        fd = openRegularFile(openPathOf(files[index]), dev, ino);
        const hash = createHash('sha256');
        for (let n: number; (n = readSync(fd, buffer, 0, chunkBytes, null)) > 0;) {
          hash.update(buffer.subarray(0, n));
          if (n === chunkBytes) await yieldIfDue();
        }
        outcomes[index] = { ok: true, sha256: hash.digest('hex') };
      } catch (error) {
        outcomes[index] = failure(error);
      } finally {
        if (fd >= 0) closeSync(fd);
      }
      await yieldIfDue();
    }
  };

  const runWorker = () =>
    new Promise<void>((resolve) => {
      const inFlight: number[][] = [];
      let settled = false;
      let worker: Worker | undefined;
      const finish = (failed: boolean) => {
        if (settled) return;
        settled = true;
        if (failed) returned.push(...inFlight.flat());
        worker?.removeAllListeners().on('error', () => undefined);
        void worker?.terminate().catch(() => undefined);
        resolve();
      };
      const topUp = () => {
        while (inFlight.length < WORKER_BATCHES_IN_FLIGHT) {
          const batch = takeBatchForWorker();
          if (batch.length === 0) break;
          inFlight.push(batch);
          worker?.postMessage(
            batch.map((index) => {
              const { dev, ino } = files[index].identity ?? NO_IDENTITY;
              return [index, openPathOf(files[index]), dev, ino];
            }),
          );
        }
        if (inFlight.length === 0) finish(false);
      };
      try {
        worker = new Worker(WORKER_URL, { execArgv: [], workerData: { role: HASH_WORKER_ROLE, chunkBytes } });
      } catch {
        finish(true);
        return;
      }
      worker.on('message', (answer: WorkerAnswer) => {
        if (answer !== 'ready') {
          inFlight.shift();
          stats.filesOnWorkers += answer.length;
          for (const [index, sha256, code, message] of answer) {
            outcomes[index] =
              sha256 === null ? { ok: false, code: code ?? 'EIO', message: message ?? '' } : { ok: true, sha256 };
          }
        }
        topUp();
      });
      worker.on('error', () => finish(true));
      worker.on('exit', () => finish(true));
    });

  const mainThread = workerCount === 0 || options.mainThread !== false ? runMainThread() : undefined;
  await Promise.all([mainThread, ...Array.from({ length: workerCount }, runWorker)]);
  // Files handed back by a worker that died after the main thread ran out of work.
  if (front < back || returned.length > 0) await runMainThread();
  return outcomes;
}
