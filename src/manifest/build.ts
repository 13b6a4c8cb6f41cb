/**
 * Building the unsigned manifest that grafana.com signs (what `@grafana/sign-plugin` sends, SIGNATURES.md §7).
 */
import { PluginError } from '../errors.js';
import { mapLimit, sha256File } from './hash.js';
import { readPluginJson } from './plugin-json.js';
import type { UnsignedManifest } from './types.js';
import { walkPluginFiles } from './walk.js';

/** Name of the signed manifest at a plugin's root. */
export const MANIFEST_FILE = 'MANIFEST.txt';

/** How many files are hashed at once. */
export const HASH_CONCURRENCY = 8;

/**
 * Hashes every file under `pluginDir` except the top-level MANIFEST.txt and reads plugin.json.
 *
 * @param pluginDir the built plugin (`dist`).
 * @returns `{ plugin, version, files }` with posix paths in Go walk order and lowercase hex SHA-256 values.
 * @throws PluginError when plugin.json lacks `id`/`info.version`, when the folder holds a link Grafana would
 *   refuse (outside the folder, broken) or a special file, or when the folder has no file to sign.
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
  const hashes = await mapLimit(toSign, HASH_CONCURRENCY, (f) => sha256File(f.absolutePath));
  // A prototype-free object, so a file named `__proto__` is an ordinary key.
  const files = Object.create(null) as Record<string, string>;
  toSign.forEach((f, i) => {
    files[f.path] = hashes[i];
  });
  return { plugin: pluginJson.id, version: pluginJson.version, files };
}
