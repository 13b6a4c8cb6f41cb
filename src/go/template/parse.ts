/**
 * Port of the single Go file `text/template/parse/parse.go` (the template parser). The function names it resolves
 * against by default, Go's `builtins`, are in `funcs.ts` (`text/template/funcs.go`).
 *
 * Own code: Grafana interpolates proxy routes with Go's `text/template`, which resolves function names and
 * variables while parsing; no JavaScript library reproduces which templates Go rejects, or its messages
 * ("template: content:1: function \"b64enc\" not defined"). The port keeps parse.go's functions, control flow and
 * messages; errors are thrown as {@link TemplateParseError} and nothing else is thrown on any input.
 */
import { GoSyntaxError, parseFloat64, parseIntBase0, unquote, unquoteChar } from '../strconv.js';
import { GO_TEMPLATE_BUILTINS } from './funcs.js';
import { type Item, ItemType, Lexer, goQuote, itemString } from './lex.js';
import {
  type BranchNode,
  type CommandNode,
  type ListNode,
  type Node,
  type NumberNode,
  type PipeNode,
  type VariableNode,
  isEmptyTree,
  nodeString,
} from './node.js';

/** A template Go's parser rejects; `message` is Go's error text (`template: NAME:LINE: …`). */
export class TemplateParseError extends Error {
  /** @param message Go's full error text. @param offset UTF-16 offset in the template of the token at fault. */
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
    this.name = 'TemplateParseError';
  }
}

const BUILTIN_SET: ReadonlySet<string> = new Set(GO_TEMPLATE_BUILTINS);
const EMPTY_SET: ReadonlySet<string> = new Set();

/** Go's `Mode` bits. */
export const ParseComments = 1;
export const SkipFuncCheck = 2;

/** Go's `maxStackDepth` (10000; Go's tests lower it). */
export const limits = { maxStackDepth: 10000 };

/** Go's `parse.Tree`. */
export class Tree {
  root: ListNode | null = null;
  parseName: string;
  mode = 0;
  text = '';
  funcs: ReadonlySet<string>[] = [];
  lex!: Lexer;
  token: Item[] = [];
  peekCount = 0;
  vars: string[] = [];
  treeSet!: Map<string, Tree>;
  actionLine = 0;
  rangeDepth = 0;
  stackDepth = 0;

  constructor(readonly nameInit: string) {
    this.name = nameInit;
    this.parseName = nameInit;
  }
  name: string;

