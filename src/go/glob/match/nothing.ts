/**
 * gobwas/glob v0.2.3 match/nothing.go: the `Nothing` matcher.
 */
import { type IndexResult, lenZero, type Matcher } from './match.js';

/** gobwas `match.Nothing`: only the empty string. */
export class Nothing implements Matcher {
  match(s: string): boolean {
    return s.length === 0;
  }
  index(): IndexResult {
    return [0, [0]];
  }
  len(): number {
    return lenZero;
  }
}
