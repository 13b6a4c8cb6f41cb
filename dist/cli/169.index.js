export const id = 169;
export const ids = [169];
export const modules = {

/***/ 9795:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Pv: () => (/* binding */ readToFill),
/* harmony export */   aK: () => (/* binding */ readBoundedRegularFile),
/* harmony export */   uu: () => (/* binding */ BoundedReadError)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/**
 * Reading a file a user names (a key file, any path an input can give) without hanging or running out of memory:
 * only a regular file, at most a given number of bytes. Neutral: no `@actions/*` import.
 */


/** Why {@link readBoundedRegularFile} refused a file; `message` says it for people, without the input's name. */
class BoundedReadError extends Error {
    /** `missing`, `not-regular` (a folder, device, FIFO or socket, also through a link), `too-large`, `unreadable`. */
    reason;
    constructor(reason, message, options) {
        super(message, options);
        this.name = 'BoundedReadError';
        this.reason = reason;
    }
}
/** What a non-regular file is, for the message. */
function kindOf(stat) {
    if (stat.isDirectory())
        return 'a folder';
    if (stat.isFIFO())
        return 'a FIFO (named pipe)';
    if (stat.isCharacterDevice())
        return 'a character device';
    if (stat.isBlockDevice())
        return 'a block device';
    if (stat.isSocket())
        return 'a socket';
    return 'not a regular file';
}
/**
 * Reads a regular file of at most `maxBytes` bytes. The file is opened with `O_NONBLOCK` (opening a FIFO never
 * waits for a writer) and `O_NOCTTY`, then checked with `fstat` on the open descriptor (so a link is judged by what
 * it points to, and nothing can be swapped between the check and the read): a folder, device (`/dev/zero`,
 * `/dev/urandom`), FIFO or socket is refused before any byte is read. At most `maxBytes + 1` bytes are read, so a
 * file that grows while read is refused too.
 *
 * @param file the path (relative to the working directory or absolute).
 * @param maxBytes the largest accepted size in bytes (e.g. 1 MiB = 1,048,576 for a key file).
 * @returns the file's bytes.
 * @throws BoundedReadError: `missing` (ENOENT), `not-regular`, `too-large`, or `unreadable` (any other `fs` error,
 *   its message included).
 */
async function readBoundedRegularFile(file, maxBytes) {
    let handle;
    try {
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK ?? 0) | (node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOCTTY ?? 0));
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT')
            throw new BoundedReadError('missing', 'no such file', { cause: error });
        if (code === 'EISDIR')
            throw new BoundedReadError('not-regular', 'it is a folder, not a file', { cause: error });
        if (code === 'ENXIO')
            throw new BoundedReadError('not-regular', 'it is a socket, not a file', { cause: error });
        throw new BoundedReadError('unreadable', `cannot open it: ${error.message}`, { cause: error });
    }
    try {
        const stat = await handle.stat();
        if (!stat.isFile()) {
            throw new BoundedReadError('not-regular', `it is ${kindOf(stat)}, not a regular file`);
        }
        if (stat.size > maxBytes) {
            throw new BoundedReadError('too-large', `it has ${stat.size} bytes, more than the ${maxBytes} allowed`);
        }
        const buffer = Buffer.alloc(maxBytes + 1);
        const length = await readToFill(handle, buffer);
        if (length > maxBytes) {
            throw new BoundedReadError('too-large', `it has more than the ${maxBytes} bytes allowed`);
        }
        return buffer.subarray(0, length);
    }
    catch (error) {
        if (error instanceof BoundedReadError)
            throw error;
        throw new BoundedReadError('unreadable', `cannot read it: ${error.message}`, { cause: error });
    }
    finally {
        await handle.close();
    }
}
/**
 * Reads an open file from byte `position` (default 0, the start) into `buffer` until it is full or the file ends (a
 * read may return fewer bytes than asked).
 *
 * @returns the number of bytes read (≤ `buffer.length`). @throws the `fs` read error.
 */
async function readToFill(handle, buffer, position = 0) {
    let length = 0;
    while (length < buffer.length) {
        const { bytesRead } = await handle.read(buffer, length, buffer.length - length, position + length);
        if (bytesRead === 0)
            break;
        length += bytesRead;
    }
    return length;
}


/***/ }),

/***/ 8947:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Al: () => (/* binding */ runeLen),
/* harmony export */   L2: () => (/* binding */ decodeRuneBytes),
/* harmony export */   NG: () => (/* binding */ toRunes),
/* harmony export */   aG: () => (/* binding */ runeString),
/* harmony export */   aM: () => (/* binding */ runeCount),
/* harmony export */   co: () => (/* binding */ decodeLastRuneBytes),
/* harmony export */   j6: () => (/* binding */ decodeRune),
/* harmony export */   mZ: () => (/* binding */ runes),
/* harmony export */   pv: () => (/* binding */ toByteString),
/* harmony export */   qL: () => (/* binding */ fromByteString),
/* harmony export */   yS: () => (/* binding */ RUNE_ERROR)
/* harmony export */ });
/**
 * Go's `unicode/utf8` (Go 1.26 src/unicode/utf8/utf8.go): the project's one UTF-8 decoder. Go strings are byte
 * sequences; the Go ports (`url.ts`, `glob/`) work on "byte strings": JS strings whose code units are the UTF-8 bytes
 * (0–255), so that indexes, escapes and invalid UTF-8 behave exactly as in Go; the armor and manifest JSON readers
 * decode `Uint8Array`s with {@link decodeRuneBytes}, the same decoder. Own code: no library offers Go's
 * `unicode/utf8` on byte strings.
 */
/** U+FFFD, Go's `utf8.RuneError`. */
const RUNE_ERROR = 0xfffd;
/** UTF-8 bytes of a JS string, as a byte string (lone surrogates become U+FFFD, as any encoder does). */
function toByteString(s) {
    return Buffer.from(s, 'utf8').toString('latin1');
}
/** The JS string a byte string decodes to (invalid UTF-8 becomes U+FFFD). */
function fromByteString(b) {
    return Buffer.from(b, 'latin1').toString('utf8');
}
/**
 * Go's `utf8.DecodeRuneInString(s[i:])` on a byte string: `[rune, width]`; an invalid or truncated sequence, an
 * overlong form or a surrogate gives `[0xFFFD, 1]`, the end of the string `[0xFFFD, 0]`.
 */
