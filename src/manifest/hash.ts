/**
 * SHA-256 of plugin files, streamed: a file is never held in memory whole.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';

/**
 * Hashes one file as Grafana does (`sha256.New` + `io.Copy`, `hex.EncodeToString`).
 *
 * @param absolutePath file to read (symlinks are followed by the open, as in Grafana).
 * @returns 64 lowercase hex characters.
 * @throws the `fs` error (ENOENT, EACCES, EISDIR…) when the file cannot be read.
 */
export async function sha256File(absolutePath: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(absolutePath, { highWaterMark: 1 << 20 }), hash);
  return hash.digest('hex');
}

/**
 * Runs `fn` over `items` with at most `limit` calls in flight, keeping results in input order.
 *
 * @param items inputs; @param limit concurrency ≥ 1; @returns results aligned with `items`.
 * @throws the first error any call throws (the remaining calls still settle).
 */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]);
    }
  });
  await Promise.all(workers);
  return results;
}
