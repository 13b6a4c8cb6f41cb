/**
 * github.com/gobwas/glob v0.2.3 (the version Grafana uses for `private-glob` root URLs), ported file by file:
 * syntax/lexer/lexer.go, syntax/ast/parser.go, compiler/compiler.go, match/*.go, util/strings, util/runes.
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
import { decodeRune, fromByteString, RUNE_ERROR, toByteString } from '../utf8.js';

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

// ---------------------------------------------------------------------------------------------------------------
// UTF-8 on byte strings (Go's unicode/utf8)

/** `utf8.RuneLen(r)`. */
function runeLen(r: number): number {
  if (r < 0) return -1;
  if (r < 0x80) return 1;
  if (r < 0x800) return 2;
  if (r >= 0xd800 && r <= 0xdfff) return -1;
  if (r < 0x10000) return 3;
  if (r <= 0x10ffff) return 4;
  return -1;
}

/** `string(r)` for a rune: its UTF-8 bytes (U+FFFD for an invalid rune). */
function runeString(r: number): string {
  if (runeLen(r) < 0) r = RUNE_ERROR;
  return toByteString(String.fromCodePoint(r));
}

/** `for i, r := range s`: the byte offset and rune of every rune start. */
function* runes(s: string): Generator<[number, number]> {
  for (let i = 0; i < s.length;) {
    const [r, w] = decodeRune(s, i);
    yield [i, r];
    i += w;
  }
}

/** `[]rune(s)`. */
function toRunes(s: string): number[] {
  const out: number[] = [];
  for (const [, r] of runes(s)) out.push(r);
  return out;
}

/** `utf8.RuneCountInString(s)`. */
function runeCount(s: string): number {
  let n = 0;
  for (const _ of runes(s)) n++;
  return n;
}

/** Go's `s[lo:hi]`, panicking (throwing) where Go would. */
function slice(s: string, lo: number, hi: number = s.length): string {
  if (hi > s.length)
    throw new GlobPanicError(`runtime error: slice bounds out of range [:${hi}] with length ${s.length}`);
  if (lo < 0 || hi < lo) throw new GlobPanicError(`runtime error: slice bounds out of range [${lo}:${hi}]`);
  return s.slice(lo, hi);
}

/** `strings.IndexRune(s, r)`. */
function indexRune(s: string, r: number): number {
  if (r >= 0 && r < 0x80) return s.indexOf(String.fromCharCode(r));
  if (r === RUNE_ERROR) {
    for (const [i, c] of runes(s)) if (c === RUNE_ERROR) return i;
    return -1;
  }
  if (runeLen(r) < 0) return -1;
  return s.indexOf(runeString(r));
}

/** gobwas util/strings `IndexAnyRunes`: the index of the first separator found, in the order of `rs` (sic). */
function indexAnyRunes(s: string, rs: number[]): number {
  for (const r of rs) {
    const i = indexRune(s, r);
    if (i !== -1) return i;
  }
  return -1;
}

/** gobwas util/strings `LastIndexAnyRunes`, including its non-ASCII branch that searches `s`, not `sub`. */
function lastIndexAnyRunes(s: string, rs: number[]): number {
  for (const r of rs) {
    let i = -1;
    if (r >= 0 && r < 0x80) {
      i = s.lastIndexOf(String.fromCharCode(r));
    } else {
      let sub = s;
      while (sub.length > 0) {
        const j = indexRune(s, r);
        if (j === -1) break;
        i = j;
        sub = slice(sub, i + 1);
      }
    }
    if (i !== -1) return i;
  }
  return -1;
}

function runesEqual(a: number[], b: number[]): boolean {
  return a.length === b.length && a.every((r, i) => r === b[i]);
}

// ---------------------------------------------------------------------------------------------------------------
// syntax/lexer

type TokenType =
  | 'eof'
  | 'error'
  | 'text'
  | 'char'
  | 'any'
  | 'super'
  | 'single'
  | 'not'
  | 'separator'
  | 'range_open'
  | 'range_close'
  | 'range_lo'
  | 'range_hi'
  | 'range_between'
  | 'terms_open'
  | 'terms_close';

interface Token {
  type: TokenType;
  /** Byte string. */
  raw: string;
}