function decodeRune(s, i) {
    const b0 = s.charCodeAt(i);
    if (b0 < 0x80)
        return [b0, 1]; // ASCII without the byte reader (NaN past the end goes on to decodeAt)
    return decodeAt(s.length, i, (k) => s.charCodeAt(k));
}
/** Go's `utf8.DecodeRune(data[i:])` on bytes: the same as {@link decodeRune} (the armor and JSON readers use it). */
function decodeRuneBytes(data, i) {
    const b0 = data[i];
    if (b0 < 0x80)
        return [b0, 1]; // ASCII without the byte reader (undefined past the end goes on to decodeAt)
    return decodeAt(data.length, i, (k) => data[k]);
}
/**
 * Go's `utf8.DecodeLastRune(data[:end])` on bytes (`end` ≥ 1): the code point ending at `data[end - 1]` and its
 * length; `[RUNE_ERROR, 1]` when the bytes before `end` do not end in a valid encoding (`bytes.TrimSpace` uses it).
 */
function decodeLastRuneBytes(data, end) {
    if (data[end - 1] < 0x80)
        return [data[end - 1], 1];
    const lim = Math.max(0, end - 4);
    let start = end - 1;
    while (start > lim && (data[start] & 0xc0) === 0x80)
        start--;
    const [r, size] = decodeRuneBytes(data.subarray(0, end), start);
    if (start + size !== end)
        return [0xfffd, 1];
    return [r, size];
}
/** The one UTF-8 decoder (Go src/unicode/utf8/utf8.go `DecodeRune`), over `length` bytes read by `byteAt`. */
function decodeAt(length, i, byteAt) {
    const n = length - i;
    if (n < 1)
        return [RUNE_ERROR, 0];
    const b0 = byteAt(i);
    if (b0 < 0x80)
        return [b0, 1];
    if (b0 < 0xc2 || b0 > 0xf4)
        return [RUNE_ERROR, 1];
    let need;
    let cp;
    let lo = 0x80;
    let hi = 0xbf;
    if (b0 < 0xe0) {
        need = 1;
        cp = b0 & 0x1f;
    }
    else if (b0 < 0xf0) {
        need = 2;
        cp = b0 & 0x0f;
        if (b0 === 0xe0)
            lo = 0xa0;
        else if (b0 === 0xed)
            hi = 0x9f;
    }
    else {
        need = 3;
        cp = b0 & 0x07;
        if (b0 === 0xf0)
            lo = 0x90;
        else if (b0 === 0xf4)
            hi = 0x8f;
    }
    if (n < need + 1)
        return [RUNE_ERROR, 1];
    const b1 = byteAt(i + 1);
    if (b1 < lo || b1 > hi)
        return [RUNE_ERROR, 1];
    cp = (cp << 6) | (b1 & 0x3f);
    for (let k = 2; k <= need; k++) {
        const b = byteAt(i + k);
        if (b < 0x80 || b > 0xbf)
            return [RUNE_ERROR, 1];
        cp = (cp << 6) | (b & 0x3f);
    }
    return [cp, need + 1];
}
/** `utf8.RuneLen(r)`. */
function runeLen(r) {
    if (r < 0)
        return -1;
    if (r < 0x80)
        return 1;
    if (r < 0x800)
        return 2;
    if (r >= 0xd800 && r <= 0xdfff)
        return -1;
    if (r < 0x10000)
        return 3;
    if (r <= 0x10ffff)
        return 4;
    return -1;
}
/** `string(r)` for a rune: its UTF-8 bytes (U+FFFD for an invalid rune). */
function runeString(r) {
    if (runeLen(r) < 0)
        r = RUNE_ERROR;
    return toByteString(String.fromCodePoint(r));
}
/** `for i, r := range s`: the byte offset and rune of every rune start. */
function* runes(s) {
    for (let i = 0; i < s.length;) {
        const [r, w] = decodeRune(s, i);
        yield [i, r];
        i += w;
    }
}
/** `[]rune(s)`. */
function toRunes(s) {
    const out = [];
    for (const [, r] of runes(s))
        out.push(r);
    return out;
}
/** `utf8.RuneCountInString(s)`. */
function runeCount(s) {
    let n = 0;
    for (const _ of runes(s))
        n++;
    return n;
}


/***/ }),

/***/ 7169:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   h1: () => (/* binding */ MANIFEST_FILE),
/* harmony export */   u1: () => (/* binding */ buildManifest),
/* harmony export */   xn: () => (/* binding */ NON_UTF8_REASON)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/* harmony import */ var _hash_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7477);
/* harmony import */ var _plugin_json_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7289);
/* harmony import */ var _walk_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(5108);
/**
 * Building the unsigned manifest that grafana.com signs (what `@grafana/sign-plugin` sends,
 * docs/verification.md#signing).
 */




/**
 * Why a file whose path is not valid UTF-8 can never be covered (Grafana: `modified`): the walk sees its raw bytes,
 * while Go's JSON decoder turns invalid UTF-8 in a manifest key into U+FFFD, so no key can equal it.
 */
const NON_UTF8_REASON = "the name is not valid UTF-8 (shown with \\xNN for its raw bytes), and Go's JSON decoder turns invalid UTF-8 in " +
    'a manifest key into U+FFFD, so no manifest can cover it';
/** Name of the signed manifest at a plugin's root. */
const MANIFEST_FILE = 'MANIFEST.txt';
/**
 * Hashes every file under `pluginDir` except the top-level MANIFEST.txt and reads plugin.json. Files are hashed
 * with {@link hashFiles}: on the main thread and a worker thread per extra core for big plugins, on the main thread
 * alone for small ones.
 *
 * @param pluginDir the built plugin (`dist`).
 * @returns `{ plugin, version, files }` with posix paths in Go walk order and lowercase hex SHA-256 values.
 * @throws PluginError when plugin.json lacks `id`/`info.version`, when the folder holds a link Grafana would
 *   refuse (outside the folder, broken), a special file, a folder that changed during the run, or a file whose path
 *   is not valid UTF-8 (named with its bytes escaped, before any request), when the folder has no file to sign, or when a file
 *   cannot be read (every such file named with its `fs` code).
 */
