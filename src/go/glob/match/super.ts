/**
 * gobwas/glob v0.2.3 match/super.go: the `Super` matcher.
 */
import { runes } from '../../utf8.js';
import { type IndexResult, lenNo, type Matcher } from './match.js';

/** gobwas `match.Super`: anything (`**`). */
export class Super implements Matcher {
  match(): boolean {
    return true;
  }
  len(): number {
    return lenNo;
  }
  index(s: string): IndexResult {
    const segments: number[] = [];
    for (const [i] of runes(s)) segments.push(i);
    segments.push(s.length);
    return [0, segments];
  }
}
