/**
 * Building the unsigned manifest that grafana.com signs (what `@grafana/sign-plugin` sends,
 * docs/verification.md#signing).
 */
import { PluginError } from '../errors.js';
import { hashFiles } from './hash.js';
import { readPluginJson } from './plugin-json.js';
import type { UnsignedManifest } from './types.js';
import { walkPluginFiles } from './walk.js';

/**
 * Why a file whose path is not valid UTF-8 can never be covered (Grafana: `modified`): the walk sees its raw bytes,
 * while Go's JSON decoder turns invalid UTF-8 in a manifest key into U+FFFD, so no key can equal it.
 */
export const NON_UTF8_REASON =
  "the name is not valid UTF-8 (shown with \\xNN for its raw bytes), and Go's JSON decoder turns invalid UTF-8 in " +
  'a manifest key into U+FFFD, so no manifest can cover it';

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
 *   refuse (outside the folder, broken), a special file, a folder that changed during the run, or a file whose path
 *   is not valid UTF-8 (named with its bytes escaped, before any request), when the folder has no file to sign, or when a file
 *   cannot be read (every such file named with its `fs` code).
 */
export async function buildManifest(pluginDir: string): Promise<UnsignedManifest> {
  const pluginJson = await readPluginJson(pluginDir);
  if (pluginJson.error) throw new PluginError(pluginJson.error);
  let walk;
  try {
    walk = await walkPluginFiles(pluginDir, { keepOpen: true });
  } catch (error) {
    throw new PluginError(`cannot read plugin folder ${pluginDir}: ${(error as Error).message}`, { cause: error });
  }
  let outcomes;
  const toSign = walk.files.filter((f) => f.path !== MANIFEST_FILE);
  try {
    if (walk.problems.length > 0) {
      const lines = walk.problems.map((p) => `  ${p.path}: ${p.message}`);
      throw new PluginError(`refusing to sign ${pluginDir}: Grafana would not load it:\n${lines.join('\n')}`);
    }
    if (walk.nonUtf8.length > 0) {
      const lines = walk.nonUtf8.map((f) => `  ${f.path}: ${NON_UTF8_REASON}`);
      throw new PluginError(
        `refusing to sign ${pluginDir}: no manifest can cover these files, rename them (UTF-8 names only):\n` +
          lines.join('\n'),
      );
    }
    outcomes = await hashFiles(toSign);
  } finally {
    walk.close();
  }
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
