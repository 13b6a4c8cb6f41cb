/**
 * What the cause detectors of `src/verify/hints/` may look at: the verification's facts, never anything new from
 * the network. Built by `verifyPlugin` only when the verdict is not `valid`.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import { readToFill } from '../../fs/read-bounded.js';
import type { HashOutcome } from '../../manifest/hash.js';
import type { SignedManifest } from '../../manifest/types.js';
import type { PluginFile } from '../../manifest/walk.js';
import type { RootUrlAttempt } from '../root-url.js';

export interface HintContext {
  /** The decoded manifest, when there is one. */
  manifest?: SignedManifest;
  /** plugin.json `id` and `info.version` ("" when unreadable). */
  plugin: { id: string; version: string };
  /** Every walked file by plugin-relative path. */
  onDisk: ReadonlyMap<string, PluginFile>;
  /** SHA-256 of every walked file, when the files were hashed. */
  hashes?: ReadonlyMap<string, HashOutcome>;
  /** The root URL checks run (app URL, attempts). */
  rootUrlChecks: readonly { appUrl: string; matched: boolean; attempts: RootUrlAttempt[] }[];
  /** Key IDs grafana.com published at `/plugins/ci/keys`, when the keys were fetched (else undefined). */
  publishedKeyIds?: ReadonlySet<string>;
}

/** The SHA-256 of a walked file, or undefined when it was not hashed or could not be read. */
export function hashOf(ctx: HintContext, path: string): string | undefined {
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
export async function readForHint(file: PluginFile, max = MAX_HINT_READ_BYTES): Promise<Buffer | undefined> {
  if (file.size !== undefined && file.size > max) return undefined;
  let handle;
  try {
    handle = await open(file.openPath, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const info = await handle.stat();
    if (!info.isFile() || info.size > max) return undefined;
    if (file.identity && (info.dev !== file.identity.dev || info.ino !== file.identity.ino)) return undefined;
    const buffer = Buffer.alloc(info.size);
    const length = await readToFill(handle, buffer);
    return buffer.subarray(0, length);
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}
