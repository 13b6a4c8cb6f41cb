/**
 * gobwas/glob v0.2.3 match/any.go: the `Any` matcher.
 */
import { runes } from '../../utf8.js';
import { slice } from '../errors.js';
import { indexAnyRunes } from '../strings.js';
import { type IndexResult, lenNo, type Matcher } from './match.js';

/** gobwas `match.Any`: any run of runes containing no separator. */
export class Any implements Matcher {
  constructor(readonly separators: number[]) {}
  match(s: string): boolean {
    return indexAnyRunes(s, this.separators) === -1;
  }
  index(s: string): IndexResult {
    const found = indexAnyRunes(s, this.separators);
    if (found === 0) return [0, [0]];
    if (found > 0) s = slice(s, 0, found);
    const segments: number[] = [];
    for (const [i] of runes(s)) segments.push(i);
    segments.push(s.length);
    return [0, segments];
  }
  len(): number {
    return lenNo;
  }
}
