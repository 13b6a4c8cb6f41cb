/**
 * gobwas/glob v0.2.3 match/every_of.go: the `EveryOf` matcher.
 */
import { slice } from '../errors.js';
import type { IndexResult, Matcher } from './match.js';

/** gobwas `match.EveryOf`: every matcher matches. */
export class EveryOf implements Matcher {
  constructor(readonly matchers: Matcher[] = []) {}
  add(m: Matcher): void {
    this.matchers.push(m);
  }
  len(): number {
    // Sic: l starts at 0, so any matcher makes this -1.
    let l = 0;
    for (const m of this.matchers) {
      const ml = m.len();
      if (l > 0) l += ml;
      else return -1;
    }
    return l;
  }
  index(s: string): IndexResult {
    let index = 0;
    let offset = 0;
    let current: number[] = [];
    let sub = s;
    for (let i = 0; i < this.matchers.length; i++) {
      const [idx, seg] = this.matchers[i].index(sub);
      if (idx === -1) return [-1, []];
      if (i === 0) {
        current = [...seg];
      } else {
        const next: number[] = [];
        const delta = index - (idx + offset);
        for (const ex of current) for (const n of seg) if (ex + delta === n) next.push(n);
        if (next.length === 0) return [-1, []];
        current = next;
      }
      index = idx + offset;
      sub = slice(s, index);
      offset += idx;
    }
    return [index, current];
  }
  match(s: string): boolean {
    return this.matchers.every((m) => m.match(s));
  }
}
