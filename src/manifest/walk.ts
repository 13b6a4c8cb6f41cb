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
import { closeSync, constants as fsConstants, existsSync, lstatSync, openSync, readdirSync } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { Dirent } from 'node:fs';
import path from 'node:path';
import { isUtf8 } from 'node:buffer';
import { decodeRuneBytes, RUNE_ERROR } from '../go/utf8.js';

/** One file Grafana would consider part of the plugin. */
export interface PluginFile {
  /** posix path relative to the plugin root, exact case, no `./` (the manifest key; always valid UTF-8). */
  path: string;
  /** Absolute path of the file (a symlink's resolved target), for messages and packaging. */
  absolutePath: string;
  /**
   * The path to open it by: on Linux `/proc/self/fd/<folder fd>/<name>` (valid while the walk is open, see
   * {@link WalkResult.close}); elsewhere, and for links, `absolutePath`.
   */
  openPath: string;
  /** True when the entry is a symlink to a file inside the plugin folder. */
  symlink: boolean;
  /**
   * Size in bytes, when the walk `stat`ed the entry (links; every file where there is no `/proc/self/fd`);
   * `undefined` for a regular file listed from its directory entry: the open's `fstat` gives it.
   */
  size?: number;
  /** Device and inode the open must find (from the walk's `stat`), when known; see `hash.ts`. */
  identity?: { dev: number; ino: number };
}

/** Why the walk refused an entry; any problem means Grafana will not load the plugin. */
export interface WalkProblem {
  path: string;
  kind: 'symlink-outside' | 'symlink-broken' | 'special-file' | 'unreadable' | 'path-too-long' | 'changed';
  message: string;
}

/** A file whose path is not valid UTF-8: no manifest key can name it (Grafana: `modified`, not covered). */
export interface NonUtf8File {
  /** The path with every byte that is not part of valid UTF-8 shown as `\xNN` (and `\` as `\\`). */
  path: string;
  /** The raw path bytes, relative to the root, `/` separated. */
  rawPath: Buffer;
}

export interface WalkResult {
  /** Absolute, symlink-free path of the plugin root. */
  root: string;
  /** Every file with a UTF-8 path, in Go `filepath.Walk` order, including the top-level MANIFEST.txt if present. */
  files: PluginFile[];
  /** Files (regular or links to files) whose path is not valid UTF-8, in walk order. */
  nonUtf8: NonUtf8File[];
  problems: WalkProblem[];
  /** Closes the folder descriptors that `openPath`s go through. Idempotent; call it once the files are read. */
  close(): void;
}

/** Options of {@link walkPluginFiles}. */
export interface WalkOptions {
  /**
   * Keep the folder descriptors open after the walk so that `openPath`s stay valid (the caller must call
   * `close()`). Default false: descriptors are closed before returning and `openPath` is `absolutePath`.
   */
  keepOpen?: boolean;
}

/** The top-level manifest (not imported from build.ts, which imports this module). */
const MANIFEST = 'MANIFEST.txt';

/** Linux `PATH_MAX`: Go's `Lstat` of a longer path fails with ENAMETOOLONG; paths through `/proc` never do. */
const PATH_MAX = 4096;

/** Whether folders can be pinned by descriptor (`/proc/self/fd`, Linux). */
const PINNED = process.platform === 'linux' && existsSync('/proc/self/fd');

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * A path's bytes for messages: valid UTF-8 kept, every other byte as `\xNN`, a backslash as `\\`.
 *
 * @param bytes raw name or path bytes. @returns a string that names those bytes unambiguously.
 */
