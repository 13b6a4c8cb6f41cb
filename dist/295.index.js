export const id = 295;
export const ids = [295];
export const modules = {

/***/ 22771:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   M: () => (/* binding */ isBackendBinary),
/* harmony export */   O: () => (/* binding */ readBackendExecutables)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/**
 * Backend binaries of a plugin (plugin.json knowledge): which files the catalog and Grafana's installer expect
 * with mode 0755. Used when writing a plugin zip and when checking one.
 */


/** Platform suffixes Grafana looks for after a plugin's `executable` (`<executable>_<os>_<arch>[.exe]`). */
const PLATFORM_SUFFIX = /^_(linux|darwin|windows|freebsd|netbsd|openbsd)_(amd64|arm64|arm|386|ppc64le|s390x|riscv64)(\.exe)?$/;
/**
 * Reads the backend executables declared by the plugin.json files of a plugin folder (the root one and nested
 * plugins' ones): each `executable` joined to the folder of the plugin.json that declares it.
 *
 * @param root plugin root folder on disk. @param relPaths posix paths of the plugin's files, relative to `root`.
 * @returns posix paths (relative to `root`) of the executables' base names, without platform suffix. Unreadable
 *   or malformed plugin.json files, and executables pointing outside the plugin, are skipped. Never throws.
 */
async function readBackendExecutables(root, relPaths) {
    const executables = [];
    for (const rel of relPaths) {
        if (rel !== 'plugin.json' && !rel.endsWith('/plugin.json'))
            continue;
        let json;
        try {
            json = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(node_path__WEBPACK_IMPORTED_MODULE_1__.join(root, ...rel.split('/')), 'utf8'));
        }
        catch {
            continue;
        }
        const exe = json && typeof json === 'object' ? json.executable : undefined;
        if (typeof exe !== 'string' || exe === '')
            continue;
        const joined = node_path__WEBPACK_IMPORTED_MODULE_1__.posix.normalize(node_path__WEBPACK_IMPORTED_MODULE_1__.posix.join(node_path__WEBPACK_IMPORTED_MODULE_1__.posix.dirname(rel), exe.replace(/\\/g, '/')));
        if (joined === '..' || joined.startsWith('../') || joined.startsWith('/'))
            continue;
        executables.push(joined);
    }
    return executables;
}
/**
 * Whether a plugin file is a backend binary, which the catalog and Grafana's installer expect with mode 0755:
 * a plugin.json `executable` followed by a platform suffix (`_linux_amd64`, `_darwin_arm64`,
 * `_windows_amd64.exe`…), or any file whose name starts with `gpx_` (the naming convention of backend plugins).
 *
 * @param relPath posix path relative to the plugin root. @param executables from {@link readBackendExecutables}.
 */
function isBackendBinary(relPath, executables) {
    if (node_path__WEBPACK_IMPORTED_MODULE_1__.posix.basename(relPath).startsWith('gpx_'))
        return true;
    return executables.some((exe) => relPath.startsWith(`${exe}_`) && PLATFORM_SUFFIX.test(relPath.slice(exe.length)));
}


/***/ }),

/***/ 90295:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openPluginZip: () => (/* binding */ openPluginZip),
  verifyPluginZip: () => (/* binding */ verifyPluginZip)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/verify/findings.js
var verify_findings = __webpack_require__(93859);
// EXTERNAL MODULE: ./lib/verify/verify.js + 2 modules
var verify = __webpack_require__(46531);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(46466);
// EXTERNAL MODULE: ./node_modules/yauzl/index.js
var yauzl = __webpack_require__(20663);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(38522);
;// CONCATENATED MODULE: ./lib/zip/entry-data.js




/** `zlib.crc32` exists from Node 20.15 / 22.2; on older Node the CRC-32 check is skipped (sizes are still checked). */
const HAVE_CRC32 = typeof external_node_zlib_.crc32 === 'function';
/** A limit passed while streaming an entry: `scope` says which, `bytes` how many bytes of the entry were read. */
class LimitExceeded extends Error {
    scope;
    bytes;
    constructor(scope, bytes) {
        super(`${scope} limit exceeded`);
        this.scope = scope;
        this.bytes = bytes;
    }
}
/** Counts (and CRCs) the bytes of one entry while they stream, failing as soon as a limit is passed. */
class Meter extends external_node_stream_.Transform {
    maxEntryBytes;
    total;
    bytes = 0;
    crc = 0;
    constructor(maxEntryBytes, total) {
        super();
        this.maxEntryBytes = maxEntryBytes;
        this.total = total;
    }
    _transform(chunk, _encoding, callback) {
        this.bytes += chunk.length;
        this.total.bytes += chunk.length;
        if (this.bytes > this.maxEntryBytes)
            return callback(new LimitExceeded('entry', this.bytes));
        if (this.total.bytes > this.total.max)
            return callback(new LimitExceeded('total', this.bytes));
        if (HAVE_CRC32)
            this.crc = external_node_zlib_.crc32(chunk, this.crc);
        callback(null, chunk);
    }
}
/** yauzl's reader over an open file handle (yauzl reads the entry data; Go's port reads the directory). */
class HandleReader extends yauzl/* RandomAccessReader */.lJ {
    handle;
    constructor(handle) {
        super();
        this.handle = handle;
    }
    _readStreamForRange(start, end) {
        const handle = this.handle;
        let position = start;
        return new external_node_stream_.Readable({
            highWaterMark: 64 * 1024,
            read(size) {
                const length = Math.min(size, end - position);
                if (length <= 0)
                    return void this.push(null);
                handle.read(Buffer.alloc(length), 0, length, position).then(({ bytesRead, buffer }) => {
                    position += bytesRead;
                    this.push(bytesRead === 0 ? null : buffer.subarray(0, bytesRead));
                }, (error) => this.destroy(error));
            },
        });
    }
    close(callback) {
        callback(null); // the handle is closed by its owner
    }
}
/**
 * Opens the (possibly compressed) data of an entry with yauzl's low-level API, from Go's offsets and sizes.
 *
 * @returns the inflated (method 8) or stored bytes as a stream. @throws yauzl's error for a bad local header.
 */
