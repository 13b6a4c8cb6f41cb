/**
 * gobwas/glob v0.2.3 match/match.go (the `Matcher` interface, `appendMerge`) and match/segments.go (segment lists).
 */
import { runeLen } from '../../utf8.js';
import { GlobPanicError } from '../errors.js';

/** `[index, segments]`: where the match starts (-1: none) and the byte lengths it can have from there. */
export type IndexResult = [number, number[]];

/** gobwas `match.Matcher`: `Match`, `Index` (start and possible lengths) and `Len` (runes, -1 when variable). */
export interface Matcher {
  match(s: string): boolean;
  index(s: string): IndexResult;
  len(): number;
}

/** gobwas `lenOne`. */
export const lenOne = 1;

/** gobwas `lenZero`. */
export const lenZero = 0;

/** gobwas `lenNo`: variable length. */
export const lenNo = -1;

const segmentsByRuneLength: number[][] = [[0], [1], [2], [3], [4]];

/** The segment list `[len(r)]` of one rune's UTF-8 length; panics (throws GlobPanicError) for an invalid rune. */
export function segmentsOfRune(r: number): number[] {
  const l = runeLen(r);
  if (l < 0) throw new GlobPanicError(`runtime error: index out of range [${l}]`);
  return segmentsByRuneLength[l];
}

/** match.appendMerge: merges two sorted, unique segment lists. */
export function appendMerge(target: number[], sub: number[]): number[] {
  const out: number[] = [];
  let x = 0;
  let y = 0;
  while (x < target.length || y < sub.length) {
    if (x >= target.length) {
      out.push(...sub.slice(y));
      break;
    }
    if (y >= sub.length) {
      out.push(...target.slice(x));
      break;
    }
    const xv = target[x];
    const yv = sub[y];
    if (xv === yv) {
      out.push(xv);
      x++;
      y++;
    } else if (xv < yv) {
      out.push(xv);
      x++;
    } else {
      out.push(yv);
      y++;
    }
  }
  return out;
}