function escapeNameBytes(bytes: Uint8Array): string {
  const out: string[] = [];
  let start = 0;
  const flush = (end: number) => {
    if (end > start) out.push(Buffer.from(bytes.subarray(start, end)).toString('utf8').replace(/\\/g, '\\\\'));
  };
  for (let i = 0; i < bytes.length;) {
    const [rune, width] = decodeRuneBytes(bytes, i);
    if (rune !== RUNE_ERROR || width > 1) {
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

interface Frame {
  rel: Buffer;
  /** `rel` as text: exact when `utf8`, else with `\xNN` escapes (for messages). */
  relText: string;
  /** Whether `rel` is valid UTF-8 (then so is a child's path exactly when its name is). */
  utf8: boolean;
  /** Display/absolute path (lossy decode only where `rel` is not UTF-8), ending with the separator. */
  absPrefix: string;
  absBytes: number;
  fd: number;
  /** `/proc/self/fd/<fd>/`, the prefix children are opened by (Linux). */
  fdPrefix: string;
  /** The folder's entries, names as Latin-1 text: one character per byte, so the raw bytes are kept exactly. */
  entries: Dirent[];
  next: number;
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
export async function walkPluginFiles(pluginDir: string, options: WalkOptions = {}): Promise<WalkResult> {
  const root = await realpath(pluginDir);
  const rootStat = await stat(root);
  if (!rootStat.isDirectory()) {
    // No `code`: callers that word `fs` errors by their code show this message, which names the fix.
    throw new Error(`${pluginDir} is not a folder: give the built plugin folder (the one holding plugin.json)`);
  }
  const files: PluginFile[] = [];
  const nonUtf8: NonUtf8File[] = [];
  const problems: WalkProblem[] = [];
  const fds: number[] = [];
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    for (const fd of fds) closeSync(fd);
  };
  const rootBytes = Buffer.byteLength(root);
  /** Length of `<root>/<rel>/`, the prefix of a child's absolute path. */
  const childBase = (rel: Buffer) => (rel.length === 0 ? rootBytes + 1 : rootBytes + rel.length + 2);

  // Depth-first, each folder entered where its name stands (Go's order, so no sort afterwards); iterative, so that
  // deep trees cannot exhaust the stack.
  const stack: Frame[] = [];
  /** Opens and lists a folder; `parentFd` -1 for the root. Returns false (with a problem) when it cannot. */
  const enter = (rel: Buffer, abs: string, parentFd: number, name: Buffer | null): void => {
    const utf8 = isUtf8(rel);
    const relText = utf8 ? rel.toString('utf8') : escapeNameBytes(rel);
    const shown = rel.length === 0 ? '.' : relText;
    const frame = (fd: number, entries: Dirent[]): Frame => ({
      rel,
      relText,
      utf8,
      absPrefix: abs.endsWith(path.sep) ? abs : abs + path.sep,
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
        fd = openSync(where, fsConstants.O_RDONLY | fsConstants.O_DIRECTORY | fsConstants.O_NOFOLLOW);
        fds.push(fd);
        const entries = readdirSync(`/proc/self/fd/${fd}`, { encoding: 'latin1', withFileTypes: true });
        stack.push(frame(fd, entries));
      } else {
        const before = lstatSync(abs);
        if (!before.isDirectory()) throw Object.assign(new Error('ENOTDIR'), { code: 'ENOTDIR' });
        const entries = readdirSync(abs, { encoding: 'latin1', withFileTypes: true });
        const after = lstatSync(abs);
        if (!after.isDirectory() || after.dev !== before.dev || after.ino !== before.ino) {
          throw Object.assign(new Error('ECHANGED'), { code: 'ECHANGED' });
        }
        stack.push(frame(fd, entries));
      }
    } catch (error) {
      const code = errorCode(error);
      if (name !== null && (code === 'ELOOP' || code === 'ENOTDIR' || code === 'ECHANGED' || code === 'ENOENT')) {
        problems.push({
          path: shown,
          kind: 'changed',
          message:
            `the folder changed during the run (${code}: it was a folder when listed, now it is not, e.g. a link); ` +
            'it was not read: run again when nothing else writes to the plugin folder',
        });
      } else {
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
      const utf8 = frame.utf8 && (!name || isUtf8(name));
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
        if (!file) continue;
        if (utf8) files.push({ path: relText, symlink: true, ...file, openPath: file.absolutePath });
        else nonUtf8.push({ path: relText, rawPath: rawRel() });
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
        const file: PluginFile = { path: relText, absolutePath: abs, openPath, symlink: false };
        // The one size that decides something before the open: the top-level MANIFEST.txt's (a bound on reading).
        if (frame.rel.length === 0 && relText === MANIFEST) {
          try {
            file.size = lstatSync(openPath).size;
          } catch (error) {
            problems.push(fsProblem(relText, 'cannot stat', error));
            continue;
          }
        }
        files.push(file);
        continue;
      }
      // No descriptor to pin the folder: lstat, so the open can compare device and inode.
      try {
        const info = lstatSync(abs);
        if (!info.isFile()) throw Object.assign(new Error('ECHANGED'), { code: 'ECHANGED' });
        files.push({
          path: relText,
          absolutePath: abs,
          openPath: abs,
          symlink: false,
          size: info.size,
          identity: { dev: info.dev, ino: info.ino },
        });
      } catch (error) {
        problems.push(fsProblem(relText, 'cannot stat', error));
      }
    }
  } catch (error) {
    close();
    throw error;
  }
  if (!options.keepOpen) {
    close();
    for (const f of files) f.openPath = f.absolutePath;
  }
  return { root, files, nonUtf8, problems, close };
}

/** Go's `sort.Strings` on raw names: bytewise, which is the order of their Latin-1 texts (one code unit per byte). */
function sortByName(entries: Dirent[]): Dirent[] {
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

function displayPath(rel: Buffer): string {
  return isUtf8(rel) ? rel.toString('utf8') : escapeNameBytes(rel);
}

/**
 * Grafana's rule for a link: followed when it resolves to a file inside the folder. Returns the target, or
 * undefined after recording a problem (or silently for a link to a folder, which Grafana skips).
 */
async function resolveLink(
  root: string,
  rel: string,
  linkPath: string | Buffer,
  problems: WalkProblem[],
): Promise<Omit<PluginFile, 'path' | 'symlink' | 'openPath'> | undefined> {
  let target: string;
  try {
    target = await realpath(linkPath, 'utf8');
  } catch (error) {
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
    info = await stat(target);
  } catch (error) {
    problems.push(fsProblem(rel, 'cannot stat symlink target', error)); // e.g. removed meanwhile
    return undefined;
  }
  if (info.isDirectory()) return undefined; // Grafana skips symlinked directories.
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
function fsProblem(rel: string, what: string, error: unknown): WalkProblem {
  const code = errorCode(error);
  if (code === 'ENAMETOOLONG') {
    return {
      path: rel,
      kind: 'path-too-long',
      message:
        `${what}: path too long for the file system (ENAMETOOLONG, ${rel.split('/').length} levels deep); ` +
        'Grafana cannot load the plugin either: flatten the folder tree',
    };
  }
  return { path: rel, kind: 'unreadable', message: `${what}: ${code}` };
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) return String(error.code);
  return String(error);
}
