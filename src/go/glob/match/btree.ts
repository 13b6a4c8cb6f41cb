/**
 * gobwas/glob v0.2.3 match/btree.go: the `BTree` matcher.
 */
import { decodeRune } from '../../utf8.js';
import { GlobPanicError, slice } from '../errors.js';
import type { IndexResult, Matcher } from './match.js';

/** gobwas `match.BTree`: a value matcher with left and right matchers around it. */
export class BTree implements Matcher {
  readonly valueLengthRunes: number;
  readonly leftLengthRunes: number = 0;
  readonly rightLengthRunes: number = 0;
  readonly lengthRunes: number;

  constructor(
    readonly value: Matcher,
    readonly left: Matcher | null,
    readonly right: Matcher | null,
    lengths?: { value: number; left: number; right: number; total: number },
  ) {
    if (lengths !== undefined) {
      // A copy whose children were optimised: Go's value copy keeps the lengths computed at construction.
      this.valueLengthRunes = lengths.value;
      this.leftLengthRunes = lengths.left;
      this.rightLengthRunes = lengths.right;
      this.lengthRunes = lengths.total;
      return;
    }
    let lenOk = true;
    this.valueLengthRunes = value.len();
    if (this.valueLengthRunes === -1) lenOk = false;
    if (left !== null) {
      this.leftLengthRunes = left.len();
      if (this.leftLengthRunes === -1) lenOk = false;
    }
    if (right !== null) {
      this.rightLengthRunes = right.len();
      if (this.rightLengthRunes === -1) lenOk = false;
    }
    this.lengthRunes = lenOk ? this.leftLengthRunes + this.valueLengthRunes + this.rightLengthRunes : -1;
  }

  withChildren(left: Matcher | null, right: Matcher | null): BTree {
    return new BTree(this.value, left, right, {
      value: this.valueLengthRunes,
      left: this.leftLengthRunes,
      right: this.rightLengthRunes,
      total: this.lengthRunes,
    });
  }

  len(): number {
    return this.lengthRunes;
  }

  index(): IndexResult {
    return [-1, []];
  }

  match(s: string): boolean {
    const inputLen = s.length;
    // Rune lengths used as byte offsets, as gobwas does.
    let offset = 0;
    let limit: number;
    if (this.lengthRunes !== -1 && this.lengthRunes > inputLen) {
      limit = 0;
    } else {
      if (this.leftLengthRunes >= 0) offset = this.leftLengthRunes;
      limit = this.rightLengthRunes >= 0 ? inputLen - this.rightLengthRunes : inputLen;
    }
    while (offset < limit) {
      // search for matching part in substring
      const [index, segments] = this.value.index(slice(s, offset, limit));
      if (index === -1) return false;
      const l = slice(s, 0, offset + index);
      const left = this.left !== null ? this.left.match(l) : l === '';
      if (left) {
        for (let i = segments.length - 1; i >= 0; i--) {
          const length = segments[i];
          const r = inputLen <= offset + index + length ? '' : slice(s, offset + index + length);
          const right = this.right !== null ? this.right.match(r) : r === '';
          if (right) return true;
        }
      }
      const [, step] = decodeRune(s, offset + index);
      if (index + step === 0) throw new GlobPanicError('gobwas BTree.Match would loop forever');
      offset += index + step;
    }
    return false;
  }
}
