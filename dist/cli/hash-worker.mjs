// @ts-check
/**
 * The thread that hashes for {@link hashFiles} (`hash.ts`) once the files are big enough, and `openRegularFile`, which
 * the main thread shares with it.
 *
 * Plain JavaScript, checked by tsc through `// @ts-check` and JSDoc types (`tsconfig.json` has `allowJs` and includes
 * the `.mjs` files of `src/`, so `npm run lint` and `npm run build` fail on a type error; the TypeScript sources take its types
 * from the same JSDoc). It is JavaScript so
 * that one file runs everywhere: `hash.ts` starts it with `new Worker(new URL('./hash-worker.mjs', import.meta.url))`
 * from the TypeScript sources (vitest, tsx: Node 20 cannot start a `.ts` worker) and from both ncc bundles, which copy
 * it beside `dist/index.js` and `dist/cli/index.js`. It imports only `node:` built-ins, as a copied asset must.
 *
 * Synchronous reads are right here: the thread does nothing else, and a read into the reused buffer costs no
 * event-loop turn. Protocol: it posts `'ready'`, then answers each batch `[[index, path, dev, ino], …]` with
 * `[[index, sha256] or [index, null, code, message], …]`, batches in the order received. It runs only when started
 * as the hashing worker (`workerData.role`); imported on the main thread it only exports `openRegularFile`.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
/** `workerData.role` of the hashing worker. */
export const HASH_WORKER_ROLE = 'sha256-files';
/**
 * Opens a file the walk listed without following a link or blocking on a FIFO (`O_NOFOLLOW | O_NONBLOCK`), and
 * insists on a regular file with the walk's device and inode (`dev`/`ino`; `ino` -1 when the walk pinned the folder
 * by descriptor instead, see `walk.ts`), so a file swapped for a link, another file or a special file since the walk
 * is reported, never read.
 *
 * @param {string} file the path to open.
 * @param {number} dev the walk's device number. @param {number} ino the walk's inode, or -1 for no check.
 * @returns {number} the file descriptor.
 * @throws an Error with `code` `EISDIR` (a folder), `EFTYPE` (not a regular file), `ECHANGED` (another file than the
 *   walk's), or the `open(2)` error (`ELOOP` for a link, `ENOENT`…).
 */
export function openRegularFile(file, dev, ino) {
    const fd = openSync(file, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const info = fstatSync(fd);
    if (info.isFile() && (ino < 0 || (info.dev === dev && info.ino === ino)))
        return fd;
    closeSync(fd);
    const code = !info.isFile() ? (info.isDirectory() ? 'EISDIR' : 'EFTYPE') : 'ECHANGED';
    const why = code === 'ECHANGED' ? 'the file changed during the run (another file is there now)' : 'not a regular file';
    throw Object.assign(new Error(`${code}: ${why}: ${file}`), { code });
}
/**
 * The worker's loop: hashes each batch it receives with one reused buffer of `chunkBytes`.
 *
 * @param {import('node:worker_threads').MessagePort} port the parent port.
 * @param {number} chunkBytes bytes per read.
 */
function serve(port, chunkBytes) {
    const buffer = Buffer.allocUnsafe(chunkBytes);
    /** @type {(file: string, dev: number, ino: number) => string} */
    const hashOne = (file, dev, ino) => {
        const fd = openRegularFile(file, dev, ino);
        try {
            const hash = createHash('sha256');
            for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0;)
                hash.update(buffer.subarray(0, n));
            return hash.digest('hex');
        }
        finally {
            closeSync(fd);
        }
    };
    port.on('message', (/** @type {[number, string, number, number][]} */ batch) => {
        /** @type {([number, string] | [number, null, string, string])[]} */
        const out = [];
        for (const [index, file, dev, ino] of batch) {
            try {
                out.push([index, hashOne(file, dev, ino)]);
            }
            catch (error) {
                const e = /** @type {{ code?: unknown; message?: unknown } | undefined} */ (error);
                out.push([index, null, String(e?.code ?? error), String(e?.message ?? error)]);
            }
        }
        port.postMessage(out);
    });
    port.postMessage('ready');
}
if (!isMainThread && parentPort && workerData?.role === HASH_WORKER_ROLE) {
    serve(parentPort, Number(workerData.chunkBytes));
}
