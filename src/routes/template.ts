/**
 * Static analysis of one route template as Grafana executes it (docs/route-hygiene.md#templates): parse with the Go
 * port, then find the references to the template data (`JsonData`, `SecureJsonData`, `URL`) and the execution errors
 * that are certain whatever the data.
 */
import { ItemType, Lexer } from '../go/template/lex.js';
import type { CommandNode, Node, PipeNode } from '../go/template/node.js';
import { TemplateParseError, parseTemplate } from '../go/template/parse.js';

/** Fields of Grafana's template data (`templateData`), case-sensitive. */
export type DataRoot = 'JsonData' | 'SecureJsonData' | 'URL';
const ROOTS: ReadonlySet<string> = new Set(['JsonData', 'SecureJsonData', 'URL']);

/** One reference to the template data: `root`, the first key below it when known, offset of the token. */
export interface TemplateRef {
  root: DataRoot;
  key?: string;
  pos: number;
}

/** The result of analysing one templated value. */
export type TemplateAnalysis =
  | { ok: false; error: string }
  | {
      ok: true;
      refs: TemplateRef[];
      /** Messages of execution errors certain whatever the data (first one first). */
      execErrors: string[];
      /** The text with every non-literal character (actions, comments, trimmed space) replaced by U+0000. */
      masked: string;
    };

/** The character that stands for a masked (non-literal) position in {@link TemplateAnalysis} `masked`. */
export const MASK = '\u0000';

/**
 * Analyses a templated value: parses it like `template.New("content").Funcs({orEmpty}).Parse(text)` and walks the
 * tree. @param text the template text (for `body`, the raw JSON text). @returns the analysis; never throws.
 */
export function analyzeTemplate(text: string): TemplateAnalysis {
  const cached = CACHE.get(text);
  if (cached !== undefined) return cached;
  const a = analyzeUncached(text);
  if (CACHE.size >= CACHE_MAX) CACHE.clear();
  CACHE.set(text, a);
  return a;
}

/** Analyses by template text: plugins repeat the same templates across routes (results are never mutated). */
const CACHE = new Map<string, TemplateAnalysis>();
const CACHE_MAX = 4096;

function analyzeUncached(text: string): TemplateAnalysis {
  if (!text.includes('{{')) {
    return { ok: true, refs: [], execErrors: [], masked: text };
  }
  let root;
  try {
    root = parseTemplate('content', text, ['orEmpty']).root;
  } catch (e) {
    if (e instanceof TemplateParseError) return { ok: false, error: e.message };
    throw e;
  }
  const refs: TemplateRef[] = [];
  const execErrors: string[] = [];

  const field = (ident: string[], pos: number, certain: boolean, shown: string) => {
    const r = ident[0];
    if (ROOTS.has(r)) {
      refs.push({ root: r as DataRoot, key: ident[1], pos });
      if (certain && r === 'SecureJsonData' && ident.length >= 3) {
        execErrors.push(`${shown}: .SecureJsonData.${ident[1]} is a string, it has no field ${ident[2]}`);
      }
      if (certain && r === 'URL' && ident.length >= 2)
        execErrors.push(`${shown}: .URL is a string, it has no field ${ident[1]}`);
    } else if (certain) {
      execErrors.push(`${shown}: the template data has no field ${r} (only JsonData, SecureJsonData and URL)`);
    }
  };

  const walkCommand = (cmd: CommandNode, isFirst: boolean, dotRebound: boolean, certain: boolean) => {
    const head = cmd.args[0];
    const given = cmd.args.length - 1 + (isFirst ? 0 : 1);
    if (head.type === 'identifier') {
      if (head.ident === 'orEmpty' && given !== 1 && certain) {
        execErrors.push(`orEmpty takes one argument, it is given ${given}`);
      }
      if (head.ident === 'index' && cmd.args.length >= 3) {
        const m = cmd.args[1];
        const k = cmd.args[2];
        const mapIdent =
          m.type === 'field' && !dotRebound
            ? m.ident
            : m.type === 'variable' && m.ident[0] === '$'
              ? m.ident.slice(1)
              : null;
        if (mapIdent !== null && mapIdent.length === 1 && ROOTS.has(mapIdent[0]) && k.type === 'string') {
          refs.push({ root: mapIdent[0] as DataRoot, key: k.text, pos: k.pos });
        }
      }
    } else if (given > 0 && certain && head.type !== 'pipe' && head.type !== 'chain') {
      execErrors.push(`arguments given to ${describe(head)}, which is not a function`);
    }
    for (const a of cmd.args) walk(a, dotRebound, certain);
  };

  const walkPipe = (p: PipeNode, dotRebound: boolean, certain: boolean) => {
    p.cmds.forEach((c, i) => walkCommand(c, i === 0, dotRebound, certain));
  };

  const walk = (n: Node | null, dotRebound: boolean, certain: boolean): void => {
    if (n === null) return;
    switch (n.type) {
      case 'list':
        for (const c of n.nodes) walk(c, dotRebound, certain);
        return;
      case 'action':
        walkPipe(n.pipe, dotRebound, certain);
        return;
      case 'pipe':
        walkPipe(n, dotRebound, certain);
        return;
      case 'if':
        walkPipe(n.pipe, dotRebound, certain);
        walk(n.list, dotRebound, false);
        walk(n.elseList, dotRebound, false);
        return;
      case 'with':
      case 'range':
        walkPipe(n.pipe, dotRebound, certain);
        walk(n.list, true, false);
        walk(n.elseList, dotRebound, false);
        return;
      case 'template':
        if (n.pipe !== null) walkPipe(n.pipe, dotRebound, certain);
        return;
      case 'field':
        if (!dotRebound) field(n.ident, n.pos, certain, '.' + n.ident.join('.'));
        return;
      case 'variable':
        if (n.ident[0] === '$' && n.ident.length >= 2) field(n.ident.slice(1), n.pos, certain, n.ident.join('.'));
        return;
      case 'chain':
        walk(n.node, dotRebound, certain);
        return;
      case 'command':
        walkCommand(n, true, dotRebound, certain);
        return;
      default:
        return;
    }
  };
  walk(root, false, true);
  return { ok: true, refs, execErrors, masked: maskActions(text) };
}

