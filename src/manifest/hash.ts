/**
 * SHA-256 of plugin files, streamed: a file is never held in memory whole.
 *
 * {@link hashFiles} is the fast path used by manifest building and verification: the main thread hashes, and worker
 * threads (one per other core, kept for the rest of the process) join in when there are enough bytes to repay
 * starting them. Every file is read in
 * chunks of at most {@link HASH_CHUNK_BYTES} into a buffer that is reused, so memory does not grow with file size.
 * Digests are identical to {@link sha256File}'s.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, createReadStream, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { pipeline } from 'node:stream/promises';
import { Worker } from 'node:worker_threads';
import {
  CLAIM,
  COMPLETED,
  HASH_WORKER_ROLE,
  STATE_DONE,
  hashStart,
  openRegularFile,
  type HashJob,
} from './hash-worker.mjs';

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
 * Workers join once the files the main thread has opened (plus the sizes given in advance) reach this many bytes.
 * Starting one costs ~5 ms of the main thread (the `Worker` constructor) and 60–90 ms before it hashes anything (a V8
 * isolate and the module, on the other core) on the 2-core bench machine, while the main thread alone hashes
 * ~1.3 GB/s (SHA-NI): a plugin of a few MB is done before a worker would help, and never pays for one.
 */
export const WORKER_MIN_TOTAL_BYTES = 16 * 1024 * 1024;

/** The main thread hashes synchronously for at most this long before letting the event loop run. */
const MAIN_THREAD_SLICE_MS = 3;

/** Longest wait for the workers' progress before looking again (a worker's death also ends the wait). */
const POLL_MS = 20;

/** One file to hash. */
export interface HashInput {
  /** The file (opened without following a link in its last component, unless `openPath` is given). */
  absolutePath: string;
  /** The path to open instead (the walk's `/proc/self/fd/<folder fd>/<name>`, see `walk.ts`). */
  openPath?: string;
  /**
   * Its size in bytes when listed; used only to schedule (the whole file is read, whatever its size now): counted
   * toward the worker threshold, and when every file has one the largest are taken first. Never `stat`ed for this.
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
   * Whether the main thread hashes too while workers run (default true). false keeps its event loop free: workers
   * start at once and take every file (the main thread still hashes when no worker runs, or what a dead one left).
   */
  mainThread?: boolean;
  /**
   * Start the workers anyway once this many milliseconds have passed since the call and files are left, whatever the
   * bytes seen: for callers whose main thread has other work meanwhile (`verify` decodes the manifest and checks its
   * signature while the files are hashed, so the main thread sees bytes slowly), so that the workers' start-up
   * overlaps that work. A small plugin is hashed before the timer fires and never pays a worker. Default: no timer
   * (workers join at `workerMinTotalBytes`).
   */
  workerAfterMs?: number;
  /** Filled in with how the work was split (for the benchmark and the tests). */
  stats?: HashStats;
}

/** How {@link hashFiles} split the work. */
export interface HashStats {
  /** Worker threads given the files (started for this call or reused from an earlier one; 0: main thread only). */
  workersStarted: number;
  /** Files hashed by workers, and on the main thread. */
  filesOnWorkers: number;
  filesOnMainThread: number;
}

const NO_IDENTITY = { dev: -1, ino: -1 };

const openPathOf = (file: HashInput) => file.openPath ?? file.absolutePath;

/** The default worker count: the cores but the main thread's, at most 7 (none on one core). */
function defaultWorkerCount(): number {
  return Math.min(Math.max(availableParallelism() - 1, 0), 7);
}

function failure(error: unknown): HashOutcome {
  const code = (error as NodeJS.ErrnoException)?.code;
  return { ok: false, code: code ?? String(error), message: error instanceof Error ? error.message : String(error) };
}

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A hashing worker of the process-wide pool: started once, given one job per {@link hashFiles} call. */
interface PoolWorker {
  worker: Worker;
  alive: boolean;
  /** Resolvers of the jobs sent and not yet answered with `'done'`, oldest first (all called if it dies). */
  pending: (() => void)[];
}

/**
 * The workers started so far, reused by every later {@link hashFiles} call of the process. They are `unref`ed: an idle
 * worker never keeps the process alive (a call waiting for one keeps it alive with its own timer).
 */
const pool: PoolWorker[] = [];

/** Starts one pool worker. @returns it, or undefined when it cannot start (the main thread then works alone). */
function startWorker(): PoolWorker | undefined {
  let worker: Worker;
  try {
    worker = new Worker(WORKER_URL, { execArgv: [], workerData: { role: HASH_WORKER_ROLE } });
  } catch {
    return undefined;
  }
  const entry: PoolWorker = { worker, alive: true, pending: [] };
  const died = () => {
    if (!entry.alive) return;
    entry.alive = false;
    pool.splice(pool.indexOf(entry), 1);
    for (const resolve of entry.pending.splice(0)) resolve();
    void worker.terminate().catch(() => undefined);
  };
  worker.on('message', () => entry.pending.shift()?.());
  worker.on('error', died);
  worker.on('exit', died);
  worker.unref();
  pool.push(entry);
  return entry;
}

