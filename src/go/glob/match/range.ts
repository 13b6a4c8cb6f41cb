/**
 * gobwas/glob v0.2.3 match/range.go: the `Range` matcher.
 */
import { decodeRune, runes } from '../../utf8.js';
import { type IndexResult, lenOne, type Matcher, segmentsOfRune } from './match.js';

/** gobwas `match.Range`: one rune in a range (or, with `not`, outside it). */
export class Range implements Matcher {
  constructor(
    readonly lo: number,
    readonly hi: number,
    readonly not: boolean,
  ) {}
  len(): number {
    return lenOne;
  }
  match(s: string): boolean {
    const [r, w] = decodeRune(s, 0);
    if (s.length > w) return false;
    const inRange = r >= this.lo && r <= this.hi;
    return inRange === !this.not;
  }
  index(s: string): IndexResult {
    for (const [i, r] of runes(s)) {
      if (this.not !== (r >= this.lo && r <= this.hi)) return [i, segmentsOfRune(r)];
    }
    return [-1, []];
  }
}
