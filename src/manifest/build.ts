/**
 * Building the unsigned manifest that grafana.com signs (what `@grafana/sign-plugin` sends, SIGNATURES.md §7).
 */
import { PluginError } from '../errors.js';
import { hashFiles } from './hash.js';
import { readPluginJson } from './plugin-json.js';
import type { UnsignedManifest } from './types.js';
import { walkPluginFiles } from './walk.js';

/** Name of the signed manifest at a plugin's root. */
export const MANIFEST_FILE = 'MANIFEST.txt';

/**
 * Hashes every file under `pluginDir` except the top-level MANIFEST.txt and reads plugin.json. Files are hashed
 * with {@link hashFiles}: on the main thread and a worker thread per extra core for big plugins, on the main thread
 * alone for small ones.
 *
 * @param pluginDir the built plugin (`dist`).
 * @returns `{ plugin, version, files }` with posix paths in Go walk order and lowercase hex SHA-256 values.
 * @throws PluginError when plugin.json lacks `id`/`info.version`, when the folder holds a link Grafana would
 *   refuse (outside the folder, broken) or a special file, when the folder has no file to sign, or when a file
 *   cannot be read (every such file named with its `fs` code).
 */
export async function buildManifest(pluginDir: string): Promise<UnsignedManifest> {
  const pluginJson = await readPluginJson(pluginDir);
  if (pluginJson.error) throw new PluginError(pluginJson.error);
  let walk;
  try {
    walk = await walkPluginFiles(pluginDir);
  } catch (error) {
    throw new PluginError(`cannot read plugin folder ${pluginDir}: ${(error as Error).message}`, { cause: error });
  }
  if (walk.problems.length > 0) {
    const lines = walk.problems.map((p) => `  ${p.path}: ${p.message}`);
    throw new PluginError(`refusing to sign ${pluginDir}: Grafana would not load it:\n${lines.join('\n')}`);
  }
  const toSign = walk.files.filter((f) => f.path !== MANIFEST_FILE);
  const outcomes = await hashFiles(toSign);
  // A prototype-free object, so a file named `__proto__` is an ordinary key.
  const files = Object.create(null) as Record<string, string>;
  const unreadable: string[] = [];
  toSign.forEach((f, i) => {
    const outcome = outcomes[i];
    if (outcome.ok) files[f.path] = outcome.sha256;
    else unreadable.push(`  ${f.path}: ${outcome.code}`);
  });
  if (unreadable.length > 0) {
    throw new PluginError(`cannot read plugin files in ${pluginDir}:\n${unreadable.join('\n')}`);
  }
  return { plugin: pluginJson.id, version: pluginJson.version, files };
}
