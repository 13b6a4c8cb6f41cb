// @ts-check
/**
 * The thread that hashes for {@link hashFiles} (`hash.ts`) beside the main thread, and `openRegularFile`, which the
 * main thread shares with it.
 *
 * Plain JavaScript, checked by tsc through `// @ts-check` and JSDoc types (`tsconfig.json` has `allowJs` and includes
 * the `.mjs` files of `src/`, so `npm run lint` and `npm run build` fail on a type error; the TypeScript sources take its types
 * from the same JSDoc). It is JavaScript so
 * that one file runs everywhere: `hash.ts` starts it with `new Worker(new URL('./hash-worker.mjs', import.meta.url))`
 * from the TypeScript sources (vitest, tsx: Node 20 cannot start a `.ts` worker) and from both ncc bundles, which copy
 * it beside `dist/index.js` and `dist/cli/index.js`. It imports only `node:` built-ins, as a copied asset must.
 *
 * Protocol: shared memory, no message per file. A job (`HashJob`, posted once per `hashFiles` call) holds the paths
 * and, in `SharedArrayBuffer`s, a claim counter, a completion counter, a state per file and 32 bytes of digest per
 * file. The main thread and every worker take the next file with `Atomics.add` on the claim counter, so nobody waits
 * for a batch and the last files go to whoever is free. A worker writes the digest, then the file's state
 * ({@link STATE_DONE}, or {@link STATE_FAILED} when it could not open or read it: the main thread then reads it itself
 * to report the error), then bumps the completion counter and wakes the main thread (`Atomics.notify`). When the claim
 * counter passes the last file it posts `'done'` and waits for the next job. Synchronous reads are right here: the
 * thread does nothing else, and a read into the reused buffer costs no event-loop turn. It runs only when started as
 * the hashing worker (`workerData.role`); imported on the main thread it only exports `openRegularFile` and the
 * constants.
 */
import * as crypto from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
/** `workerData.role` of the hashing worker. */
export const HASH_WORKER_ROLE = 'sha256-files';
/** Index, in the job's `control` array, of the next file to claim. */
export const CLAIM = 0;
/** Index, in the job's `control` array, of the number of files workers finished (done or failed). */
export const COMPLETED = 1;
/** A file's state when a worker wrote its digest. (0: not finished by a worker.) */
export const STATE_DONE = 1;
/** A file's state when a worker could not open or read it. */
export const STATE_FAILED = 2;
/**
 * One `hashFiles` call as a worker sees it: the files by position (the order in which they are claimed), and the
 * shared arrays.
 *
 * @typedef {object} HashJob
 * @property {Int32Array} control `[CLAIM, COMPLETED]` counters, on a `SharedArrayBuffer`.
 * @property {Int32Array} state one entry per position: 0, {@link STATE_DONE} or {@link STATE_FAILED}.
 * @property {Uint8Array} digests 32 bytes per position: the SHA-256 when the state is {@link STATE_DONE}.
 * @property {string[]} paths the path to open, per position.
 * @property {number[]} devs the walk's device number per position. @property {number[]} inos the inode, or -1.
 * @property {number} chunkBytes bytes per read.
 */
/**
 * Opens a file the walk listed without following a link or blocking on a FIFO (`O_NOFOLLOW | O_NONBLOCK`), and
 * insists on a regular file with the walk's device and inode (`dev`/`ino`; `ino` -1 when the walk pinned the folder
 * by descriptor instead, see `walk.ts`), so a file swapped for a link, another file or a special file since the walk
 * is reported, never read.
 *
 * @param {string} file the path to open.
 * @param {number} dev the walk's device number. @param {number} ino the walk's inode, or -1 for no check.
 * @returns {{ fd: number, size: number }} the file descriptor, and the size in bytes at the open (`fstat`).
 * @throws an Error with `code` `EISDIR` (a folder), `EFTYPE` (not a regular file), `ECHANGED` (another file than the
 *   walk's), or the `open(2)` error (`ELOOP` for a link, `ENOENT`…).
 */
export function openRegularFile(file, dev, ino) {
    const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    let info;
    try {
        info = fstatSync(fd);
    }
    catch (error) {
        closeSync(fd);
        throw error;
    }
    if (info.isFile() && (ino < 0 || (info.dev === dev && info.ino === ino)))
        return { fd, size: info.size };
    closeSync(fd);
    const code = !info.isFile() ? (info.isDirectory() ? 'EISDIR' : 'EFTYPE') : 'ECHANGED';
    const why = code === 'ECHANGED' ? 'the file changed during the run (another file is there now)' : 'not a regular file';
    throw Object.assign(new Error(`${code}: ${why}: ${file}`), { code });
}
/**
 * `crypto.hash` (one-shot, no `Hash` object: Node ≥ 20.12), when this Node has it.
 *
 * @type {((algorithm: string, data: Uint8Array, encoding: 'hex' | 'buffer') => string | Buffer) | undefined}
 */
