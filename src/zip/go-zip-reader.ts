/**
 * Port of the parts of Go's `archive/zip` that decide which entries a zip has and what they are, as Grafana's
 * installer sees them (`src/archive/zip/reader.go`: `readDirectoryEnd`, `findDirectory64End`,
 * `readDirectory64End`, the directory loop of `Reader.init`, `readDirectoryHeader`; `src/archive/zip/struct.go`:
 * `FileHeader.Mode`, `msdosModeToFileMode`, `unixModeToFileMode`).
 *
 * Why a port: yauzl reads exactly as many central directory entries as the end record counts, decodes names
 * (CP437 without the UTF-8 flag, the Info-ZIP Unicode Path field 0x7075) and has no notion of Go's file modes.
 * Go reads directory headers until one does not start with the header signature (the count is only compared
 * modulo 65,536), keeps names as raw bytes, ignores the Unicode Path field, and decides "directory" from the
 * creator host's attributes plus a trailing `/`. File data is still read with yauzl (see `read-zip.ts`).
 */
import type { FileHandle } from 'node:fs/promises';
import { readToFill } from '../fs/read-bounded.js';

/** Go's `ErrFormat` (`zip: not a valid zip file`) and the other errors `zip.OpenReader` returns. */
export class GoZipFormatError extends Error {}

/** One central directory entry, as Go's `zip.File` holds it. Offsets include Go's `baseOffset`. */
export interface GoZipFile {
  /** The name's raw bytes (Go's `File.Name` is these bytes, never decoded). */
  name: Buffer;
  /** "Version made by": the creator host is `creatorVersion >> 8`. */
  creatorVersion: number;
  flags: number;
  method: number;
  crc32: number;
  compressedSize: number;
  uncompressedSize: number;
  externalAttrs: number;
  /** Offset of the local file header in the file. */
  headerOffset: number;
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

async function readAt(handle: FileHandle, length: number, position: number): Promise<Buffer> {
  const buffer = Buffer.alloc(length);
  return buffer.subarray(0, await readToFill(handle, buffer, position));
}

/** Go's `uint64` read as a JS number (exact up to 2^53, far beyond any file this reads). */
function uint64(buffer: Buffer, at: number): number {
  return Number(buffer.readBigUInt64LE(at));
}

function findSignatureInBlock(b: Buffer): number {
  for (let i = b.length - DIRECTORY_END_LEN; i >= 0; i--) {
    if (b.readUInt32LE(i) === DIRECTORY_END_SIGNATURE) {
      const n = b.readUInt16LE(i + DIRECTORY_END_LEN - 2);
      if (n + DIRECTORY_END_LEN + i <= b.length) return i;
    }
  }
  return -1;
}

interface DirectoryEnd {
  directoryRecords: number;
  directorySize: number;
  directoryOffset: number;
}

async function readDirectoryEnd(handle: FileHandle, size: number): Promise<{ end: DirectoryEnd; baseOffset: number }> {
  let buf: Buffer = Buffer.alloc(0);
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
    if (i === 1 || bLen === size) break;
  }
  if (!found) throw new GoZipFormatError('zip: not a valid zip file (no end of central directory record)');
  const end: DirectoryEnd = {
    directoryRecords: buf.readUInt16LE(10),
    directorySize: buf.readUInt32LE(12),
    directoryOffset: buf.readUInt32LE(16),
  };
  if (buf.readUInt16LE(20) > buf.length - DIRECTORY_END_LEN) throw new GoZipFormatError('zip: invalid comment length');
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
  if (o < 0 || o >= size) throw new GoZipFormatError('zip: not a valid zip file (directory offset outside the file)');
  if (baseOffset > 0) {
    // Go: if a directory header is found assuming baseOffset 0, use 0.
    const probe = await readAt(handle, DIRECTORY_HEADER_LEN, end.directoryOffset);
    if (probe.length === DIRECTORY_HEADER_LEN && probe.readUInt32LE(0) === DIRECTORY_HEADER_SIGNATURE) {
      const rest = probe.readUInt16LE(28) + probe.readUInt16LE(30) + probe.readUInt16LE(32);
      const tail = await readAt(handle, rest, end.directoryOffset + DIRECTORY_HEADER_LEN);
      if (tail.length === rest && parseDirectoryHeader(probe, tail) !== undefined) baseOffset = 0;
    }
  }
  return { end, baseOffset };
}

async function findDirectory64End(handle: FileHandle, directoryEndOffset: number): Promise<number> {
  const locOffset = directoryEndOffset - DIRECTORY64_LOC_LEN;
  if (locOffset < 0) return -1;
  const b = await readAt(handle, DIRECTORY64_LOC_LEN, locOffset);
  if (b.length < DIRECTORY64_LOC_LEN) throw new GoZipFormatError('zip: unexpected EOF');
  if (b.readUInt32LE(0) !== DIRECTORY64_LOC_SIGNATURE) return -1;
  if (b.readUInt32LE(4) !== 0) return -1;
  const p = uint64(b, 8);
  if (b.readUInt32LE(16) !== 1) return -1;
  return p;
}