async function buildManifest(pluginDir) {
    const pluginJson = await (0,_plugin_json_js__WEBPACK_IMPORTED_MODULE_2__/* .readPluginJson */ .k)(pluginDir);
    if (pluginJson.error)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PluginError */ .cZ(pluginJson.error);
    let walk;
    try {
        walk = await (0,_walk_js__WEBPACK_IMPORTED_MODULE_3__/* .walkPluginFiles */ .I)(pluginDir, { keepOpen: true });
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PluginError */ .cZ(`cannot read plugin folder ${pluginDir}: ${error.message}`, { cause: error });
    }
    let outcomes;
    const toSign = walk.files.filter((f) => f.path !== MANIFEST_FILE);
    try {
        if (walk.problems.length > 0) {
            const lines = walk.problems.map((p) => `  ${p.path}: ${p.message}`);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PluginError */ .cZ(`refusing to sign ${pluginDir}: Grafana would not load it:\n${lines.join('\n')}`);
        }
        if (walk.nonUtf8.length > 0) {
            const lines = walk.nonUtf8.map((f) => `  ${f.path}: ${NON_UTF8_REASON}`);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PluginError */ .cZ(`refusing to sign ${pluginDir}: no manifest can cover these files, rename them (UTF-8 names only):\n` +
                lines.join('\n'));
        }
        outcomes = await (0,_hash_js__WEBPACK_IMPORTED_MODULE_1__/* .hashFiles */ .yQ)(toSign);
    }
    finally {
        walk.close();
    }
    // A prototype-free object, so a file named `__proto__` is an ordinary key.
    const files = Object.create(null);
    const unreadable = [];
    toSign.forEach((f, i) => {
        const outcome = outcomes[i];
        if (outcome.ok)
            files[f.path] = outcome.sha256;
        else
            unreadable.push(`  ${f.path}: ${outcome.code}`);
    });
    if (unreadable.length > 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .PluginError */ .cZ(`cannot read plugin files in ${pluginDir}:\n${unreadable.join('\n')}`);
    }
    return { plugin: pluginJson.id, version: pluginJson.version, files };
}


/***/ }),

/***/ 7477:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  yQ: () => (/* binding */ hashFiles),
  sf: () => (/* binding */ mapLimit)
});

// UNUSED EXPORTS: HASH_CHUNK_BYTES, WORKER_MIN_TOTAL_BYTES, sha256File

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:stream/promises"
var promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
;// CONCATENATED MODULE: ./lib/manifest/hash-worker.mjs
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



/** `workerData.role` of the hashing worker. */
const HASH_WORKER_ROLE = 'sha256-files';
/** Index, in the job's `control` array, of the next file to claim. */
const CLAIM = 0;
/** Index, in the job's `control` array, of the number of files workers finished (done or failed). */
const COMPLETED = 1;
/** A file's state when a worker wrote its digest. (0: not finished by a worker.) */
const STATE_DONE = 1;
/** A file's state when a worker could not open or read it. */
const STATE_FAILED = 2;
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
function openRegularFile(file, dev, ino) {
    const fd = (0,external_node_fs_.openSync)(file, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK);
    let info;
    try {
        info = (0,external_node_fs_.fstatSync)(fd);
    }
    catch (error) {
        (0,external_node_fs_.closeSync)(fd);
        throw error;
    }
    if (info.isFile() && (ino < 0 || (info.dev === dev && info.ino === ino)))
        return { fd, size: info.size };
    (0,external_node_fs_.closeSync)(fd);
    const code = !info.isFile() ? (info.isDirectory() ? 'EISDIR' : 'EFTYPE') : 'ECHANGED';
    const why = code === 'ECHANGED' ? 'the file changed during the run (another file is there now)' : 'not a regular file';
    throw Object.assign(new Error(`${code}: ${why}: ${file}`), { code });
}
/**
 * `crypto.hash` (one-shot, no `Hash` object: Node ≥ 20.12), when this Node has it.
 *
 * @type {((algorithm: string, data: Uint8Array, encoding: 'hex' | 'buffer') => string | Buffer) | undefined}
 */
const oneShot = /** @type {any} */ external_node_crypto_.hash;
/**
 * SHA-256 of a buffer's first `length` bytes, one-shot where Node can. @param {Buffer} buffer @param {number} length
 * @param {'hex' | 'buffer'} encoding @returns {string | Buffer} the digest, as hex text or 32 bytes.
 */
