/**
 * gobwas/glob v0.2.3 match/min.go: the `Min` matcher.
 */
import { runeLen, runes } from '../../utf8.js';
import { type IndexResult, lenNo, type Matcher } from './match.js';

/** gobwas `match.Min`: at least N runes. */
export class Min implements Matcher {
  constructor(readonly limit: number) {}
  match(s: string): boolean {
    let l = 0;
    for (const _ of runes(s)) {
      l += 1;
      if (l >= this.limit) return true;
    }
    return false;
  }
  index(s: string): IndexResult {
    let count = 0;
    const c = s.length - this.limit + 1;
    if (c <= 0) return [-1, []];
    const segments: number[] = [];
    for (const [i, r] of runes(s)) {
      count++;
      if (count >= this.limit) segments.push(i + runeLen(r));
    }
    if (segments.length === 0) return [-1, []];
    return [0, segments];
  }
  len(): number {
    return lenNo;
  }
}