  next(): Item {
    if (this.peekCount > 0) this.peekCount--;
    else this.token[0] = this.lex.nextItem();
    return this.token[this.peekCount];
  }
  backup(): void {
    this.peekCount++;
  }
  backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }
  backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }
  peek(): Item {
    if (this.peekCount > 0) return this.token[this.peekCount - 1];
    this.peekCount = 1;
    this.token[0] = this.lex.nextItem();
    return this.token[0];
  }
  nextNonSpace(): Item {
    let token: Item;
    do token = this.next();
    while (token.typ === ItemType.Space);
    return token;
  }
  peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  errorf(msg: string): never {
    this.root = null;
    const tok = this.token[0];
    throw new TemplateParseError(`template: ${this.parseName}:${tok?.line ?? 0}: ${msg}`, tok?.pos ?? 0);
  }
  expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== expected) this.unexpected(token, context);
    return token;
  }
  expectOneOf(e1: ItemType, e2: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.typ !== e1 && token.typ !== e2) this.unexpected(token, context);
    return token;
  }
  unexpected(token: Item, context: string): never {
    if (token.typ === ItemType.Error) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) extra = extra.slice(' in action'.length);
      }
      this.errorf(`${itemString(token)}${extra}`);
    }
    this.errorf(`unexpected ${itemString(token)} in ${context}`);
  }

  hasFunction(name: string): boolean {
    return this.funcs.some((m) => m.has(name));
  }

  startParse(funcs: ReadonlySet<string>[], lex: Lexer, treeSet: Map<string, Tree>): void {
    this.root = null;
    this.lex = lex;
    this.vars = ['$'];
    this.funcs = funcs;
    this.treeSet = treeSet;
    lex.options = {
      emitComment: (this.mode & ParseComments) !== 0,
      breakOK: !this.hasFunction('break'),
      continueOK: !this.hasFunction('continue'),
    };
  }

  /** Go's `Tree.Parse`. @throws TemplateParseError. */
  parseText(
    text: string,
    leftDelim: string,
    rightDelim: string,
    treeSet: Map<string, Tree>,
    funcs: ReadonlySet<string>[],
  ): Tree {
    this.parseName = this.name;
    const lexer = new Lexer(this.name, text, leftDelim, rightDelim);
    this.startParse(funcs, lexer, treeSet);
    this.text = text;
    this.parse();
    this.add();
    return this;
  }

  add(): void {
    const tree = this.treeSet.get(this.name);
    if (tree === undefined || isEmptyTree(tree.root)) {
      this.treeSet.set(this.name, this);
      return;
    }
    if (!isEmptyTree(this.root)) this.errorf(`template: multiple definition of template ${goQuote(this.name)}`);
  }

  parse(): void {
    this.root = this.newList(this.peek().pos);
    while (this.peek().typ !== ItemType.EOF) {
      if (this.peek().typ === ItemType.LeftDelim) {
        const delim = this.next();
        if (this.nextNonSpace().typ === ItemType.Define) {
          const newT = new Tree('definition');
          newT.text = this.text;
          newT.mode = this.mode;
          newT.parseName = this.parseName;
          newT.startParse(this.funcs, this.lex, this.treeSet);
          newT.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') this.errorf(`unexpected ${nodeString(n)}`);
      this.root.nodes.push(n);
    }
  }

  parseDefinition(): void {
    const context = 'define clause';
    const name = this.expectOneOf(ItemType.String, ItemType.RawString, context);
    try {
      this.name = unquote(name.val);
    } catch (e) {
      this.errorf(e instanceof GoSyntaxError ? e.message : String(e));
    }
    this.expect(ItemType.RightDelim, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    this.add();
  }

  itemList(): [ListNode, Node] {
    const list = this.newList(this.peekNonSpace().pos);
    while (this.peekNonSpace().typ !== ItemType.EOF) {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') return [list, n];
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Text:
        return { type: 'text', pos: token.pos, text: token.val };
      case ItemType.LeftDelim: {
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      }
      case ItemType.Comment:
        return { type: 'comment', pos: token.pos, text: token.val };
      default:
        this.unexpected(token, 'input');
    }
  }

  action(): Node {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Block:
        return this.blockControl();
      case ItemType.Break:
        return this.breakControl(token.pos, token.line, 'break');
      case ItemType.Continue:
        return this.breakControl(token.pos, token.line, 'continue');
      case ItemType.Else:
        return this.elseControl();
      case ItemType.End:
        return this.endControl();
      case ItemType.If:
        return this.branch('if');
      case ItemType.Range:
        return this.branch('range');
      case ItemType.Template:
        return this.templateControl();
      case ItemType.With:
        return this.branch('with');
    }
    this.backup();
    const tok = this.peek();
    // Do not pop variables; they persist until "end".
    return { type: 'action', pos: tok.pos, line: tok.line, pipe: this.pipeline('command', ItemType.RightDelim) };
  }

  /** Go's `breakControl` and `continueControl`. */
  breakControl(pos: number, line: number, kw: 'break' | 'continue'): Node {
    const token = this.nextNonSpace();
    if (token.typ !== ItemType.RightDelim) this.unexpected(token, `{{${kw}}}`);
    if (this.rangeDepth === 0) this.errorf(`{{${kw}}} outside {{range}}`);
    return { type: kw, pos, line };
  }

  pipeline(context: string, end: ItemType): PipeNode {
    const token = this.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: token.pos, line: token.line, isAssign: false, decl: [], cmds: [] };
    // Are there declarations or assignments?
    decls: for (;;) {
      const v = this.peekNonSpace();
      if (v.typ === ItemType.Variable) {
        this.next();
        // Since space is a token, we need 3-token look-ahead here in the worst case.
        const tokenAfterVariable = this.peek();
        const next = this.peekNonSpace();
        if (next.typ === ItemType.Assign || next.typ === ItemType.Declare) {
          pipe.isAssign = next.typ === ItemType.Assign;
          this.nextNonSpace();
          pipe.decl.push(this.newVariable(v.pos, v.val));
          this.vars.push(v.val);
        } else if (next.typ === ItemType.Char && next.val === ',') {
          this.nextNonSpace();
          pipe.decl.push(this.newVariable(v.pos, v.val));
          this.vars.push(v.val);
          if (context === 'range' && pipe.decl.length < 2) {
            const p = this.peekNonSpace().typ;
            if (p === ItemType.Variable || p === ItemType.RightDelim || p === ItemType.RightParen) {
              // second initialized variable in a range pipeline
              continue decls;
            }
            this.errorf('range can only initialize variables');
          }
          this.errorf(`too many declarations in ${context}`);
        } else if (tokenAfterVariable.typ === ItemType.Space) {
          this.backup3(v, tokenAfterVariable);
        } else {
          this.backup2(v);
        }
      }
      break;
    }
    for (;;) {
      const tok = this.nextNonSpace();
      switch (tok.typ) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case ItemType.Bool:
        case ItemType.CharConstant:
        case ItemType.Complex:
        case ItemType.Dot:
        case ItemType.Field:
        case ItemType.Identifier:
        case ItemType.Number:
        case ItemType.Nil:
        case ItemType.RawString:
        case ItemType.String:
        case ItemType.Variable:
        case ItemType.LeftParen:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(tok, context);
      }
    }
  }

  checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) this.errorf(`missing value for ${context}`);
    pipe.cmds.slice(1).forEach((c, i) => {
      const t = c.args[0].type;
      if (t === 'bool' || t === 'dot' || t === 'nil' || t === 'number' || t === 'string') {
        this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  parseControl(context: 'if' | 'range' | 'with'): [number, number, PipeNode, ListNode, ListNode | null] {
    const nVars = this.vars.length;
    try {
      const pipe = this.pipeline(context, ItemType.RightDelim);
      if (this.stackDepth >= limits.maxStackDepth) this.errorf('max control structure depth exceeded');
      this.stackDepth++;
      if (context === 'range') this.rangeDepth++;
      const [list, next0] = this.itemList();
      let next = next0;
      if (context === 'range') this.rangeDepth--;
      let elseList: ListNode | null = null;
      if (next.type === 'else') {
        // Special case for "else if" and "else with".
        if (context === 'if' && this.peek().typ === ItemType.If) {
          this.next();
          elseList = this.newList(next.pos);
          elseList.nodes.push(this.branch('if'));
        } else if (context === 'with' && this.peek().typ === ItemType.With) {
          this.next();
          elseList = this.newList(next.pos);
          elseList.nodes.push(this.branch('with'));
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== 'end') this.errorf(`expected end; found ${nodeString(next)}`);
        }
      }
      this.stackDepth--;
      return [pipe.pos, pipe.line, pipe, list, elseList];
    } finally {
      this.vars.length = nVars;
    }
  }

  /** Go's `ifControl`, `rangeControl`, `withControl`. */
  branch(kind: 'if' | 'range' | 'with'): BranchNode {
    const [pos, line, pipe, list, elseList] = this.parseControl(kind);
    return { type: kind, pos, line, pipe, list, elseList };
  }

  elseControl(): Node {
    const peek = this.peekNonSpace();
    // "{{else if ..." and "{{else with ..." are treated as "{{else}}{{if ..." and "{{else}}{{with ...".
    if (peek.typ === ItemType.If || peek.typ === ItemType.With) return { type: 'else', pos: peek.pos, line: peek.line };
    const token = this.expect(ItemType.RightDelim, 'else');
    return { type: 'else', pos: token.pos, line: token.line };
  }

  endControl(): Node {
    return { type: 'end', pos: this.expect(ItemType.RightDelim, 'end').pos };
  }

  blockControl(): Node {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, ItemType.RightDelim);
    if (this.stackDepth >= limits.maxStackDepth) this.errorf('max control structure depth exceeded');
    const block = new Tree(name);
    block.text = this.text;
    block.mode = this.mode;
    block.parseName = this.parseName;
    block.stackDepth = this.stackDepth + 1;
    block.startParse(this.funcs, this.lex, this.treeSet);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== 'end') this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    block.add();
    return { type: 'template', pos: token.pos, line: token.line, name, pipe };
  }

  templateControl(): Node {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | null = null;
    if (this.nextNonSpace().typ !== ItemType.RightDelim) {
      this.backup();
      pipe = this.pipeline(context, ItemType.RightDelim);
    }
    return { type: 'template', pos: token.pos, line: token.line, name, pipe };
  }

  parseTemplateName(token: Item, context: string): string {
    if (token.typ === ItemType.String || token.typ === ItemType.RawString) {
      try {
        return unquote(token.val);
      } catch (e) {
        this.errorf(e instanceof GoSyntaxError ? e.message : String(e));
      }
    }
    this.unexpected(token, context);
  }

  command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace(); // skip leading spaces.
      const operand = this.operand();
      if (operand !== null) cmd.args.push(operand);
      const token = this.next();
      if (token.typ === ItemType.Space) continue;
      if (token.typ === ItemType.RightDelim || token.typ === ItemType.RightParen) this.backup();
      else if (token.typ !== ItemType.Pipe) this.unexpected(token, 'operand');
      break;
    }
    if (cmd.args.length === 0) this.errorf('empty command');
    return cmd;
  }

  operand(): Node | null {
    let node = this.term();
    if (node === null) return null;
    if (this.peek().typ === ItemType.Field) {
      const chainPos = this.peek().pos;
      const field: string[] = [];
      while (this.peek().typ === ItemType.Field) field.push(this.next().val.slice(1));
      const chainString =
        (node.type === 'pipe' ? `(${nodeString(node)})` : nodeString(node)) + field.map((f) => '.' + f).join('');
      switch (node.type) {
        case 'field':
          node = { type: 'field', pos: chainPos, ident: chainString.slice(1).split('.') };
          break;
        case 'variable':
          node = this.newVariable(chainPos, chainString);
          break;
        case 'bool':
        case 'string':
        case 'number':
        case 'nil':
        case 'dot':
          this.errorf(`unexpected . after term ${goQuote(nodeString(node))}`);
          break;
        default:
          node = { type: 'chain', pos: chainPos, node, field };
      }
    }
    return node;
  }

  term(): Node | null {
    const token = this.nextNonSpace();
    switch (token.typ) {
      case ItemType.Identifier:
        if ((this.mode & SkipFuncCheck) === 0 && !this.hasFunction(token.val)) {
          this.errorf(`function ${goQuote(token.val)} not defined`);
        }
        return { type: 'identifier', pos: token.pos, ident: token.val };
      case ItemType.Dot:
        return { type: 'dot', pos: token.pos };
      case ItemType.Nil:
        return { type: 'nil', pos: token.pos };
      case ItemType.Variable:
        return this.useVar(token.pos, token.val);
      case ItemType.Field:
        return { type: 'field', pos: token.pos, ident: token.val.slice(1).split('.') };
      case ItemType.Bool:
        return { type: 'bool', pos: token.pos, value: token.val === 'true' };
      case ItemType.CharConstant:
      case ItemType.Complex:
      case ItemType.Number:
        try {
          return newNumber(token.pos, token.val, token.typ);
        } catch (e) {
          if (e instanceof GoSyntaxError) this.errorf(e.message);
          throw e;
        }
      case ItemType.LeftParen: {
        if (this.stackDepth >= limits.maxStackDepth) this.errorf('max expression depth exceeded');
        this.stackDepth++;
        const p = this.pipeline('parenthesized pipeline', ItemType.RightParen);
        this.stackDepth--;
        return p;
      }
      case ItemType.String:
      case ItemType.RawString:
        try {
          return { type: 'string', pos: token.pos, quoted: token.val, text: unquote(token.val) };
        } catch (e) {
          if (e instanceof GoSyntaxError) this.errorf(e.message);
          throw e;
        }
    }
    this.backup();
    return null;
  }

  useVar(pos: number, name: string): Node {
    const v = this.newVariable(pos, name);
    if (this.vars.includes(v.ident[0])) return v;
    this.errorf(`undefined variable ${goQuote(v.ident[0])}`);
  }

  newVariable(pos: number, ident: string): VariableNode {
    return { type: 'variable', pos, ident: ident.split('.') };
  }

  newList(pos: number): ListNode {
    return { type: 'list', pos, nodes: [] };
  }
}

