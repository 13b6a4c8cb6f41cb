/**
 * gobwas/glob v0.2.3 match/prefix.go: the `Prefix` matcher.
 */
import { runeLen, runes } from '../../utf8.js';
import { slice } from '../errors.js';
import { type IndexResult, lenNo, type Matcher } from './match.js';

/** gobwas `match.Prefix`: starts with a text. */
export class Prefix implements Matcher {
  constructor(readonly prefix: string) {}
  index(s: string): IndexResult {
    const idx = s.indexOf(this.prefix);
    if (idx === -1) return [-1, []];
    const length = this.prefix.length;
    const sub = s.length > idx + length ? slice(s, idx + length) : '';
    const segments = [length];
    for (const [i, r] of runes(sub)) segments.push(length + i + runeLen(r));
    return [idx, segments];
  }
  len(): number {
    return lenNo;
  }
  match(s: string): boolean {
    return s.startsWith(this.prefix);
  }
}