function openData(zipfile, file) {
    const entryLike = { relativeOffsetOfLocalHeader: file.headerOffset, compressedSize: file.compressedSize };
    return new Promise((resolve, reject) => {
        zipfile.readLocalFileHeader(entryLike, { minimal: true }, (err, header) => {
            if (err)
                return reject(err);
            zipfile.openReadStreamLowLevel(header.fileDataStart, file.compressedSize, 0, file.compressedSize, file.method === 8, null, (err2, stream) => (err2 ? reject(err2) : resolve(stream)));
        });
    });
}
/**
 * Reads a whole small entry into memory.
 *
 * @param max most bytes. @returns the bytes, or undefined when the entry is encrypted, uses another method,
 *   is larger than `max` or cannot be read. Never throws.
 */
async function readSmall(zipfile, file, max) {
    if ((file.method !== 0 && file.method !== 8) || file.flags & 1)
        return undefined;
    const chunks = [];
    const meter = new Meter(max, { bytes: 0, max });
    try {
        await (0,external_node_stream_promises_.pipeline)(await openData(zipfile, file), meter, async (source) => {
            for await (const chunk of source)
                chunks.push(chunk);
        });
    }
    catch {
        return undefined;
    }
    return Buffer.concat(chunks);
}

// EXTERNAL MODULE: ./lib/fs/read-bounded.js
var read_bounded = __webpack_require__(69795);
;// CONCATENATED MODULE: ./lib/zip/go-zip-reader.js

/** Go's `ErrFormat` (`zip: not a valid zip file`) and the other errors `zip.OpenReader` returns. */
class GoZipFormatError extends Error {
}
const DIRECTORY_HEADER_SIGNATURE = 0x02014b50;
const DIRECTORY_END_SIGNATURE = 0x06054b50;
const DIRECTORY64_LOC_SIGNATURE = 0x07064b50;
const DIRECTORY64_END_SIGNATURE = 0x06064b50;
const DIRECTORY_HEADER_LEN = 46;
const DIRECTORY_END_LEN = 22;
const DIRECTORY64_LOC_LEN = 20;
const DIRECTORY64_END_LEN = 56;
const ZIP64_EXTRA_ID = 0x0001;
const UINT32_MAX = 0xffffffff;
async function readAt(handle, length, position) {
    const buffer = Buffer.alloc(length);
    return buffer.subarray(0, await (0,read_bounded/* readToFill */.Pv)(handle, buffer, position));
}
/** Go's `uint64` read as a JS number (exact up to 2^53, far beyond any file this reads). */
function uint64(buffer, at) {
    return Number(buffer.readBigUInt64LE(at));
}
function findSignatureInBlock(b) {
    for (let i = b.length - DIRECTORY_END_LEN; i >= 0; i--) {
        if (b.readUInt32LE(i) === DIRECTORY_END_SIGNATURE) {
            const n = b.readUInt16LE(i + DIRECTORY_END_LEN - 2);
            if (n + DIRECTORY_END_LEN + i <= b.length)
                return i;
        }
    }
    return -1;
}
async function readDirectoryEnd(handle, size) {
    let buf = Buffer.alloc(0);
    let directoryEndOffset = 0;
    let found = false;
    for (const [i, wanted] of [1024, 65 * 1024].entries()) {
        const bLen = Math.min(wanted, size);
        buf = await readAt(handle, bLen, size - bLen);
        const p = findSignatureInBlock(buf);
        if (p >= 0) {
            buf = buf.subarray(p);
            directoryEndOffset = size - bLen + p;
            found = true;
            break;
        }
        if (i === 1 || bLen === size)
            break;
    }
    if (!found)
        throw new GoZipFormatError('zip: not a valid zip file (no end of central directory record)');
    const end = {
        directoryRecords: buf.readUInt16LE(10),
        directorySize: buf.readUInt32LE(12),
        directoryOffset: buf.readUInt32LE(16),
    };
    if (buf.readUInt16LE(20) > buf.length - DIRECTORY_END_LEN)
        throw new GoZipFormatError('zip: invalid comment length');
    if (end.directoryRecords === 0xffff || end.directorySize === 0xffff || end.directoryOffset === UINT32_MAX) {
        const p = await findDirectory64End(handle, directoryEndOffset);
        if (p >= 0) {
            directoryEndOffset = p;
            const b = await readAt(handle, DIRECTORY64_END_LEN, p);
            if (b.length < DIRECTORY64_END_LEN || b.readUInt32LE(0) !== DIRECTORY64_END_SIGNATURE)
                throw new GoZipFormatError('zip: not a valid zip file (zip64 end record)');
            end.directoryRecords = uint64(b, 32);
            end.directorySize = uint64(b, 40);
            end.directoryOffset = uint64(b, 48);
        }
    }
    let baseOffset = directoryEndOffset - end.directorySize - end.directoryOffset;
    const o = baseOffset + end.directoryOffset;
    if (o < 0 || o >= size)
        throw new GoZipFormatError('zip: not a valid zip file (directory offset outside the file)');
    if (baseOffset > 0) {
        // Go: if a directory header is found assuming baseOffset 0, use 0.
        const probe = await readAt(handle, DIRECTORY_HEADER_LEN, end.directoryOffset);
        if (probe.length === DIRECTORY_HEADER_LEN && probe.readUInt32LE(0) === DIRECTORY_HEADER_SIGNATURE) {
            const rest = probe.readUInt16LE(28) + probe.readUInt16LE(30) + probe.readUInt16LE(32);
            const tail = await readAt(handle, rest, end.directoryOffset + DIRECTORY_HEADER_LEN);
            if (tail.length === rest && parseDirectoryHeader(probe, tail) !== undefined)
                baseOffset = 0;
        }
    }
    return { end, baseOffset };
}
async function findDirectory64End(handle, directoryEndOffset) {
    const locOffset = directoryEndOffset - DIRECTORY64_LOC_LEN;
    if (locOffset < 0)
        return -1;
    const b = await readAt(handle, DIRECTORY64_LOC_LEN, locOffset);
    if (b.length < DIRECTORY64_LOC_LEN)
        throw new GoZipFormatError('zip: unexpected EOF');
    if (b.readUInt32LE(0) !== DIRECTORY64_LOC_SIGNATURE)
        return -1;
    if (b.readUInt32LE(4) !== 0)
        return -1;
    const p = uint64(b, 8);
    if (b.readUInt32LE(16) !== 1)
        return -1;
    return p;
}
/** Go's `readDirectoryHeader` on a fixed header and its name+extra+comment; undefined for Go's `ErrFormat`. */
function parseDirectoryHeader(b, d) {
    if (b.readUInt32LE(0) !== DIRECTORY_HEADER_SIGNATURE)
        return undefined;
    const nameLen = b.readUInt16LE(28);
    const extraLen = b.readUInt16LE(30);
    const file = {
        name: Buffer.from(d.subarray(0, nameLen)),
        creatorVersion: b.readUInt16LE(4),
        flags: b.readUInt16LE(8),
        method: b.readUInt16LE(10),
        crc32: b.readUInt32LE(16),
        compressedSize: b.readUInt32LE(20),
        uncompressedSize: b.readUInt32LE(24),
        externalAttrs: b.readUInt32LE(38),
        headerOffset: b.readUInt32LE(42),
    };
    let needUSize = file.uncompressedSize === UINT32_MAX;
    let needCSize = file.compressedSize === UINT32_MAX;
    let needHeaderOffset = file.headerOffset === UINT32_MAX;
    const extra = d.subarray(nameLen, nameLen + extraLen);
    for (let at = 0; extra.length - at >= 4;) {
        const tag = extra.readUInt16LE(at);
        const size = extra.readUInt16LE(at + 2);
        at += 4;
        if (extra.length - at < size)
            break;
        const field = extra.subarray(at, at + size);
        at += size;
        if (tag !== ZIP64_EXTRA_ID)
            continue; // every other field (0x7075 Unicode Path included) names nothing here
        let f = 0;
        const next = () => {
            if (field.length - f < 8)
                return undefined;
            const v = uint64(field, f);
            f += 8;
            return v;
        };
        if (needUSize) {
            needUSize = false;
            const v = next();
            if (v === undefined)
                return undefined;
            file.uncompressedSize = v;
        }
        if (needCSize) {
            needCSize = false;
            const v = next();
            if (v === undefined)
                return undefined;
            file.compressedSize = v;
        }
        if (needHeaderOffset) {
            needHeaderOffset = false;
            const v = next();
            if (v === undefined)
                return undefined;
            file.headerOffset = v;
        }
    }
    if (needCSize || needHeaderOffset)
        return undefined;
    return file;
}
/**
 * Reads a zip's central directory as Go's `zip.OpenReader` does: finds the end record (and the zip64 one), then
 * reads directory headers from the directory offset until one is short or lacks the header signature, whatever
 * the end record's count says; the count must only agree modulo 65,536 (Go: "the count of files inside a zip is
 * truncated to fit in a uint16").
 *
 * @param handle the open zip file. @param size its size in bytes. @param maxEntries stop reading after this many
 *   entries plus one (the caller refuses the zip then; Go has no such bound).
 * @returns the entries in directory order, names as raw bytes.
 * @throws GoZipFormatError when Go's `zip.OpenReader` would fail (no end record, bad comment length, directory
 *   outside the file, a malformed zip64 field, or a count that disagrees modulo 65,536).
 */
