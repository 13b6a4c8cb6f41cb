/**
 * Reading plugin.json: Grafana compares the manifest's `plugin` and `version` with plugin.json `id` and
 * `info.version` as raw, case-sensitive strings (SIGNATURES.md §1 row 10).
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';

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

/**
 * Reads `<pluginDir>/plugin.json`.
 *
 * Never throws: a missing, unreadable or malformed plugin.json gives `id`/`version` "" and `error` says what
 * is wrong and how to fix it, because verification must still report a verdict (a manifest never matches "").
 *
 * @param pluginDir plugin root folder.
 */
export async function readPluginJson(pluginDir: string): Promise<PluginJsonInfo> {
  const file = path.join(pluginDir, 'plugin.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'not found' : `cannot be read (${code ?? String(error)})`;
    return {
      id: '',
      version: '',
      type: '',
      error: `plugin.json ${why} in ${pluginDir}: every plugin needs one at its root`,
    };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { id: '', version: '', type: '', error: `plugin.json is not valid JSON: ${(error as Error).message}` };
  }
  const obj = (json && typeof json === 'object' ? json : {}) as Record<string, unknown>;
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
