/**
 * gobwas/glob v0.2.3 util/strings/strings.go and util/runes/runes.go, with Go's `strings.IndexRune` they call.
 */
import { RUNE_ERROR, runeLen, runes, runeString } from '../utf8.js';
import { slice } from './errors.js';

/** `strings.IndexRune(s, r)`. */
function indexRune(s: string, r: number): number {
  if (r >= 0 && r < 0x80) return s.indexOf(String.fromCharCode(r));
  if (r === RUNE_ERROR) {
    for (const [i, c] of runes(s)) if (c === RUNE_ERROR) return i;
    return -1;
  }
  if (runeLen(r) < 0) return -1;
  return s.indexOf(runeString(r));
}

/** gobwas util/strings `IndexAnyRunes`: the index of the first separator found, in the order of `rs` (sic). */
export function indexAnyRunes(s: string, rs: number[]): number {
  for (const r of rs) {
    const i = indexRune(s, r);
    if (i !== -1) return i;
  }
  return -1;
}

/** gobwas util/strings `LastIndexAnyRunes`, including its non-ASCII branch that searches `s`, not `sub`. */
export function lastIndexAnyRunes(s: string, rs: number[]): number {
  for (const r of rs) {
    let i = -1;
    if (r >= 0 && r < 0x80) {
      i = s.lastIndexOf(String.fromCharCode(r));
    } else {
      let sub = s;
      while (sub.length > 0) {
        const j = indexRune(s, r);
        if (j === -1) break;
        i = j;
        sub = slice(sub, i + 1);
      }
    }
    if (i !== -1) return i;
  }
  return -1;
}

/** gobwas util/runes `Equal`: the same runes in the same order. */
export function runesEqual(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i]);
}
