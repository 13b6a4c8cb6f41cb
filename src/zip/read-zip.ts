/**
 * Reading a plugin `.zip` (the format users install and the catalog distributes) safely, checking its layout
 * the way Grafana's installer and the catalog expect it (SIGNATURES.md §9), and verifying its contents exactly
 * like a plugin folder.
 *
 * The layout is not part of Grafana's signature check: the installer renames the top-level folder to the plugin
 * id and does not check signatures; the server checks them when it loads the extracted folder. So the verdict of
 * a zip is the signature verdict of its contents, and layout problems are reported beside it.
 *
 * yauzl is opened with `decodeStrings: false` so that an entry name it would refuse (a `\`, `..`, an absolute
 * path) is reported instead of aborting the whole read: names are decoded here with `yauzl.getFileNameLowLevel`
 * (strict, so `\` survives) and classified with `yauzl.validateFileName`. `validateEntrySizes: false` because
 * sizes are counted here while streaming, against limits, without trusting the headers.
 */
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, mkdtemp, readFile, rm, stat, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import { PluginError } from '../errors.js';
import { readPluginJson } from '../manifest/plugin-json.js';
import { verifyPlugin, type VerifyOptions, type VerifyResult } from '../verify/verify.js';

/** What is wrong with a zip's layout or entries. None of these changes Grafana's status; each fails the job. */
export type ZipLayoutKind =
  /** A file at the zip root, outside any folder. */
  | 'zip-root-file'
  /** No top-level folder, or more than one. */
  | 'zip-top-folders'
  /** The top-level folder is not named after the plugin id. */
  | 'zip-top-folder-name'
  /** An entry name uses `\` as separator. */
  | 'zip-backslash'
  /** An entry name has a `..` segment (not extracted). */
  | 'zip-path-escape'
  /** An entry name is absolute (`/x`, `C:x`; not extracted). */
  | 'zip-absolute'
  /** An entry name has an empty or `.` segment or a control character (not extracted). */
  | 'zip-bad-name'
  /** A backend binary is not mode 0755. */
  | 'zip-binary-mode'
  /** A limit (entries, bytes per entry, bytes in total) was exceeded (what exceeds is not extracted). */
  | 'zip-too-large'
  /** The archive, or one entry, cannot be read as a zip (corrupt directory, CRC or size mismatch…). */
  | 'zip-unreadable'
  /** A symlink entry (neither followed nor created). */
  | 'zip-symlink'
  /** Two entries extract to the same file. */
  | 'zip-duplicate'
  /** An entry that is encrypted or uses a compression method other than stored/deflate (not extracted). */
  | 'zip-unsupported-entry'
  /** A file and a folder at the same path (the later entry is not extracted). */
  | 'zip-path-conflict'
  /** No `<top>/plugin.json` with a string `id`. */
  | 'zip-no-plugin-json';

/** One layout problem. `path` is the entry name as written in the zip. */
export interface ZipLayoutFinding {
  kind: ZipLayoutKind;
  /** One line for people, saying what Grafana's installer or the catalog expects. */
  message: string;
  /** The zip entry name concerned, as written in the archive (with `\` if it has one). */
  path?: string;
  expected?: string;
  actual?: string;
}

/** Limits on what is read from a zip; every one is checked while streaming, never trusting the zip's headers. */
export interface OpenPluginZipOptions {
  /** Most entries the zip may have (directories included); above it nothing is extracted. */
  maxEntries?: number;
  /** Most bytes inflated in total (dropped oversized entries count); extraction stops when it is passed. */
  maxTotalBytes?: number;
  /** Most bytes one entry may inflate to; a larger entry is not extracted. */
  maxEntryBytes?: number;
  /** Folder in which the temporary extraction folder is made (default: the OS temp folder). */
  tempRoot?: string;
}

/** Default limits: generous for real plugins (a few backend binaries of ~100 MB each), small for a zip bomb. */
export const DEFAULT_ZIP_LIMITS = {
  maxEntries: 20_000,
  maxTotalBytes: 2 * 1024 * 1024 * 1024,
  maxEntryBytes: 512 * 1024 * 1024,
} as const;

