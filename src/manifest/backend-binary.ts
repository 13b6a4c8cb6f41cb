/**
 * Backend binaries of a plugin (plugin.json knowledge): which files the catalog and Grafana's installer expect
 * with mode 0755. Used when writing a plugin zip and when checking one.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Platform suffixes Grafana looks for after a plugin's `executable` (`<executable>_<os>_<arch>[.exe]`). */
const PLATFORM_SUFFIX =
  /^_(linux|darwin|windows|freebsd|netbsd|openbsd)_(amd64|arm64|arm|386|ppc64le|s390x|riscv64)(\.exe)?$/;

/**
 * Reads the backend executables declared by the plugin.json files of a plugin folder (the root one and nested
 * plugins' ones): each `executable` joined to the folder of the plugin.json that declares it.
 *
 * @param root plugin root folder on disk. @param relPaths posix paths of the plugin's files, relative to `root`.
 * @returns posix paths (relative to `root`) of the executables' base names, without platform suffix. Unreadable
 *   or malformed plugin.json files, and executables pointing outside the plugin, are skipped. Never throws.
 */
export async function readBackendExecutables(root: string, relPaths: readonly string[]): Promise<string[]> {
  const executables: string[] = [];
  for (const rel of relPaths) {
    if (rel !== 'plugin.json' && !rel.endsWith('/plugin.json')) continue;
    let json: unknown;
    try {
      json = JSON.parse(await readFile(path.join(root, ...rel.split('/')), 'utf8'));
    } catch {
      continue;
    }
    const exe = json && typeof json === 'object' ? (json as Record<string, unknown>).executable : undefined;
    if (typeof exe !== 'string' || exe === '') continue;
    const joined = path.posix.normalize(path.posix.join(path.posix.dirname(rel), exe.replace(/\\/g, '/')));
    if (joined === '..' || joined.startsWith('../') || joined.startsWith('/')) continue;
    executables.push(joined);
  }
  return executables;
}

/**
 * Whether a plugin file is a backend binary, which the catalog and Grafana's installer expect with mode 0755:
 * a plugin.json `executable` followed by a platform suffix (`_linux_amd64`, `_darwin_arm64`,
 * `_windows_amd64.exe`…), or any file whose name starts with `gpx_` (the naming convention of backend plugins).
 *
 * @param relPath posix path relative to the plugin root. @param executables from {@link readBackendExecutables}.
 */
export function isBackendBinary(relPath: string, executables: readonly string[]): boolean {
  if (path.posix.basename(relPath).startsWith('gpx_')) return true;
  return executables.some((exe) => relPath.startsWith(`${exe}_`) && PLATFORM_SUFFIX.test(relPath.slice(exe.length)));
}
