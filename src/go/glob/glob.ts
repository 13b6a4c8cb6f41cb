/**
 * github.com/gobwas/glob v0.2.3 (the version Grafana uses for `private-glob` root URLs), ported file by file; this
 * module is glob.go (`Compile`), the others sit beside it: lexer.ts (syntax/lexer), parser.ts (syntax/ast),
 * compiler.ts (compiler/compiler.go), match/*.ts (one per match/*.go), strings.ts (util/strings, util/runes),
 * errors.ts (gobwas's errors and Go's panics), and ../utf8.ts for unicode/utf8.
 *
 * This is the project's own code: no JavaScript glob library has gobwas semantics, and a regular expression
 * cannot reproduce them, because gobwas's optimiser changes what some patterns match. With separators `/` and `.`,
 * `*?` becomes "at least one character and no `/.` substring" (a `.` alone passes), `[!x]` matches separators,
 * `{a,b` without `}` compiles, and a NUL rune ends the pattern. Porting the lexer, parser, compiler and matchers as
 * they are reproduces Grafana's verdicts, bugs included.
 *
 * Like Go, the matchers work on UTF-8 bytes with rune decoding (`for i, r := range s`), so byte strings (JS strings
 * whose char codes are bytes 0–255) are used internally. Where Go would panic (a slice out of range), the matcher
 * throws {@link GlobPanicError}.
 */
import { toByteString } from '../utf8.js';
import { compileNode } from './compiler.js';
import { GlobSyntaxError } from './errors.js';
import { Lexer } from './lexer.js';
import type { Matcher } from './match/match.js';
import { parse, SyntaxFailure } from './parser.js';

export { GlobPanicError, GlobSyntaxError } from './errors.js';

/**
 * gobwas/glob v0.2.3 `glob.Compile(pattern, separators...)`, returning its `Match`. Syntax: `*` any run of
 * non-separator characters, `**` any run, `?` one non-separator character, `[abc]`, `[a-z]`, `[!…]` (a negated class
 * also matches separators), `{a,b}` alternatives that may hold patterns, `\` escapes the next character. Matching is
 * anchored at both ends and works on runes of the UTF-8 encoding. gobwas's quirks are kept (see the file comment).
 *
 * @param pattern the glob, e.g. `https://*.example.com/`
 * @param separators single characters (runes) that `*` and `?` do not cross; Grafana passes `['/', '.']`
 * @returns a function telling whether a whole string matches; it throws {@link GlobPanicError} where gobwas panics
 * @throws GlobSyntaxError with gobwas's message: `unexpected end of input` (unclosed `[`), `could not parse range`
 *   (`[]`, `[!]`), `expected close range character`, `hi character 'a' should be greater than lo 'z'`,
 *   `could not read rune` (invalid UTF-8 or U+FFFD in the pattern)
 * @throws TypeError when a separator is not exactly one character
 */
export function compileGlob(pattern: string, separators: string[]): (s: string) => boolean {
  const seps = separators.map((s) => {
    const cps = [...s];
    if (cps.length !== 1) throw new TypeError(`glob separator must be one character, got ${JSON.stringify(s)}`);
    return cps[0].codePointAt(0) as number;
  });
  let matcher: Matcher;
  try {
    matcher = compileNode(parse(new Lexer(toByteString(pattern))), seps);
  } catch (e) {
    if (e instanceof SyntaxFailure) throw new GlobSyntaxError(pattern, e.message);
    throw e;
  }
  return (s: string) => matcher.match(toByteString(s));
}
