/**
 * plugin.json read with source positions (jsonc-parser, strict JSON) and Go `encoding/json`'s key matching
 * (docs/route-hygiene.md#decoding): keys match Go field names case-insensitively, the last matching key wins, `null`
 * means unset.
 */
import { type Node as JsonNode, type ParseError, parseTree, printParseErrorCode } from 'jsonc-parser';

export type { JsonNode };

/** A parsed JSON document with a line index for offsets. */
export interface JsonDoc {
  text: string;
  root: JsonNode | undefined;
  /** The first syntax error, if any: message and offset. */
  error?: { message: string; offset: number };
  lineStarts: number[];
}

/**
 * Parses JSON text strictly (no comments, no trailing commas), keeping offsets.
 * @returns the document; a syntax error is in `error`, never thrown.
 */
export function parseJsonDoc(text: string): JsonDoc {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const first = errors[0];
  return {
    text,
    root,
    lineStarts,
    ...(first ? { error: { message: printParseErrorCode(first.error), offset: first.offset } } : {}),
  };
}

/** 1-based line and column (UTF-16 units) of an offset. */
export function lineColumn(doc: JsonDoc, offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = doc.lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (doc.lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - doc.lineStarts[lo] + 1 };
}

/** RFC 6901 escaping of one reference token. */
export function pointerToken(key: string | number): string {
  return String(key).replaceAll('~', '~0').replaceAll('/', '~1');
}

/** One member of a JSON object: its key as written, the key node and the value node. */
export interface Member {
  key: string;
  keyNode: JsonNode;
  value: JsonNode;
}

/** The members of an object node, in document order. */
export function members(obj: JsonNode): Member[] {
  const out: Member[] = [];
  for (const p of obj.children ?? []) {
    const [k, v] = p.children ?? [];
    if (k !== undefined && v !== undefined) out.push({ key: String(k.value), keyNode: k, value: v });
  }
  return out;
}

/** Go's case folding of a key for field matching (ASCII and simple Unicode lower-casing). */
export function foldKey(key: string): string {
  return key.toLowerCase();
}

/**
 * Every member of `obj` that Go decodes into the field `goName` (case-insensitive); the last one is the value Go
 * keeps. @returns members in document order.
 */
export function fieldMembers(obj: JsonNode, goName: string): Member[] {
  let index = FIELD_INDEX.get(obj);
  if (index === undefined) {
    index = new Map();
    for (const m of members(obj)) {
      const k = foldKey(m.key);
      const list = index.get(k);
      if (list === undefined) index.set(k, [m]);
      else list.push(m);
    }
    FIELD_INDEX.set(obj, index);
  }
  return index.get(foldKey(goName)) ?? NONE;
}

const NONE: Member[] = [];
/** Members of each object node by folded key, built once per node. */
const FIELD_INDEX = new WeakMap<JsonNode, Map<string, Member[]>>();

/** The raw source text of a node. */
export function rawText(doc: JsonDoc, n: JsonNode): string {
  return doc.text.slice(n.offset, n.offset + n.length);
}
