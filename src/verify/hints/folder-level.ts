/**
 * Cause `folder-level`: the files are the signed ones under another folder level (a common prefix added or
 * removed) or a renamed folder (a different case): listed files are missing while unlisted files with the same
 * bytes sit at the shifted paths.
 */
import type { Hint } from '../findings.js';

/** One listed file found again at another path. */
export interface Relocation {
  key: string;
  path: string;
}

/** How `key` (listed) became `path` (on disk), as a grouping label, or undefined when not by prefix or case. */
function shift(key: string, path: string): string | undefined {
  if (path.endsWith('/' + key)) return `+${path.slice(0, path.length - key.length)}`;
  if (key.endsWith('/' + path)) return `-${key.slice(0, key.length - path.length)}`;
  if (key.toLowerCase() === path.toLowerCase()) {
    const a = key.split('/');
    const b = path.split('/');
    const at = a.findIndex((s, i) => s !== b[i]);
    return `~${a.slice(0, at + 1).join('/')}→${b.slice(0, at + 1).join('/')}`;
  }
  return undefined;
}

/**
 * Proves `folder-level`: pairs each missing listed key with an unlisted file holding exactly the listed bytes
 * (same SHA-256) whose path is the key with a prefix added or removed, or in another case; the largest group sharing
 * one shift is the proof.
 *
 * @param missing listed keys not found → their manifest hash; @param uncovered unlisted files → their SHA-256.
 * @returns the hint and the pairs it explains, or undefined when no pair has the same bytes.
 */
export function folderLevelHint(
  missing: ReadonlyMap<string, string>,
  uncovered: ReadonlyMap<string, string>,
): { hint: Hint; relocations: Relocation[] } | undefined {
  const byHash = new Map<string, string[]>();
  for (const [path, hash] of uncovered) {
    const paths = byHash.get(hash);
    if (paths) paths.push(path);
    else byHash.set(hash, [path]);
  }
  const groups = new Map<string, Relocation[]>();
  for (const [key, hash] of missing) {
    for (const path of byHash.get(hash) ?? []) {
      const label = shift(key, path);
      if (!label) continue;
      const group = groups.get(label);
      if (group) group.push({ key, path });
      else groups.set(label, [{ key, path }]);
    }
  }
  let best: [string, Relocation[]] | undefined;
  for (const entry of groups) if (!best || entry[1].length > best[1].length) best = entry;
  if (!best) return undefined;
  const [label, relocations] = best;
  const n = relocations.length;
  const files = `${n} listed file${n === 1 ? '' : 's'}`;
  let detail: string;
  let fix: string;
  if (label.startsWith('+')) {
    const prefix = label.slice(1);
    detail = `${files} sit under "${prefix}" with the signed bytes (e.g. ${relocations[0].key} is at ${relocations[0].path})`;
    fix = `the folder verified is one level above the signed one: point at the "${prefix}" folder, or sign that folder`;
  } else if (label.startsWith('-')) {
    const prefix = label.slice(1);
    detail = `the manifest lists ${files} under "${prefix}", found with the signed bytes without it (e.g. ${relocations[0].key} is at ${relocations[0].path})`;
    fix = `the manifest was built one level above this folder (keys start with "${prefix}"): sign the plugin folder itself`;
  } else {
    const [from, to] = label.slice(1).split('→');
    detail = `${files} ${n === 1 ? 'differs' : 'differ'} only in case: "${from}" was signed, "${to}" is on disk, with the signed bytes`;
    fix = `rename "${to}" back to "${from}" (Grafana compares names case-sensitively), or sign again after renaming`;
  }
  return { hint: { cause: 'folder-level', detail, fix }, relocations };
}
