/**
 * gobwas/glob v0.2.3 match/list.go: the `List` matcher.
 */
import { decodeRune, runes } from '../../utf8.js';
import { type IndexResult, lenOne, type Matcher, segmentsOfRune } from './match.js';

/** gobwas `match.List`: one rune from a list (or, with `not`, not from it). */
export class List implements Matcher {
  constructor(
    readonly list: number[],
    readonly not: boolean,
  ) {}
  match(s: string): boolean {
    const [r, w] = decodeRune(s, 0);
    if (s.length > w) return false;
    const inList = this.list.includes(r);
    return inList === !this.not;
  }
  len(): number {
    return lenOne;
  }
  index(s: string): IndexResult {
    for (const [i, r] of runes(s)) {
      if (this.not === !this.list.includes(r)) return [i, segmentsOfRune(r)];
    }
    return [-1, []];
  }
}
