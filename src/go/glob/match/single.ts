/**
 * gobwas/glob v0.2.3 match/single.go: the `Single` matcher.
 */
import { decodeRune, runes } from '../../utf8.js';
import { type IndexResult, lenOne, type Matcher, segmentsOfRune } from './match.js';

/** gobwas `match.Single`: one rune that is not a separator. */
export class Single implements Matcher {
  constructor(readonly separators: number[]) {}
  match(s: string): boolean {
    const [r, w] = decodeRune(s, 0);
    if (s.length > w) return false;
    return !this.separators.includes(r);
  }
  len(): number {
    return lenOne;
  }
  index(s: string): IndexResult {
    for (const [i, r] of runes(s)) {
      if (!this.separators.includes(r)) return [i, segmentsOfRune(r)];
    }
    return [-1, []];
  }
}