const oneShot = /** @type {any} */ (crypto).hash;
/**
 * SHA-256 of a buffer's first `length` bytes, one-shot where Node can. @param {Buffer} buffer @param {number} length
 * @param {'hex' | 'buffer'} encoding @returns {string | Buffer} the digest, as hex text or 32 bytes.
 */
function digestOf(buffer, length, encoding) {
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, length);
    if (oneShot)
        return oneShot('sha256', bytes, encoding);
    const digest = crypto.createHash('sha256').update(bytes);
    return encoding === 'hex' ? digest.digest('hex') : digest.digest();
}
/**
 * Starts hashing an open file as Grafana does (Go's `io.Copy` into `sha256.New`: read until a read returns nothing).
 * A file that fits in `buffer` (nearly every file of a plugin) is read and hashed at once, with no `Hash` object; a
 * bigger one (or one that grew while being read) comes back as a `Hash` fed with what was read, for the caller to
 * read on from the descriptor's position with {@link feedToEnd} or its own loop.
 *
 * @param {number} fd descriptor, at offset 0. @param {Buffer} buffer reused read buffer (at least 1 byte).
 * @param {'hex' | 'buffer'} encoding how to give a finished digest.
 * @returns {string | Buffer | import('node:crypto').Hash} the digest (hex text or 32 bytes), or a `Hash` to feed on.
 * @throws the `read(2)` error (`EISDIR`, `EIO`…).
 */
export function hashStart(fd, buffer, encoding) {
    const n = readSync(fd, buffer, 0, buffer.length, null);
    if (n === 0)
        return digestOf(buffer, 0, encoding);
    if (n < buffer.length) {
        const more = readSync(fd, buffer, n, buffer.length - n, null);
        if (more === 0)
            return digestOf(buffer, n, encoding);
        return crypto.createHash('sha256').update(new Uint8Array(buffer.buffer, buffer.byteOffset, n + more));
    }
    return crypto.createHash('sha256').update(buffer);
}
/**
 * Reads a file on to its end into `hash`, a chunk of `buffer` at a time. @param {number} fd @param {Buffer} buffer
 * @param {import('node:crypto').Hash} hash @returns {void} @throws the `read(2)` error.
 */
function feedToEnd(fd, buffer, hash) {
    for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;) {
        hash.update(new Uint8Array(buffer.buffer, buffer.byteOffset, n));
    }
}
/**
 * Runs one job: claims files until none is left, writing each digest and state as it goes.
 *
 * @param {HashJob} job the job. @param {Buffer} buffer the reused read buffer (`job.chunkBytes` long).
 */
function runJob(job, buffer) {
    const { control, state, digests, paths, devs, inos } = job;
    const count = paths.length;
    for (let position = Atomics.add(control, CLAIM, 1); position < count; position = Atomics.add(control, CLAIM, 1)) {
        let outcome = STATE_FAILED;
        try {
            const { fd } = openRegularFile(paths[position], devs[position], inos[position]);
            try {
                let digest = hashStart(fd, buffer, 'buffer');
                if (typeof digest === 'object' && !(digest instanceof Uint8Array)) {
                    feedToEnd(fd, buffer, digest);
                    digest = digest.digest();
                }
                digests.set(/** @type {Buffer} */ (digest), position * 32);
                outcome = STATE_DONE;
            }
            finally {
                closeSync(fd);
            }
        }
        catch {
            // The main thread reads the file again to report the error (its code and message).
        }
        Atomics.store(state, position, outcome);
        Atomics.add(control, COMPLETED, 1);
        Atomics.notify(control, COMPLETED);
    }
}
if (!isMainThread && parentPort && workerData?.role === HASH_WORKER_ROLE) {
    const port = parentPort;
    /** @type {Buffer | undefined} */
    let buffer;
    port.on('message', (/** @type {HashJob} */ job) => {
        if (!buffer || buffer.length !== job.chunkBytes)
            buffer = Buffer.allocUnsafe(job.chunkBytes);
        runJob(job, buffer);
        port.postMessage('done');
    });
}
