/**
 * Reading one zip entry's data with yauzl's low-level API (`readLocalFileHeader`, `openReadStreamLowLevel`) from
 * the offsets and sizes Go's directory reading found, and counting its bytes against limits while it streams.
 */
import type { FileHandle } from 'node:fs/promises';
import { Readable, Transform, type TransformCallback } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import yauzl from 'yauzl';
import type { GoZipFile } from './go-zip-reader.js';

/** `zlib.crc32` exists from Node 20.15 / 22.2; on older Node the CRC-32 check is skipped (sizes are still checked). */
export const HAVE_CRC32 = typeof (zlib as { crc32?: unknown }).crc32 === 'function';

/** A limit passed while streaming an entry: `scope` says which, `bytes` how many bytes of the entry were read. */
export class LimitExceeded extends Error {
  constructor(
    readonly scope: 'entry' | 'total',
    readonly bytes: number,
  ) {
    super(`${scope} limit exceeded`);
  }
}

/** Counts (and CRCs) the bytes of one entry while they stream, failing as soon as a limit is passed. */
export class Meter extends Transform {
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

/** yauzl's reader over an open file handle (yauzl reads the entry data; Go's port reads the directory). */
export class HandleReader extends yauzl.RandomAccessReader {
  constructor(private readonly handle: FileHandle) {
    super();
  }
  override _readStreamForRange(start: number, end: number): Readable {
    const handle = this.handle;
    let position = start;
    return new Readable({
      highWaterMark: 64 * 1024,
      read(size) {
        const length = Math.min(size, end - position);
        if (length <= 0) return void this.push(null);
        handle.read(Buffer.alloc(length), 0, length, position).then(
          ({ bytesRead, buffer }) => {
            position += bytesRead;
            this.push(bytesRead === 0 ? null : buffer.subarray(0, bytesRead));
          },
          (error: Error) => this.destroy(error),
        );
      },
    });
  }
  override close(callback: (err: Error | null) => void): void {
    callback(null); // the handle is closed by its owner
  }
}

/**
 * Opens the (possibly compressed) data of an entry with yauzl's low-level API, from Go's offsets and sizes.
 *
 * @returns the inflated (method 8) or stored bytes as a stream. @throws yauzl's error for a bad local header.
 */
export function openData(zipfile: yauzl.ZipFile, file: GoZipFile): Promise<Readable> {
  const entryLike = { relativeOffsetOfLocalHeader: file.headerOffset, compressedSize: file.compressedSize };
  return new Promise((resolve, reject) => {
    zipfile.readLocalFileHeader(entryLike as yauzl.Entry, { minimal: true }, (err, header) => {
      if (err) return reject(err);
      zipfile.openReadStreamLowLevel(
        header.fileDataStart,
        file.compressedSize,
        0,
        file.compressedSize,
        file.method === 8,
        null,
        (err2, stream) => (err2 ? reject(err2) : resolve(stream)),
      );
    });
  });
}

/**
 * Reads a whole small entry into memory.
 *
 * @param max most bytes. @returns the bytes, or undefined when the entry is encrypted, uses another method,
 *   is larger than `max` or cannot be read. Never throws.
 */
export async function readSmall(zipfile: yauzl.ZipFile, file: GoZipFile, max: number): Promise<Buffer | undefined> {
  if ((file.method !== 0 && file.method !== 8) || file.flags & 1) return undefined;
  const chunks: Buffer[] = [];
  const meter = new Meter(max, { bytes: 0, max });
  try {
    await pipeline(await openData(zipfile, file), meter, async (source: AsyncIterable<Buffer>) => {
      for await (const chunk of source) chunks.push(chunk);
    });
  } catch {
    return undefined;
  }
  return Buffer.concat(chunks);
}
