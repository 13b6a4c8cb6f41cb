/**
 * gobwas/glob v0.2.3 match/prefix_suffix.go: the `PrefixSuffix` matcher.
 */
import { slice } from '../errors.js';
import { type IndexResult, lenNo, type Matcher } from './match.js';

/** gobwas `match.PrefixSuffix`: a prefix and a suffix. */
export class PrefixSuffix implements Matcher {
  constructor(
    readonly prefix: string,
    readonly suffix: string,
  ) {}
  index(s: string): IndexResult {
    const prefixIdx = s.indexOf(this.prefix);
    if (prefixIdx === -1) return [-1, []];
    const suffixLen = this.suffix.length;
    if (suffixLen <= 0) return [prefixIdx, [s.length - prefixIdx]];
    if (s.length - prefixIdx <= 0) return [-1, []];
    const segments: number[] = [];
    for (let sub = slice(s, prefixIdx); ;) {
      const suffixIdx = sub.lastIndexOf(this.suffix);
      if (suffixIdx === -1) break;
      segments.push(suffixIdx + suffixLen);
      sub = slice(sub, 0, suffixIdx);
    }
    if (segments.length === 0) return [-1, []];
    segments.reverse();
    return [prefixIdx, segments];
  }
  len(): number {
    return lenNo;
  }
  match(s: string): boolean {
    return s.startsWith(this.prefix) && s.endsWith(this.suffix);
  }
}
