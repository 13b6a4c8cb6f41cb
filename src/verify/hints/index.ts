/**
 * Proven causes of failing findings (issue 11): each detector in this folder looks at the bytes and facts of one
 * verification and names a cause only when it is proven, never guessed. Run by `verifyPlugin` after the verdict, only
 * when the plugin is not `valid`: hints never change a status and cost a valid plugin nothing.
 */
import { mapLimit } from '../../manifest/hash.js';
import type { Finding, Hint } from '../findings.js';
import { changedAfterSigningHint } from './changed-after-signing.js';
import { hashOf, readForHint, type HintContext } from './context.js';
import { folderLevelHint } from './folder-level.js';
import { lfsPointerHint, MAX_LFS_POINTER_BYTES } from './git-lfs.js';
import { lineEndingsHint } from './line-endings.js';
import { osDebrisHint } from './os-debris.js';
import { rootUrlNearMissHint, type GlobCompiler } from './root-url-near-miss.js';
import { PRIVATE_GLOB_SIGNATURE } from '../root-url.js';
import { rotatedKeyHint } from './rotated-key.js';
import { windowsSeparatorsHint } from './windows-separators.js';

export type { HintContext } from './context.js';

/** Files read at once while looking for causes. */
const READ_CONCURRENCY = 4;

/** A modified (or unreadable-as-plugin.json) file: a Git LFS pointer, or the signed file with converted line endings. */
async function fileContentHint(ctx: HintContext, path: string, expected?: string): Promise<Hint | undefined> {
  const file = ctx.onDisk.get(path);
  if (!file) return undefined;
  if (file.size === undefined || file.size < MAX_LFS_POINTER_BYTES) {
    const small = await readForHint(file, MAX_LFS_POINTER_BYTES);
    const lfs = small && lfsPointerHint(path, small, expected);
    if (lfs) return lfs;
  }
  if (expected === undefined) return undefined;
  const bytes = await readForHint(file);
  return bytes && lineEndingsHint(path, bytes, expected);
}

/**
 * Sets `hint` on every finding whose cause is proven (see docs/troubleshooting.md for the causes).
 *
 * - `file-modified`: `git-lfs-pointer`, else `line-endings`;
 * - `file-missing` / `file-not-covered`: `windows-separators` (the key with `\` is the file with `/`), `folder-level`
 *   (the listed bytes sit under a shifted path), `os-debris` (an unlisted `.DS_Store`, `Thumbs.db`…);
 * - `plugin-id-mismatch` / `plugin-version-mismatch`: `git-lfs-pointer` when plugin.json is a pointer, else
 *   `changed-after-signing` for the version;
 * - `root-url-mismatch`: `root-url-near-miss`;
 * - `public-key-missing`: `rotated-key`.
 *
 * Findings that give no status (notes) get no hint. Reads only files already walked, bounded in size; never throws
 * for a file that cannot be read (it gets no hint).
 *
 * @param findings the verification's findings, changed in place; @param ctx what the detectors may look at.
 */
export async function addHints(findings: Finding[], ctx: HintContext): Promise<void> {
  const failing = findings.filter((f) => f.status !== null && f.hint === undefined);
  if (failing.length === 0) return;
  const byHash = (path: string) => hashOf(ctx, path);

  // Group causes first: they explain a missing file and an unlisted file together.
  const notCovered = new Map(failing.filter((f) => f.kind === 'file-not-covered').map((f) => [f.path!, f]));
  const missing = failing.filter((f) => f.kind === 'file-missing' && f.expected !== undefined);
  for (const f of missing) {
    const found = windowsSeparatorsHint(f.path!, f.expected!, byHash);
    if (!found) continue;
    f.hint = found.hint;
    const twin = notCovered.get(found.path);
    if (twin) twin.hint = found.hint;
  }
  const unexplained = new Map(missing.filter((f) => !f.hint).map((f) => [f.path!, f.expected!]));
  const loose = new Map<string, string>();
  for (const [path, f] of notCovered) {
    const hash = byHash(path);
    if (!f.hint && hash) loose.set(path, hash);
  }
  const level = unexplained.size > 0 && loose.size > 0 ? folderLevelHint(unexplained, loose) : undefined;
  if (level) {
    const moved = new Set(level.relocations.flatMap((r) => [r.key, r.path]));
    for (const f of [...missing, ...notCovered.values()]) if (!f.hint && moved.has(f.path!)) f.hint = level.hint;
  }

  const pluginJsonPointer =
    ctx.manifest && failing.some((f) => f.kind === 'plugin-id-mismatch' || f.kind === 'plugin-version-mismatch')
      ? await fileContentHint(ctx, 'plugin.json', undefined)
      : undefined;

  // The glob port is loaded only when a private-glob root URL mismatch needs it.
  const glob =
    ctx.manifest?.signatureType === PRIVATE_GLOB_SIGNATURE && failing.some((f) => f.kind === 'root-url-mismatch')
      ? (await import('../../go/glob/glob.js')).compileGlob
      : undefined;
  for (const f of failing) {
    if (f.hint) continue;
    const hint = factHint(f, ctx, pluginJsonPointer, glob);
    if (hint) f.hint = hint;
  }
  // Only modified files are read (bounded, a few at a time).
  const modified = failing.filter((f) => !f.hint && f.kind === 'file-modified');
  await mapLimit(modified, READ_CONCURRENCY, async (f) => {
    const hint = await fileContentHint(ctx, f.path!, f.expected);
    if (hint) f.hint = hint;
  });
}

/** The causes proven from the verification's facts alone, without reading a file. */
function factHint(
  f: Finding,
  ctx: HintContext,
  pluginJsonPointer: Hint | undefined,
  glob: GlobCompiler | undefined,
): Hint | undefined {
  const m = ctx.manifest;
  switch (f.kind) {
    case 'file-not-covered':
      return osDebrisHint(f.path!);
    case 'plugin-id-mismatch':
      return pluginJsonPointer;
    case 'plugin-version-mismatch':
      return pluginJsonPointer ?? (m && changedAfterSigningHint(ctx.plugin, m));
    case 'root-url-mismatch':
      return m && f.actual !== undefined ? rootUrlNearMissHint(m.rootUrls, f.actual, m.signatureType, glob) : undefined;
    case 'public-key-missing':
      return m && f.message.startsWith('missing public key') ? rotatedKeyHint(m.keyId, ctx.publishedKeyIds) : undefined;
    default:
      return undefined;
  }
}
