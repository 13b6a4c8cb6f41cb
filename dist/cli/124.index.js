export const id = 124;
export const ids = [124];
export const modules = {

/***/ 3124:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  addHints: () => (/* binding */ addHints)
});

// EXTERNAL MODULE: ./lib/manifest/hash.js + 1 modules
var hash = __webpack_require__(7477);
;// CONCATENATED MODULE: ./lib/verify/hints/changed-after-signing.js
/**
 * Proves `changed-after-signing` for a version mismatch: plugin.json was read, its `id` is the manifest's `plugin`,
 * and its `info.version` differs from the manifest's `version` (both non-empty).
 */
function changedAfterSigningHint(plugin, manifest) {
    if (plugin.version === '' || manifest.version === '' || plugin.version === manifest.version)
        return undefined;
    if (plugin.id !== manifest.plugin)
        return undefined;
    return {
        cause: 'changed-after-signing',
        detail: `plugin.json says version ${plugin.version}, the manifest was signed for ${manifest.version}`,
        fix: 'plugin.json was changed after signing (a version bump): sign after the bump, as the last build step',
    };
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./lib/fs/read-bounded.js
var read_bounded = __webpack_require__(9795);
;// CONCATENATED MODULE: ./lib/verify/hints/context.js
/**
 * What the cause detectors of `src/verify/hints/` may look at: the verification's facts, never anything new from
 * the network. Built by `verifyPlugin` only when the verdict is not `valid`.
 */



/** The SHA-256 of a walked file, or undefined when it was not hashed or could not be read. */
function hashOf(ctx, path) {
    const outcome = ctx.hashes?.get(path);
    return outcome?.ok ? outcome.sha256 : undefined;
}
/** Files larger than this are not read for a hint (a signed text file this big is not a plugin's). */
const MAX_HINT_READ_BYTES = 32 * 1024 * 1024;
/**
 * Reads a walked file for a hint, at most `max` bytes, the way hashing opens it: through the walk's pinned folder
 * (`openPath`, so the walk must still be open), without following a link swapped in since the walk or blocking on a
 * FIFO (`O_NOFOLLOW | O_NONBLOCK`), and only when it is still the walk's file (device and inode, when known).
 *
 * @returns the bytes, or undefined when the file is bigger than `max`, not a regular file, or unreadable (a hint is
 *   then simply not given; nothing is thrown).
 */
async function readForHint(file, max = MAX_HINT_READ_BYTES) {
    if (file.size !== undefined && file.size > max)
        return undefined;
    let handle;
    try {
        handle = await (0,promises_.open)(file.openPath, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK);
    }
    catch {
        return undefined;
    }
    try {
        const info = await handle.stat();
        if (!info.isFile() || info.size > max)
            return undefined;
        if (file.identity && (info.dev !== file.identity.dev || info.ino !== file.identity.ino))
            return undefined;
        const buffer = Buffer.alloc(info.size);
        const length = await (0,read_bounded/* readToFill */.Pv)(handle, buffer);
        return buffer.subarray(0, length);
    }
    catch {
        return undefined;
    }
    finally {
        await handle.close();
    }
}

;// CONCATENATED MODULE: ./lib/verify/hints/folder-level.js
/** How `key` (listed) became `path` (on disk), as a grouping label, or undefined when not by prefix or case. */
function shift(key, path) {
    if (path.endsWith('/' + key))
        return `+${path.slice(0, path.length - key.length)}`;
    if (key.endsWith('/' + path))
        return `-${key.slice(0, key.length - path.length)}`;
    if (key.toLowerCase() === path.toLowerCase()) {
        const a = key.split('/');
        const b = path.split('/');
        const at = a.findIndex((s, i) => s !== b[i]);
        return `~${a.slice(0, at + 1).join('/')}→${b.slice(0, at + 1).join('/')}`;
    }
    return undefined;
}
/**
 * Proves `folder-level`: pairs each missing listed key with an unlisted file holding exactly the listed bytes
 * (same SHA-256) whose path is the key with a prefix added or removed, or in another case; the largest group sharing
 * one shift is the proof.
 *
 * @param missing listed keys not found → their manifest hash; @param uncovered unlisted files → their SHA-256.
 * @returns the hint and the pairs it explains, or undefined when no pair has the same bytes.
 */
function folderLevelHint(missing, uncovered) {
    const byHash = new Map();
    for (const [path, hash] of uncovered) {
        const paths = byHash.get(hash);
        if (paths)
            paths.push(path);
        else
            byHash.set(hash, [path]);
    }
    const groups = new Map();
    for (const [key, hash] of missing) {
        for (const path of byHash.get(hash) ?? []) {
            const label = shift(key, path);
            if (!label)
                continue;
            const group = groups.get(label);
            if (group)
                group.push({ key, path });
            else
                groups.set(label, [{ key, path }]);
        }
    }
    let best;
    for (const entry of groups)
        if (!best || entry[1].length > best[1].length)
            best = entry;
    if (!best)
        return undefined;
    const [label, relocations] = best;
    const n = relocations.length;
    const files = `${n} listed file${n === 1 ? '' : 's'}`;
    let detail;
    let fix;
    if (label.startsWith('+')) {
        const prefix = label.slice(1);
        detail = `${files} sit under "${prefix}" with the signed bytes (e.g. ${relocations[0].key} is at ${relocations[0].path})`;
        fix = `the folder verified is one level above the signed one: point at the "${prefix}" folder, or sign that folder`;
    }
    else if (label.startsWith('-')) {
        const prefix = label.slice(1);
        detail = `the manifest lists ${files} under "${prefix}", found with the signed bytes without it (e.g. ${relocations[0].key} is at ${relocations[0].path})`;
        fix = `the manifest was built one level above this folder (keys start with "${prefix}"): sign the plugin folder itself`;
    }
    else {
        const [from, to] = label.slice(1).split('→');
        detail = `${files} ${n === 1 ? 'differs' : 'differ'} only in case: "${from}" was signed, "${to}" is on disk, with the signed bytes`;
        fix = `rename "${to}" back to "${from}" (Grafana compares names case-sensitively), or sign again after renaming`;
    }
    return { hint: { cause: 'folder-level', detail, fix }, relocations };
}

;// CONCATENATED MODULE: ./lib/verify/hints/git-lfs.js
/** Git LFS pointer files are smaller than this (git-lfs spec: "< 1024 bytes"). */
const MAX_LFS_POINTER_BYTES = 1024;
/**
 * The `oid sha256:` of a Git LFS pointer file, or undefined when `bytes` is not one
 * (https://github.com/git-lfs/git-lfs/blob/main/docs/spec.md).
 */
function parseLfsPointer(bytes) {
    if (bytes.length >= MAX_LFS_POINTER_BYTES)
        return undefined;
    const text = bytes.toString('latin1');
    if (!text.endsWith('\n'))
        return undefined;
    const lines = text.slice(0, -1).split('\n');
    if (lines[0] !== 'version https://git-lfs.github.com/spec/v1')
        return undefined;
    let oid;
    let size;
    for (const line of lines.slice(1)) {
        const m = /^([a-z0-9.-]+) (.*)$/.exec(line);
        if (!m)
            return undefined;
        if (m[1] === 'oid') {
            const o = /^sha256:([0-9a-f]{64})$/.exec(m[2]);
            if (!o)
                return undefined;
            oid = o[1];
        }
        else if (m[1] === 'size') {
            if (!/^[0-9]+$/.test(m[2]))
                return undefined;
            size = Number(m[2]);
        }
    }
    return oid !== undefined && size !== undefined ? { oid, size } : undefined;
}
/**
 * Proves `git-lfs-pointer`: the file on disk is a Git LFS pointer. The pointer's `oid` is the SHA-256 of the real
 * file, so the detail says whether it is the signed one.
 *
 * @param path the file; @param bytes its content; @param expected the manifest's SHA-256, if it lists the file.
 */
function lfsPointerHint(path, bytes, expected) {
    const pointer = parseLfsPointer(bytes);
    if (!pointer)
        return undefined;
    const same = expected === undefined
        ? ''
        : pointer.oid === expected
            ? ' (the object it points to is the signed file)'
            : ' (the object it points to is not the signed file either)';
    return {
        cause: 'git-lfs-pointer',
        detail: `${path} is a Git LFS pointer (oid sha256:${pointer.oid}, ${pointer.size} bytes), not the file itself${same}`,
        fix: 'check the repository out with Git LFS (actions/checkout with lfs: true, or git lfs pull) before verifying',
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
;// CONCATENATED MODULE: ./lib/verify/hints/line-endings.js
/** Cause `line-endings`: the file is the signed one with its line endings converted (git `core.autocrlf`). */

const sha256 = (b) => (0,external_node_crypto_.createHash)('sha256').update(b).digest('hex');
/** `\r\n` → `\n` (what git does when committing with `core.autocrlf=input`/`true`). */
function crlfToLf(bytes) {
    const out = Buffer.allocUnsafe(bytes.length);
    let n = 0;
    for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] === 0x0d && bytes[i + 1] === 0x0a)
            continue;
        out[n++] = bytes[i];
    }
    return out.subarray(0, n);
}
/** Lone `\n` → `\r\n` (what git does when checking out with `core.autocrlf=true`). */
function lfToCrlf(bytes) {
    const out = Buffer.allocUnsafe(bytes.length * 2);
    let n = 0;
    for (let i = 0; i < bytes.length; i++) {
        if (bytes[i] === 0x0a && (i === 0 || bytes[i - 1] !== 0x0d))
            out[n++] = 0x0d;
        out[n++] = bytes[i];
    }
    return out.subarray(0, n);
}
const FIX = 'line endings changed after signing (git core.autocrlf, or .gitattributes text=auto): sign after checkout, ' +
    'or mark the built files binary in .gitattributes (dist/** -text)';
