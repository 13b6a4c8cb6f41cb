/**
 * gobwas/glob v0.2.3 match/contains.go: the `Contains` matcher.
 */
import { runes } from '../../utf8.js';
import { slice } from '../errors.js';
import { type IndexResult, lenNo, type Matcher } from './match.js';

/** gobwas `match.Contains`: contains a text (or, with `not`, does not). */
export class Contains implements Matcher {
  constructor(
    readonly needle: string,
    readonly not: boolean,
  ) {}
  match(s: string): boolean {
    return s.includes(this.needle) !== this.not;
  }
  index(s: string): IndexResult {
    let offset = 0;
    const idx = s.indexOf(this.needle);
    if (!this.not) {
      if (idx === -1) return [-1, []];
      offset = idx + this.needle.length;
      if (s.length <= offset) return [0, [offset]];
      s = slice(s, offset);
    } else if (idx !== -1) {
      s = slice(s, 0, idx);
    }
    const segments: number[] = [];
    for (const [i] of runes(s)) segments.push(offset + i);
    segments.push(offset + s.length);
    return [0, segments];
  }
  len(): number {
    return lenNo;
  }
}
