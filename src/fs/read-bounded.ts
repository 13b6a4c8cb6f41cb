/**
 * Reading a file a user names (a key file, any path an input can give) without hanging or running out of memory:
 * only a regular file, at most a given number of bytes. Neutral: no `@actions/*` import.
 */
import { constants } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';

/** Why {@link readBoundedRegularFile} refused a file; `message` says it for people, without the input's name. */
export class BoundedReadError extends Error {
  /** `missing`, `not-regular` (a folder, device, FIFO or socket, also through a link), `too-large`, `unreadable`. */
  readonly reason: 'missing' | 'not-regular' | 'too-large' | 'unreadable';
  constructor(reason: BoundedReadError['reason'], message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BoundedReadError';
    this.reason = reason;
  }
}

/** What a non-regular file is, for the message. */
function kindOf(stat: {
  isDirectory(): boolean;
  isFIFO(): boolean;
  isCharacterDevice(): boolean;
  isBlockDevice(): boolean;
  isSocket(): boolean;
}): string {
  if (stat.isDirectory()) return 'a folder';
  if (stat.isFIFO()) return 'a FIFO (named pipe)';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  if (stat.isSocket()) return 'a socket';
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
export async function readBoundedRegularFile(file: string, maxBytes: number): Promise<Buffer> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BoundedReadError('missing', 'no such file', { cause: error });
    if (code === 'EISDIR') throw new BoundedReadError('not-regular', 'it is a folder, not a file', { cause: error });
    if (code === 'ENXIO') throw new BoundedReadError('not-regular', 'it is a socket, not a file', { cause: error });
    throw new BoundedReadError('unreadable', `cannot open it: ${(error as Error).message}`, { cause: error });
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
  } catch (error) {
    if (error instanceof BoundedReadError) throw error;
    throw new BoundedReadError('unreadable', `cannot read it: ${(error as Error).message}`, { cause: error });
  } finally {
    await handle.close();
  }
}

/**
 * Reads an open file from byte `position` (default 0, the start) into `buffer` until it is full or the file ends (a
 * read may return fewer bytes than asked).
 *
 * @returns the number of bytes read (≤ `buffer.length`). @throws the `fs` read error.
 */
export async function readToFill(handle: FileHandle, buffer: Buffer, position = 0): Promise<number> {
  let length = 0;
  while (length < buffer.length) {
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, position + length);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  return length;
}