/**
 * Proves `line-endings` for a modified file: its bytes hash to the manifest's value once CRLF becomes LF, or once
 * LF becomes CRLF.
 *
 * @param path the manifest key; @param bytes the file on disk; @param expected the manifest's SHA-256 (hex).
 * @returns the hint, or undefined when neither conversion changes the bytes into the signed ones.
 */
function lineEndingsHint(path, bytes, expected) {
    if (!bytes.includes(0x0a))
        return undefined;
    const conversions = [
        { convert: crlfToLf, has: 'CRLF', would: 'LF' },
        { convert: lfToCrlf, has: 'LF', would: 'CRLF' },
    ];
    for (const { convert, has, would } of conversions) {
        const converted = convert(bytes);
        if (converted.length !== bytes.length && sha256(converted) === expected) {
            return {
                cause: 'line-endings',
                detail: `${path} has ${has} line endings; with ${would} line endings it hashes to the signed value`,
                fix: FIX,
            };
        }
    }
    return undefined;
}

;// CONCATENATED MODULE: ./lib/verify/hints/os-debris.js
/** What the debris is, by its name, or undefined. */
function debrisKind(path) {
    const segments = path.split('/');
    const name = segments[segments.length - 1];
    const lower = name.toLowerCase();
    if (segments.slice(0, -1).includes('__MACOSX'))
        return 'a macOS zip resource folder (__MACOSX)';
    if (name === '.DS_Store')
        return 'macOS Finder metadata (.DS_Store)';
    if (name.startsWith('._') && name.length > 2)
        return 'a macOS AppleDouble file (._*)';
    if (lower === 'thumbs.db')
        return 'a Windows thumbnail cache (Thumbs.db)';
    if (lower === 'desktop.ini')
        return 'Windows folder settings (desktop.ini)';
    if (/^\..+\.sw[a-p]$/.test(name) || /\.swp$/.test(name))
        return 'a Vim swap file (*.swp)';
    if (name.endsWith('~') && name.length > 1)
        return 'an editor backup file (*~)';
    return undefined;
}
/**
 * Proves `os-debris` for a file not covered by the manifest: its name is debris that operating systems and editors
 * create (`.DS_Store`, `Thumbs.db`, `desktop.ini`, `*.swp`, `*~`, `._*`, anything under `__MACOSX/`).
 */