async function readGoCentralDirectory(handle, size, maxEntries) {
    const { end, baseOffset } = await readDirectoryEnd(handle, size);
    const files = [];
    // Go reads the directory through a bufio.Reader; a 64 KiB window here.
    let window = Buffer.alloc(0);
    let windowAt = 0;
    const bytes = async (at, length) => {
        if (at < windowAt || at + length > windowAt + window.length) {
            window = await readAt(handle, Math.max(length, 64 * 1024), at);
            windowAt = at;
        }
        return window.subarray(at - windowAt, Math.min(at - windowAt + length, window.length));
    };
    let at = baseOffset + end.directoryOffset;
    let failure = 'zip: not a valid zip file';
    for (;;) {
        const b = await bytes(at, DIRECTORY_HEADER_LEN);
        if (b.length < DIRECTORY_HEADER_LEN) {
            failure = 'unexpected EOF';
            break;
        }
        if (b.readUInt32LE(0) !== DIRECTORY_HEADER_SIGNATURE)
            break;
        const rest = b.readUInt16LE(28) + b.readUInt16LE(30) + b.readUInt16LE(32);
        const header = Buffer.from(b);
        const d = await bytes(at + DIRECTORY_HEADER_LEN, rest);
        if (d.length < rest) {
            failure = 'unexpected EOF';
            break;
        }
        const file = parseDirectoryHeader(header, d);
        if (file === undefined)
            throw new GoZipFormatError('zip: not a valid zip file (malformed zip64 extra field)');
        file.headerOffset += baseOffset;
        files.push(file);
        if (files.length > maxEntries)
            return files;
        at += DIRECTORY_HEADER_LEN + rest;
    }
    if (files.length % 65536 !== end.directoryRecords % 65536) {
        throw new GoZipFormatError(`${failure}: the central directory has ${files.length} entries, the end record says ${end.directoryRecords}`);
    }
    return files;
}
/**
 * Go's `FileHeader.Mode()` (`struct.go`): unix hosts (3, 19) read `externalAttrs >> 16`; MS-DOS hosts (FAT 0,
 * NTFS 11, VFAT 14) read the directory (0x10) and read-only (0x01) attributes; any other host gives mode 0; a name
 * ending in `/` is always a directory. Grafana's installer extracts an entry as a folder exactly when
 * `FileInfo().IsDir()` is true, and as a symlink when the mode has `ModeSymlink`.
 *
 * @param file a central directory entry. @returns its kind and permission bits.
 */