/** Posts a job to a pool worker. @returns a promise that settles when the worker answers it, or dies. */
function sendJob(entry: PoolWorker, job: HashJob): Promise<void> {
  return new Promise<void>((resolve) => {
    if (!entry.alive) return resolve();
    entry.pending.push(resolve);
    entry.worker.postMessage(job);
  });
}

/**
 * `Atomics.waitAsync` (ES2024; in V8 since Node 16). Typed here: the project's `lib` is ES2023, so that nothing newer
 * than Node 20 type-checks by accident.
 */
const atomics = Atomics as unknown as {
  waitAsync(
    array: Int32Array,
    index: number,
    value: number,
    timeoutMs: number,
  ): { async: false; value: string } | { async: true; value: Promise<string> };
};

/**
 * Waits until `control[COMPLETED]` differs from `seen`, `settled` resolves, or {@link POLL_MS} pass. The timer keeps
 * the event loop alive while the workers (unref'ed) work.
 */
function waitForProgress(control: Int32Array, seen: number, settled: Promise<unknown>): Promise<void> {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, POLL_MS);
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    void settled.then(done);
    const waited = atomics.waitAsync(control, COMPLETED, seen, POLL_MS);
    if (waited.async) void waited.value.then(done);
    else done();
  });
}

/**
 * SHA-256 of many files at once, on every core: the digests are exactly {@link sha256File}'s.
 *
 * Design, chosen by measurement (2-core AMD EPYC with SHA-NI, Node 20, files in the page cache; docs/performance.md):
 * - `hash.update` runs on the calling thread, so concurrent streams on the main thread use one core however many
 *   there are. The main thread reads synchronously into one reused buffer (per file, async reads cost about twice the
 *   CPU of `openSync`/`readSync`/`closeSync`), in slices of {@link MAIN_THREAD_SLICE_MS} ms between which the event
 *   loop runs (`verify` decodes the manifest and checks its signature meanwhile).
 * - Sizes are not needed in advance (the walk does not `stat` regular files): the main thread starts alone, learns
 *   each size from the `fstat` of its open, and once the bytes seen reach `workerMinTotalBytes` the pool's workers
 *   join. Small plugins never pay a worker.
 * - Everyone takes the next file from one shared counter (`Atomics.add`; see `hash-worker.mjs`), so the work
 *   balances to the last file, with no batch to wait for and no message per file: workers write digests to shared
 *   memory. When every file has a size given in advance (the walk off Linux), the largest are taken first.
 * - A file that fits in the buffer (nearly every file of a frontend plugin) is hashed in one call (`crypto.hash`), with
 *   no `Hash` object to allocate and collect (`hashStart` in `hash-worker.mjs`).
 * - A worker that cannot start or dies is left out; the files it had taken are read again on the main thread, as are
 *   the ones a worker could not read (so the error is the main thread's own, with its code and message).
 *
 * Memory: one `chunkBytes` buffer per thread (2 MiB with the defaults on 2 cores), whatever the file sizes, plus 36
 * bytes per file of shared state.
 *
 * @param files the files; `size`, when every file has one, orders the work.
 * @param options worker count, threshold, chunk size, stats (see {@link HashFilesOptions}).
 * @returns one outcome per file, in the order of `files`: `{ ok: true, sha256 }`, or `{ ok: false, code, message }`
 *   when the file could not be opened or read (`ENOENT`, `EACCES`, `EISDIR`…).
 * @throws never for a file's error (that is its outcome).
 */