function osDebrisHint(path) {
    const kind = debrisKind(path);
    if (!kind)
        return undefined;
    return {
        cause: 'os-debris',
        detail: `${path} is ${kind}, added to the plugin folder after signing`,
        fix: `delete ${path} (and keep such files out of the build), then sign again`,
    };
}

// EXTERNAL MODULE: ./lib/go/path.js
var path = __webpack_require__(4251);
// EXTERNAL MODULE: ./lib/go/url.js + 2 modules
var url = __webpack_require__(836);
// EXTERNAL MODULE: ./lib/verify/root-url.js
var root_url = __webpack_require__(9201);
;// CONCATENATED MODULE: ./lib/verify/hints/root-url-near-miss.js



const DEFAULT_PORTS = { http: '80', https: '443' };
/** `host` split into name and port (`[::1]:80` → `[::1]`, `80`). */
function splitHost(host) {
    const close = host.lastIndexOf(']');
    const colon = host.lastIndexOf(':');
    return colon > close ? { name: host.slice(0, colon), port: host.slice(colon + 1) } : { name: host, port: '' };
}
function parse(raw) {
    try {
        return (0,url/* parseGoURL */.vE)(raw);
    }
    catch {
        return undefined;
    }
}
/**
 * The one part in which `rootUrl` differs from `appUrl`, as words, or undefined when not exactly one near part.
 * @param glob the gobwas port's compiler; without it the `private-glob` trailing-slash case is not tried.
 */