/**
 * Go's `Tree.newNumber`: a number, complex or character constant token as Go's parser reads it.
 * @throws GoSyntaxError with Go's message ("illegal number syntax", "integer overflow", "malformed character
 * constant", strconv's "invalid syntax").
 */
export function newNumber(pos: number, text: string, typ: ItemType): NumberNode {
  const n: NumberNode = { type: 'number', pos, text, isInt: false, isUint: false, isFloat: false, isComplex: false };
  if (typ === ItemType.CharConstant) {
    const [, tail] = unquoteChar(text.slice(1), text[0]);
    if (tail !== "'") throw new GoSyntaxError(`malformed character constant: ${text}`);
    n.isInt = n.isUint = n.isFloat = true;
    return n;
  }
  if (typ === ItemType.Complex) {
    // fmt.Sscan reads "real+imag i": both parts must be floats.
    const m = /^([+-]?[^+-]*?(?:[eEpP][+-][^+-]*?)?)([+-].*)i$/.exec(text);
    if (m === null || parseFloat64(m[1]) === null || parseFloat64(m[2]) === null) {
      throw new GoSyntaxError(`illegal number syntax: ${goQuote(text)}`);
    }
    n.isComplex = true;
    if (parseFloat64(m[2]) === 0) simplifyFloat(n, parseFloat64(m[1])!);
    return n;
  }
  if (text.length > 0 && text.endsWith('i')) {
    const f = parseFloat64(text.slice(0, -1));
    if (f !== null) {
      n.isComplex = true;
      if (f === 0) simplifyFloat(n, 0);
      return n;
    }
  }
  const u = parseIntBase0(text, false);
  if (u !== null) n.isUint = true;
  const i = parseIntBase0(text, true);
  if (i !== null) {
    n.isInt = true;
    if (i === 0n) n.isUint = true;
  }
  if (n.isInt || n.isUint) n.isFloat = true;
  else {
    const f = parseFloat64(text);
    if (f !== null) {
      if (!/[.eEpP]/.test(text)) throw new GoSyntaxError(`integer overflow: ${text}`);
      simplifyFloat(n, f);
    }
  }
  if (!n.isInt && !n.isUint && !n.isFloat) throw new GoSyntaxError(`illegal number syntax: ${goQuote(text)}`);
  return n;
}