/** Go's `readDirectoryHeader` on a fixed header and its name+extra+comment; undefined for Go's `ErrFormat`. */
function parseDirectoryHeader(b: Buffer, d: Buffer): GoZipFile | undefined {
  if (b.readUInt32LE(0) !== DIRECTORY_HEADER_SIGNATURE) return undefined;
  const nameLen = b.readUInt16LE(28);
  const extraLen = b.readUInt16LE(30);
  const file: GoZipFile = {
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
    if (extra.length - at < size) break;
    const field = extra.subarray(at, at + size);
    at += size;
    if (tag !== ZIP64_EXTRA_ID) continue; // every other field (0x7075 Unicode Path included) names nothing here
    let f = 0;
    const next = () => {
      if (field.length - f < 8) return undefined;
      const v = uint64(field, f);
      f += 8;
      return v;
    };
    if (needUSize) {
      needUSize = false;
      const v = next();
      if (v === undefined) return undefined;
      file.uncompressedSize = v;
    }
    if (needCSize) {
      needCSize = false;
      const v = next();
      if (v === undefined) return undefined;
      file.compressedSize = v;
    }
    if (needHeaderOffset) {
      needHeaderOffset = false;
      const v = next();
      if (v === undefined) return undefined;
      file.headerOffset = v;
    }
  }
  if (needCSize || needHeaderOffset) return undefined;
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
export async function readGoCentralDirectory(
  handle: FileHandle,
  size: number,
  maxEntries: number,
): Promise<GoZipFile[]> {
  const { end, baseOffset } = await readDirectoryEnd(handle, size);
  const files: GoZipFile[] = [];
  // Go reads the directory through a bufio.Reader; a 64 KiB window here.
  let window: Buffer = Buffer.alloc(0);
  let windowAt = 0;
  const bytes = async (at: number, length: number): Promise<Buffer> => {
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
    if (b.readUInt32LE(0) !== DIRECTORY_HEADER_SIGNATURE) break;
    const rest = b.readUInt16LE(28) + b.readUInt16LE(30) + b.readUInt16LE(32);
    const header = Buffer.from(b);
    const d = await bytes(at + DIRECTORY_HEADER_LEN, rest);
    if (d.length < rest) {
      failure = 'unexpected EOF';
      break;
    }
    const file = parseDirectoryHeader(header, d);
    if (file === undefined) throw new GoZipFormatError('zip: not a valid zip file (malformed zip64 extra field)');
    file.headerOffset += baseOffset;
    files.push(file);
    if (files.length > maxEntries) return files;
    at += DIRECTORY_HEADER_LEN + rest;
  }
  if (files.length % 65536 !== end.directoryRecords % 65536) {
    throw new GoZipFormatError(
      `${failure}: the central directory has ${files.length} entries, the end record says ${end.directoryRecords}`,
    );
  }
  return files;
}

/** What Go's `FileHeader.Mode()` says about an entry: directory, symlink, permission bits. */
export interface GoFileMode {
  isDir: boolean;
  isSymlink: boolean;
  /** Permission bits (0 when the creator host is neither unix-like nor MS-DOS-like). */
  perm: number;
  /** `externalAttrs >>> 16` when the creator host is unix (3) or macOS (19); undefined otherwise. */
  unixMode: number | undefined;
}

/**
 * Go's `FileHeader.Mode()` (`struct.go`): unix hosts (3, 19) read `externalAttrs >> 16`; MS-DOS hosts (FAT 0,
 * NTFS 11, VFAT 14) read the directory (0x10) and read-only (0x01) attributes; any other host gives mode 0; a name
 * ending in `/` is always a directory. Grafana's installer extracts an entry as a folder exactly when
 * `FileInfo().IsDir()` is true, and as a symlink when the mode has `ModeSymlink`.
 *
 * @param file a central directory entry. @returns its kind and permission bits.
 */
export function goFileMode(file: GoZipFile): GoFileMode {
  const host = file.creatorVersion >>> 8;
  let isDir = false;
  let isSymlink = false;
  let perm = 0;
  let unixMode: number | undefined;
  if (host === 3 || host === 19) {
    unixMode = file.externalAttrs >>> 16;
    perm = unixMode & 0o777;
    const type = unixMode & 0xf000;
    isDir = type === 0x4000;
    isSymlink = type === 0xa000;
  } else if (host === 0 || host === 11 || host === 14) {
    isDir = (file.externalAttrs & 0x10) !== 0;
    perm = isDir ? 0o777 : 0o666;
    if (file.externalAttrs & 0x01) perm &= ~0o222;
  }
  if (file.name.length > 0 && file.name[file.name.length - 1] === 0x2f) isDir = true;
  return { isDir, isSymlink, perm, unixMode };
}