function nearMiss(rootUrl, appUrl, signatureType, glob) {
    if (signatureType === root_url/* PRIVATE_GLOB_SIGNATURE */.K$ && glob && !rootUrl.endsWith('/')) {
        try {
            if (glob(rootUrl + '/', ['/', '.'])(appUrl) && !glob(rootUrl, ['/', '.'])(appUrl)) {
                return `the private-glob root URL ${rootUrl} has no trailing slash, but the app URL always ends in "/"`;
            }
        }
        catch {
            return undefined;
        }
    }
    const spec = parse(rootUrl);
    const target = parse(appUrl);
    if (!spec || !target || spec.rawQuery !== target.rawQuery)
        return undefined;
    const a = splitHost(spec.host);
    const b = splitHost(target.host);
    const pathA = (0,path/* cleanPath */.t)((0,url/* escapedPath */.z1)(spec) || '/');
    const pathB = (0,path/* cleanPath */.t)((0,url/* escapedPath */.z1)(target) || '/');
    const differs = {
        scheme: spec.scheme !== target.scheme,
        name: a.name !== b.name,
        port: a.port !== b.port,
        path: pathA !== pathB,
    };
    const count = Object.values(differs).filter(Boolean).length;
    if (count !== 1)
        return undefined;
    if (differs.scheme)
        return `only the scheme differs: ${spec.scheme}:// signed, ${target.scheme}:// in the app URL`;
    if (differs.name) {
        return a.name.toLowerCase() === b.name.toLowerCase()
            ? `only the host's case differs: "${a.name}" signed, "${b.name}" in the app URL (Grafana compares hosts as written)`
            : undefined;
    }
    if (differs.port) {
        const fallback = DEFAULT_PORTS[spec.scheme];
        const shown = (p) => p === '' ? `no port${fallback ? ` (default ${fallback}, not written)` : ''}` : `port ${p}`;
        return `only the port differs: ${shown(a.port)} signed, ${shown(b.port)} in the app URL`;
    }
    const [short, long] = pathA.length < pathB.length ? [pathA, pathB] : [pathB, pathA];
    const prefix = short === '/' ? '/' : short + '/';
    if (!long.startsWith(prefix))
        return undefined;
    return `only the path differs: ${pathA} signed, ${pathB} in the app URL (a sub-path, e.g. Grafana served under ${long})`;
}
/**
 * Proves `root-url-near-miss` for an app URL no root URL matched: the first root URL that differs from it in exactly
 * one near part (see {@link nearMiss}).
 *
 * @param rootUrls the manifest's; @param appUrl the app URL as Grafana matched it (ending in `/`).
 * @param glob the glob compiler, needed for `private-glob` manifests (see {@link nearMiss}).
 */