function digestOf(buffer, length, encoding) {
    const bytes = new Uint8Array(buffer.buffer, buffer.byteOffset, length);
    if (oneShot)
        return oneShot('sha256', bytes, encoding);
    const digest = external_node_crypto_.createHash('sha256').update(bytes);
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
function hashStart(fd, buffer, encoding) {
    const n = (0,external_node_fs_.readSync)(fd, buffer, 0, buffer.length, null);
    if (n === 0)
        return digestOf(buffer, 0, encoding);
    if (n < buffer.length) {
        const more = (0,external_node_fs_.readSync)(fd, buffer, n, buffer.length - n, null);
        if (more === 0)
            return digestOf(buffer, n, encoding);
        return external_node_crypto_.createHash('sha256').update(new Uint8Array(buffer.buffer, buffer.byteOffset, n + more));
    }
    return external_node_crypto_.createHash('sha256').update(buffer);
}
/**
 * Reads a file on to its end into `hash`, a chunk of `buffer` at a time. @param {number} fd @param {Buffer} buffer
 * @param {import('node:crypto').Hash} hash @returns {void} @throws the `read(2)` error.
 */
function feedToEnd(fd, buffer, hash) {
    for (let n; (n = (0,external_node_fs_.readSync)(fd, buffer, 0, buffer.length, null)) > 0;) {
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
                (0,external_node_fs_.closeSync)(fd);
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
if (!external_node_worker_threads_.isMainThread && external_node_worker_threads_.parentPort && external_node_worker_threads_.workerData?.role === HASH_WORKER_ROLE) {
    const port = external_node_worker_threads_.parentPort;
    /** @type {Buffer | undefined} */
    let buffer;
    port.on('message', (/** @type {HashJob} */ job) => {
        if (!buffer || buffer.length !== job.chunkBytes)
            buffer = Buffer.allocUnsafe(job.chunkBytes);
        runJob(job, buffer);
        port.postMessage('done');
    });
}

;// CONCATENATED MODULE: ./lib/manifest/hash.js
/**
 * SHA-256 of plugin files, streamed: a file is never held in memory whole.
 *
 * {@link hashFiles} is the fast path used by manifest building and verification: the main thread hashes, and worker
 * threads (one per other core, kept for the rest of the process) join in when there are enough bytes to repay
 * starting them. Every file is read in
 * chunks of at most {@link HASH_CHUNK_BYTES} into a buffer that is reused, so memory does not grow with file size.
 * Digests are identical to {@link sha256File}'s.
 */






/** The hashing worker (`hash-worker.mjs`), beside this module in the sources and beside each bundle. */
const WORKER_URL = __webpack_require__.ab + "hash-worker.mjs";
/**
 * Hashes one file as Grafana does (`sha256.New` + `io.Copy`, `hex.EncodeToString`).
 *
 * @param absolutePath file to read (symlinks are followed by the open, as in Grafana).
 * @returns 64 lowercase hex characters.
 * @throws the `fs` error (ENOENT, EACCES, EISDIR…) when the file cannot be read.
 */
async function sha256File(absolutePath) {
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
async function mapLimit(items, limit, fn) {
    const results = new Array(items.length);
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
const HASH_CHUNK_BYTES = 1 << 20;
/**
 * Workers join once the files the main thread has opened (plus the sizes given in advance) reach this many bytes.
 * Starting one costs ~5 ms of the main thread (the `Worker` constructor) and 60–90 ms before it hashes anything (a V8
 * isolate and the module, on the other core) on the 2-core bench machine, while the main thread alone hashes
 * ~1.3 GB/s (SHA-NI): a plugin of a few MB is done before a worker would help, and never pays for one.
 */
const WORKER_MIN_TOTAL_BYTES = 16 * 1024 * 1024;
/** The main thread hashes synchronously for at most this long before letting the event loop run. */
const MAIN_THREAD_SLICE_MS = 3;
/** Longest wait for the workers' progress before looking again (a worker's death also ends the wait). */
const POLL_MS = 20;
const NO_IDENTITY = { dev: -1, ino: -1 };
const openPathOf = (file) => file.openPath ?? file.absolutePath;
/** The default worker count: the cores but the main thread's, at most 7 (none on one core). */
function defaultWorkerCount() {
    return Math.min(Math.max((0,external_node_os_.availableParallelism)() - 1, 0), 7);
}
function failure(error) {
    const code = error?.code;
    return { ok: false, code: code ?? String(error), message: error instanceof Error ? error.message : String(error) };
}
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
/**
 * The workers started so far, reused by every later {@link hashFiles} call of the process. They are `unref`ed: an idle
 * worker never keeps the process alive (a call waiting for one keeps it alive with its own timer).
 */
const pool = [];
/** Starts one pool worker. @returns it, or undefined when it cannot start (the main thread then works alone). */
function startWorker() {
    let worker;
    try {
        worker = new external_node_worker_threads_.Worker(WORKER_URL, { execArgv: [], workerData: { role: HASH_WORKER_ROLE } });
    }
    catch {
        return undefined;
    }
    const entry = { worker, alive: true, pending: [] };
    const died = () => {
        if (!entry.alive)
            return;
        entry.alive = false;
        pool.splice(pool.indexOf(entry), 1);
        for (const resolve of entry.pending.splice(0))
            resolve();
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
function sendJob(entry, job) {
    return new Promise((resolve) => {
        if (!entry.alive)
            return resolve();
        entry.pending.push(resolve);
        entry.worker.postMessage(job);
    });
}
/**
 * `Atomics.waitAsync` (ES2024; in V8 since Node 16). Typed here: the project's `lib` is ES2023, so that nothing newer
 * than Node 20 type-checks by accident.
 */
const atomics = Atomics;
/**
 * Waits until `control[COMPLETED]` differs from `seen`, `settled` resolves, or {@link POLL_MS} pass. The timer keeps
 * the event loop alive while the workers (unref'ed) work.
 */
function waitForProgress(control, seen, settled) {
    return new Promise((resolve) => {
        const timer = setTimeout(resolve, POLL_MS);
        const done = () => {
            clearTimeout(timer);
            resolve();
        };
        void settled.then(done);
        const waited = atomics.waitAsync(control, COMPLETED, seen, POLL_MS);
        if (waited.async)
            void waited.value.then(done);
        else
            done();
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
async function hashFiles(files, options = {}) {
    const count = files.length;
    const outcomes = new Array(count);
    const stats = Object.assign(options.stats ?? {}, {
        workersStarted: 0,
        filesOnWorkers: 0,
        filesOnMainThread: 0,
    });
    if (count === 0)
        return outcomes;
    const chunkBytes = Math.max(1, Math.floor(options.chunkBytes ?? HASH_CHUNK_BYTES));
    const threshold = options.workerMinTotalBytes ?? WORKER_MIN_TOTAL_BYTES;
    const wanted = count > 1 ? Math.min(Math.max(0, options.workers ?? defaultWorkerCount()), count - 1) : 0;
    // Claim order (position → index in `files`): largest first when every size is known, else the list's order.
    const sized = files.every((f) => f.size !== undefined);
    const order = files.map((_, i) => i);
    if (sized)
        order.sort((a, b) => (files[b].size ?? 0) - (files[a].size ?? 0) || a - b);
    const control = new Int32Array(new SharedArrayBuffer(8));
    const state = new Int32Array(new SharedArrayBuffer(4 * count));
    const digests = new Uint8Array(new SharedArrayBuffer(32 * count));
    /** 1 where the main thread took the position. */
    const mine = new Uint8Array(count);
    let mainTook = 0;
    const helpers = [];
    let engaged = wanted === 0;
    const engage = () => {
        if (engaged)
            return;
        engaged = true;
        const job = { control, state, digests, paths: [], devs: [], inos: [], chunkBytes };
        for (const index of order) {
            const { dev, ino } = files[index].identity ?? NO_IDENTITY;
            job.paths.push(openPathOf(files[index]));
            job.devs.push(dev);
            job.inos.push(ino);
        }
        const chosen = pool.filter((w) => w.alive).slice(0, wanted);
        while (chosen.length < wanted) {
            const started = startWorker();
            if (!started)
                break;
            chosen.push(started);
        }
        for (const entry of chosen)
            helpers.push(sendJob(entry, job));
        stats.workersStarted = chosen.length;
    };
    let bytesSeen = files.reduce((sum, f) => sum + Math.max(0, f.size ?? 0), 0);
    if (bytesSeen >= threshold || options.mainThread === false)
        engage();
    const timer = options.workerAfterMs === undefined || engaged
        ? undefined
        : setTimeout(() => {
            if (Atomics.load(control, CLAIM) < count)
                engage();
        }, options.workerAfterMs);
    const buffer = Buffer.allocUnsafe(chunkBytes);
    let sliceEnd = performance.now() + MAIN_THREAD_SLICE_MS;
    const yieldIfDue = async () => {
        if (performance.now() < sliceEnd)
            return;
        await nextTurn();
        sliceEnd = performance.now() + MAIN_THREAD_SLICE_MS;
    };
    /** Hashes one position on the main thread, yielding to the event loop between slices. */
    const hashOnMain = async (position) => {
        const index = order[position];
        let fd = -1;
        try {
            const { dev, ino } = files[index].identity ?? NO_IDENTITY;
            const opened = openRegularFile(openPathOf(files[index]), dev, ino);
            fd = opened.fd;
            bytesSeen += opened.size;
            if (!engaged && bytesSeen >= threshold && Atomics.load(control, CLAIM) < count)
                engage();
            const started = hashStart(fd, buffer, 'hex');
            if (typeof started === 'string') {
                outcomes[index] = { ok: true, sha256: started };
            }
            else {
                // Bigger than a chunk: read on, letting the event loop run between slices.
                const hash = started;
                for (let n; (n = (0,external_node_fs_.readSync)(fd, buffer, 0, chunkBytes, null)) > 0;) {
                    hash.update(new Uint8Array(buffer.buffer, buffer.byteOffset, n));
                    if (n === chunkBytes)
                        await yieldIfDue();
                }
                outcomes[index] = { ok: true, sha256: hash.digest('hex') };
            }
        }
        catch (error) {
            outcomes[index] = failure(error);
        }
        finally {
            if (fd >= 0)
                (0,external_node_fs_.closeSync)(fd);
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
    if (options.mainThread !== false || helpers.length === 0)
        await runMainThread();
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
        if (mine[position])
            continue;
        const result = Atomics.load(state, position);
        if (result === STATE_DONE) {
            stats.filesOnWorkers++;
            outcomes[order[position]] = {
                ok: true,
                sha256: Buffer.from(digests.buffer, position * 32, 32).toString('hex'),
            };
        }
        else {
            mainTook++;
            await hashOnMain(position);
        }
    }
    clearTimeout(timer);
    stats.filesOnMainThread = mainTook;
    return outcomes;
}


/***/ }),

/***/ 7289:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k: () => (/* binding */ readPluginJson)
/* harmony export */ });
/* unused harmony export MAX_PLUGIN_JSON_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var _fs_read_bounded_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9795);
/**
 * Reading plugin.json: Grafana compares the manifest's `plugin` and `version` with plugin.json `id` and
 * `info.version` as raw, case-sensitive strings (docs/verification.md#order, check 10).
 */




/** plugin.json larger than this is not read (real ones are a few KiB): memory stays bounded. */
const MAX_PLUGIN_JSON_BYTES = 4 * 1024 * 1024;
/**
 * Reads `<pluginDir>/plugin.json`, safely: nothing outside the plugin folder is read, nothing blocks, memory is
 * bounded.
 *
 * Never throws: a missing, unreadable or malformed plugin.json gives `id`/`version` "" and `error` says what is wrong
 * (naming the file) and how to fix it, because verification must still report a verdict (a manifest never matches "").
 * Refused without being read: a plugin.json that is a symlink resolving outside the folder (Grafana refuses such a
 * plugin, docs/verification.md#files), broken or looping; a folder, FIFO, socket or device (opening a FIFO would
 * block); a file over {@link MAX_PLUGIN_JSON_BYTES}. Read and refused: invalid JSON, a JSON value that is not an object
 * (`[]`, `"x"`, `null`), an object without a string `id` or `info.version`.
 *
 * @param pluginDir plugin root folder.
 * @returns `{ id, version, type }` (each "" when absent or not a string) and `error` when the file is unusable.
 */
async function readPluginJson(pluginDir) {
    const file = node_path__WEBPACK_IMPORTED_MODULE_2__.join(pluginDir, 'plugin.json');
    const fail = (error) => ({ id: '', version: '', type: '', error });
    const read = await readBounded(pluginDir, file);
    if ('error' in read)
        return fail(read.error);
    let json;
    try {
        json = JSON.parse(read.text);
    }
    catch (error) {
        return fail(`plugin.json is not valid JSON (${file}): ${error.message}; fix its syntax`);
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
        const what = json === null ? 'null' : Array.isArray(json) ? 'an array' : `a ${typeof json}`;
        return fail(`plugin.json is ${what}, not a JSON object (${file}): it must be an object with "id" and "info"`);
    }
    const obj = json;
    const info = (obj.info && typeof obj.info === 'object' ? obj.info : {});
    const id = typeof obj.id === 'string' ? obj.id : '';
    const version = typeof info.version === 'string' ? info.version : '';
    const type = typeof obj.type === 'string' ? obj.type : '';
    const missing = [!id && '"id"', !version && '"info.version"'].filter(Boolean);
    return {
        id,
        version,
        type,
        error: missing.length ? `plugin.json has no string ${missing.join(' or ')}: add it before signing` : undefined,
    };
}
function errorCode(error) {
    return error?.code ?? String(error);
}
/** The text of plugin.json, or why it is not read (see {@link readPluginJson}). */
async function readBounded(pluginDir, file) {
    let root;
    try {
        root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(pluginDir);
    }
    catch (error) {
        const code = errorCode(error);
        return {
            error: code === 'ENOENT'
                ? `plugin folder ${pluginDir} does not exist: point it at the built plugin (the folder with plugin.json)`
                : `plugin folder ${pluginDir} cannot be read (${code})`,
        };
    }
    let target;
    try {
        target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(file);
    }
    catch (error) {
        const code = errorCode(error);
        if (code === 'ENOTDIR') {
            return { error: `${pluginDir} is not a folder: give the built plugin folder (the one holding plugin.json)` };
        }
        if (code === 'ENOENT') {
            const link = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.lstat)(file).catch(() => undefined);
            if (!link)
                return { error: `plugin.json not found in ${pluginDir}: every plugin needs one at its root` };
            return { error: `plugin.json is a broken symlink (${file}): replace it by the file` };
        }
        if (code === 'ELOOP')
            return { error: `plugin.json is a symlink loop (${file}): replace it by the file` };
        return { error: `plugin.json cannot be read (${code}) in ${pluginDir}` };
    }
    const rel = node_path__WEBPACK_IMPORTED_MODULE_2__.relative(root, target);
    if (rel === '..' || rel.startsWith('..' + node_path__WEBPACK_IMPORTED_MODULE_2__.sep) || node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute(rel)) {
        return {
            error: `plugin.json resolves outside the plugin folder (${file} -> ${target}): ` +
                'Grafana refuses to load the plugin; replace the link by the file',
        };
    }
    // stat before opening: a FIFO would block an open, and a device has no business being opened at all.
    let info;
    try {
        info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(target);
    }
    catch (error) {
        return { error: `plugin.json cannot be read (${errorCode(error)}) in ${pluginDir}` };
    }
    const notFile = (s) => s.isDirectory()
        ? `plugin.json is a folder, not a file (${file})`
        : `plugin.json is not a regular file but a FIFO, socket or device (${file}): replace it by the file`;
    if (!info.isFile())
        return { error: notFile(info) };
    const tooBig = (size) => `plugin.json is ${size} bytes, too large for a plugin.json (limit ${MAX_PLUGIN_JSON_BYTES}) (${file}): not read`;
    if (info.size > MAX_PLUGIN_JSON_BYTES)
        return { error: tooBig(info.size) };
    let handle;
    try {
        // O_NOFOLLOW and O_NONBLOCK: should the file be swapped since the checks above, a link is not followed and a
        // FIFO does not block; the checks are then repeated on what was opened.
        handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(target, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NONBLOCK);
    }
    catch (error) {
        return { error: `plugin.json cannot be read (${errorCode(error)}) in ${pluginDir}` };
    }
    try {
        const opened = await handle.stat();
        if (!opened.isFile())
            return { error: notFile(opened) };
        if (opened.size > MAX_PLUGIN_JSON_BYTES)
            return { error: tooBig(opened.size) };
        const buffer = Buffer.alloc(opened.size + 1);
        const length = await (0,_fs_read_bounded_js__WEBPACK_IMPORTED_MODULE_3__/* .readToFill */ .Pv)(handle, buffer);
        if (length > opened.size)
            return { error: `plugin.json changed while being read (${file}): try again` };
        return { text: buffer.subarray(0, length).toString('utf8') };
    }
    catch (error) {
        return { error: `plugin.json cannot be read (${errorCode(error)}) in ${pluginDir}` };
    }
    finally {
        await handle.close();
    }
}


/***/ }),

/***/ 5108:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   I: () => (/* binding */ walkPluginFiles)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4573);
/* harmony import */ var _go_utf8_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(8947);
/**
 * The plugin file walk, with Grafana's rules (docs/verification.md#files).
 *
 * Own code rather than a glob library because Grafana's semantics differ from every library: it is Go's
 * `filepath.Walk` (lexical byte order, `Lstat`, symlinked directories not followed) filtered by Grafana's
 * `collectFilesWithin` (a symlink to a file counts under the link's path, a symlink that resolves outside the
 * plugin folder or does not resolve at all stops the plugin from loading).
 *
 * Names are bytes, as in Go: folders are listed with `encoding: 'latin1'`, one character per byte, so every name keeps
 * its exact bytes (Node's default decoding turns an invalid UTF-8 byte into U+FFFD, so `\xff.js` would pass for a
 * signed `�.js`), and sorted bytewise. An ASCII name is used as it is; any other is decoded from its bytes. A path that is not
 * valid UTF-8 can never be a manifest key (Go's JSON decoder turns invalid UTF-8 into U+FFFD), so such files are
 * listed apart, in {@link WalkResult.nonUtf8}, and never hashed.
 *
 * Entry types come from the directory entries (`withFileTypes`): only links are `stat`ed.
 *
 * Swapped links (Linux): every folder is opened without following a link (`O_DIRECTORY | O_NOFOLLOW`) through its
 * parent's descriptor (`/proc/self/fd/<parent fd>/<name>`, the `openat(2)` Node lacks), listed through its own
 * descriptor, and kept open until {@link WalkResult.close}: each file is then opened as
 * `/proc/self/fd/<folder fd>/<name>` with `O_NOFOLLOW`, so no path component can be swapped for a link between the
 * walk and the read. A folder replaced by a link meanwhile fails that open (ELOOP/ENOTDIR) and is reported as
 * changed during the run. Node has no portable `openat`: elsewhere, folders are listed by path and checked by
 * `lstat` device and inode before and after listing, regular files are `lstat`ed and their device and inode
 * compared after the open (see `hash.ts`), which narrows the race without closing it.
 */





/** The top-level manifest (not imported from build.ts, which imports this module). */
const MANIFEST = 'MANIFEST.txt';
/** Linux `PATH_MAX`: Go's `Lstat` of a longer path fails with ENAMETOOLONG; paths through `/proc` never do. */
const PATH_MAX = 4096;
/** Whether folders can be pinned by descriptor (`/proc/self/fd`, Linux). */
const PINNED = process.platform === 'linux' && (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)('/proc/self/fd');
function isInside(root, target) {
    const rel = node_path__WEBPACK_IMPORTED_MODULE_2__.relative(root, target);
    return rel === '' || (!rel.startsWith('..' + node_path__WEBPACK_IMPORTED_MODULE_2__.sep) && rel !== '..' && !node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute(rel));
}
/**
 * A path's bytes for messages: valid UTF-8 kept, every other byte as `\xNN`, a backslash as `\\`.
 *
 * @param bytes raw name or path bytes. @returns a string that names those bytes unambiguously.
 */
function escapeNameBytes(bytes) {
    const out = [];
    let start = 0;
    const flush = (end) => {
        if (end > start)
            out.push(Buffer.from(bytes.subarray(start, end)).toString('utf8').replace(/\\/g, '\\\\'));
    };
    for (let i = 0; i < bytes.length;) {
        const [rune, width] = (0,_go_utf8_js__WEBPACK_IMPORTED_MODULE_4__/* .decodeRuneBytes */ .L2)(bytes, i);
        if (rune !== _go_utf8_js__WEBPACK_IMPORTED_MODULE_4__/* .RUNE_ERROR */ .yS || width > 1) {
            i += width;
            continue;
        }
        flush(i);
        out.push(`\\x${bytes[i].toString(16).padStart(2, '0')}`);
        start = ++i;
    }
    flush(bytes.length);
    return out.join('');
}
const SLASH = Buffer.from('/');
const NON_ASCII = /[^\x00-\x7f]/;
/**
 * Lists the files of a plugin folder the way Grafana does before it checks a signature.
 *
 * Rules (Grafana `collectFilesWithin` over Go `filepath.Walk`): names are compared as bytes; directories are
 * entered in lexical byte order; a symlink to a file inside the folder is listed under the link's own path; a
 * symlink to a directory is neither followed nor listed; a symlink that resolves outside the folder, or does not
 * resolve, is a problem (Grafana refuses to load the plugin). FIFOs, sockets and devices are reported as problems
 * instead of being read, so the walk can never block. No file is opened: types come from the directory entries and
 * only links are `stat`ed, so a huge file costs nothing here. A symlink loop is a `symlink-broken` problem (ELOOP);
 * a path longer than the system allows (ENAMETOOLONG, e.g. thousands of nested folders) is a `path-too-long`
 * problem and the walk does not go deeper there, as Go's `filepath.Walk` fails there too. A folder replaced (e.g.
 * by a link) while the walk runs is a `changed` problem, never listed through. Files whose path is not valid UTF-8
 * go to `nonUtf8`, not `files`.
 *
 * Guarantees, whatever the tree holds: every `absolutePath` is inside the real path of `pluginDir` (a regular
 * file under it, or the resolved target of a link that stays inside), and every `path` is a posix path relative
 * to the root built from directory entry names: no leading `/`, no `.` or `..` segment, `/` as the only separator.
 *
 * @param pluginDir plugin root folder (relative or absolute).
 * @param options `keepOpen` (see {@link WalkOptions}).
 * @returns the files (`path` posix, relative), the non-UTF-8 files and the problems found, and `close()`.
 * @throws Error (from `fs`, with its `code`) when `pluginDir` itself does not exist or cannot be resolved, and an
 *   Error without `code` whose message names `pluginDir` and the fix when it is not a folder.
 */
async function walkPluginFiles(pluginDir, options = {}) {
    const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(pluginDir);
    const rootStat = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(root);
    if (!rootStat.isDirectory()) {
        // No `code`: callers that word `fs` errors by their code show this message, which names the fix.
        throw new Error(`${pluginDir} is not a folder: give the built plugin folder (the one holding plugin.json)`);
    }
    const files = [];
    const nonUtf8 = [];
    const problems = [];
    const fds = [];
    let closed = false;
    const close = () => {
        if (closed)
            return;
        closed = true;
        for (const fd of fds)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
    };
    const rootBytes = Buffer.byteLength(root);
    /** Length of `<root>/<rel>/`, the prefix of a child's absolute path. */
    const childBase = (rel) => (rel.length === 0 ? rootBytes + 1 : rootBytes + rel.length + 2);
    // Depth-first, each folder entered where its name stands (Go's order, so no sort afterwards); iterative, so that
    // deep trees cannot exhaust the stack.
    const stack = [];
    /** Opens and lists a folder; `parentFd` -1 for the root. Returns false (with a problem) when it cannot. */
    const enter = (rel, abs, parentFd, name) => {
        const utf8 = (0,node_buffer__WEBPACK_IMPORTED_MODULE_3__.isUtf8)(rel);
        const relText = utf8 ? rel.toString('utf8') : escapeNameBytes(rel);
        const shown = rel.length === 0 ? '.' : relText;
        const frame = (fd, entries) => ({
            rel,
            relText,
            utf8,
            absPrefix: abs.endsWith(node_path__WEBPACK_IMPORTED_MODULE_2__.sep) ? abs : abs + node_path__WEBPACK_IMPORTED_MODULE_2__.sep,
            absBytes: childBase(rel),
            fd,
            fdPrefix: `/proc/self/fd/${fd}/`,
            entries: sortByName(entries),
            next: 0,
        });
        let fd = -1;
        try {
            if (PINNED) {
                // openat(parent, name, O_NOFOLLOW): a link put in the folder's place fails here (ELOOP or ENOTDIR).
                const where = name === null ? root : Buffer.concat([Buffer.from(`/proc/self/fd/${parentFd}/`), name]);
                fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(where, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_RDONLY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_DIRECTORY | node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.O_NOFOLLOW);
                fds.push(fd);
                const entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(`/proc/self/fd/${fd}`, { encoding: 'latin1', withFileTypes: true });
                stack.push(frame(fd, entries));
            }
            else {
                const before = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(abs);
                if (!before.isDirectory())
                    throw Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR' });
                const entries = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(abs, { encoding: 'latin1', withFileTypes: true });
                const after = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(abs);
                if (!after.isDirectory() || after.dev !== before.dev || after.ino !== before.ino) {
                    throw Object.assign(new Error('ECHANGED'), { code: 'ECHANGED' });
                }
                stack.push(frame(fd, entries));
            }
        }
        catch (error) {
            const code = errorCode(error);
            if (name !== null && (code === 'ELOOP' || code === 'ENOTDIR' || code === 'ECHANGED' || code === 'ENOENT')) {
                problems.push({
                    path: shown,
                    kind: 'changed',
                    message: `the folder changed during the run (${code}: it was a folder when listed, now it is not, e.g. a link); ` +
                        'it was not read: run again when nothing else writes to the plugin folder',
                });
            }
            else {
                problems.push(fsProblem(shown, 'cannot read folder', error));
            }
        }
    };
    try {
        enter(Buffer.alloc(0), root, -1, null);
        while (stack.length > 0) {
            const frame = stack[stack.length - 1];
            if (frame.next === frame.entries.length) {
                stack.pop();
                continue;
            }
            const entry = frame.entries[frame.next++];
            const latin1 = entry.name;
            // Text paths are built by concatenation (names never hold `/`, `.` or `..`); raw bytes only where needed. An
            // ASCII name is its own UTF-8 text; any other is decoded from its bytes.
            const ascii = !NON_ASCII.test(latin1);
            const name = ascii ? undefined : Buffer.from(latin1, 'latin1');
            const nameBytes = () => name ?? Buffer.from(latin1, 'latin1');
            const nameText = name ? name.toString('utf8') : latin1;
            const utf8 = frame.utf8 && (!name || (0,node_buffer__WEBPACK_IMPORTED_MODULE_3__.isUtf8)(name));
            const rawRel = () => (frame.rel.length === 0 ? nameBytes() : Buffer.concat([frame.rel, SLASH, nameBytes()]));
            const relText = utf8
                ? frame.rel.length === 0
                    ? nameText
                    : `${frame.relText}/${nameText}`
                : displayPath(rawRel());
            const abs = frame.absPrefix + nameText;
            // Go's Lstat of the full path fails past PATH_MAX (the path through /proc would not).
            if (frame.absBytes + latin1.length >= PATH_MAX) {
                const tooLong = Object.assign(new Error('ENAMETOOLONG'), { code: 'ENAMETOOLONG' });
                problems.push(fsProblem(relText, 'cannot stat', tooLong));
                continue;
            }
            const openPath = PINNED ? frame.fdPrefix + nameText : abs;
            if (entry.isDirectory()) {
                enter(rawRel(), abs, frame.fd, nameBytes());
                continue;
            }
            if (entry.isSymbolicLink()) {
                // Through the folder's descriptor where there is one: the link is resolved where the walk saw it.
                const linkPath = PINNED ? Buffer.concat([Buffer.from(frame.fdPrefix), nameBytes()]) : abs;
                const file = await resolveLink(root, relText, linkPath, problems);
                if (!file)
                    continue;
                if (utf8)
                    files.push({ path: relText, symlink: true, ...file, openPath: file.absolutePath });
                else
                    nonUtf8.push({ path: relText, rawPath: rawRel() });
                continue;
            }
            if (!entry.isFile()) {
                problems.push({
                    path: relText,
                    kind: 'special-file',
                    message: 'not a regular file (FIFO, socket or device); remove it from the plugin folder',
                });
                continue;
            }
            if (!utf8) {
                nonUtf8.push({ path: relText, rawPath: rawRel() });
                continue;
            }
            if (PINNED) {
                const file = { path: relText, absolutePath: abs, openPath, symlink: false };
                // The one size that decides something before the open: the top-level MANIFEST.txt's (a bound on reading).
                if (frame.rel.length === 0 && relText === MANIFEST) {
                    try {
                        file.size = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(openPath).size;
                    }
                    catch (error) {
                        problems.push(fsProblem(relText, 'cannot stat', error));
                        continue;
                    }
                }
                files.push(file);
                continue;
            }
            // No descriptor to pin the folder: lstat, so the open can compare device and inode.
            try {
                const info = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(abs);
                if (!info.isFile())
                    throw Object.assign(new Error('ECHANGED'), { code: 'ECHANGED' });
                files.push({
                    path: relText,
                    absolutePath: abs,
                    openPath: abs,
                    symlink: false,
                    size: info.size,
                    identity: { dev: info.dev, ino: info.ino },
                });
            }
            catch (error) {
                problems.push(fsProblem(relText, 'cannot stat', error));
            }
        }
    }
    catch (error) {
        close();
        throw error;
    }
    if (!options.keepOpen) {
        close();
        for (const f of files)
            f.openPath = f.absolutePath;
    }
    return { root, files, nonUtf8, problems, close };
}
/** Go's `sort.Strings` on raw names: bytewise, which is the order of their Latin-1 texts (one code unit per byte). */
function sortByName(entries) {
    return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
function displayPath(rel) {
    return (0,node_buffer__WEBPACK_IMPORTED_MODULE_3__.isUtf8)(rel) ? rel.toString('utf8') : escapeNameBytes(rel);
}
/**
 * Grafana's rule for a link: followed when it resolves to a file inside the folder. Returns the target, or
 * undefined after recording a problem (or silently for a link to a folder, which Grafana skips).
 */
async function resolveLink(root, rel, linkPath, problems) {
    let target;
    try {
        target = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)(linkPath, 'utf8');
    }
    catch (error) {
        const code = errorCode(error);
        if (code === 'ENAMETOOLONG') {
            problems.push(fsProblem(rel, 'cannot resolve symlink', error));
            return undefined;
        }
        const why = code === 'ELOOP' ? 'ELOOP: a symlink loop' : code;
        problems.push({
            path: rel,
            kind: 'symlink-broken',
            message: `symlink does not resolve (${why}); Grafana refuses to load the plugin`,
        });
        return undefined;
    }
    if (!isInside(root, target)) {
        problems.push({
            path: rel,
            kind: 'symlink-outside',
            message: `symlink resolves outside the plugin folder (to ${target}); Grafana refuses to load the plugin`,
        });
        return undefined;
    }
    let info;
    try {
        info = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(target);
    }
    catch (error) {
        problems.push(fsProblem(rel, 'cannot stat symlink target', error)); // e.g. removed meanwhile
        return undefined;
    }
    if (info.isDirectory())
        return undefined; // Grafana skips symlinked directories.
    if (!info.isFile()) {
        problems.push({ path: rel, kind: 'special-file', message: 'symlink to a special file (FIFO, socket or device)' });
        return undefined;
    }
    return { absolutePath: target, size: info.size, identity: { dev: info.dev, ino: info.ino } };
}
/**
 * A problem for an `fs` call that failed on `rel`. ENAMETOOLONG (the absolute path exceeds the system's PATH_MAX,
 * e.g. thousands of nested folders) gets its own kind: Go's `filepath.Walk` fails on it too, so Grafana cannot load
 * the plugin either.
 */
function fsProblem(rel, what, error) {
    const code = errorCode(error);
    if (code === 'ENAMETOOLONG') {
        return {
            path: rel,
            kind: 'path-too-long',
            message: `${what}: path too long for the file system (ENAMETOOLONG, ${rel.split('/').length} levels deep); ` +
                'Grafana cannot load the plugin either: flatten the folder tree',
        };
    }
    return { path: rel, kind: 'unreadable', message: `${what}: ${code}` };
}
function errorCode(error) {
    if (error && typeof error === 'object' && 'code' in error)
        return String(error.code);
    return String(error);
}


/***/ })

};
