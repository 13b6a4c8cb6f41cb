/**
 * The plugin file walk, with Grafana's rules (SIGNATURES.md §5).
 *
 * Own code rather than a glob library because Grafana's semantics differ from every library: it is Go's
 * `filepath.Walk` (lexical byte order, `Lstat`, symlinked directories not followed) filtered by Grafana's
 * `collectFilesWithin` (a symlink to a file counts under the link's path, a symlink that resolves outside the
 * plugin folder or does not resolve at all stops the plugin from loading).
 */
import { lstat, readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** One file Grafana would consider part of the plugin. */
export interface PluginFile {
  /** posix path relative to the plugin root, exact case, no `./` (the manifest key). */
  path: string;
  /** Absolute path to read the bytes from (a symlink's resolved target). */
  absolutePath: string;
  /** True when the entry is a symlink to a file inside the plugin folder. */
  symlink: boolean;
  /** Size in bytes of the file (or of the link's target). */
  size: number;
}

/** Why the walk refused an entry; any problem means Grafana will not load the plugin. */
export interface WalkProblem {
  path: string;
  kind: 'symlink-outside' | 'symlink-broken' | 'special-file' | 'unreadable';
  message: string;
}

export interface WalkResult {
  /** Absolute, symlink-free path of the plugin root. */
  root: string;
  /** Every file, in Go `filepath.Walk` order, including the top-level MANIFEST.txt if present. */
  files: PluginFile[];
  problems: WalkProblem[];
}

/** Go's `sort.Strings` orders by UTF-8 bytes; JavaScript's default sort uses UTF-16 code units. */
function compareGoStrings(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function isInside(root: string, target: string): boolean {
  const rel = path.relative(root, target);
  return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel));
}

/**
 * Lists the files of a plugin folder the way Grafana does before it checks a signature.
 *
 * Rules (Grafana `collectFilesWithin` over Go `filepath.Walk`): directories are entered in lexical byte order;
 * a symlink to a file inside the folder is listed under the link's own path; a symlink to a directory is
 * neither followed nor listed; a symlink that resolves outside the folder, or does not resolve, is a problem
 * (Grafana refuses to load the plugin). FIFOs, sockets and devices are reported as problems instead of being
 * read, so the walk can never block.
 *
 * @param pluginDir plugin root folder (relative or absolute).
 * @returns the files (`path` posix, relative) and the problems found; nothing outside `pluginDir` is read.
 * @throws Error (from `fs`) when `pluginDir` itself does not exist or is not a readable directory.
 */
export async function walkPluginFiles(pluginDir: string): Promise<WalkResult> {
  const root = await realpath(pluginDir);
  const rootStat = await stat(root);
  if (!rootStat.isDirectory()) {
    throw Object.assign(new Error(`${pluginDir} is not a directory`), { code: 'ENOTDIR' });
  }
  const files: PluginFile[] = [];
  const problems: WalkProblem[] = [];
  // Depth-first, lexical order, iterative so that deep trees cannot exhaust the stack.
  const stack: string[] = [''];
  while (stack.length > 0) {
    const relDir = stack.pop() as string;
    const absDir = relDir === '' ? root : path.join(root, relDir);
    let names: string[];
    try {
      names = await readdir(absDir);
    } catch (error) {
      problems.push({ path: relDir || '.', kind: 'unreadable', message: `cannot read folder: ${errorCode(error)}` });
      continue;
    }
    names.sort(compareGoStrings);
    const subdirs: string[] = [];
    for (const name of names) {
      const rel = relDir === '' ? name : `${relDir}/${name}`;
      const abs = path.join(absDir, name);
      let info;
      try {
        info = await lstat(abs);
      } catch (error) {
        problems.push({ path: rel, kind: 'unreadable', message: `cannot stat: ${errorCode(error)}` });
        continue;
      }
      if (info.isDirectory()) {
        subdirs.push(rel);
        continue;
      }
      if (info.isSymbolicLink()) {
        let target: string;
        try {
          target = await realpath(abs);
        } catch (error) {
          problems.push({
            path: rel,
            kind: 'symlink-broken',
            message: `symlink does not resolve (${errorCode(error)}); Grafana refuses to load the plugin`,
          });
          continue;
        }
        if (!isInside(root, target)) {
          problems.push({
            path: rel,
            kind: 'symlink-outside',
            message: `symlink resolves outside the plugin folder (to ${target}); Grafana refuses to load the plugin`,
          });
          continue;
        }
        const targetInfo = await stat(target);
        if (targetInfo.isDirectory()) continue; // Grafana skips symlinked directories.
        if (!targetInfo.isFile()) {
          problems.push({
            path: rel,
            kind: 'special-file',
            message: 'symlink to a special file (FIFO, socket or device)',
          });
          continue;
        }
        files.push({ path: rel, absolutePath: target, symlink: true, size: targetInfo.size });
        continue;
      }
      if (!info.isFile()) {
        problems.push({
          path: rel,
          kind: 'special-file',
          message: 'not a regular file (FIFO, socket or device); remove it from the plugin folder',
        });
        continue;
      }
      files.push({ path: rel, absolutePath: abs, symlink: false, size: info.size });
    }
    // Push in reverse so the lexically first subfolder is walked next, as Go's recursion would.
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
  // Go's Walk visits a folder's entries in order, recursing into each subfolder where it stands; the stack above
  // visits files of a folder before its subfolders, so restore Go's order with a path-segment sort.
  files.sort((a, b) => compareWalkOrder(a.path, b.path));
  return { root, files, problems };
}

/** Go `filepath.Walk` order for two posix paths: compare segment by segment in byte order. */
export function compareWalkOrder(a: string, b: string): number {
  const sa = a.split('/');
  const sb = b.split('/');
  for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
    const c = compareGoStrings(sa[i], sb[i]);
    if (c !== 0) return c;
  }
  return sa.length - sb.length;
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) return String((error as { code: unknown }).code);
  return String(error);
}