function rootUrlNearMissHint(rootUrls, appUrl, signatureType, glob) {
    for (const rootUrl of rootUrls) {
        const what = nearMiss(rootUrl, appUrl, signatureType, glob);
        if (what === undefined)
            continue;
        return {
            cause: 'root-url-near-miss',
            detail: `${appUrl} does not match the signed root URL ${rootUrl}: ${what}`,
            fix: `sign with root URL ${appUrl} (or add it to root-urls), or set Grafana's [server] root_url to ${rootUrl}` +
                (what.includes('trailing slash') ? ` (for private-glob, end the glob with "/": ${rootUrl}/)` : ''),
        };
    }
    return undefined;
}

;// CONCATENATED MODULE: ./lib/verify/hints/rotated-key.js
/**
 * Proves `rotated-key` for a key ID no trusted key has: grafana.com published exactly that key ID at
 * `/plugins/ci/keys` when the keys were fetched.
 *
 * @param keyId the manifest's `keyId`; @param published the key IDs fetched (undefined when none were).
 */
function rotatedKeyHint(keyId, published) {
    if (!published?.has(keyId))
        return undefined;
    return {
        cause: 'rotated-key',
        detail: `key ID ${keyId} is one grafana.com publishes at /plugins/ci/keys, but not one this Grafana trusts`,
        fix: 'grafana.com rotated its signing key: let Grafana fetch keys (public_key_retrieval_disabled = false, ' +
            'grafana.com reachable) or update Grafana; to verify here, use fetch-keys with key retrieval enabled',
    };
}

;// CONCATENATED MODULE: ./lib/verify/hints/windows-separators.js
/**
 * Proves `windows-separators` for a listed key that was not found: it holds `\`, and the same path with `/` is a
 * file on disk whose SHA-256 is the listed value.
 *
 * @param key the manifest key; @param expected its hash; @param hashOf SHA-256 of a file on disk by path.
 * @returns the hint and the `/` path it names, or undefined.
 */
function windowsSeparatorsHint(key, expected, hashOf) {
    if (!key.includes('\\'))
        return undefined;
    const path = key.replaceAll('\\', '/');
    if (hashOf(path) !== expected)
        return undefined;
    return {
        path,
        hint: {
            cause: 'windows-separators',
            detail: `the manifest lists "${key}" with backslashes; "${path}" exists and hashes to the signed value`,
            fix: 'the manifest was built on Windows with backslashes, which Grafana never matches: sign on Linux or macOS (or with a tool that writes "/")',
        },
    };
}

;// CONCATENATED MODULE: ./lib/verify/hints/index.js
/**
 * Proven causes of failing findings (issue 11): each detector in this folder looks at the bytes and facts of one
 * verification and names a cause only when it is proven, never guessed. Run by `verifyPlugin` after the verdict, only
 * when the plugin is not `valid`: hints never change a status and cost a valid plugin nothing.
 */











/** Files read at once while looking for causes. */
const READ_CONCURRENCY = 4;
/** A modified (or unreadable-as-plugin.json) file: a Git LFS pointer, or the signed file with converted line endings. */
async function fileContentHint(ctx, path, expected) {
    const file = ctx.onDisk.get(path);
    if (!file)
        return undefined;
    if (file.size === undefined || file.size < MAX_LFS_POINTER_BYTES) {
        const small = await readForHint(file, MAX_LFS_POINTER_BYTES);
        const lfs = small && lfsPointerHint(path, small, expected);
        if (lfs)
            return lfs;
    }
    if (expected === undefined)
        return undefined;
    const bytes = await readForHint(file);
    return bytes && lineEndingsHint(path, bytes, expected);
}
/**
 * Sets `hint` on every finding whose cause is proven (see docs/troubleshooting.md for the causes).
 *
 * - `file-modified`: `git-lfs-pointer`, else `line-endings`;
 * - `file-missing` / `file-not-covered`: `windows-separators` (the key with `\` is the file with `/`), `folder-level`
 *   (the listed bytes sit under a shifted path), `os-debris` (an unlisted `.DS_Store`, `Thumbs.db`…);
 * - `plugin-id-mismatch` / `plugin-version-mismatch`: `git-lfs-pointer` when plugin.json is a pointer, else
 *   `changed-after-signing` for the version;
 * - `root-url-mismatch`: `root-url-near-miss`;
 * - `public-key-missing`: `rotated-key`.
 *
 * Findings that give no status (notes) get no hint. Reads only files already walked, bounded in size; never throws
 * for a file that cannot be read (it gets no hint).
 *
 * @param findings the verification's findings, changed in place; @param ctx what the detectors may look at.
 */
