/**
 * Reference for the cross-check: a zip extracted the way Grafana's installer extracts it, written down from the
 * Go sources and independent of `src/zip/` (synchronous, whole zip in memory, real symlinks, no limits):
 *
 * - Go `archive/zip/reader.go`: `readDirectoryEnd` (end record in the last 64 KiB, comment length must fit,
 *   `baseOffset`), `Reader.init` (directory headers read until one lacks the signature; the end record's count
 *   must only agree modulo 65,536), `readDirectoryHeader` (the name is the raw bytes; extra fields other than
 *   zip64 name nothing), `checksumReader` (more bytes than the size → ErrFormat; fewer → ErrUnexpectedEOF;
 *   a CRC-32 that is set and differs → ErrChecksum);
 * - Go `archive/zip/struct.go` `FileHeader.Mode()`: unix hosts (3, 19) use `externalAttrs >> 16`, MS-DOS hosts
 *   (0, 11, 14) the 0x10 directory attribute, other hosts mode 0; a trailing `/` makes a directory;
 * - Grafana `pkg/plugins/storage/fs.go` `extractFiles`: the zip-slip refusal (absolute name, path outside the
 *   plugins folder, `../` prefix) ends the install; `removeGitBuildFromName` renames a first segment matching
 *   `^[a-zA-Z0-9_.-]*\/` to the plugin id; `FileInfo().IsDir()` → `MkdirAll`; `isSymlink` → `extractSymlink`
 *   (created when the target is relative and cleans to inside the plugin folder, else skipped);
 *   `extractFile` creates the file, then copies the data (an error ends the install, the file stays).
 */
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';

/** Where the plugin went and the error that ended the install, if any. */
export interface GrafanaExtraction {
  pluginDir: string;
  error?: string;
}

interface CdEntry {
  name: string;
  creator: number;
  method: number;
  crc: number;
  csize: number;
  size: number;
  attrs: number;
  local: number;
}

function centralDirectory(zip: Buffer): CdEntry[] | string {
  let eocd = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 65 * 1024); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50 && zip.readUInt16LE(i + 20) + 22 + i <= zip.length) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return 'zip: not a valid zip file';
  const records = zip.readUInt16LE(eocd + 10);
  const dirSize = zip.readUInt32LE(eocd + 12);
  const dirOffset = zip.readUInt32LE(eocd + 16);
  let base = eocd - dirSize - dirOffset;
  if (base > 0 && zip.readUInt32LE(dirOffset) === 0x02014b50) base = 0;
  const entries: CdEntry[] = [];
  for (let at = base + dirOffset; at + 46 <= zip.length && zip.readUInt32LE(at) === 0x02014b50;) {
    const nameLen = zip.readUInt16LE(at + 28);
    const rest = nameLen + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    if (at + 46 + rest > zip.length) break;
    entries.push({
      name: zip.toString('latin1', at + 46, at + 46 + nameLen),
      creator: zip.readUInt16LE(at + 4),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      csize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      attrs: zip.readUInt32LE(at + 38),
      local: zip.readUInt32LE(at + 42) + base,
    });
    at += 46 + rest;
  }
  if (entries.length % 65536 !== records) return 'zip: not a valid zip file';
  return entries;
}

function mode(e: CdEntry): { dir: boolean; symlink: boolean; perm: number } {
  const host = e.creator >> 8;
  let dir = false;
  let symlink = false;
  let perm = 0;
  if (host === 3 || host === 19) {
    const m = e.attrs >>> 16;
    dir = (m & 0xf000) === 0x4000;
    symlink = (m & 0xf000) === 0xa000;
    perm = m & 0o777;
  } else if (host === 0 || host === 11 || host === 14) {
    dir = (e.attrs & 0x10) !== 0;
    perm = (dir ? 0o777 : 0o666) & (e.attrs & 1 ? ~0o222 : 0o777);
  }
  if (e.name.endsWith('/')) dir = true;
  return { dir, symlink, perm };
}

/** File data as Go's `File.Open` + `io.Copy` deliver it: the bytes, and the error at the end if any. */
function data(zip: Buffer, e: CdEntry): { bytes: Buffer; error?: string } {
  if (zip.readUInt32LE(e.local) !== 0x04034b50) return { bytes: Buffer.alloc(0), error: 'zip: not a valid zip file' };
  const start = e.local + 30 + zip.readUInt16LE(e.local + 26) + zip.readUInt16LE(e.local + 28);
  const raw = zip.subarray(start, start + e.csize);
  let bytes: Buffer;
  if (e.method === 0) bytes = Buffer.from(raw);
  else if (e.method === 8) {
    try {
      bytes = inflateRawSync(raw);
    } catch (error) {
      return { bytes: Buffer.alloc(0), error: String(error) };
    }
  } else return { bytes: Buffer.alloc(0), error: 'zip: unsupported compression algorithm' };
  if (bytes.length > e.size) return { bytes: bytes.subarray(0, e.size), error: 'zip: not a valid zip file' };
  if (bytes.length < e.size) return { bytes, error: 'unexpected EOF' };
  if (e.crc !== 0 && crc32(bytes) !== e.crc) return { bytes, error: 'zip: checksum error' };
  return { bytes };
}

/** Bytes of a binary-string path, for the file system. */
const fsPath = (p: string) => Buffer.from(p, 'latin1');

/**
 * Extracts `zip` into `pluginsDir` as Grafana's installer would install plugin `pluginId` (see the module
 * comment). Files get Go's permission bits plus owner read/write, so the check can hash them.
 *
 * @returns the plugin folder (`<pluginsDir>/<pluginId>`, created empty if nothing landed there) and the error
 *   that ended the install, if any.
 */
export function extractLikeGrafana(zip: Buffer, pluginsDir: string, pluginId: string): GrafanaExtraction {
  const installDir = path.join(pluginsDir, pluginId);
  const done = (error?: string): GrafanaExtraction => {
    mkdirSync(installDir, { recursive: true });
    return error === undefined ? { pluginDir: installDir } : { pluginDir: installDir, error };
  };
  const entries = centralDirectory(zip);
  if (typeof entries === 'string') return done(entries);
  const id = Buffer.from(pluginId).toString('latin1');
  for (const e of entries) {
    const fullPath = path.join(pluginsDir, e.name);
    if (path.isAbsolute(e.name) || !fullPath.startsWith(`${pluginsDir}/`) || e.name.startsWith('../')) {
      return done(`archive member ${JSON.stringify(e.name)} tries to write outside of plugin directory`);
    }
    const dstPath = path.join(pluginsDir, e.name.replace(/^[a-zA-Z0-9_.-]*\//, `${id}/`)).replace(/(.)\/$/, '$1');
    const m = mode(e);
    try {
      if (m.dir) {
        mkdirSync(fsPath(dstPath), { recursive: true });
        continue;
      }
      mkdirSync(fsPath(path.dirname(dstPath)), { recursive: true });
    } catch (error) {
      return done(String(error));
    }
    const { bytes, error } = data(zip, e);
    if (m.symlink) {
      const target = bytes.toString('latin1').trim();
      const clean = path.join(path.dirname(dstPath), target);
      if (error === undefined && !path.isAbsolute(target) && !path.relative(installDir, clean).startsWith('..')) {
        try {
          symlinkSync(fsPath(target), fsPath(dstPath));
        } catch {
          // Grafana logs a warning and goes on
        }
      }
      continue;
    }
    try {
      writeFileSync(fsPath(dstPath), bytes, { mode: m.perm | 0o600 });
    } catch (writeError) {
      return done(String(writeError));
    }
    if (error !== undefined) return done(error);
  }
  return done();
}
