/**
 * gobwas/glob v0.2.3 match/any_of.go: the `AnyOf` matcher.
 */
import { appendMerge, type IndexResult, type Matcher } from './match.js';

/** gobwas `match.AnyOf`: any of the matchers matches. */
export class AnyOf implements Matcher {
  constructor(readonly matchers: Matcher[]) {}
  match(s: string): boolean {
    return this.matchers.some((m) => m.match(s));
  }
  index(s: string): IndexResult {
    let index = -1;
    let segments: number[] = [];
    for (const m of this.matchers) {
      const [idx, seg] = m.index(s);
      if (idx === -1) continue;
      if (index === -1 || idx < index) {
        index = idx;
        segments = [...seg];
        continue;
      }
      if (idx > index) continue;
      // here idx == index
      segments = appendMerge(segments, seg);
    }
    if (index === -1) return [-1, []];
    return [index, segments];
  }
  len(): number {
    // Sic: leading matchers without a static length are skipped.
    let l = -1;
    for (const m of this.matchers) {
      const ml = m.len();
      if (l === -1) {
        l = ml;
        continue;
      }
      if (ml === -1) return -1;
      if (l !== ml) return -1;
    }
    return l;
  }
}