async function addHints(findings, ctx) {
    const failing = findings.filter((f) => f.status !== null && f.hint === undefined);
    if (failing.length === 0)
        return;
    const byHash = (path) => hashOf(ctx, path);
    // Group causes first: they explain a missing file and an unlisted file together.
    const notCovered = new Map(failing.filter((f) => f.kind === 'file-not-covered').map((f) => [f.path, f]));
    const missing = failing.filter((f) => f.kind === 'file-missing' && f.expected !== undefined);
    for (const f of missing) {
        const found = windowsSeparatorsHint(f.path, f.expected, byHash);
        if (!found)
            continue;
        f.hint = found.hint;
        const twin = notCovered.get(found.path);
        if (twin)
            twin.hint = found.hint;
    }
    const unexplained = new Map(missing.filter((f) => !f.hint).map((f) => [f.path, f.expected]));
    const loose = new Map();
    for (const [path, f] of notCovered) {
        const hash = byHash(path);
        if (!f.hint && hash)
            loose.set(path, hash);
    }
    const level = unexplained.size > 0 && loose.size > 0 ? folderLevelHint(unexplained, loose) : undefined;
    if (level) {
        const moved = new Set(level.relocations.flatMap((r) => [r.key, r.path]));
        for (const f of [...missing, ...notCovered.values()])
            if (!f.hint && moved.has(f.path))
                f.hint = level.hint;
    }
    const pluginJsonPointer = ctx.manifest && failing.some((f) => f.kind === 'plugin-id-mismatch' || f.kind === 'plugin-version-mismatch')
        ? await fileContentHint(ctx, 'plugin.json', undefined)
        : undefined;
    // The glob port is loaded only when a private-glob root URL mismatch needs it.
    const glob = ctx.manifest?.signatureType === root_url/* PRIVATE_GLOB_SIGNATURE */.K$ && failing.some((f) => f.kind === 'root-url-mismatch')
        ? (await __webpack_require__.e(/* import() */ 496).then(__webpack_require__.bind(__webpack_require__, 5496))).compileGlob
        : undefined;
    for (const f of failing) {
        if (f.hint)
            continue;
        const hint = factHint(f, ctx, pluginJsonPointer, glob);
        if (hint)
            f.hint = hint;
    }
    // Only modified files are read (bounded, a few at a time).
    const modified = failing.filter((f) => !f.hint && f.kind === 'file-modified');
    await (0,hash/* mapLimit */.sf)(modified, READ_CONCURRENCY, async (f) => {
        const hint = await fileContentHint(ctx, f.path, f.expected);
        if (hint)
            f.hint = hint;
    });
}
/** The causes proven from the verification's facts alone, without reading a file. */
function factHint(f, ctx, pluginJsonPointer, glob) {
    const m = ctx.manifest;
    switch (f.kind) {
        case 'file-not-covered':
            return osDebrisHint(f.path);
        case 'plugin-id-mismatch':
            return pluginJsonPointer;
        case 'plugin-version-mismatch':
            return pluginJsonPointer ?? (m && changedAfterSigningHint(ctx.plugin, m));
        case 'root-url-mismatch':
            return m && f.actual !== undefined ? rootUrlNearMissHint(m.rootUrls, f.actual, m.signatureType, glob) : undefined;
        case 'public-key-missing':
            return m && f.message.startsWith('missing public key') ? rotatedKeyHint(m.keyId, ctx.publishedKeyIds) : undefined;
        default:
            return undefined;
    }
}


/***/ })

};