function describe(n: Node): string {
  switch (n.type) {
    case 'field':
      return '.' + n.ident.join('.');
    case 'variable':
      return n.ident.join('.');
    case 'dot':
      return '.';
    case 'string':
      return n.quoted;
    case 'number':
      return n.text;
    default:
      return n.type;
  }
}

/** The template text with every position outside a literal text item replaced by {@link MASK}. */
function maskActions(text: string): string {
  const parts: string[] = [];
  let at = 0;
  const l = new Lexer('content', text);
  for (;;) {
    const i = l.nextItem();
    if (i.typ === ItemType.EOF || i.typ === ItemType.Error) break;
    if (i.typ !== ItemType.Text) continue;
    if (i.pos > at) parts.push(MASK.repeat(i.pos - at));
    parts.push(i.val);
    at = i.pos + i.val.length;
  }
  if (text.length > at) parts.push(MASK.repeat(text.length - at));
  return parts.join('');
}

/** Parts of a URL found on the masked text (docs/route-hygiene.md#url-parts); offsets into the text, -1 when absent. */
export interface UrlParts {
  /** The text starts with a template action. */
  templatedStart: boolean;
  /** Literal scheme (lower-cased) when the text starts with `scheme://` in literal text. */
  scheme: string | null;
  authorityStart: number;
  authorityEnd: number;
  /** End of the userinfo (the last `@` in the authority), -1 when none. */
  userinfoEnd: number;
  /** Start of the query or fragment (first literal `?` or `#`), -1 when none. */
  queryStart: number;
}

/**
 * Splits a masked URL template into scheme, authority, userinfo and query/fragment (docs/route-hygiene.md#url-parts).
 */
export function urlParts(masked: string): UrlParts {
  const templatedStart = masked.startsWith(MASK);
  const sep = masked.indexOf('://');
  let scheme: string | null = null;
  let authorityStart = -1;
  let authorityEnd = -1;
  let userinfoEnd = -1;
  if (sep >= 0) {
    const s = masked.slice(0, sep);
    if (!s.includes(MASK)) scheme = s.toLowerCase();
    authorityStart = sep + 3;
    authorityEnd = masked.length;
    for (let i = authorityStart; i < masked.length; i++) {
      const c = masked[i];
      if (c === '/' || c === '?' || c === '#') {
        authorityEnd = i;
        break;
      }
    }
    userinfoEnd = masked.lastIndexOf('@', authorityEnd - 1);
    if (userinfoEnd < authorityStart) userinfoEnd = -1;
  }
  const q = masked.search(/[?#]/);
  return { templatedStart, scheme, authorityStart, authorityEnd, userinfoEnd, queryStart: q };
}