export async function hashFiles(files: readonly HashInput[], options: HashFilesOptions = {}): Promise<HashOutcome[]> {
  const count = files.length;
  const outcomes = new Array<HashOutcome>(count);
  const stats: HashStats = Object.assign(options.stats ?? {}, {
    workersStarted: 0,
    filesOnWorkers: 0,
    filesOnMainThread: 0,
  });
  if (count === 0) return outcomes;
  const chunkBytes = Math.max(1, Math.floor(options.chunkBytes ?? HASH_CHUNK_BYTES));
  const threshold = options.workerMinTotalBytes ?? WORKER_MIN_TOTAL_BYTES;
  const wanted = count > 1 ? Math.min(Math.max(0, options.workers ?? defaultWorkerCount()), count - 1) : 0;

  // Claim order (position → index in `files`): largest first when every size is known, else the list's order.
  const sized = files.every((f) => f.size !== undefined);
  const order = files.map((_, i) => i);
  if (sized) order.sort((a, b) => (files[b].size ?? 0) - (files[a].size ?? 0) || a - b);
  const control = new Int32Array(new SharedArrayBuffer(8));
  const state = new Int32Array(new SharedArrayBuffer(4 * count));
  const digests = new Uint8Array(new SharedArrayBuffer(32 * count));
  /** 1 where the main thread took the position. */
  const mine = new Uint8Array(count);
  let mainTook = 0;

  const helpers: Promise<void>[] = [];
  let engaged = wanted === 0;
  const engage = () => {
    if (engaged) return;
    engaged = true;
    const job: HashJob = { control, state, digests, paths: [], devs: [], inos: [], chunkBytes };
    for (const index of order) {
      const { dev, ino } = files[index].identity ?? NO_IDENTITY;
      job.paths.push(openPathOf(files[index]));
      job.devs.push(dev);
      job.inos.push(ino);
    }
    const chosen = pool.filter((w) => w.alive).slice(0, wanted);
    while (chosen.length < wanted) {
      const started = startWorker();
      if (!started) break;
      chosen.push(started);
    }
    for (const entry of chosen) helpers.push(sendJob(entry, job));
    stats.workersStarted = chosen.length;
  };
  let bytesSeen = files.reduce((sum, f) => sum + Math.max(0, f.size ?? 0), 0);
  if (bytesSeen >= threshold || options.mainThread === false) engage();
  const timer =
    options.workerAfterMs === undefined || engaged
      ? undefined
      : setTimeout(() => {
          if (Atomics.load(control, CLAIM) < count) engage();
        }, options.workerAfterMs);

  const buffer = Buffer.allocUnsafe(chunkBytes);
  let sliceEnd = performance.now() + MAIN_THREAD_SLICE_MS;
  const yieldIfDue = async () => {
    if (performance.now() < sliceEnd) return;
    await nextTurn();
    sliceEnd = performance.now() + MAIN_THREAD_SLICE_MS;
  };
  /** Hashes one position on the main thread, yielding to the event loop between slices. */
  const hashOnMain = async (position: number) => {
    const index = order[position];
    let fd = -1;
    try {
      const { dev, ino } = files[index].identity ?? NO_IDENTITY;
      const opened = openRegularFile(openPathOf(files[index]), dev, ino);
      fd = opened.fd;
      bytesSeen += opened.size;
      if (!engaged && bytesSeen >= threshold && Atomics.load(control, CLAIM) < count) engage();
      const started = hashStart(fd, buffer, 'hex');
      if (typeof started === 'string') {
        outcomes[index] = { ok: true, sha256: started };
      } else {
        // Bigger than a chunk: read on, letting the event loop run between slices.
        const hash = started as Hash;
        for (let n: number; (n = readSync(fd, buffer, 0, chunkBytes, null)) > 0;) {
          hash.update(new Uint8Array(buffer.buffer, buffer.byteOffset, n));
          if (n === chunkBytes) await yieldIfDue();
        }
        outcomes[index] = { ok: true, sha256: hash.digest('hex') };
      }
    } catch (error) {
      outcomes[index] = failure(error);
    } finally {
      if (fd >= 0) closeSync(fd);
    }
    await yieldIfDue();
  };
  const runMainThread = async () => {
    for (let position = Atomics.add(control, CLAIM, 1); position < count; position = Atomics.add(control, CLAIM, 1)) {
      mine[position] = 1;
      mainTook++;
      await hashOnMain(position);
    }
  };

  if (options.mainThread !== false || helpers.length === 0) await runMainThread();
  // Wait for the workers' files, unless every worker has answered (or died) first.
  let settled = false;
  const allSettled = Promise.all(helpers).then(() => {
    settled = true;
  });
  for (let done = Atomics.load(control, COMPLETED); mainTook + done < count && !settled;) {
    await waitForProgress(control, done, allSettled);
    done = Atomics.load(control, COMPLETED);
  }
  // Files no one finished (a worker died, or every worker did before claiming all), and files a worker could not
  // read: the main thread reads them, the latter to report the error as its own.
  await runMainThread();
  for (let position = 0; position < count; position++) {
    if (mine[position]) continue;
    const result = Atomics.load(state, position);
    if (result === STATE_DONE) {
      stats.filesOnWorkers++;
      outcomes[order[position]] = {
        ok: true,
        sha256: Buffer.from(digests.buffer, position * 32, 32).toString('hex'),
      };
    } else {
      mainTook++;
      await hashOnMain(position);
    }
  }
  clearTimeout(timer);
  stats.filesOnMainThread = mainTook;
  return outcomes;
}