/** A zip extracted to a temporary folder, with its layout checked. */
export interface OpenedPluginZip {
  /** Absolute path of the zip. */
  zipPath: string;
  /** The top-level folder taken as the plugin (the one holding plugin.json), or undefined when the zip has none. */
  topFolder: string | undefined;
  /** Extracted plugin root inside a temporary folder: every top-level folder merged into one, as Grafana's installer does. */
  pluginDir: string;
  /** Layout problems, in a stable order (entry order within each kind of check). */
  layout: ZipLayoutFinding[];
  /** Entries listed in the archive's central directory (directories included). */
  entries: number;
  /** Removes the temporary folder; safe to call more than once. */
  cleanup(): Promise<void>;
}

/** Go's `archive/zip` reads unix modes from these "version made by" hosts (creatorUnix, creatorMacOSX). */
const UNIX_HOSTS = new Set([3, 19]);
const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFLNK = 0o120000;
/** MS-DOS directory attribute. */
const DOS_DIRECTORY = 0x10;
/** `zlib.crc32` exists from Node 20.15 / 22.2; on older Node the CRC-32 check is skipped (sizes are still checked). */
const HAVE_CRC32 = typeof (zlib as { crc32?: unknown }).crc32 === 'function';
/** Platform suffixes Grafana looks for after a plugin's `executable` (`<executable>_<os>_<arch>[.exe]`). */
const PLATFORM_SUFFIX =
  /^_(linux|darwin|windows|freebsd|netbsd|openbsd)_(amd64|arm64|arm|386|ppc64le|s390x|riscv64)(\.exe)?$/;

/**
 * Reads the backend executables declared by the plugin.json files of a plugin folder (the root one and nested
 * plugins' ones): each `executable` joined to the folder of the plugin.json that declares it.
 *
 * @param root plugin root folder on disk. @param relPaths posix paths of the plugin's files, relative to `root`.
 * @returns posix paths (relative to `root`) of the executables' base names, without platform suffix. Unreadable
 *   or malformed plugin.json files, and executables pointing outside the plugin, are skipped. Never throws.
 */
export async function readBackendExecutables(root: string, relPaths: readonly string[]): Promise<string[]> {
  const executables: string[] = [];
  for (const rel of relPaths) {
    if (rel !== 'plugin.json' && !rel.endsWith('/plugin.json')) continue;
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path.join(root, ...rel.split('/')), 'utf8'));
    } catch {
      continue;
    }
    const exe = json && typeof json === 'object' ? (json as Record<string, unknown>).executable : undefined;
    if (typeof exe !== 'string' || exe === '') continue;
    const joined = path.posix.normalize(path.posix.join(path.posix.dirname(rel), exe.replace(/\\/g, '/')));
    if (joined === '..' || joined.startsWith('../') || joined.startsWith('/')) continue;
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
export function isBackendBinary(relPath: string, executables: readonly string[]): boolean {
  if (path.posix.basename(relPath).startsWith('gpx_')) return true;
  return executables.some((exe) => relPath.startsWith(`${exe}_`) && PLATFORM_SUFFIX.test(relPath.slice(exe.length)));
}

/** A central-directory entry, classified. */
interface Listed {
  entry: yauzl.Entry;
  /** Name as written (decoded, `\` kept). */
  raw: string;
  /** Name with `/` separators and no trailing `/`. */
  name: string;
  isDir: boolean;
  /** `externalFileAttributes >>> 16` when the zip was made on a unix-like host; undefined otherwise. */
  unixMode: number | undefined;
  /** Unsafe, symlink, unsupported: never extracted. */
  refused: boolean;
  /** A file at the zip root. */
  rootFile: boolean;
  /** First path segment when the entry is inside a folder. */
  top?: string;
  /** Path relative to the plugin root ('' for a top folder itself); undefined when not part of the plugin. */
  rel?: string;
}

class LimitExceeded extends Error {
  constructor(
    readonly scope: 'entry' | 'total',
    readonly bytes: number,
  ) {
    super(`${scope} limit exceeded`);
  }
}

