/**
 * Resolving the `dist` input: one or more lines, each a path or a glob (`@actions/glob` syntax, `!` to
 * exclude), naming plugin folders or plugin `.zip` files.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../errors.js';
import { isZipPath } from '../targets/target.js';
import { Inputs } from './constants.js';

/** One plugin to sign or verify. */
export interface Target {
  /** Absolute path of the folder or zip. */
  path: string;
  /** The same, relative to the workspace, for messages (`dist`, `plugins/a/dist`, `release/x.zip`). */
  display: string;
  zip: boolean;
}

/**
 * Expands the `dist` input lines into plugin folders and zips, in a stable order.
 *
 * A line without glob characters is taken as is (so `dist` works before any glob is involved); glob lines
 * match folders and files, of which folders and `.zip` files are kept. Relative lines are resolved against the
 * workspace.
 *
 * @param lines the input's non-empty lines; @param workspace GITHUB_WORKSPACE (absolute).
 * @returns at least one target.
 * @throws UsageError (`dist`) when nothing matches, naming the patterns and the workspace.
 */
export async function resolveTargets(lines: readonly string[], workspace: string): Promise<Target[]> {
  const found = new Map<string, Target>();
  const add = (abs: string, zip: boolean) => {
    if (!found.has(abs)) found.set(abs, { path: abs, display: path.relative(workspace, abs) || '.', zip });
  };
  const hasGlob = (l: string) => /[*?[\]{}]/.test(l) || l.startsWith('!');
  const plain = lines.filter((l) => !hasGlob(l));
  const patterns = lines.filter(hasGlob);
  for (const line of plain) {
    const abs = path.resolve(workspace, line);
    const info = await stat(abs).catch(() => undefined);
    if (info?.isDirectory()) add(abs, false);
    else if (info?.isFile() && isZipPath(abs)) add(abs, true);
    else if (info) throw new UsageError(Inputs.Dist, `dist: ${line} is neither a folder nor a .zip`);
  }
  if (patterns.length > 0) {
    const resolved = patterns.map((p) =>
      p.startsWith('!') ? `!${path.resolve(workspace, p.slice(1))}` : path.resolve(workspace, p),
    );
    // Loaded only for a glob line (see docs/performance.md).
    const glob = await import('@actions/glob');
    const globber = await glob.create(resolved.join('\n'), { implicitDescendants: false, matchDirectories: true });
    const matches = (await globber.glob()).sort();
    for (const match of matches) {
      const info = await stat(match).catch(() => undefined);
      if (info?.isDirectory()) add(match, false);
      else if (info?.isFile() && isZipPath(match)) add(match, true);
    }
  }
  if (found.size === 0) {
    throw new UsageError(
      Inputs.Dist,
      `dist: nothing matches ${lines.map((l) => JSON.stringify(l)).join(', ')} in ${workspace}: build the plugin ` +
        'first, or point dist at the built folder(s) or .zip file(s)',
    );
  }
  return [...found.values()];
}
