/**
 * Go runtime panics (`runtime error: slice bounds out of range`) and gobwas's `glob.Compile` errors, shared by
 * the lexer, parser, compiler and matchers of the gobwas/glob v0.2.3 port.
 */

/** A pattern gobwas's `glob.Compile` rejects; `message` is gobwas's error text, e.g. `unexpected end of input`. */
export class GlobSyntaxError extends Error {
  /** The pattern as given. */
  readonly pattern: string;
  constructor(pattern: string, message: string) {
    super(message);
    this.name = 'GlobSyntaxError';
    this.pattern = pattern;
  }
}

/** Matching hit a case where gobwas panics in Go (an out-of-range slice); Grafana would crash on it. */
export class GlobPanicError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GlobPanicError';
  }
}

/** Go's `s[lo:hi]`, panicking (throwing) where Go would. */
export function slice(s: string, lo: number, hi: number = s.length): string {
  if (hi > s.length)
    throw new GlobPanicError(`runtime error: slice bounds out of range [:${hi}] with length ${s.length}`);
  if (lo < 0 || hi < lo) throw new GlobPanicError(`runtime error: slice bounds out of range [${lo}:${hi}]`);
  return s.slice(lo, hi);
}