/** Counts (and CRCs) the bytes of one entry while they stream, failing as soon as a limit is passed. */
class Meter extends Transform {
  bytes = 0;
  crc = 0;
  constructor(
    private readonly maxEntryBytes: number,
    private readonly total: { bytes: number; max: number },
  ) {
    super();
  }
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.bytes += chunk.length;
    this.total.bytes += chunk.length;
    if (this.bytes > this.maxEntryBytes) return callback(new LimitExceeded('entry', this.bytes));
    if (this.total.bytes > this.total.max) return callback(new LimitExceeded('total', this.bytes));
    if (HAVE_CRC32) this.crc = zlib.crc32(chunk, this.crc);
    callback(null, chunk);
  }
}

function octal(mode: number): string {
  return (mode & 0o7777).toString(8).padStart(4, '0');
}

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

/**
 * Opens a plugin zip: lists its entries, checks their names and the layout Grafana's installer and the catalog
 * expect (SIGNATURES.md §9), and extracts the safe entries to a new temporary folder (`fs.mkdtemp`) so that the
 * contents can be verified like a folder with `verifyPlugin(opened.pluginDir, …)`.
 *
 * Layout rules: exactly one top-level folder, named after plugin.json `id` (read from `<top>/plugin.json` in the
 * archive); nothing at the zip root; `/` separators; backend binaries ({@link isBackendBinary}) with unix mode 0755
 * (`externalFileAttributes >>> 16`). Grafana's installer renames the first path segment of every entry to the
 * plugin id, so several top-level folders are merged into `pluginDir` as it would merge them; root files are not
 * part of the plugin (they are extracted as the plugin only when plugin.json itself is at the root).
 *
 * Safety: names with `..`, absolute names (`/x`, `C:x`), names with empty or `.` segments or control characters,
 * symlink entries, encrypted entries and unknown compression methods are findings and are never written; a `\`
 * is reported and read as `/`. Bytes are counted while inflating, not taken from the headers: an entry over
 * `maxEntryBytes` (default 512 MiB) is dropped as soon as it passes it, passing `maxTotalBytes` (default 2 GiB)
 * stops the extraction, and more than `maxEntries` entries (default 20,000) extracts nothing. A CRC-32 or size
 * mismatch is reported and the bytes read are kept (the signature check then judges them). Duplicate names are
 * reported; the last one wins, as with Grafana's installer. Files keep their unix permission bits (plus owner
 * read, so they can be hashed; 0644 when the zip carries no unix mode); setuid/setgid/sticky bits are dropped.
 *
 * A zip that cannot be read at all gives a `zip-unreadable` finding and an empty `pluginDir`, not an exception.
 *
 * @param zipPath the `.zip` file. @param opts limits and temp folder ({@link OpenPluginZipOptions}).
 * @returns the extracted plugin and the layout findings; call `cleanup()` when done.
 * @throws PluginError when `zipPath` does not exist or is not a file; the `fs` error when the temporary folder
 *   cannot be created or written (the temporary folder is removed first).
 */
export async function openPluginZip(zipPath: string, opts: OpenPluginZipOptions = {}): Promise<OpenedPluginZip> {
  const absZip = path.resolve(zipPath);
  let info;
  try {
    info = await stat(absZip);
  } catch (error) {
    throw new PluginError(`plugin zip ${zipPath} cannot be read: ${errorText(error)}`, { cause: error });
  }
  if (!info.isFile()) throw new PluginError(`plugin zip ${zipPath} is not a file`);

  const limits = {
    maxEntries: opts.maxEntries ?? DEFAULT_ZIP_LIMITS.maxEntries,
    maxTotalBytes: opts.maxTotalBytes ?? DEFAULT_ZIP_LIMITS.maxTotalBytes,
    maxEntryBytes: opts.maxEntryBytes ?? DEFAULT_ZIP_LIMITS.maxEntryBytes,
  };
  const tempDir = await mkdtemp(path.join(opts.tempRoot ?? os.tmpdir(), 'plugin-zip-'));
  let cleaned = false;
  const cleanup = async () => {
    if (cleaned) return;
    cleaned = true;
    await rm(tempDir, { recursive: true, force: true });
  };
  try {
    return { zipPath: absZip, ...(await readAndExtract(absZip, tempDir, limits)), cleanup };
  } catch (error) {
    await cleanup();
    throw error;
  }
}

