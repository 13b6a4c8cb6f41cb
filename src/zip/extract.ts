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
import { createWriteStream } from 'node:fs';
import { chmod, mkdir, open, unlink, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';
import { HandleReader, HAVE_CRC32, LimitExceeded, Meter, openData, readSmall } from './entry-data.js';
import { goFileMode, GoZipFormatError, readGoCentralDirectory, type GoZipFile } from './go-zip-reader.js';
import type { OpenedPluginZip, ZipLayoutFinding } from './layout.js';
import { checkPluginJson, placementFindings, type Written } from './layout-checks.js';

/** Grafana `storage.reGitBuild`: a first segment the installer renames to the plugin id. */
const RE_GIT_BUILD = /^[a-zA-Z0-9_.-]*\//;
/** Stand-in plugins folder for Go's path arithmetic. */
const PLUGINS = '/plugins';
/** Most bytes read from the top plugin.json to learn the plugin id before extracting. */
const PLUGIN_JSON_MAX = 1024 * 1024;

/** Limits on what is read (see `OpenPluginZipOptions`): entries, bytes in total, bytes per entry. */
export interface ExtractLimits {
  maxEntries: number;
  maxTotalBytes: number;
  maxEntryBytes: number;
}

/** A binary-string (latin1) path decoded as UTF-8 for people. */
const utf8 = (binary: string) => Buffer.from(binary, 'latin1').toString('utf8');

function errorText(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

/** The plugin-relative path Grafana's installer gives a (binary-string) name, or undefined outside the plugin. */
function placeInPlugin(name: string, id: string): string | undefined {
  let dst = path.posix.join(PLUGINS, name.replace(RE_GIT_BUILD, `${id}/`));
  if (dst.length > 1 && dst.endsWith('/')) dst = dst.slice(0, -1);
  const root = `${PLUGINS}/${id}`;
  if (dst === root) return '';
  return dst.startsWith(`${root}/`) ? dst.slice(root.length + 1) : undefined;
}

/** Grafana's zip-slip refusal: an absolute name, a cleaned path outside the plugins folder, or a `../` prefix. */
function refusedByInstaller(name: string): boolean {
  return name.startsWith('/') || !path.posix.join(PLUGINS, name).startsWith(`${PLUGINS}/`) || name.startsWith('../');
}

/** Whether a plugin-relative binary-string path can be written byte for byte on this platform. */
function writable(rel: string): boolean {
  if (rel.includes('\u0000')) return false;
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
export async function extractLikeGrafana(
  zipPath: string,
  tempDir: string,
  limits: ExtractLimits,
): Promise<Omit<OpenedPluginZip, 'zipPath' | 'cleanup'>> {
  const layout: ZipLayoutFinding[] = [];
  const unreproduced: string[] = [];
  const handle: FileHandle = await open(zipPath, 'r');
  try {
    const size = (await handle.stat()).size;
    let files: GoZipFile[];
    try {
      files = await readGoCentralDirectory(handle, size, limits.maxEntries);
    } catch (error) {
      if (!(error instanceof GoZipFormatError) && !(error instanceof RangeError)) throw error;
      layout.push({
        kind: 'zip-unreadable',
        message:
          `cannot read the zip: ${error.message}; nothing was extracted (Go's archive/zip, which Grafana's ` +
          'installer uses, refuses it too)',
      });
      const pluginDir = path.join(tempDir, 'plugin');
      await mkdir(pluginDir);
      return { topFolder: undefined, pluginDir, layout, entries: 0, unreproduced };
    }
    if (files.length > limits.maxEntries) {
      layout.push({
        kind: 'zip-too-large',
        message:
          `the zip has more than ${limits.maxEntries} entries, the limit: nothing was extracted, so the ` +
          'signature check below sees an empty plugin',
        expected: `at most ${limits.maxEntries} entries`,
        actual: `more than ${limits.maxEntries}`,
      });
      unreproduced.push('(every entry)');
      const pluginDir = path.join(tempDir, 'plugin');
      await mkdir(pluginDir);
      return { topFolder: undefined, pluginDir, layout, entries: files.length, unreproduced };
    }
    const zipfile = new yauzl.ZipFile(new HandleReader(handle), 0, size, files.length, '', false, true, false, false);
    zipfile.on('error', () => undefined);
    const result = await extractEntries(zipfile, files, tempDir, limits, layout, unreproduced);
    return { ...result, layout, entries: files.length, unreproduced };
  } finally {
    await handle.close();
  }
}

async function extractEntries(
  zipfile: yauzl.ZipFile,
  files: GoZipFile[],
  tempDir: string,
  limits: ExtractLimits,
  layout: ZipLayoutFinding[],
  unreproduced: string[],
): Promise<{ topFolder: string | undefined; pluginDir: string }> {
  const names = files.map((f) => f.name.toString('latin1'));
  // The plugin id, from the plugin.json the installer would put at the plugin root (the last one wins).
  let id = '\u0000';
  let topFolder: string | undefined;
  for (let i = files.length - 1; i >= 0; i--) {
    const m = /^([a-zA-Z0-9_.-]*)\/plugin\.json$/.exec(names[i]);
    const mode = goFileMode(files[i]);
    if (!m || mode.isDir || mode.isSymlink) continue;
    topFolder = m[1];
    const bytes = await readSmall(zipfile, files[i], PLUGIN_JSON_MAX);
    try {
      const parsed = JSON.parse(bytes?.toString('utf8') ?? '') as { id?: unknown };
      if (typeof parsed.id === 'string' && /^[^/\u0000]+$/.test(parsed.id) && !['.', '..'].includes(parsed.id))
        id = Buffer.from(parsed.id, 'utf8').toString('latin1');
    } catch {
      // no usable id: entries are placed under a name no entry can match
    }
    break;
  }
  topFolder ??= names.map((n) => /^([a-zA-Z0-9_.-]*)\//.exec(n)?.[1]).find((t) => t !== undefined);
  const folderName = topFolder && !['', '.', '..'].includes(topFolder) ? topFolder : 'plugin';
  const pluginDir = path.join(tempDir, folderName);
  await mkdir(pluginDir, { recursive: true, mode: 0o755 });
  const onDisk = (rel: string) =>
    rel === '' ? Buffer.from(pluginDir) : Buffer.concat([Buffer.from(`${pluginDir}/`), Buffer.from(rel, 'latin1')]);

  const written = new Map<string, Written>();
  /** Folders made so far (binary-string paths): the same folder listed again needs no system call. */
  const folders = new Set<string>();
  const makeFolder = async (folder: Buffer) => {
    const key = folder.toString('latin1');
    if (folders.has(key)) return;
    await mkdir(folder, { recursive: true, mode: 0o755 });
    folders.add(key);
  };
  const tops: string[] = [];
  const total = { bytes: 0, max: limits.maxTotalBytes };
  let rootFiles = 0;
  for (const [i, file] of files.entries()) {
    const name = names[i];
    const shown = file.name.toString('utf8');
    const mode = goFileMode(file);
    const stop = (finding: ZipLayoutFinding) => {
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
        message:
          `entry name is an absolute path on Windows: ${shown}; not part of the plugin (Grafana's installer on ` +
          'Linux and macOS writes it outside the plugin folder)',
        path: shown,
      });
      if (placeInPlugin(name, id) === undefined) continue;
    }
    if (name.includes('\\')) {
      layout.push({
        kind: 'zip-backslash',
        message:
          `entry name uses \\ as separator: ${shown}; zip entry names must use / (the catalog requires it, and ` +
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
      if (rel === undefined) continue;
    }
    if (rel === undefined) {
      if (!mode.isDir && !name.includes('/')) {
        rootFiles++;
        layout.push({
          kind: 'zip-root-file',
          message:
            `file at the zip root: ${shown}; Grafana's installer and the catalog expect every file inside one ` +
            'top-level folder named after the plugin id (the installer writes it outside the plugin folder)',
          path: shown,
        });
      } else {
        layout.push({
          kind: 'zip-outside-plugin',
          message: `entry ${shown} lands outside the plugin folder when Grafana's installer extracts it; not part of the plugin`,
          path: shown,
        });
      }
      continue;
    }
    const top = name.split('/')[0];
    if (!tops.includes(top)) tops.push(top);
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
    const conflict = () =>
      stop({
        kind: 'zip-path-conflict',
        message: `entry ${shown} conflicts with an earlier entry (a file and a folder at the same path); Grafana's installer fails on it`,
        path: shown,
      });
    if (mode.isDir) {
      try {
        await makeFolder(dest);
      } catch {
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
    } catch {
      conflict();
      break;
    }
    if (mode.isSymlink) {
      // Grafana `isSymlinkRelativeTo`: a relative target that cleans to inside the plugin folder is created.
      const target = (await readSmall(zipfile, file, 4096))?.toString('latin1').trim();
      const resolved = target === undefined ? '/' : path.posix.join(path.posix.dirname(`/I/${rel}`), target);
      const relTarget = resolved === '/I' ? '.' : resolved.startsWith('/I/') ? resolved.slice(3) : '..';
      const created = target !== undefined && !target.startsWith('/') && !relTarget.startsWith('..');
      if (created) unreproduced.push(shown);
      layout.push({
        kind: 'zip-symlink',
        message:
          `symlink entry: ${shown}; not created (links in a zip are neither followed nor created here): ` +
          'put the file itself in the zip' +
          (created ? "; Grafana's installer would create it, so the verdict cannot be valid" : ''),
        path: shown,
      });
      continue;
    }
    if (file.method !== 0 && file.method !== 8) {
      // Go: ErrAlgorithm after the installer created the (empty) file.
      await unlink(dest).catch(() => undefined);
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
        message:
          `duplicate entry: ${shown} extracts to the same file as ${first.shown} (${utf8(rel)}); ` +
          "Grafana's installer keeps the last one, other tools may keep the first",
        path: shown,
        expected: first.shown,
      });
      await unlink(dest).catch(() => undefined); // a duplicate replaces the earlier file
    }
    const meter = new Meter(limits.maxEntryBytes, total);
    try {
      const input = await openData(zipfile, file);
      await pipeline(input, meter, createWriteStream(dest, { flags: 'w', mode: 0o600 }));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EISDIR' || code === 'ENOTDIR' || code === 'EEXIST') {
        conflict();
        break;
      }
      await unlink(dest).catch(() => undefined);
      written.delete(rel);
      unreproduced.push(shown);
      if (error instanceof LimitExceeded && error.scope === 'entry') {
        stop({
          kind: 'zip-too-large',
          message:
            `entry ${shown} inflates to more than ${limits.maxEntryBytes} bytes, the limit per entry (stopped ` +
            `after ${error.bytes} bytes; its header says ${declared}); not extracted`,
          path: shown,
          expected: `at most ${limits.maxEntryBytes} bytes`,
          actual: `more than ${limits.maxEntryBytes} bytes`,
        });
      } else if (error instanceof LimitExceeded) {
        stop({
          kind: 'zip-too-large',
          message:
            `the zip inflates to more than ${limits.maxTotalBytes} bytes in total, the limit (passed in ${shown}); ` +
            'extraction stopped: this entry and the ones after it were not extracted',
          path: shown,
          expected: `at most ${limits.maxTotalBytes} bytes`,
          actual: `more than ${limits.maxTotalBytes} bytes`,
        });
      } else {
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
    await chmod(dest, mode.unixMode !== undefined ? (mode.unixMode & 0o777) | 0o400 : 0o644);
    written.delete(rel); // a duplicate moves to its last position, as the file now holds the last entry's bytes
    written.set(rel, { shown, unixMode: mode.unixMode });
    const dataError =
      meter.bytes !== declared
        ? {
            message:
              `entry ${shown} holds ${meter.bytes} bytes but its header says ${declared}: the zip is corrupt` +
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
      if (meter.bytes > declared) unreproduced.push(shown);
      stop({ kind: 'zip-unreadable', path: shown, ...dataError });
      break;
    }
  }
  placementFindings(tops, rootFiles, layout);
  await checkPluginJson(written, pluginDir, topFolder, layout);
  return { topFolder, pluginDir };
}

function parentOf(dest: Buffer): Buffer {
  const slash = dest.lastIndexOf(0x2f);
  return dest.subarray(0, slash);
}

async function writeEmpty(dest: Buffer): Promise<void> {
  const h = await open(dest, 'w', 0o644);
  await h.close();
}