function goFileMode(file) {
    const host = file.creatorVersion >>> 8;
    let isDir = false;
    let isSymlink = false;
    let perm = 0;
    let unixMode;
    if (host === 3 || host === 19) {
        unixMode = file.externalAttrs >>> 16;
        perm = unixMode & 0o777;
        const type = unixMode & 0xf000;
        isDir = type === 0x4000;
        isSymlink = type === 0xa000;
    }
    else if (host === 0 || host === 11 || host === 14) {
        isDir = (file.externalAttrs & 0x10) !== 0;
        perm = isDir ? 0o777 : 0o666;
        if (file.externalAttrs & 0x01)
            perm &= ~0o222;
    }
    if (file.name.length > 0 && file.name[file.name.length - 1] === 0x2f)
        isDir = true;
    return { isDir, isSymlink, perm, unixMode };
}

// EXTERNAL MODULE: ./lib/manifest/backend-binary.js
var backend_binary = __webpack_require__(22771);
// EXTERNAL MODULE: ./lib/manifest/plugin-json.js
var plugin_json = __webpack_require__(77289);
;// CONCATENATED MODULE: ./lib/zip/layout-checks.js
/**
 * Layout checks on a zip extracted as Grafana's installer extracts it (docs/verification.md#zip): top-level folders,
 * plugin.json and its id, backend binaries' modes.
 */


/**
 * Findings on the top-level folders the plugin's entries came from.
 *
 * @param tops first path segments (binary strings) of the entries placed in the plugin, in order.
 * @param rootFiles how many files sit at the zip root. @param layout findings are appended here.
 */
function placementFindings(tops, rootFiles, layout) {
    if (tops.length === 0) {
        layout.push({
            kind: 'zip-top-folders',
            message: "the zip has no top-level folder: Grafana's installer and the catalog expect one folder named after the " +
                'plugin id, holding plugin.json' +
                (rootFiles > 0 ? '; files at the zip root are not part of the installed plugin' : ''),
        });
    }
    else if (tops.length > 1) {
        const list = tops.map((t) => `${Buffer.from(t, 'latin1').toString('utf8')}/`).join(', ');
        layout.push({
            kind: 'zip-top-folders',
            message: `the zip has ${tops.length} top-level folders (${list}): Grafana's installer and the catalog expect exactly ` +
                'one, named after the plugin id; the installer renames each to the plugin id, merging their files',
            actual: list,
        });
    }
}
/**
 * Checks plugin.json (present, with a string id), the top-folder name against the id, and backend binaries'
 * modes (0755).
 *
 * @param written extracted files by plugin-relative binary-string path. @param pluginDir the extracted plugin.
 * @param topFolder the zip's folder holding plugin.json. @param layout findings are appended here. Never throws.
 */
async function checkPluginJson(written, pluginDir, topFolder, layout) {
    const where = topFolder === undefined ? 'plugin.json' : `${topFolder}/plugin.json`;
    let id = '';
    if (!written.has('plugin.json')) {
        layout.push({
            kind: 'zip-no-plugin-json',
            message: `the zip has no ${where}: Grafana's installer and the catalog read the plugin id from it`,
            path: where,
        });
    }
    else {
        id = (await (0,plugin_json/* readPluginJson */.k)(pluginDir)).id;
        if (id === '') {
            layout.push({
                kind: 'zip-no-plugin-json',
                message: `${where} has no string "id": Grafana's installer and the catalog read the plugin id from it`,
                path: where,
            });
        }
    }
    if (topFolder !== undefined && id !== '' && topFolder !== id) {
        layout.push({
            kind: 'zip-top-folder-name',
            message: `top-level folder ${topFolder}/ is not named after the plugin id ${id}: the catalog expects ${id}/ ` +
                "(Grafana's installer renames it to the plugin id)",
            path: `${topFolder}/`,
            expected: id,
            actual: topFolder,
        });
    }
    const utf8 = (rel) => Buffer.from(rel, 'latin1').toString('utf8');
    const executables = await (0,backend_binary/* readBackendExecutables */.O)(pluginDir, [...written.keys()].filter((rel) => rel === 'plugin.json' || rel.endsWith('/plugin.json')).map(utf8));
    for (const [rel, w] of written) {
        if (!(0,backend_binary/* isBackendBinary */.M)(utf8(rel), executables))
            continue;
        if (w.unixMode !== undefined && (w.unixMode & 0o777) === 0o755)
            continue;
        const actual = w.unixMode === undefined ? 'none' : (w.unixMode & 0o777).toString(8).padStart(4, '0');
        layout.push({
            kind: 'zip-binary-mode',
            message: w.unixMode === undefined
                ? `backend binary ${w.shown} carries no unix mode (the zip was made on a non-unix system): the catalog ` +
                    "and Grafana's installer expect mode 0755"
                : `backend binary ${w.shown} has mode ${actual}: the catalog and Grafana's installer expect 0755`,
            path: w.shown,
            expected: '0755',
            actual,
        });
    }
}

;// CONCATENATED MODULE: ./lib/zip/extract.js
/**
 * Extracting a plugin zip the way Grafana's installer does (`pkg/plugins/storage/fs.go`, `extractFiles`), into a
 * temporary folder, so that the verdict is the verdict on the files Grafana would load:
 *
 * - entries and their names come from Go's `archive/zip` (`go-zip-reader.ts`): every central directory entry,
 *   names as raw bytes (written to disk byte for byte), files and folders decided by `FileHeader.Mode()`;
 * - entries are taken in directory order; the installer refuses an absolute name, a name starting with `../` or
 *   one that cleans to outside the plugins folder, and stops there (what it wrote before stays on disk);
 * - the first path segment is renamed to the plugin id when it matches `^[a-zA-Z0-9_.-]*\/` (`reGitBuild`), then
 *   the path is cleaned: what lands outside `<pluginsDir>/<id>` is not part of the plugin;
 * - a later entry overwrites an earlier one; a failure to create a folder or a file, or to read an entry's data,
 *   stops the installer at that entry.
 *
 * What is never done here, for safety: no symlink is created, no path is written outside the temporary folder,
 * and bytes are counted against limits while streaming. Where that makes the result differ from Grafana's (a
 * symlink it would create, a limit passed, data it would write only in part), the entry is listed in
 * `unreproduced` and the caller makes the verdict not `valid`.
 */








