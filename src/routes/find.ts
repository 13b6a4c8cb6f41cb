/**
 * Finds the plugin.json files of a plugin (folder, single plugin.json, or plugin .zip) and checks their routes.
 */
import { lstat, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { PluginError } from '../errors.js';
import { checkPluginJsonText } from './check.js';
import type { RouteFinding } from './rules.js';

/** Route findings of one checked path. */
export interface RouteCheckResult {
  /** The path as given. */
  path: string;
  /** Posix paths (relative to the plugin root) of the plugin.json files checked, in walk order. */
  files: string[];
  /** Findings of every file, file by file. */
  findings: RouteFinding[];
}

/**
 * Every plugin.json under `root` (nested plugins of an app included), `node_modules` folders skipped, symlinks not
 * followed. @returns posix paths relative to `root`, sorted by code unit within each folder (root's first).
 * @throws the fs error when `root` cannot be read.
 */
async function findPluginJsonFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (dir: string, rel: string) => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const file = entries.find((e) => e.isFile() && e.name === 'plugin.json');
    if (file !== undefined) out.push(rel === '' ? 'plugin.json' : `${rel}/plugin.json`);
    for (const e of entries) {
      if (!e.isDirectory() || e.name === 'node_modules') continue;
      await walk(path.join(dir, e.name), rel === '' ? e.name : `${rel}/${e.name}`);
    }
  };
  await walk(root, '');
  return out;
}

/**
 * Checks the routes of every plugin.json of a plugin root folder.
 * @returns findings (files relative to `root`). @throws the fs error when the folder cannot be read.
 */
async function checkRoutesInFolder(root: string, given: string = root): Promise<RouteCheckResult> {
  const files = await findPluginJsonFiles(root);
  const findings: RouteFinding[] = [];
  for (const f of files) {
    const text = await readFile(path.join(root, ...f.split('/')), 'utf8');
    findings.push(...checkPluginJsonText(text, f));
  }
  return { path: given, files, findings };
}

/**
 * Checks a plugin's routes: `target` is a plugin folder, a `plugin.json` file or a plugin `.zip` (read with the
 * project's zip reader, extracted to a temporary folder that is removed before returning).
 * @returns the findings of every plugin.json. @throws PluginError when `target` does not exist or is another
 *   kind of file.
 */
export async function checkRoutes(target: string): Promise<RouteCheckResult> {
  let info;
  try {
    info = await lstat(target);
  } catch (error) {
    throw new PluginError(`${target} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  if (info.isDirectory()) return checkRoutesInFolder(target, target);
  if (!info.isFile()) throw new PluginError(`${target} is not a plugin folder, a plugin.json or a .zip`);
  if (target.toLowerCase().endsWith('.zip')) {
    const { openPluginZip } = await import('../zip/read-zip.js'); // the zip libraries load only for a .zip
    const zip = await openPluginZip(target);
    try {
      return await checkRoutesInFolder(zip.pluginDir, target);
    } finally {
      await zip.cleanup();
    }
  }
  if (path.basename(target) === 'plugin.json' || target.toLowerCase().endsWith('.json')) {
    const text = await readFile(target, 'utf8');
    return { path: target, files: ['plugin.json'], findings: checkPluginJsonText(text, 'plugin.json') };
  }
  throw new PluginError(`${target} is not a plugin folder, a plugin.json or a .zip`);
}
