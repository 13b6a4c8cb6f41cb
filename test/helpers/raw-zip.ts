/**
 * A tiny zip writer for tests that need bytes no zip library writes: raw (non-UTF-8) names, any "version made
 * by" host and external attributes, extra fields (the Info-ZIP Unicode Path 0x7075), an end record whose count
 * disagrees with the central directory, and central directory entries that share one local header.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface RawEntry {
  /** Name bytes as written (a string is written as UTF-8). */
  name: Buffer | string;
  data?: Buffer | string;
  /** Creator host ("version made by" high byte); default 3 (unix). */
  host?: number;
  /** External attributes; default a unix mode 0o100644 (0o40755 for names ending in `/`) in the high 16 bits. */
  externalAttrs?: number;
  /** General purpose flags; default 0x800 (UTF-8) when the name is a string, 0 for raw bytes. */
  flags?: number;
  /** Central directory extra field bytes. */
  extra?: Buffer;
  /** Deflate the data (default true for files with data). */
  deflate?: boolean;
  /** Reuse the local header (and data) of an earlier entry, by index, instead of writing one. */
  sameLocalAs?: number;
}

/** An extra field block: tag, size, data. */
export function extraField(tag: number, data: Buffer): Buffer {
  const head = Buffer.alloc(4);
  head.writeUInt16LE(tag, 0);
  head.writeUInt16LE(data.length, 2);
  return Buffer.concat([head, data]);
}

/** The Info-ZIP Unicode Path extra field (0x7075) naming `unicodeName` for an entry whose raw name is `rawName`. */
export function unicodePathField(rawName: Buffer | string, unicodeName: string): Buffer {
  const head = Buffer.alloc(5);
  head.writeUInt8(1, 0);
  head.writeUInt32LE(crc32(Buffer.from(rawName)), 1);
  return extraField(0x7075, Buffer.concat([head, Buffer.from(unicodeName, 'utf8')]));
}

/**
 * Writes a zip: local headers and data, the central directory in entry order, the end record.
 *
 * @param entries in order. @param opts `endCount` overrides the end record's entry count (mod 65,536).
 */
export function writeRawZip(entries: RawEntry[], opts: { endCount?: number } = {}): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  const offsets: number[] = [];
  const meta: Array<{ crc: number; csize: number; size: number; method: number }> = [];
  let offset = 0;
  for (const [i, e] of entries.entries()) {
    const name = Buffer.from(e.name);
    const data = Buffer.from(e.data ?? '');
    const flags = e.flags ?? (typeof e.name === 'string' ? 0x800 : 0);
    const isDir = name[name.length - 1] === 0x2f;
    let m = meta[e.sameLocalAs ?? -1];
    let localOffset = offsets[e.sameLocalAs ?? -1];
    if (e.sameLocalAs === undefined) {
      const deflate = e.deflate ?? data.length > 0;
      const body = deflate ? deflateRawSync(data) : data;
      m = { crc: crc32(data), csize: body.length, size: data.length, method: deflate ? 8 : 0 };
      const local = Buffer.alloc(30);
      local.writeUInt32LE(0x04034b50, 0);
      local.writeUInt16LE(20, 4);
      local.writeUInt16LE(flags, 6);
      local.writeUInt16LE(m.method, 8);
      local.writeUInt32LE(m.crc, 14);
      local.writeUInt32LE(m.csize, 18);
      local.writeUInt32LE(m.size, 22);
      local.writeUInt16LE(name.length, 26);
      localOffset = offset;
      locals.push(local, name, body);
      offset += 30 + name.length + body.length;
    }
    offsets[i] = localOffset;
    meta[i] = m;
    const extra = e.extra ?? Buffer.alloc(0);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(((e.host ?? 3) << 8) | 20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(flags, 8);
    cd.writeUInt16LE(m.method, 10);
    cd.writeUInt32LE(m.crc, 16);
    cd.writeUInt32LE(m.csize, 20);
    cd.writeUInt32LE(m.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt16LE(extra.length, 30);
    cd.writeUInt32LE(e.externalAttrs ?? ((isDir ? 0o40755 : 0o100644) << 16) >>> 0, 38);
    cd.writeUInt32LE(localOffset, 42);
    central.push(cd, name, extra);
  }
  const cdBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  const count = (opts.endCount ?? entries.length) % 65536;
  end.writeUInt16LE(count, 8);
  end.writeUInt16LE(count, 10);
  end.writeUInt32LE(cdBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cdBytes, end]);
}