async function readAndExtract(
  zipPath: string,
  tempDir: string,
  limits: { maxEntries: number; maxTotalBytes: number; maxEntryBytes: number },
): Promise<Omit<OpenedPluginZip, 'zipPath' | 'cleanup'>> {
  const layout: ZipLayoutFinding[] = [];
  let zipfile: yauzl.ZipFile;
  try {
    zipfile = await yauzl.openPromise(zipPath, {
      autoClose: false,
      decodeStrings: false,
      validateEntrySizes: false,
      strictFileNames: true,
    });
  } catch (error) {
    layout.push({ kind: 'zip-unreadable', message: `cannot read the zip: ${errorText(error)}` });
    const pluginDir = path.join(tempDir, 'plugin');
    await mkdir(pluginDir);
    return { topFolder: undefined, pluginDir, layout, entries: 0 };
  }
  try {
    if (zipfile.entryCount > limits.maxEntries) {
      layout.push({
        kind: 'zip-too-large',
        message:
          `the zip has ${zipfile.entryCount} entries, more than the limit of ${limits.maxEntries}: ` +
          'nothing was extracted, so the signature check below sees an empty plugin',
        expected: `at most ${limits.maxEntries} entries`,
        actual: String(zipfile.entryCount),
      });
      const pluginDir = path.join(tempDir, 'plugin');
      await mkdir(pluginDir);
      return { topFolder: undefined, pluginDir, layout, entries: zipfile.entryCount };
    }
    const listed: Listed[] = [];
    try {
      for await (const entry of zipfile.eachEntry()) listed.push(classify(entry, layout));
    } catch (error) {
      layout.push({
        kind: 'zip-unreadable',
        message:
          `cannot read the zip's central directory after ${listed.length} entries: ${errorText(error)}; ` +
          "nothing was extracted (Go's archive/zip, which Grafana's installer uses, refuses it too)",
      });
      const pluginDir = path.join(tempDir, 'plugin');
      await mkdir(pluginDir);
      return { topFolder: undefined, pluginDir, layout, entries: listed.length };
    }

    const { topFolder, flat } = placeEntries(listed, layout);
    const pluginDir = path.join(tempDir, flat || topFolder === undefined ? 'plugin' : topFolder);
    await mkdir(pluginDir, { recursive: true, mode: 0o755 });
    const extracted = await extractEntries(zipfile, listed, pluginDir, limits, layout);
    await checkPluginJson(listed, extracted, pluginDir, topFolder, flat, layout);
    return { topFolder: flat ? undefined : topFolder, pluginDir, layout, entries: listed.length };
  } finally {
    zipfile.close();
  }
}