const EOF = 0;
const charAny = 0x2a; // *
const charComma = 0x2c; // ,
const charSingle = 0x3f; // ?
const charEscape = 0x5c; // \
const charRangeOpen = 0x5b; // [
const charRangeClose = 0x5d; // ]
const charTermsOpen = 0x7b; // {
const charTermsClose = 0x7d; // }
const charRangeNot = 0x21; // !
const charRangeBetween = 0x2d; // -

const inTextBreakers = [charSingle, charAny, charRangeOpen, charTermsOpen];
const inTermsBreakers = [...inTextBreakers, charTermsClose, charComma];

class Lexer {
  private pos = 0;
  private err: string | null = null;
  private readonly tokens: Token[] = [];
  private termsLevel = 0;
  private lastRune = 0;
  private lastRuneSize = 0;
  private hasRune = false;

  constructor(private readonly data: string) {}

  next(): Token {
    for (;;) {
      if (this.err !== null) return { type: 'error', raw: this.err };
      const t = this.tokens.shift();
      if (t !== undefined) return t;
      this.fetchItem();
    }
  }

  private peek(): [number, number] {
    if (this.pos === this.data.length) return [EOF, 0];
    let [r, w] = decodeRune(this.data, this.pos);
    if (r === RUNE_ERROR) {
      this.err = 'could not read rune';
      r = EOF;
      w = 0;
    }
    return [r, w];
  }

  private read(): number {
    if (this.hasRune) {
      this.hasRune = false;
      this.pos += this.lastRuneSize;
      return this.lastRune;
    }
    const [r, s] = this.peek();
    this.pos += s;
    this.lastRune = r;
    this.lastRuneSize = s;
    return r;
  }

  private unread(): void {
    if (this.hasRune) {
      this.err = 'could not unread rune';
      return;
    }
    this.pos -= this.lastRuneSize;
    this.hasRune = true;
  }

  private fetchItem(): void {
    const r = this.read();
    if (r === EOF) {
      this.tokens.push({ type: 'eof', raw: '' });
    } else if (r === charTermsOpen) {
      this.termsLevel++;
      this.tokens.push({ type: 'terms_open', raw: runeString(r) });
    } else if (r === charComma && this.termsLevel > 0) {
      this.tokens.push({ type: 'separator', raw: runeString(r) });
    } else if (r === charTermsClose && this.termsLevel > 0) {
      this.tokens.push({ type: 'terms_close', raw: runeString(r) });
      this.termsLevel--;
    } else if (r === charRangeOpen) {
      this.tokens.push({ type: 'range_open', raw: runeString(r) });
      this.fetchRange();
    } else if (r === charSingle) {
      this.tokens.push({ type: 'single', raw: runeString(r) });
    } else if (r === charAny) {
      if (this.read() === charAny) {
        this.tokens.push({ type: 'super', raw: runeString(r) + runeString(r) });
      } else {
        this.unread();
        this.tokens.push({ type: 'any', raw: runeString(r) });
      }
    } else {
      this.unread();
      this.fetchText(this.termsLevel > 0 ? inTermsBreakers : inTextBreakers);
    }
  }

  private fetchRange(): void {
    let wantHi = false;
    let wantClose = false;
    let seenNot = false;
    for (;;) {
      const r = this.read();
      if (r === EOF) {
        this.err = 'unexpected end of input';
        return;
      }
      if (wantClose) {
        if (r !== charRangeClose) this.err = 'expected close range character';
        else this.tokens.push({ type: 'range_close', raw: runeString(r) });
        return;
      }
      if (wantHi) {
        this.tokens.push({ type: 'range_hi', raw: runeString(r) });
        wantClose = true;
        continue;
      }
      if (!seenNot && r === charRangeNot) {
        this.tokens.push({ type: 'not', raw: runeString(r) });
        seenNot = true;
        continue;
      }
      const [n, w] = this.peek();
      if (n === charRangeBetween) {
        this.pos += w;
        this.tokens.push({ type: 'range_lo', raw: runeString(r) });
        this.tokens.push({ type: 'range_between', raw: runeString(n) });
        wantHi = true;
        continue;
      }
      this.unread(); // unread first peek and fetch as text
      this.fetchText([charRangeClose]);
      wantClose = true;
    }
  }

