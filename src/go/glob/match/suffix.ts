/**
 * gobwas/glob v0.2.3 match/suffix.go: the `Suffix` matcher.
 */
import { type IndexResult, lenNo, type Matcher } from './match.js';

/** gobwas `match.Suffix`: ends with a text. */
export class Suffix implements Matcher {
  constructor(readonly suffix: string) {}
  len(): number {
    return lenNo;
  }
  match(s: string): boolean {
    return s.endsWith(this.suffix);
  }
  index(s: string): IndexResult {
    const idx = s.indexOf(this.suffix);
    if (idx === -1) return [-1, []];
    return [0, [idx + this.suffix.length]];
  }
}
