/**
 * gobwas/glob v0.2.3 match/max.go: the `Max` matcher.
 */
import { runeLen, runes } from '../../utf8.js';
import { type IndexResult, lenNo, type Matcher } from './match.js';

/** gobwas `match.Max`: at most N runes. */
export class Max implements Matcher {
  constructor(readonly limit: number) {}
  match(s: string): boolean {
    let l = 0;
    for (const _ of runes(s)) {
      l += 1;
      if (l > this.limit) return false;
    }
    return true;
  }
  index(s: string): IndexResult {
    const segments = [0];
    let count = 0;
    for (const [i, r] of runes(s)) {
      count++;
      if (count > this.limit) break;
      segments.push(i + runeLen(r));
    }
    return [0, segments];
  }
  len(): number {
    return lenNo;
  }
}