/** Decodes and classifies one entry's name and kind; adds the name findings. */
function classify(entry: yauzl.Entry, layout: ZipLayoutFinding[]): Listed {
  // decodeStrings is off, so fileNameRaw holds the bytes; decode them as yauzl would, but strictly (`\` kept).
  const raw = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
  const host = entry.versionMadeBy >>> 8;
  const unixMode = UNIX_HOSTS.has(host) ? entry.externalFileAttributes >>> 16 : undefined;
  let name = raw;
  if (raw.includes('\\')) {
    name = raw.replace(/\\/g, '/');
    layout.push({
      kind: 'zip-backslash',
      message:
        `entry name uses \\ as separator: ${raw}; zip entry names must use / (the catalog requires it, and ` +
        "Grafana's installer on Linux and macOS does not split on \\); read here as " +
        name,
      path: raw,
      expected: name,
      actual: raw,
    });
  }
  const isDir =
    name.endsWith('/') ||
    (unixMode !== undefined ? (unixMode & S_IFMT) === S_IFDIR : (entry.externalFileAttributes & DOS_DIRECTORY) !== 0);
  const bare = name.replace(/\/+$/, '');
  const listed: Listed = { entry, raw, name: bare, isDir, unixMode, refused: false, rootFile: false };

  // yauzl's own rule for names it would refuse (it says why: "absolute path" or "invalid relative path").
  const refusal = yauzl.validateFileName(name);
  if (refusal !== null) {
    listed.refused = true;
    const absolute = /^[a-zA-Z]:/.test(name) || name.startsWith('/');
    layout.push(
      absolute
        ? {
            kind: 'zip-absolute',
            message: `entry name is an absolute path: ${raw}; not extracted (Grafana's installer refuses the archive)`,
            path: raw,
          }
        : {
            kind: 'zip-path-escape',
            message: `entry name climbs out of its folder with ..: ${raw}; not extracted (Grafana's installer refuses the archive)`,
            path: raw,
          },
    );
    return listed;
  }
  const segments = bare.split('/');
  // Also refuses `..` (already refused by yauzl's rule above): never rely on a single check for path safety.
  if (bare === '' || segments.some((s) => s === '' || s === '.' || s === '..' || /[\u0000-\u001f\u007f]/.test(s))) {
    listed.refused = true;
    layout.push({
      kind: 'zip-bad-name',
      message: `entry name has an empty or "." segment or a control character: ${JSON.stringify(raw)}; not extracted`,
      path: raw,
    });
    return listed;
  }
  if (unixMode !== undefined && (unixMode & S_IFMT) === S_IFLNK) {
    listed.refused = true;
    layout.push({
      kind: 'zip-symlink',
      message:
        `symlink entry: ${raw}; not created (links in a zip are neither followed nor created here): ` +
        'put the file itself in the zip',
      path: raw,
    });
    return listed;
  }
  if (!isDir && !entry.canDecodeFileData()) {
    listed.refused = true;
    const why = entry.isEncrypted() ? 'encrypted' : `compressed with method ${entry.compressionMethod}`;
    layout.push({
      kind: 'zip-unsupported-entry',
      message: `entry is ${why}: ${raw}; not extracted (plugin zips use stored or deflated entries, unencrypted)`,
      path: raw,
    });
    return listed;
  }
  if (segments.length === 1) {
    if (isDir) {
      listed.top = segments[0];
    } else {
      listed.rootFile = true;
      layout.push({
        kind: 'zip-root-file',
        message:
          `file at the zip root: ${raw}; Grafana's installer and the catalog expect every file inside one ` +
          'top-level folder named after the plugin id',
        path: raw,
      });
    }
  } else {
    listed.top = segments[0];
  }
  return listed;
}

/**
 * Decides the plugin root and each entry's path in it, as Grafana's installer would place them; adds the
 * top-folder and duplicate findings.
 */
function placeEntries(listed: Listed[], layout: ZipLayoutFinding[]): { topFolder: string | undefined; flat: boolean } {
  const usable = listed.filter((l) => !l.refused);
  // plugin.json at the root: the plugin's folder was zipped flat; read the root as the plugin so it can be checked.
  const flat = usable.some((l) => l.rootFile && l.name === 'plugin.json');
  const tops: string[] = [];
  if (!flat) {
    for (const l of usable) if (l.top !== undefined && !tops.includes(l.top)) tops.push(l.top);
  }
  const topFolder =
    tops.find((t) => usable.some((l) => !l.isDir && l.name === `${t}/plugin.json`)) ?? (tops[0] as string | undefined);

  if (!flat && tops.length === 0) {
    layout.push({
      kind: 'zip-top-folders',
      message:
        "the zip has no top-level folder: Grafana's installer and the catalog expect one folder named after the " +
        'plugin id, holding plugin.json',
    });
  } else if (tops.length > 1) {
    const list = tops.map((t) => `${t}/`).join(', ');
    layout.push({
      kind: 'zip-top-folders',
      message:
        `the zip has ${tops.length} top-level folders (${list}): Grafana's installer and the catalog expect exactly ` +
        'one, named after the plugin id; the installer renames each to the plugin id, merging their files',
      actual: list,
    });
  }

  const seen = new Map<string, string>();
  for (const l of usable) {
    if (flat) l.rel = l.name;
    else if (l.rootFile) continue;
    else l.rel = l.name.split('/').slice(1).join('/');
    if (l.isDir) continue;
    const first = seen.get(l.rel);
    if (first === undefined) {
      seen.set(l.rel, l.raw);
      continue;
    }
    layout.push({
      kind: 'zip-duplicate',
      message:
        `duplicate entry: ${l.raw} extracts to the same file as ${first} (${l.rel}); ` +
        "Grafana's installer keeps the last one, other tools may keep the first",
      path: l.raw,
      expected: first,
    });
  }
  return { topFolder, flat };
}