/** Grafana `storage.reGitBuild`: a first segment the installer renames to the plugin id. */
const RE_GIT_BUILD = /^[a-zA-Z0-9_.-]*\//;
/** Stand-in plugins folder for Go's path arithmetic. */
const PLUGINS = '/plugins';
/** Most bytes read from the top plugin.json to learn the plugin id before extracting. */
const PLUGIN_JSON_MAX = 1024 * 1024;
/** A binary-string (latin1) path decoded as UTF-8 for people. */
const utf8 = (binary) => Buffer.from(binary, 'latin1').toString('utf8');
function errorText(error) {
    const code = error?.code;
    return code ?? (error instanceof Error ? error.message : String(error));
}
/** The plugin-relative path Grafana's installer gives a (binary-string) name, or undefined outside the plugin. */
function placeInPlugin(name, id) {
    let dst = external_node_path_.posix.join(PLUGINS, name.replace(RE_GIT_BUILD, `${id}/`));
    if (dst.length > 1 && dst.endsWith('/'))
        dst = dst.slice(0, -1);
    const root = `${PLUGINS}/${id}`;
    if (dst === root)
        return '';
    return dst.startsWith(`${root}/`) ? dst.slice(root.length + 1) : undefined;
}
/** Grafana's zip-slip refusal: an absolute name, a cleaned path outside the plugins folder, or a `../` prefix. */
function refusedByInstaller(name) {
    return name.startsWith('/') || !external_node_path_.posix.join(PLUGINS, name).startsWith(`${PLUGINS}/`) || name.startsWith('../');
}
/** Whether a plugin-relative binary-string path can be written byte for byte on this platform. */
function writable(rel) {
    if (rel.includes('\u0000'))
        return false;
    return process.platform !== 'win32' || !/[\\:*?"<>|\u0000-\u001f]/.test(rel);
}
/**
 * Extracts a zip as Grafana's installer would into `pluginDir` (see the module comment) and checks the layout
 * the catalog expects. Never throws for a bad zip: problems are layout findings.
 *
 * @param zipPath absolute path of the zip. @param tempDir a new empty temporary folder (the plugin folder is made
 *   inside it). @param limits entries and bytes. @returns everything of {@link OpenedPluginZip} but the path and
 *   `cleanup`. @throws the `fs` error when the temporary folder cannot be written.
 */
async function extractLikeGrafana(zipPath, tempDir, limits) {
    const layout = [];
    const unreproduced = [];
    const handle = await (0,promises_.open)(zipPath, 'r');
    try {
        const size = (await handle.stat()).size;
        let files;
        try {
            files = await readGoCentralDirectory(handle, size, limits.maxEntries);
        }
        catch (error) {
            if (!(error instanceof GoZipFormatError) && !(error instanceof RangeError))
                throw error;
            layout.push({
                kind: 'zip-unreadable',
                message: `cannot read the zip: ${error.message}; nothing was extracted (Go's archive/zip, which Grafana's ` +
                    'installer uses, refuses it too)',
            });
            const pluginDir = external_node_path_.join(tempDir, 'plugin');
            await (0,promises_.mkdir)(pluginDir);
            return { topFolder: undefined, pluginDir, layout, entries: 0, unreproduced };
        }
        if (files.length > limits.maxEntries) {
            layout.push({
                kind: 'zip-too-large',
                message: `the zip has more than ${limits.maxEntries} entries, the limit: nothing was extracted, so the ` +
                    'signature check below sees an empty plugin',
                expected: `at most ${limits.maxEntries} entries`,
                actual: `more than ${limits.maxEntries}`,
            });
            unreproduced.push('(every entry)');
            const pluginDir = external_node_path_.join(tempDir, 'plugin');
            await (0,promises_.mkdir)(pluginDir);
            return { topFolder: undefined, pluginDir, layout, entries: files.length, unreproduced };
        }
        const zipfile = new yauzl/* ZipFile */.ud(new HandleReader(handle), 0, size, files.length, '', false, true, false, false);
        zipfile.on('error', () => undefined);
        const result = await extractEntries(zipfile, files, tempDir, limits, layout, unreproduced);
        return { ...result, layout, entries: files.length, unreproduced };
    }
    finally {
        await handle.close();
    }
}
async function extractEntries(zipfile, files, tempDir, limits, layout, unreproduced) {
    const names = files.map((f) => f.name.toString('latin1'));
    // The plugin id, from the plugin.json the installer would put at the plugin root (the last one wins).
    let id = '\u0000';
    let topFolder;
    for (let i = files.length - 1; i >= 0; i--) {
        const m = /^([a-zA-Z0-9_.-]*)\/plugin\.json$/.exec(names[i]);
        const mode = goFileMode(files[i]);
        if (!m || mode.isDir || mode.isSymlink)
            continue;
        topFolder = m[1];
        const bytes = await readSmall(zipfile, files[i], PLUGIN_JSON_MAX);
        try {
            const parsed = JSON.parse(bytes?.toString('utf8') ?? '');
            if (typeof parsed.id === 'string' && /^[^/\u0000]+$/.test(parsed.id) && !['.', '..'].includes(parsed.id))
                id = Buffer.from(parsed.id, 'utf8').toString('latin1');
        }
        catch {
            // no usable id: entries are placed under a name no entry can match
        }
        break;
    }
    topFolder ??= names.map((n) => /^([a-zA-Z0-9_.-]*)\//.exec(n)?.[1]).find((t) => t !== undefined);
    const folderName = topFolder && !['', '.', '..'].includes(topFolder) ? topFolder : 'plugin';
    const pluginDir = external_node_path_.join(tempDir, folderName);
    await (0,promises_.mkdir)(pluginDir, { recursive: true, mode: 0o755 });
    const onDisk = (rel) => rel === '' ? Buffer.from(pluginDir) : Buffer.concat([Buffer.from(`${pluginDir}/`), Buffer.from(rel, 'latin1')]);
    const written = new Map();
    /** Folders made so far (binary-string paths): the same folder listed again needs no system call. */
    const folders = new Set();
    const makeFolder = async (folder) => {
        const key = folder.toString('latin1');
        if (folders.has(key))
            return;
        await (0,promises_.mkdir)(folder, { recursive: true, mode: 0o755 });
        folders.add(key);
    };
    const tops = [];
    const total = { bytes: 0, max: limits.maxTotalBytes };
    let rootFiles = 0;
    for (const [i, file] of files.entries()) {
        const name = names[i];
        const shown = file.name.toString('utf8');
        const mode = goFileMode(file);
        const stop = (finding) => {
            layout.push(finding);
            const later = files.length - i - 1;
            if (later > 0 && !finding.message.includes('extraction stopped'))
                finding.message += `; Grafana's installer stops at this entry, so the ${later} after it were not extracted`;
        };
        if (refusedByInstaller(name)) {
            const absolute = name.startsWith('/');
            stop({
                kind: absolute ? 'zip-absolute' : 'zip-path-escape',
                message: absolute
                    ? `entry name is an absolute path: ${shown}; not extracted (Grafana's installer refuses the archive)`
                    : `entry name climbs out of its folder with ..: ${shown}; not extracted (Grafana's installer refuses the archive)`,
                path: shown,
            });
            break;
        }
        if (/^[a-zA-Z]:/.test(name)) {
            layout.push({
                kind: 'zip-absolute',
                message: `entry name is an absolute path on Windows: ${shown}; not part of the plugin (Grafana's installer on ` +
                    'Linux and macOS writes it outside the plugin folder)',
                path: shown,
            });
            if (placeInPlugin(name, id) === undefined)
                continue;
        }
        if (name.includes('\\')) {
            layout.push({
                kind: 'zip-backslash',
                message: `entry name uses \\ as separator: ${shown}; zip entry names must use / (the catalog requires it, and ` +
                    "Grafana's installer on Linux and macOS keeps \\ in the file name)",
                path: shown,
                expected: shown.replace(/\\/g, '/'),
                actual: shown,
            });
        }
        const segments = name.replace(/\/$/, '').split('/');
        const rel = placeInPlugin(name, id);
        const where = rel === undefined ? 'outside the plugin folder; not part of the plugin' : `at ${utf8(rel) || '.'}`;
        if (/[\u0000-\u001f\u007f]/.test(name) || segments.some((s) => s === '' || s === '.')) {
            layout.push({
                kind: 'zip-bad-name',
                message: `entry name has an empty or "." segment or a control character: ${JSON.stringify(shown)}`,
                path: shown,
            });
        }
        if (segments.includes('..')) {
            layout.push({
                kind: 'zip-path-escape',
                message: `entry name climbs out of its folder with ..: ${shown}; Grafana's installer writes it ${where}`,
                path: shown,
            });
            if (rel === undefined)
                continue;
        }
        if (rel === undefined) {
            if (!mode.isDir && !name.includes('/')) {
                rootFiles++;
                layout.push({
                    kind: 'zip-root-file',
                    message: `file at the zip root: ${shown}; Grafana's installer and the catalog expect every file inside one ` +
                        'top-level folder named after the plugin id (the installer writes it outside the plugin folder)',
                    path: shown,
                });
            }
            else {
                layout.push({
                    kind: 'zip-outside-plugin',
                    message: `entry ${shown} lands outside the plugin folder when Grafana's installer extracts it; not part of the plugin`,
                    path: shown,
                });
            }
            continue;
        }
        const top = name.split('/')[0];
        if (!tops.includes(top))
            tops.push(top);
        if (!writable(rel)) {
            if (rel.includes('\u0000')) {
                stop({
                    kind: 'zip-bad-name',
                    message: `entry name has a NUL byte: ${JSON.stringify(shown)}; Grafana's installer fails on it`,
                    path: shown,
                });
                break;
            }
            unreproduced.push(shown);
            layout.push({
                kind: 'zip-not-reproducible',
                message: `entry ${JSON.stringify(shown)} cannot be written on this system as Grafana's installer on Linux writes it`,
                path: shown,
            });
            continue;
        }
        const dest = onDisk(rel);
        const conflict = () => stop({
            kind: 'zip-path-conflict',
            message: `entry ${shown} conflicts with an earlier entry (a file and a folder at the same path); Grafana's installer fails on it`,
            path: shown,
        });
        if (mode.isDir) {
            try {
                await makeFolder(dest);
            }
            catch {
                conflict();
                break;
            }
            continue;
        }
        if (rel === '') {
            conflict(); // a file where the plugin folder itself goes
            break;
        }
        try {
            await makeFolder(parentOf(dest));
        }
        catch {
            conflict();
            break;
        }
        if (mode.isSymlink) {
            // Grafana `isSymlinkRelativeTo`: a relative target that cleans to inside the plugin folder is created.
            const target = (await readSmall(zipfile, file, 4096))?.toString('latin1').trim();
            const resolved = target === undefined ? '/' : external_node_path_.posix.join(external_node_path_.posix.dirname(`/I/${rel}`), target);
            const relTarget = resolved === '/I' ? '.' : resolved.startsWith('/I/') ? resolved.slice(3) : '..';
            const created = target !== undefined && !target.startsWith('/') && !relTarget.startsWith('..');
            if (created)
                unreproduced.push(shown);
            layout.push({
                kind: 'zip-symlink',
                message: `symlink entry: ${shown}; not created (links in a zip are neither followed nor created here): ` +
                    'put the file itself in the zip' +
                    (created ? "; Grafana's installer would create it, so the verdict cannot be valid" : ''),
                path: shown,
            });
            continue;
        }
        if (file.method !== 0 && file.method !== 8) {
            // Go: ErrAlgorithm after the installer created the (empty) file.
            await (0,promises_.unlink)(dest).catch(() => undefined);
            await writeEmpty(dest).catch(() => undefined);
            written.set(rel, { shown, unixMode: mode.unixMode });
            stop({
                kind: 'zip-unsupported-entry',
                message: `entry is compressed with method ${file.method}: ${shown}; Grafana's installer fails on it (plugin zips use stored or deflated entries)`,
                path: shown,
            });
            break;
        }
        const declared = file.uncompressedSize;
        if (declared > limits.maxEntryBytes) {
            unreproduced.push(shown);
            stop({
                kind: 'zip-too-large',
                message: `entry ${shown} declares ${declared} bytes, more than the limit of ${limits.maxEntryBytes} per entry; not extracted`,
                path: shown,
                expected: `at most ${limits.maxEntryBytes} bytes`,
                actual: String(declared),
            });
            break;
        }
        const first = written.get(rel);
        if (first !== undefined) {
            layout.push({
                kind: 'zip-duplicate',
                message: `duplicate entry: ${shown} extracts to the same file as ${first.shown} (${utf8(rel)}); ` +
                    "Grafana's installer keeps the last one, other tools may keep the first",
                path: shown,
                expected: first.shown,
            });
            await (0,promises_.unlink)(dest).catch(() => undefined); // a duplicate replaces the earlier file
        }
        const meter = new Meter(limits.maxEntryBytes, total);
        try {
            const input = await openData(zipfile, file);
            await (0,external_node_stream_promises_.pipeline)(input, meter, (0,external_node_fs_.createWriteStream)(dest, { flags: 'w', mode: 0o600 }));
        }
        catch (error) {
            const code = error.code;
            if (code === 'EISDIR' || code === 'ENOTDIR' || code === 'EEXIST') {
                conflict();
                break;
            }
            await (0,promises_.unlink)(dest).catch(() => undefined);
            written.delete(rel);
            unreproduced.push(shown);
            if (error instanceof LimitExceeded && error.scope === 'entry') {
                stop({
                    kind: 'zip-too-large',
                    message: `entry ${shown} inflates to more than ${limits.maxEntryBytes} bytes, the limit per entry (stopped ` +
                        `after ${error.bytes} bytes; its header says ${declared}); not extracted`,
                    path: shown,
                    expected: `at most ${limits.maxEntryBytes} bytes`,
                    actual: `more than ${limits.maxEntryBytes} bytes`,
                });
            }
            else if (error instanceof LimitExceeded) {
                stop({
                    kind: 'zip-too-large',
                    message: `the zip inflates to more than ${limits.maxTotalBytes} bytes in total, the limit (passed in ${shown}); ` +
                        'extraction stopped: this entry and the ones after it were not extracted',
                    path: shown,
                    expected: `at most ${limits.maxTotalBytes} bytes`,
                    actual: `more than ${limits.maxTotalBytes} bytes`,
                });
            }
            else {
                const why = file.flags & 1 ? 'entry is encrypted' : errorText(error);
                stop({
                    kind: file.flags & 1 ? 'zip-unsupported-entry' : 'zip-unreadable',
                    message: `cannot extract ${shown}: ${why}`,
                    path: shown,
                });
            }
            break;
        }
        // The unix permission bits, plus owner read so the file can be hashed; 0644 without a unix mode.
        await (0,promises_.chmod)(dest, mode.unixMode !== undefined ? (mode.unixMode & 0o777) | 0o400 : 0o644);
        written.delete(rel); // a duplicate moves to its last position, as the file now holds the last entry's bytes
        written.set(rel, { shown, unixMode: mode.unixMode });
        const dataError = meter.bytes !== declared
            ? {
                message: `entry ${shown} holds ${meter.bytes} bytes but its header says ${declared}: the zip is corrupt` +
                    (meter.bytes > declared ? " (Grafana's installer writes only part of it)" : ' (extracted as read)'),
                expected: String(declared),
                actual: String(meter.bytes),
            }
            : HAVE_CRC32 && file.crc32 !== 0 && meter.crc !== file.crc32
                ? {
                    message: `entry ${shown} fails its CRC-32 check: the zip is corrupt (extracted as read)`,
                    expected: file.crc32.toString(16).padStart(8, '0'),
                    actual: meter.crc.toString(16).padStart(8, '0'),
                }
                : undefined;
        if (dataError) {
            // Go stops reading at the declared size: more bytes than declared are never all written.
            if (meter.bytes > declared)
                unreproduced.push(shown);
            stop({ kind: 'zip-unreadable', path: shown, ...dataError });
            break;
        }
    }
    placementFindings(tops, rootFiles, layout);
    await checkPluginJson(written, pluginDir, topFolder, layout);
    return { topFolder, pluginDir };
}
function parentOf(dest) {
    const slash = dest.lastIndexOf(0x2f);
    return dest.subarray(0, slash);
}
async function writeEmpty(dest) {
    const h = await (0,promises_.open)(dest, 'w', 0o644);
    await h.close();
}

;// CONCATENATED MODULE: ./lib/zip/layout.js
/**
 * Shapes shared by the zip reader: layout findings, limits, and the opened zip. See `read-zip.ts`.
 */
/** Default limits: generous for real plugins (a few backend binaries of ~100 MB each), small for a zip bomb. */
const DEFAULT_ZIP_LIMITS = {
    maxEntries: 20_000,
    maxTotalBytes: 2 * 1024 * 1024 * 1024,
    maxEntryBytes: 512 * 1024 * 1024,
};

;// CONCATENATED MODULE: ./lib/zip/read-zip.js
/**
 * Reading a plugin `.zip` (the format users install and the catalog distributes) the way Grafana's installer
 * reads it, checking its layout the way the installer and the catalog expect it (docs/verification.md#zip), and
 * verifying the files the installer would write exactly like a plugin folder.
 *
 * The layout is not part of Grafana's signature check: the installer renames the top-level folder to the plugin
 * id and does not check signatures; the server checks them when it loads the extracted folder. So the verdict of
 * a zip is the signature verdict of what the installer extracts (`extract.ts`, with entries and names as Go's
 * `archive/zip` reads them, `go-zip-reader.ts`), and layout problems are reported beside it.
 */








function read_zip_errorText(error) {
    const code = error?.code;
    return code ?? (error instanceof Error ? error.message : String(error));
}
/**
 * Opens a plugin zip: lists its entries, checks their names and the layout Grafana's installer and the catalog
 * expect (docs/verification.md#zip), and extracts the safe entries to a new temporary folder (`fs.mkdtemp`) so that the
 * contents can be verified like a folder with `verifyPlugin(opened.pluginDir, …)`.
 *
 * Extraction follows Grafana's installer (`extract.ts`): every central directory entry Go's `archive/zip` lists
 * (whatever the end record's count), names as raw bytes (no CP437 decoding, no Unicode Path field), folders as
 * Go's `FileHeader.Mode()` decides them, the first path segment renamed to the plugin id when it matches
 * Grafana's `reGitBuild`, paths cleaned as Go cleans them; the installer's refusals and failures stop the
 * extraction at that entry, as they stop the installer. Layout rules: exactly one top-level folder, named after
 * plugin.json `id`; nothing at the zip root (the installer writes it outside the plugin); `/` separators (a `\`
 * stays in the file name, as on Linux); backend binaries with unix mode 0755.
 *
 * Safety: nothing is written outside the temporary folder, symlinks are never created, bytes are counted while
 * inflating against `maxEntryBytes` (default 512 MiB), `maxTotalBytes` (default 2 GiB) and `maxEntries` (default
 * 20,000). An entry the installer would extract into the plugin but that is not reproduced here (a symlink it
 * would create, a limit passed, bytes it would write only in part) is listed in `unreproduced`.
 *
 * A zip that cannot be read at all gives a `zip-unreadable` finding and an empty `pluginDir`, not an exception.
 *
 * @param zipPath the `.zip` file. @param opts limits and temp folder ({@link OpenPluginZipOptions}).
 * @returns the extracted plugin and the layout findings; call `cleanup()` when done.
 * @throws PluginError when `zipPath` does not exist or is not a file; the `fs` error when the temporary folder
 *   cannot be created or written (the temporary folder is removed first).
 */
async function openPluginZip(zipPath, opts = {}) {
    const absZip = external_node_path_.resolve(zipPath);
    let info;
    try {
        info = await (0,promises_.stat)(absZip);
    }
    catch (error) {
        throw new errors/* PluginError */.cZ(`plugin zip ${zipPath} cannot be read: ${read_zip_errorText(error)}`, { cause: error });
    }
    if (!info.isFile())
        throw new errors/* PluginError */.cZ(`plugin zip ${zipPath} is not a file`);
    const limits = {
        maxEntries: opts.maxEntries ?? DEFAULT_ZIP_LIMITS.maxEntries,
        maxTotalBytes: opts.maxTotalBytes ?? DEFAULT_ZIP_LIMITS.maxTotalBytes,
        maxEntryBytes: opts.maxEntryBytes ?? DEFAULT_ZIP_LIMITS.maxEntryBytes,
    };
    const tempDir = await (0,promises_.mkdtemp)(external_node_path_.join(opts.tempRoot ?? external_node_os_.tmpdir(), 'plugin-zip-'));
    let cleaned = false;
    const cleanup = async () => {
        if (cleaned)
            return;
        cleaned = true;
        await (0,promises_.rm)(tempDir, { recursive: true, force: true });
    };
    try {
        return { zipPath: absZip, ...(await extractLikeGrafana(absZip, tempDir, limits)), cleanup };
    }
    catch (error) {
        await cleanup();
        throw error;
    }
}
/**
 * Verifies a plugin zip as Grafana would verify the plugin it installs from it: opens it ({@link openPluginZip}),
 * runs `verifyPlugin` on the extracted plugin, and removes the temporary folder whatever happens.
 *
 * The verdict is the signature verdict of the contents (Grafana's installer does not check signatures, the server does
 * when it loads the extracted folder, docs/verification.md#zip); layout problems are in `layout` and do not change
 * `status`, except that entries the installer would extract but that were not reproduced here add an `unsafe-entry`
 * finding (status `invalid`): such a zip never verifies `valid`. Finding paths are relative to the plugin root, as for
 * a folder; `pluginDir` is the zip's absolute path, and messages name the zip instead of the temporary folder.
 *
 * @param zipPath the `.zip` file. @param options as for `verifyPlugin`. @param zipOptions limits and temp folder.
 * @returns the verification plus the layout findings.
 * @throws PluginError when `zipPath` does not exist or is not a file.
 */
async function verifyPluginZip(zipPath, options, zipOptions = {}) {
    const opened = await openPluginZip(zipPath, zipOptions);
    let result;
    try {
        result = await (0,verify/* verifyPlugin */.Vz)(opened.pluginDir, options);
    }
    finally {
        await opened.cleanup();
    }
    const shown = opened.topFolder ? `${opened.zipPath}:${opened.topFolder}` : opened.zipPath;
    const present = (text) => text.split(result.pluginDir).join(shown).split(opened.pluginDir).join(shown);
    let findings = result.findings.map((f) => ({ ...f, message: present(f.message) }));
    let { status, headline, reason } = result;
    headline = present(headline);
    reason = present(reason);
    if (opened.unreproduced.length > 0) {
        const list = opened.unreproduced.join(', ');
        findings = [
            (0,verify_findings/* finding */.gk)('unsafe-entry', `Grafana's installer would extract entries that were not reproduced here: ${list}; ` +
                'the files Grafana would load cannot be checked, so the zip cannot verify valid (see the zip layout problems)'),
            ...findings,
        ];
        const decided = (0,verify_findings/* decideStatus */.x7)(findings);
        status = decided.status;
        reason = decided.decisive?.message ?? reason;
        headline = (0,verify_findings/* grafanaLogLine */.zN)(status, result.plugin.id || external_node_path_.basename(opened.zipPath));
    }
    return {
        ...result,
        status,
        headline,
        reason,
        findings,
        pluginDir: opened.zipPath,
        layout: opened.layout,
    };
}


/***/ })

};
