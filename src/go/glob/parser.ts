/**
 * gobwas/glob v0.2.3 syntax/ast/ast.go and syntax/ast/parser.go: the tokens' tree.
 */
import { decodeRune, fromByteString, runeString } from '../utf8.js';
import { GlobPanicError } from './errors.js';
import { Lexer, type Token } from './lexer.js';

type NodeValue =
  | { kind: 'list'; not: boolean; chars: string }
  | { kind: 'range'; not: boolean; lo: number; hi: number }
  | { kind: 'text'; text: string }
  | null;

type Kind = 'Nothing' | 'Pattern' | 'List' | 'Range' | 'Text' | 'Any' | 'Super' | 'Single' | 'AnyOf';

/** gobwas `ast.Node`: a node kind, its value and children. */
export class Node {
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

/** gobwas's parse or compile error; `compileGlob` turns it into a GlobSyntaxError. */
export class SyntaxFailure extends Error {}

/** gobwas `ast.Parse(lexer.NewLexer(pattern))`. */
export function parse(lex: Lexer): Node {
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
