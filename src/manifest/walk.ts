/**
 * The plugin file walk, with Grafana's rules (SIGNATURES.md §5).
 *
 * Own code rather than a glob library because Grafana's semantics differ from every library: it is Go's
 * `filepath.Walk` (lexical byte order, `Lstat`, symlinked directories not followed) filtered by Grafana's
 * `collectFilesWithin` (a symlink to a file counts under the link's path, a symlink that resolves outside the
 * plugin folder or does not resolve at all stops the plugin from loading).
 */
import { lstatSync } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
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
  kind: 'symlink-outside' | 'symlink-broken' | 'special-file' | 'unreadable' | 'path-too-long';
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
 * read, so the walk can never block. Nothing is opened: entries are only listed and `lstat`ed, so a huge file
 * costs nothing here. A symlink loop is a `symlink-broken` problem (ELOOP); a path longer than the system allows
 * (ENAMETOOLONG, e.g. thousands of nested folders) is a `path-too-long` problem and the walk does not go deeper
 * there, as Go's `filepath.Walk` fails there too (Grafana then does not load the plugin).
 *
 * Guarantees, whatever the tree holds: every `absolutePath` is inside the real path of `pluginDir` (a regular
 * file under it, or the resolved target of a link that stays inside), and every `path` is a posix path relative
 * to the root built from directory entry names: no leading `/`, no `.` or `..` segment, `/` as the only separator.
 *
 * @param pluginDir plugin root folder (relative or absolute).
 * @returns the files (`path` posix, relative) and the problems found; nothing outside `pluginDir` is read.
 * @throws Error (from `fs`, with its `code`) when `pluginDir` itself does not exist or cannot be resolved, and an
 *   Error without `code` whose message names `pluginDir` and the fix when it is not a folder.
 */
export async function walkPluginFiles(pluginDir: string): Promise<WalkResult> {
  const root = await realpath(pluginDir);
  const rootStat = await stat(root);
  if (!rootStat.isDirectory()) {
    // No `code`: callers that word `fs` errors by their code show this message, which names the fix.
    throw new Error(`${pluginDir} is not a folder: give the built plugin folder (the one holding plugin.json)`);
  }
  const files: PluginFile[] = [];
  const problems: WalkProblem[] = [];
  // Depth-first in lexical order, each folder entered where its name stands (Go's order, so no sort afterwards);
  // iterative, so that deep trees cannot exhaust the stack.
  const stack: { relDir: string; absDir: string; names: string[]; next: number }[] = [];
  const enter = async (relDir: string) => {
    const absDir = relDir === '' ? root : path.join(root, relDir);
    try {
      const names = await readdir(absDir);
      stack.push({ relDir, absDir, names: names.sort(compareGoStrings), next: 0 });
    } catch (error) {
      problems.push(fsProblem(relDir || '.', 'cannot read folder', error));
    }
  };
  await enter('');
  while (stack.length > 0) {
    const frame = stack[stack.length - 1];
    if (frame.next === frame.names.length) {
      stack.pop();
      continue;
    }
    const { relDir, absDir } = frame;
    const name = frame.names[frame.next++];
    const rel = relDir === '' ? name : `${relDir}/${name}`;
    const abs = path.join(absDir, name);
    let info;
    try {
      // Synchronous on purpose: one awaited lstat per file is a thread round trip (25–80 µs here), which made the
      // walk of 5,000 small files cost more than hashing them (npm run bench); lstatSync takes ~3 µs.
      info = lstatSync(abs);
    } catch (error) {
      problems.push(fsProblem(rel, 'cannot stat', error));
      continue;
    }
    if (info.isDirectory()) {
      await enter(rel);
      continue;
    }
    if (info.isSymbolicLink()) {
      let target: string;
      try {
        target = await realpath(abs);
      } catch (error) {
        const code = errorCode(error);
        if (code === 'ENAMETOOLONG') {
          problems.push(fsProblem(rel, 'cannot resolve symlink', error));
          continue;
        }
        const why = code === 'ELOOP' ? 'ELOOP: a symlink loop' : code;
        problems.push({
          path: rel,
          kind: 'symlink-broken',
          message: `symlink does not resolve (${why}); Grafana refuses to load the plugin`,
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
      let targetInfo;
      try {
        targetInfo = await stat(target);
      } catch (error) {
        problems.push(fsProblem(rel, 'cannot stat symlink target', error)); // e.g. removed meanwhile
        continue;
      }
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
  return { root, files, problems };
}

/**
 * A problem for an `fs` call that failed on `rel`. ENAMETOOLONG (the absolute path exceeds the system's PATH_MAX,
 * e.g. thousands of nested folders) gets its own kind: Go's `filepath.Walk` fails on it too, so Grafana cannot load
 * the plugin either.
 */
function fsProblem(rel: string, what: string, error: unknown): WalkProblem {
  const code = errorCode(error);
  if (code === 'ENAMETOOLONG') {
    return {
      path: rel,
      kind: 'path-too-long',
      message:
        `${what}: path too long for the file system (ENAMETOOLONG, ${rel.split('/').length} levels deep); ` +
        'Grafana cannot load the plugin either: flatten the folder tree',
    };
  }
  if (code === 'ENOENT' && rel.includes('\uFFFD')) {
    return {
      path: rel,
      kind: 'unreadable',
      message: `${what}: ENOENT (the name is not valid UTF-8): rename it, manifest paths are UTF-8`,
    };
  }
  return { path: rel, kind: 'unreadable', message: `${what}: ${code}` };
}

function errorCode(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error) return String((error as { code: unknown }).code);
  return String(error);
}