  private fetchText(breakers: number[]): void {
    const data: number[] = [];
    let escaped = false;
    for (;;) {
      const r = this.read();
      if (r === EOF) break;
      if (!escaped) {
        if (r === charEscape) {
          escaped = true;
          continue;
        }
        if (breakers.includes(r)) {
          this.unread();
          break;
        }
      }
      escaped = false;
      data.push(r);
    }
    if (data.length > 0) this.tokens.push({ type: 'text', raw: data.map(runeString).join('') });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// syntax/ast

type NodeValue =
  | { kind: 'list'; not: boolean; chars: string }
  | { kind: 'range'; not: boolean; lo: number; hi: number }
  | { kind: 'text'; text: string }
  | null;

type Kind = 'Nothing' | 'Pattern' | 'List' | 'Range' | 'Text' | 'Any' | 'Super' | 'Single' | 'AnyOf';

class Node {
  parent: Node | null = null;
  children: Node[] = [];
  constructor(
    readonly kind: Kind,
    readonly value: NodeValue,
    ...ch: Node[]
  ) {
    insert(this, ...ch);
  }

  /** `(*Node).Equal`, which is also what `reflect.DeepEqual` amounts to for `appendIfUnique`. */
  equal(b: Node): boolean {
    if (this.kind !== b.kind || !valueEqual(this.value, b.value)) return false;
    if (this.children.length !== b.children.length) return false;
    return this.children.every((c, i) => c.equal(b.children[i]));
  }
}

function valueEqual(a: NodeValue, b: NodeValue): boolean {
  if (a === null || b === null) return a === b;
  if (a.kind === 'list' && b.kind === 'list') return a.not === b.not && a.chars === b.chars;
  if (a.kind === 'range' && b.kind === 'range') return a.not === b.not && a.lo === b.lo && a.hi === b.hi;
  if (a.kind === 'text' && b.kind === 'text') return a.text === b.text;
  return false;
}

function insert(parent: Node, ...children: Node[]): void {
  parent.children.push(...children);
  for (const ch of children) ch.parent = parent;
}

class SyntaxFailure extends Error {}

/** gobwas `ast.Parse(lexer.NewLexer(pattern))`. */
function parse(lex: Lexer): Node {
  const root = new Node('Pattern', null);
  let tree = root;
  let state: 'main' | 'range' | null = 'main';
  while (state !== null) {
    if (state === 'main') [state, tree] = parserMain(tree, lex);
    else [state, tree] = parserRange(tree, lex);
  }
  return root;
}

function tokenString(t: Token): string {
  return `${t.type}<${quote(t.raw)}>`;
}

function quote(bytes: string): string {
  return JSON.stringify(fromByteString(bytes));
}

function parserMain(tree: Node, lex: Lexer): ['main' | 'range' | null, Node] {
  const token = lex.next();
  switch (token.type) {
    case 'eof':
      return [null, tree];
    case 'error':
      throw new SyntaxFailure(token.raw);
    case 'text':
      insert(tree, new Node('Text', { kind: 'text', text: token.raw }));
      return ['main', tree];
    case 'any':
      insert(tree, new Node('Any', null));
      return ['main', tree];
    case 'super':
      insert(tree, new Node('Super', null));
      return ['main', tree];
    case 'single':
      insert(tree, new Node('Single', null));
      return ['main', tree];
    case 'range_open':
      return ['range', tree];
    case 'terms_open': {
      const a = new Node('AnyOf', null);
      insert(tree, a);
      const p = new Node('Pattern', null);
      insert(a, p);
      return ['main', p];
    }
    case 'separator': {
      const p = new Node('Pattern', null);
      insert(goDeref(tree.parent), p);
      return ['main', p];
    }
    case 'terms_close':
      return ['main', goDeref(goDeref(tree.parent).parent)];
    default:
      throw new SyntaxFailure(`unexpected token: ${tokenString(token)}`);
  }
}

function goDeref(n: Node | null): Node {
  if (n === null) throw new GlobPanicError('runtime error: invalid memory address or nil pointer dereference');
  return n;
}

function parserRange(tree: Node, lex: Lexer): ['main' | null, Node] {
  let not = false;
  let lo = 0;
  let hi = 0;
  let chars = '';
  for (;;) {
    const token = lex.next();
    switch (token.type) {
      case 'eof':
        throw new SyntaxFailure('unexpected end');
      case 'error':
        throw new SyntaxFailure(token.raw);
      case 'not':
        not = true;
        break;
      case 'range_lo': {
        const [r, w] = decodeRune(token.raw, 0);
        if (token.raw.length > w) throw new SyntaxFailure('unexpected length of lo character');
        lo = r;
        break;
      }
      case 'range_between':
        break;
      case 'range_hi': {
        const [r, w] = decodeRune(token.raw, 0);
        if (token.raw.length > w) throw new SyntaxFailure('unexpected length of lo character');
        hi = r;
        if (hi < lo) {
          throw new SyntaxFailure(
            `hi character '${fromByteString(runeString(hi))}' should be greater than lo '${fromByteString(runeString(lo))}'`,
          );
        }
        break;
      }
      case 'text':
        chars = token.raw;
        break;
      case 'range_close': {
        const isRange = lo !== 0 && hi !== 0;
        const isChars = chars !== '';
        if (isChars === isRange) throw new SyntaxFailure('could not parse range');
        if (isRange) insert(tree, new Node('Range', { kind: 'range', lo, hi, not }));
        else insert(tree, new Node('List', { kind: 'list', chars, not }));
        return ['main', tree];
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// match

/** `[index, segments]`: where the match starts (-1: none) and the byte lengths it can have from there. */
type IndexResult = [number, number[]];

interface Matcher {
  match(s: string): boolean;
  index(s: string): IndexResult;
  len(): number;
}

const lenOne = 1;
const lenZero = 0;
const lenNo = -1;

const segmentsByRuneLength: number[][] = [[0], [1], [2], [3], [4]];

function segmentsOfRune(r: number): number[] {
  const l = runeLen(r);
  if (l < 0) throw new GlobPanicError(`runtime error: index out of range [${l}]`);
  return segmentsByRuneLength[l];
}

/** match.appendMerge: merges two sorted, unique segment lists. */
function appendMerge(target: number[], sub: number[]): number[] {
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

class Any implements Matcher {
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

class AnyOf implements Matcher {
  constructor(readonly matchers: Matcher[]) {}
  match(s: string): boolean {
    return this.matchers.some((m) => m.match(s));
  }
  index(s: string): IndexResult {
    let index = -1;
    let segments: number[] = [];
    for (const m of this.matchers) {
      const [idx, seg] = m.index(s);
      if (idx === -1) continue;
      if (index === -1 || idx < index) {
        index = idx;
        segments = [...seg];
        continue;
      }
      if (idx > index) continue;
      // here idx == index
      segments = appendMerge(segments, seg);
    }
    if (index === -1) return [-1, []];
    return [index, segments];
  }
  len(): number {
    // Sic: leading matchers without a static length are skipped.
    let l = -1;
    for (const m of this.matchers) {
      const ml = m.len();
      if (l === -1) {
        l = ml;
        continue;
      }
      if (ml === -1) return -1;
      if (l !== ml) return -1;
    }
    return l;
  }
}

class BTree implements Matcher {
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

class Contains implements Matcher {
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

class EveryOf implements Matcher {
  constructor(readonly matchers: Matcher[] = []) {}
  add(m: Matcher): void {
    this.matchers.push(m);
  }
  len(): number {
    // Sic: l starts at 0, so any matcher makes this -1.
    let l = 0;
    for (const m of this.matchers) {
      const ml = m.len();
      if (l > 0) l += ml;
      else return -1;
    }
    return l;
  }
  index(s: string): IndexResult {
    let index = 0;
    let offset = 0;
    let current: number[] = [];
    let sub = s;
    for (let i = 0; i < this.matchers.length; i++) {
      const [idx, seg] = this.matchers[i].index(sub);
      if (idx === -1) return [-1, []];
      if (i === 0) {
        current = [...seg];
      } else {
        const next: number[] = [];
        const delta = index - (idx + offset);
        for (const ex of current) for (const n of seg) if (ex + delta === n) next.push(n);
        if (next.length === 0) return [-1, []];
        current = next;
      }
      index = idx + offset;
      sub = slice(s, index);
      offset += idx;
    }
    return [index, current];
  }
  match(s: string): boolean {
    return this.matchers.every((m) => m.match(s));
  }
}

class List implements Matcher {
  constructor(
    readonly list: number[],
    readonly not: boolean,
  ) {}
  match(s: string): boolean {
    const [r, w] = decodeRune(s, 0);
    if (s.length > w) return false;
    const inList = this.list.includes(r);
    return inList === !this.not;
  }
  len(): number {
    return lenOne;
  }
  index(s: string): IndexResult {
    for (const [i, r] of runes(s)) {
      if (this.not === !this.list.includes(r)) return [i, segmentsOfRune(r)];
    }
    return [-1, []];
  }
}

class Max implements Matcher {
  constructor(readonly limit: number) {}
  match(s: string): boolean {
    let l = 0;
    for (const _ of runes(s)) {
      l += 1;
      if (l > this.limit) return false;
    }
    return true;
  }
  index(s: string): IndexResult {
    const segments = [0];
    let count = 0;
    for (const [i, r] of runes(s)) {
      count++;
      if (count > this.limit) break;
      segments.push(i + runeLen(r));
    }
    return [0, segments];
  }
  len(): number {
    return lenNo;
  }
}

class Min implements Matcher {
  constructor(readonly limit: number) {}
  match(s: string): boolean {
    let l = 0;
    for (const _ of runes(s)) {
      l += 1;
      if (l >= this.limit) return true;
    }
    return false;
  }
  index(s: string): IndexResult {
    let count = 0;
    const c = s.length - this.limit + 1;
    if (c <= 0) return [-1, []];
    const segments: number[] = [];
    for (const [i, r] of runes(s)) {
      count++;
      if (count >= this.limit) segments.push(i + runeLen(r));
    }
    if (segments.length === 0) return [-1, []];
    return [0, segments];
  }
  len(): number {
    return lenNo;
  }
}

class Nothing implements Matcher {
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

class Prefix implements Matcher {
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

class PrefixAny implements Matcher {
  constructor(
    readonly prefix: string,
    readonly separators: number[],
  ) {}
  index(s: string): IndexResult {
    const idx = s.indexOf(this.prefix);
    if (idx === -1) return [-1, []];
    const n = this.prefix.length;
    let sub = slice(s, idx + n);
    const i = indexAnyRunes(sub, this.separators);
    if (i > -1) sub = slice(sub, 0, i);
    const seg = [n];
    for (const [j, r] of runes(sub)) seg.push(n + j + runeLen(r));
    return [idx, seg];
  }
  len(): number {
    return lenNo;
  }
  match(s: string): boolean {
    if (!s.startsWith(this.prefix)) return false;
    return indexAnyRunes(slice(s, this.prefix.length), this.separators) === -1;
  }
}

class PrefixSuffix implements Matcher {
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

class Range implements Matcher {
  constructor(
    readonly lo: number,
    readonly hi: number,
    readonly not: boolean,
  ) {}
  len(): number {
    return lenOne;
  }
  match(s: string): boolean {
    const [r, w] = decodeRune(s, 0);
    if (s.length > w) return false;
    const inRange = r >= this.lo && r <= this.hi;
    return inRange === !this.not;
  }
  index(s: string): IndexResult {
    for (const [i, r] of runes(s)) {
      if (this.not !== (r >= this.lo && r <= this.hi)) return [i, segmentsOfRune(r)];
    }
    return [-1, []];
  }
}

class Row implements Matcher {
  constructor(
    readonly runesLength: number,
    readonly matchers: Matcher[],
  ) {}
  private matchAll(s: string): boolean {
    let idx = 0;
    for (const m of this.matchers) {
      const length = m.len();
      let next = 0;
      let i = 0;
      // Sic: next ends on the first byte of the last rune, so s[idx:idx+next+1] cuts a multi-byte rune.
      for (const [j] of runes(slice(s, idx))) {
        next = j;
        i++;
        if (i === length) break;
      }
      if (i < length || !m.match(slice(s, idx, idx + next + 1))) return false;
      idx += next + 1;
    }
    return true;
  }
  private lenOk(s: string): boolean {
    let i = 0;
    for (const _ of runes(s)) {
      i++;
      if (i > this.runesLength) return false;
    }
    return this.runesLength === i;
  }
  match(s: string): boolean {
    return this.lenOk(s) && this.matchAll(s);
  }
  len(): number {
    return this.runesLength;
  }
  index(s: string): IndexResult {
    for (const [i] of runes(s)) {
      if (s.length - i < this.runesLength) break;
      if (this.matchAll(slice(s, i))) return [i, [this.runesLength]];
    }
    return [-1, []];
  }
}

class Single implements Matcher {
  constructor(readonly separators: number[]) {}
  match(s: string): boolean {
    const [r, w] = decodeRune(s, 0);
    if (s.length > w) return false;
    return !this.separators.includes(r);
  }
  len(): number {
    return lenOne;
  }
  index(s: string): IndexResult {
    for (const [i, r] of runes(s)) {
      if (!this.separators.includes(r)) return [i, segmentsOfRune(r)];
    }
    return [-1, []];
  }
}

class Suffix implements Matcher {
  constructor(readonly suffix: string) {}
  len(): number {
    return lenNo;
  }
  match(s: string): boolean {
    return s.endsWith(this.suffix);
  }
  index(s: string): IndexResult {
    const idx = s.indexOf(this.suffix);
    if (idx === -1) return [-1, []];
    return [0, [idx + this.suffix.length]];
  }
}

class SuffixAny implements Matcher {
  constructor(
    readonly suffix: string,
    readonly separators: number[],
  ) {}
  index(s: string): IndexResult {
    const idx = s.indexOf(this.suffix);
    if (idx === -1) return [-1, []];
    const i = lastIndexAnyRunes(slice(s, 0, idx), this.separators) + 1;
    return [i, [idx + this.suffix.length - i]];
  }
  len(): number {
    return lenNo;
  }
  match(s: string): boolean {
    if (!s.endsWith(this.suffix)) return false;
    return indexAnyRunes(slice(s, 0, s.length - this.suffix.length), this.separators) === -1;
  }
}

class Super implements Matcher {
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

class Text implements Matcher {
  readonly runesLength: number;
  constructor(readonly str: string) {
    this.runesLength = runeCount(str);
  }
  match(s: string): boolean {
    return this.str === s;
  }
  len(): number {
    return this.runesLength;
  }
  index(s: string): IndexResult {
    const index = s.indexOf(this.str);
    if (index === -1) return [-1, []];
    return [index, [this.str.length]];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// compiler

function optimizeMatcher(matcher: Matcher): Matcher {
  if (matcher instanceof Any) {
    if (matcher.separators.length === 0) return new Super();
    return matcher;
  }
  if (matcher instanceof AnyOf) {
    if (matcher.matchers.length === 1) return matcher.matchers[0];
    return matcher;
  }
  if (matcher instanceof List) {
    if (!matcher.not && matcher.list.length === 1) return new Text(runeString(matcher.list[0]));
    return matcher;
  }
  if (matcher instanceof BTree) {
    const m = matcher.withChildren(
      matcher.left === null ? null : optimizeMatcher(matcher.left),
      matcher.right === null ? null : optimizeMatcher(matcher.right),
    );
    const r = m.value;
    if (!(r instanceof Text)) return m;
    const leftNil = m.left === null;
    const rightNil = m.right === null;
    if (leftNil && rightNil) return new Text(r.str);
    const leftSuper = m.left instanceof Super;
    const rightSuper = m.right instanceof Super;
    if (leftSuper && rightSuper) return new Contains(r.str, false);
    if (leftSuper && rightNil) return new Suffix(r.str);
    if (rightSuper && leftNil) return new Prefix(r.str);
    if (leftNil && m.right instanceof Suffix) return new PrefixSuffix(r.str, m.right.suffix);
    if (rightNil && m.left instanceof Prefix) return new PrefixSuffix(m.left.prefix, r.str);
    if (rightNil && m.left instanceof Any) return new SuffixAny(r.str, m.left.separators);
    if (leftNil && m.right instanceof Any) return new PrefixAny(r.str, m.right.separators);
    return m;
  }
  return matcher;
}

function compileMatchers(matchers: Matcher[]): Matcher {
  if (matchers.length === 0) throw new SyntaxFailure('compile error: need at least one matcher');
  if (matchers.length === 1) return matchers[0];
  const glued = glueMatchers(matchers);
  if (glued !== null) return glued;

  let idx = -1;
  let maxLen = -1;
  let val: Matcher | null = null;
  for (let i = 0; i < matchers.length; i++) {
    const l = matchers[i].len();
    if (l !== -1 && l >= maxLen) {
      maxLen = l;
      idx = i;
      val = matchers[i];
    }
  }
  if (val === null) {
    // not found matcher with static length
    const r = compileMatchers(matchers.slice(1));
    return new BTree(matchers[0], null, r);
  }
  const left = matchers.slice(0, idx);
  const right = matchers.length > idx + 1 ? matchers.slice(idx + 1) : [];
  const l = left.length > 0 ? compileMatchers(left) : null;
  const r = right.length > 0 ? compileMatchers(right) : null;
  return new BTree(val, l, r);
}

function glueMatchers(matchers: Matcher[]): Matcher | null {
  return glueMatchersAsEvery(matchers) ?? glueMatchersAsRow(matchers);
}

function glueMatchersAsRow(matchers: Matcher[]): Matcher | null {
  if (matchers.length <= 1) return null;
  let l = 0;
  for (const matcher of matchers) {
    const ml = matcher.len();
    if (ml === -1) return null;
    l += ml;
  }
  return new Row(l, [...matchers]);
}

function glueMatchersAsEvery(matchers: Matcher[]): Matcher | null {
  if (matchers.length <= 1) return null;
  let hasAny = false;
  let hasSuper = false;
  let hasSingle = false;
  let min = 0;
  let separator: number[] = [];
  for (let i = 0; i < matchers.length; i++) {
    const m = matchers[i];
    let sep: number[];
    if (m instanceof Super) {
      sep = [];
      hasSuper = true;
    } else if (m instanceof Any) {
      sep = m.separators;
      hasAny = true;
    } else if (m instanceof Single) {
      sep = m.separators;
      hasSingle = true;
      min++;
    } else if (m instanceof List) {
      if (!m.not) return null;
      sep = m.list;
      hasSingle = true;
      min++;
    } else {
      return null;
    }
    // initialize
    if (i === 0) separator = sep;
    if (runesEqual(sep, separator)) continue;
    return null;
  }
  if (hasSuper && !hasAny && !hasSingle) return new Super();
  if (hasAny && !hasSuper && !hasSingle) return new Any(separator);
  if ((hasAny || hasSuper) && min > 0 && separator.length === 0) return new Min(min);
  const every = new EveryOf();
  if (min > 0) {
    every.add(new Min(min));
    if (!hasAny && !hasSuper) every.add(new Max(min));
  }
  // Sic: the separators become one needle, so `*?` with separators `/` and `.` only rejects the substring "/.".
  if (separator.length > 0) every.add(new Contains(separator.map(runeString).join(''), true));
  return every;
}

function minimizeMatchers(matchers: Matcher[]): Matcher[] {
  let done: Matcher | null = null;
  let left = 0;
  let right = 0;
  let count = 0;
  for (let l = 0; l < matchers.length; l++) {
    for (let r = matchers.length; r > l; r--) {
      const glued = glueMatchers(matchers.slice(l, r));
      if (glued === null) continue;
      let swap: boolean;
      if (done === null) {
        swap = true;
      } else {
        const cl = done.len();
        const gl = glued.len();
        swap = cl > -1 && gl > -1 && gl > cl;
        swap = swap || count < r - l;
      }
      if (swap) {
        done = glued;
        left = l;
        right = r;
        count = r - l;
      }
    }
  }
  if (done === null) return matchers;
  const next = [...matchers.slice(0, left), done];
  if (right < matchers.length) next.push(...matchers.slice(right));
  if (next.length === matchers.length) return next;
  return minimizeMatchers(next);
}

/** compiler.minimizeTreeAnyOf: factors out children common to every alternative. */
function minimizeTreeAnyOf(tree: Node): Node | null {
  if (!tree.children.every((n) => n.kind === 'Pattern')) return null;
  const [commonLeft, commonRight] = commonChildren(tree.children);
  if (commonLeft.length === 0 && commonRight.length === 0) return null; // there are no common parts
  const result: Node[] = [];
  if (commonLeft.length > 0) result.push(new Node('Pattern', null, ...commonLeft));
  const anyOf: Node[] = [];
  for (const child of tree.children) {
    const reuse = goSliceNodes(child.children, commonLeft.length, child.children.length - commonRight.length);
    // a pattern completely reduced by the common parts becomes nothing
    const node = reuse.length === 0 ? new Node('Nothing', null) : new Node('Pattern', null, ...reuse);
    if (!anyOf.some((n) => n.equal(node))) anyOf.push(node);
  }
  if (anyOf.length === 1 && anyOf[0].kind !== 'Nothing') result.push(anyOf[0]);
  else if (anyOf.length > 1) result.push(new Node('AnyOf', null, ...anyOf));
  if (commonRight.length > 0) result.push(new Node('Pattern', null, ...commonRight));
  return new Node('Pattern', null, ...result);
}

function goSliceNodes(nodes: Node[], lo: number, hi: number): Node[] {
  if (lo < 0 || hi < lo || hi > nodes.length) {
    throw new GlobPanicError(`runtime error: slice bounds out of range [${lo}:${hi}]`);
  }
  return nodes.slice(lo, hi);
}

function commonChildren(nodes: Node[]): [Node[], Node[]] {
  const commonLeft: Node[] = [];
  if (nodes.length <= 1) return [commonLeft, []];
  // find node that has least number of children
  let min = -1;
  let idx = -1;
  for (let i = 0; i < nodes.length; i++) {
    if (idx === -1 || nodes[i].children.length < min) {
      min = nodes[i].children.length;
      idx = i;
    }
  }
  const tree = nodes[idx];
  const treeLength = tree.children.length;
  const commonRight: (Node | undefined)[] = new Array<Node | undefined>(treeLength);
  let lastRight = treeLength;
  let breakLeft = false;
  let breakRight = false;
  let commonTotal = 0;
  for (
    let i = 0, j = treeLength - 1;
    commonTotal < treeLength && j >= 0 && !(breakLeft && breakRight);
    i = i + 1, j = j - 1
  ) {
    const treeLeft = tree.children[i];
    const treeRight = tree.children[j];
    for (let k = 0; k < nodes.length && !(breakLeft && breakRight); k++) {
      // skip least children node
      if (k === idx) continue;
      const restLeft = nodes[k].children[i];
      const restRight = nodes[k].children[j + nodes[k].children.length - treeLength];
      breakLeft = breakLeft || !treeLeft.equal(restLeft);
      // disable searching for right common parts, if left part is already overlapping
      breakRight = breakRight || (!breakLeft && j <= i);
      breakRight = breakRight || !treeRight.equal(restRight);
    }
    if (!breakLeft) {
      commonTotal++;
      commonLeft.push(treeLeft);
    }
    if (!breakRight) {
      commonTotal++;
      lastRight = j;
      commonRight[j] = treeRight;
    }
  }
  return [commonLeft, commonRight.slice(lastRight) as Node[]];
}

function compileTreeChildren(tree: Node, sep: number[]): Matcher[] {
  return tree.children.map((desc) => optimizeMatcher(compileNode(desc, sep)));
}

function compileNode(tree: Node, sep: number[]): Matcher {
  let m: Matcher;
  switch (tree.kind) {
    case 'AnyOf': {
      const n = minimizeTreeAnyOf(tree);
      if (n !== null) return compileNode(n, sep);
      return new AnyOf(compileTreeChildren(tree, sep));
    }
    case 'Pattern':
      if (tree.children.length === 0) return new Nothing();
      m = compileMatchers(minimizeMatchers(compileTreeChildren(tree, sep)));
      break;
    case 'Any':
      m = new Any(sep);
      break;
    case 'Super':
      m = new Super();
      break;
    case 'Single':
      m = new Single(sep);
      break;
    case 'Nothing':
      m = new Nothing();
      break;
    case 'List': {
      const v = tree.value as { chars: string; not: boolean };
      m = new List(toRunes(v.chars), v.not);
      break;
    }
    case 'Range': {
      const v = tree.value as { lo: number; hi: number; not: boolean };
      m = new Range(v.lo, v.hi, v.not);
      break;
    }
    case 'Text':
      m = new Text((tree.value as { text: string }).text);
      break;
  }
  return optimizeMatcher(m);
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

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
