/**
 * gobwas/glob v0.2.3 match/text.go: the `Text` matcher.
 */
import { runeCount } from '../../utf8.js';
import type { IndexResult, Matcher } from './match.js';

/** gobwas `match.Text`: exactly a text. */
export class Text implements Matcher {
  readonly runesLength: number;
  constructor(readonly str: string) {
    this.runesLength = runeCount(str);
  }
  match(s: string): boolean {
    return this.str === s;
  }
  len(): number {
    return this.runesLength;
  }
  index(s: string): IndexResult {
    const index = s.indexOf(this.str);
    if (index === -1) return [-1, []];
    return [index, [this.str.length]];
  }
}