/** Extracts the entries that have a place in the plugin; returns the files written (rel → entry), in order. */
async function extractEntries(
  zipfile: yauzl.ZipFile,
  listed: Listed[],
  pluginDir: string,
  limits: { maxTotalBytes: number; maxEntryBytes: number },
  layout: ZipLayoutFinding[],
): Promise<Map<string, Listed>> {
  const written = new Map<string, Listed>();
  const total = { bytes: 0, max: limits.maxTotalBytes };
  for (const l of listed) {
    if (l.refused || l.rel === undefined) continue;
    const dest = l.rel === '' ? pluginDir : path.join(pluginDir, ...l.rel.split('/'));
    const inside = path.relative(pluginDir, dest);
    if (inside.startsWith('..') || path.isAbsolute(inside)) continue; // unreachable: names are checked in classify
    const conflict = () =>
      layout.push({
        kind: 'zip-path-conflict',
        message: `entry ${l.raw} conflicts with an earlier entry (a file and a folder at the same path); not extracted`,
        path: l.raw,
      });
    if (l.isDir) {
      try {
        await mkdir(dest, { recursive: true, mode: 0o755 });
      } catch {
        conflict();
      }
      continue;
    }
    const declared = l.entry.uncompressedSize;
    if (declared > limits.maxEntryBytes) {
      layout.push({
        kind: 'zip-too-large',
        message: `entry ${l.raw} declares ${declared} bytes, more than the limit of ${limits.maxEntryBytes} per entry; not extracted`,
        path: l.raw,
        expected: `at most ${limits.maxEntryBytes} bytes`,
        actual: String(declared),
      });
      continue;
    }
    try {
      await mkdir(path.dirname(dest), { recursive: true, mode: 0o755 });
    } catch {
      conflict();
      continue;
    }
    // A duplicate replaces the earlier file (which may be read-only) rather than writing through it.
    if (written.has(l.rel)) await unlink(dest).catch(() => undefined);
    const meter = new Meter(limits.maxEntryBytes, total);
    try {
      const input = await zipfile.openReadStreamPromise(l.entry);
      await pipeline(input, meter, createWriteStream(dest, { flags: 'w', mode: 0o600 }));
    } catch (error) {
      await unlink(dest).catch(() => undefined);
      if (error instanceof LimitExceeded && error.scope === 'entry') {
        layout.push({
          kind: 'zip-too-large',
          message:
            `entry ${l.raw} inflates to more than ${limits.maxEntryBytes} bytes, the limit per entry (stopped ` +
            `after ${error.bytes} bytes; its header says ${declared}); not extracted`,
          path: l.raw,
          expected: `at most ${limits.maxEntryBytes} bytes`,
          actual: `more than ${limits.maxEntryBytes} bytes`,
        });
        written.delete(l.rel);
        continue;
      }
      if (error instanceof LimitExceeded) {
        layout.push({
          kind: 'zip-too-large',
          message:
            `the zip inflates to more than ${limits.maxTotalBytes} bytes in total, the limit (passed in ${l.raw}); ` +
            'extraction stopped: this entry and the ones after it were not extracted',
          path: l.raw,
          expected: `at most ${limits.maxTotalBytes} bytes`,
          actual: `more than ${limits.maxTotalBytes} bytes`,
        });
        written.delete(l.rel);
        break;
      }
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EISDIR' || code === 'ENOTDIR' || code === 'EEXIST') conflict();
      else
        layout.push({ kind: 'zip-unreadable', message: `cannot extract ${l.raw}: ${errorText(error)}`, path: l.raw });
      written.delete(l.rel);
      continue;
    }
    // The unix permission bits, plus owner read so the file can be hashed; 0644 without a unix mode.
    await chmod(dest, l.unixMode !== undefined ? (l.unixMode & 0o777) | 0o400 : 0o644);
    written.delete(l.rel); // a duplicate moves to its last position, as the file now holds the last entry's bytes
    written.set(l.rel, l);
    if (meter.bytes !== declared) {
      layout.push({
        kind: 'zip-unreadable',
        message: `entry ${l.raw} holds ${meter.bytes} bytes but its header says ${declared}: the zip is corrupt (extracted as read)`,
        path: l.raw,
        expected: String(declared),
        actual: String(meter.bytes),
      });
    } else if (HAVE_CRC32 && meter.crc !== l.entry.crc32) {
      const hex = (n: number) => n.toString(16).padStart(8, '0');
      layout.push({
        kind: 'zip-unreadable',
        message: `entry ${l.raw} fails its CRC-32 check: the zip is corrupt (extracted as read)`,
        path: l.raw,
        expected: hex(l.entry.crc32),
        actual: hex(meter.crc),
      });
    }
  }
  return written;
}

