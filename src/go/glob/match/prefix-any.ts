/**
 * gobwas/glob v0.2.3 match/prefix_any.go: the `PrefixAny` matcher.
 */
import { runeLen, runes } from '../../utf8.js';
import { slice } from '../errors.js';
import { indexAnyRunes } from '../strings.js';
import { type IndexResult, lenNo, type Matcher } from './match.js';

/** gobwas `match.PrefixAny`: a prefix followed by runes that are not separators. */
export class PrefixAny implements Matcher {
  constructor(
    readonly prefix: string,
    readonly separators: number[],
  ) {}
  index(s: string): IndexResult {
    const idx = s.indexOf(this.prefix);
    if (idx === -1) return [-1, []];
    const n = this.prefix.length;
    let sub = slice(s, idx + n);
    const i = indexAnyRunes(sub, this.separators);
    if (i > -1) sub = slice(sub, 0, i);
    const seg = [n];
    for (const [j, r] of runes(sub)) seg.push(n + j + runeLen(r));
    return [idx, seg];
  }
  len(): number {
    return lenNo;
  }
  match(s: string): boolean {
    if (!s.startsWith(this.prefix)) return false;
    return indexAnyRunes(slice(s, this.prefix.length), this.separators) === -1;
  }
}