function simplifyFloat(n: NumberNode, f: number): void {
  n.isFloat = true;
  if (Number.isInteger(f) && f >= -(2 ** 63) && f < 2 ** 63) n.isInt = true;
  if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) n.isUint = true;
}

/** A parsed template: Go's tree set (`name` → tree) of `template.New(name).Parse(text)`. */
export interface ParsedTemplate {
  root: ListNode;
  trees: Map<string, Tree>;
}

/**
 * Go's `parse.Parse(name, text, "", "", funcs...)` as `text/template`'s `Parse` calls it: the builtins of
 * funcs.go plus `extraFuncs` are the defined functions.
 * @param options.mode Go's Mode bits; options.funcs replaces the function sets (Go's own tests use their own).
 * @returns the main tree's root and the tree set. @throws TemplateParseError with Go's message; nothing else.
 */
export function parseTemplate(
  name: string,
  text: string,
  extraFuncs: readonly string[] = [],
  options: { mode?: number; funcs?: readonly string[] } = {},
): ParsedTemplate {
  const trees = new Map<string, Tree>();
  const t = new Tree(name);
  t.mode = options.mode ?? 0;
  t.text = text;
  const funcs =
    options.funcs !== undefined
      ? [new Set(options.funcs)]
      : [extraFuncs.length === 0 ? EMPTY_SET : new Set(extraFuncs), BUILTIN_SET];
  try {
    t.parseText(text, '', '', trees, funcs);
  } catch (e) {
    if (e instanceof TemplateParseError) throw e;
    // Defensive: a port defect must not escape as another error type.
    throw new TemplateParseError(`template: ${name}: internal parser error: ${String(e)}`, 0);
  }
  return { root: t.root!, trees };
}
