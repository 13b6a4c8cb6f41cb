/**
 * Writes that leave nothing behind: a file replaced in one `rename(2)`, and a lock file that serializes runs on one
 * folder. Own code: `write-file-atomic` and `proper-lockfile` keep their temporary and lock files beside the target,
 * which for MANIFEST.txt is inside the very folder being signed (where a leftover would be signed into the plugin).
 */
import { randomBytes } from 'node:crypto';
import { link, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/** Options of {@link writeFileAtomically}. */
export interface AtomicWriteOptions {
  /**
   * Folder of the temporary file; default the target's folder. It must be on the target's file system (`rename(2)`
   * is atomic only there, EXDEV otherwise): for MANIFEST.txt, the parent of the plugin folder.
   */
  tempDir?: string;
  /** Start of the temporary file's name (then 12 random hex digits and `.tmp`); default `.<target name>.`. */
  tempPrefix?: string;
}

/**
 * Writes `bytes` to `target` through a temporary file (created with `O_EXCL`, mode 0644, flushed with `fsync`) and a
 * `rename(2)`, so readers see the old file or the new one, never a half-written one. A process killed meanwhile can
 * leave the temporary file (in `tempDir`), never a partial `target`.
 *
 * @param target file to replace. @param bytes its new content. @param options temporary file's folder and prefix.
 * @throws the `fs` error (EXDEV when `tempDir` is on another file system than `target`); the temporary file is then
 *   removed and `target` is untouched.
 */
export async function writeFileAtomically(
  target: string,
  bytes: Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const dir = options.tempDir ?? path.dirname(target);
  const prefix = options.tempPrefix ?? `.${path.basename(target)}.`;
  const temp = path.join(dir, `${prefix}${randomBytes(6).toString('hex')}.tmp`);
  const handle = await open(temp, 'wx', 0o644);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
    await handle.close();
    await rename(temp, target);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Removes temporary files `<prefix><12 hex>.tmp` left in `dir` by killed runs (call it while holding the folder's
 * lock, so no live run's file is removed).
 *
 * @returns the names removed (for a notice). @throws never (a folder that cannot be listed gives `[]`).
 */
export async function removeStaleTemps(dir: string, prefix: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix) || !/^[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length))) continue;
    await rm(path.join(dir, name), { force: true }).then(
      () => removed.push(name),
      () => undefined,
    );
  }
  return removed;
}

/** Another live process holds the lock; the message names the folder, the process and the fix. */
export class FolderLockedError extends Error {
  readonly code = 'ELOCKED';
}

/** A held lock: `release()` removes the lock file (idempotent); `notices` says what was cleaned up first. */
export interface FolderLock {
  path: string;
  notices: string[];
  release(): Promise<void>;
}

/**
 * Takes the lock `lockPath` (a file holding this process's pid, created atomically by `link(2)`, which fails when it
 * exists) for work on `what`. A lock
 * left by a process that no longer runs (killed) is removed with a notice and taken; a lock held by a running
 * process fails at once (no waiting: two signings of one folder are a mistake the user must see).
 *
 * @param lockPath lock file, outside the folder it protects. @param what the folder, for messages.
 * @returns the held lock. @throws FolderLockedError when a running process holds it; the `fs` error otherwise.
 */
export async function acquireFolderLock(lockPath: string, what: string): Promise<FolderLock> {
  const notices: string[] = [];
  for (let attempt = 0; ; attempt++) {
    // The pid is written before the lock exists (a hard link of a finished file), so no reader sees it empty.
    const draft = `${lockPath}.${randomBytes(6).toString('hex')}`;
    await writeFile(draft, `${process.pid}\n`, { flag: 'wx', mode: 0o644 });
    try {
      await link(draft, lockPath);
      let released = false;
      return {
        path: lockPath,
        notices,
        release: async () => {
          if (released) return;
          released = true;
          await rm(lockPath, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt >= 2) throw error;
    } finally {
      await rm(draft, { force: true });
    }
    const holder = Number.parseInt(await readFile(lockPath, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && holder > 0 && isRunning(holder)) {
      throw new FolderLockedError(
        `${what} is being signed by another process (pid ${holder}, lock file ${lockPath}): wait for it to finish; ` +
          'if no such process runs, remove the lock file',
      );
    }
    // A process that is gone (killed): stale. Two runs finding the same stale lock at the same instant could both
    // remove it; the window is one rm, and the loser then fails on EEXIST after its retries.
    await rm(lockPath, { force: true });
    notices.push(`removed a stale lock ${lockPath} left by a run that was stopped`);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
