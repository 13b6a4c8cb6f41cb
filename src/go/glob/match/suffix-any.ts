/**
 * gobwas/glob v0.2.3 match/suffix_any.go: the `SuffixAny` matcher.
 */
import { slice } from '../errors.js';
import { indexAnyRunes, lastIndexAnyRunes } from '../strings.js';
import { type IndexResult, lenNo, type Matcher } from './match.js';

/** gobwas `match.SuffixAny`: runes that are not separators followed by a suffix. */
export class SuffixAny implements Matcher {
  constructor(
    readonly suffix: string,
    readonly separators: number[],
  ) {}
  index(s: string): IndexResult {
    const idx = s.indexOf(this.suffix);
    if (idx === -1) return [-1, []];
    const i = lastIndexAnyRunes(slice(s, 0, idx), this.separators) + 1;
    return [i, [idx + this.suffix.length - i]];
  }
  len(): number {
    return lenNo;
  }
  match(s: string): boolean {
    if (!s.endsWith(this.suffix)) return false;
    return indexAnyRunes(slice(s, 0, s.length - this.suffix.length), this.separators) === -1;
  }
}