/** plugin.json, the top-folder name and the backend binaries' modes. */
async function checkPluginJson(
  listed: Listed[],
  extracted: Map<string, Listed>,
  pluginDir: string,
  topFolder: string | undefined,
  flat: boolean,
  layout: ZipLayoutFinding[],
): Promise<void> {
  const where = flat || topFolder === undefined ? 'plugin.json' : `${topFolder}/plugin.json`;
  let id = '';
  if (!extracted.has('plugin.json')) {
    layout.push({
      kind: 'zip-no-plugin-json',
      message: `the zip has no ${where}: Grafana's installer and the catalog read the plugin id from it`,
      path: where,
    });
  } else {
    id = (await readPluginJson(pluginDir)).id;
    if (id === '') {
      layout.push({
        kind: 'zip-no-plugin-json',
        message: `${where} has no string "id": Grafana's installer and the catalog read the plugin id from it`,
        path: where,
      });
    }
  }
  if (!flat && topFolder !== undefined && id !== '' && topFolder !== id) {
    layout.push({
      kind: 'zip-top-folder-name',
      message:
        `top-level folder ${topFolder}/ is not named after the plugin id ${id}: the catalog expects ${id}/ ` +
        "(Grafana's installer renames it to the plugin id)",
      path: `${topFolder}/`,
      expected: id,
      actual: topFolder,
    });
  }
  const executables = await readBackendExecutables(pluginDir, [...extracted.keys()]);
  for (const l of listed) {
    if (l.refused || l.isDir || l.rel === undefined || !isBackendBinary(l.rel, executables)) continue;
    if (l.unixMode !== undefined && (l.unixMode & 0o777) === 0o755) continue;
    const actual = l.unixMode === undefined ? 'none' : octal(l.unixMode & 0o777);
    layout.push({
      kind: 'zip-binary-mode',
      message:
        l.unixMode === undefined
          ? `backend binary ${l.raw} carries no unix mode (the zip was made on a non-unix system): the catalog ` +
            "and Grafana's installer expect mode 0755"
          : `backend binary ${l.raw} has mode ${actual}: the catalog and Grafana's installer expect 0755`,
      path: l.raw,
      expected: '0755',
      actual,
    });
  }
}

/**
 * Verifies a plugin zip as Grafana would verify the plugin it installs from it: opens it ({@link openPluginZip}),
 * runs `verifyPlugin` on the extracted plugin, and removes the temporary folder whatever happens.
 *
 * The verdict is the signature verdict of the contents (Grafana's installer does not check signatures, the
 * server does when it loads the extracted folder, SIGNATURES.md §9); layout problems are in `layout` and never
 * change `status`. Finding paths are relative to the plugin root, as for a folder; `pluginDir` is the zip's
 * absolute path, and messages name the zip instead of the temporary folder.
 *
 * @param zipPath the `.zip` file. @param options as for `verifyPlugin`. @param zipOptions limits and temp folder.
 * @returns the verification plus the layout findings.
 * @throws PluginError when `zipPath` does not exist or is not a file.
 */
export async function verifyPluginZip(
  zipPath: string,
  options: VerifyOptions,
  zipOptions: OpenPluginZipOptions = {},
): Promise<VerifyResult & { layout: ZipLayoutFinding[] }> {
  const opened = await openPluginZip(zipPath, zipOptions);
  let result: VerifyResult;
  try {
    result = await verifyPlugin(opened.pluginDir, options);
  } finally {
    await opened.cleanup();
  }
  const shown = opened.topFolder ? `${opened.zipPath}:${opened.topFolder}` : opened.zipPath;
  const present = (text: string) => text.split(result.pluginDir).join(shown).split(opened.pluginDir).join(shown);
  return {
    ...result,
    headline: present(result.headline),
    reason: present(result.reason),
    findings: result.findings.map((f) => ({ ...f, message: present(f.message) })),
    pluginDir: opened.zipPath,
    layout: opened.layout,
  };
}
