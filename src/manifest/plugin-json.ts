/**
 * Reading plugin.json: Grafana compares the manifest's `plugin` and `version` with plugin.json `id` and
 * `info.version` as raw, case-sensitive strings (docs/verification.md#order, check 10).
 */
import { constants } from 'node:fs';
import { lstat, open, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { readToFill } from '../fs/read-bounded.js';

export interface PluginJsonInfo {
  /** plugin.json `id`, or "" when it could not be read. */
  id: string;
  /** plugin.json `info.version`, or "" when it could not be read. */
  version: string;
  /** plugin.json `type` (`app`, `datasource`, `panel`, `renderer`…), "" when absent. */
  type: string;
  /** Why the file could not be used, or undefined when it could. */
  error?: string;
}

/** plugin.json larger than this is not read (real ones are a few KiB): memory stays bounded. */
export const MAX_PLUGIN_JSON_BYTES = 4 * 1024 * 1024;

/**
 * Reads `<pluginDir>/plugin.json`, safely: nothing outside the plugin folder is read, nothing blocks, memory is
 * bounded.
 *
 * Never throws: a missing, unreadable or malformed plugin.json gives `id`/`version` "" and `error` says what is wrong
 * (naming the file) and how to fix it, because verification must still report a verdict (a manifest never matches "").
 * Refused without being read: a plugin.json that is a symlink resolving outside the folder (Grafana refuses such a
 * plugin, docs/verification.md#files), broken or looping; a folder, FIFO, socket or device (opening a FIFO would
 * block); a file over {@link MAX_PLUGIN_JSON_BYTES}. Read and refused: invalid JSON, a JSON value that is not an object
 * (`[]`, `"x"`, `null`), an object without a string `id` or `info.version`.
 *
 * @param pluginDir plugin root folder.
 * @returns `{ id, version, type }` (each "" when absent or not a string) and `error` when the file is unusable.
 */
export async function readPluginJson(pluginDir: string): Promise<PluginJsonInfo> {
  const file = path.join(pluginDir, 'plugin.json');
  const fail = (error: string): PluginJsonInfo => ({ id: '', version: '', type: '', error });
  const read = await readBounded(pluginDir, file);
  if ('error' in read) return fail(read.error);
  let json: unknown;
  try {
    json = JSON.parse(read.text);
  } catch (error) {
    return fail(`plugin.json is not valid JSON (${file}): ${(error as Error).message}; fix its syntax`);
  }
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    const what = json === null ? 'null' : Array.isArray(json) ? 'an array' : `a ${typeof json}`;
    return fail(`plugin.json is ${what}, not a JSON object (${file}): it must be an object with "id" and "info"`);
  }
  const obj = json as Record<string, unknown>;
  const info = (obj.info && typeof obj.info === 'object' ? obj.info : {}) as Record<string, unknown>;
  const id = typeof obj.id === 'string' ? obj.id : '';
  const version = typeof info.version === 'string' ? info.version : '';
  const type = typeof obj.type === 'string' ? obj.type : '';
  const missing = [!id && '"id"', !version && '"info.version"'].filter(Boolean);
  return {
    id,
    version,
    type,
    error: missing.length ? `plugin.json has no string ${missing.join(' or ')}: add it before signing` : undefined,
  };
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException)?.code ?? String(error);
}

/** The text of plugin.json, or why it is not read (see {@link readPluginJson}). */
async function readBounded(pluginDir: string, file: string): Promise<{ text: string } | { error: string }> {
  let root: string;
  try {
    root = await realpath(pluginDir);
  } catch (error) {
    const code = errorCode(error);
    return {
      error:
        code === 'ENOENT'
          ? `plugin folder ${pluginDir} does not exist: point it at the built plugin (the folder with plugin.json)`
          : `plugin folder ${pluginDir} cannot be read (${code})`,
    };
  }
  let target: string;
  try {
    target = await realpath(file);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOTDIR') {
      return { error: `${pluginDir} is not a folder: give the built plugin folder (the one holding plugin.json)` };
    }
    if (code === 'ENOENT') {
      const link = await lstat(file).catch(() => undefined);
      if (!link) return { error: `plugin.json not found in ${pluginDir}: every plugin needs one at its root` };
      return { error: `plugin.json is a broken symlink (${file}): replace it by the file` };
    }
    if (code === 'ELOOP') return { error: `plugin.json is a symlink loop (${file}): replace it by the file` };
    return { error: `plugin.json cannot be read (${code}) in ${pluginDir}` };
  }
  const rel = path.relative(root, target);
  if (rel === '..' || rel.startsWith('..' + path.sep) || path.isAbsolute(rel)) {
    return {
      error:
        `plugin.json resolves outside the plugin folder (${file} -> ${target}): ` +
        'Grafana refuses to load the plugin; replace the link by the file',
    };
  }
  // stat before opening: a FIFO would block an open, and a device has no business being opened at all.
  let info;
  try {
    info = await stat(target);
  } catch (error) {
    return { error: `plugin.json cannot be read (${errorCode(error)}) in ${pluginDir}` };
  }
  const notFile = (s: { isFile(): boolean; isDirectory(): boolean }) =>
    s.isDirectory()
      ? `plugin.json is a folder, not a file (${file})`
      : `plugin.json is not a regular file but a FIFO, socket or device (${file}): replace it by the file`;
  if (!info.isFile()) return { error: notFile(info) };
  const tooBig = (size: number) =>
    `plugin.json is ${size} bytes, too large for a plugin.json (limit ${MAX_PLUGIN_JSON_BYTES}) (${file}): not read`;
  if (info.size > MAX_PLUGIN_JSON_BYTES) return { error: tooBig(info.size) };
  let handle;
  try {
    // O_NOFOLLOW and O_NONBLOCK: should the file be swapped since the checks above, a link is not followed and a
    // FIFO does not block; the checks are then repeated on what was opened.
    handle = await open(target, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    return { error: `plugin.json cannot be read (${errorCode(error)}) in ${pluginDir}` };
  }
  try {
    const opened = await handle.stat();
    if (!opened.isFile()) return { error: notFile(opened) };
    if (opened.size > MAX_PLUGIN_JSON_BYTES) return { error: tooBig(opened.size) };
    const buffer = Buffer.alloc(opened.size + 1);
    const length = await readToFill(handle, buffer);
    if (length > opened.size) return { error: `plugin.json changed while being read (${file}): try again` };
    return { text: buffer.subarray(0, length).toString('utf8') };
  } catch (error) {
    return { error: `plugin.json cannot be read (${errorCode(error)}) in ${pluginDir}` };
  } finally {
    await handle.close();
  }
}
