/**
 * gobwas/glob v0.2.3 match/row.go: the `Row` matcher.
 */
import { runes } from '../../utf8.js';
import { slice } from '../errors.js';
import type { IndexResult, Matcher } from './match.js';

/** gobwas `match.Row`: a fixed-length sequence of matchers. */
export class Row implements Matcher {
  constructor(
    readonly runesLength: number,
    readonly matchers: Matcher[],
  ) {}
  private matchAll(s: string): boolean {
    let idx = 0;
    for (const m of this.matchers) {
      const length = m.len();
      let next = 0;
      let i = 0;
      // Sic: next ends on the first byte of the last rune, so s[idx:idx+next+1] cuts a multi-byte rune.
      for (const [j] of runes(slice(s, idx))) {
        next = j;
        i++;
        if (i === length) break;
      }
      if (i < length || !m.match(slice(s, idx, idx + next + 1))) return false;
      idx += next + 1;
    }
    return true;
  }
  private lenOk(s: string): boolean {
    let i = 0;
    for (const _ of runes(s)) {
      i++;
      if (i > this.runesLength) return false;
    }
    return this.runesLength === i;
  }
  match(s: string): boolean {
    return this.lenOk(s) && this.matchAll(s);
  }
  len(): number {
    return this.runesLength;
  }
  index(s: string): IndexResult {
    for (const [i] of runes(s)) {
      if (s.length - i < this.runesLength) break;
      if (this.matchAll(slice(s, i))) return [i, [this.runesLength]];
    }
    return [-1, []];
  }
}
