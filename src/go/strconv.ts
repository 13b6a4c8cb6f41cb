/**
 * Port of the parts of Go's `strconv` that `text/template/parse` calls: `Unquote`/`UnquoteChar` (quote.go) and the
 * syntax and range checks of `ParseInt`/`ParseUint` with base 0 and `ParseFloat` (atoi.go, atof.go).
 *
 * Own code: JavaScript's number parsing accepts other syntaxes (no `0o`, no `_` rules, no hex floats), and a template
 * must be rejected exactly where Go rejects it. Only validity (and the value, as a JS number, where exact enough)
 * is reproduced; errors are `GoSyntaxError` with Go's message.
 */

/** Go's `strconv.ErrSyntax`/`ErrRange` wrapped in a `*NumError`-like message. */
export class GoSyntaxError extends Error {}

function isHex(c: string): boolean {
  return /^[0-9a-fA-F]$/.test(c);
}

/**
 * Go's `strconv.UnquoteChar(s, quote)`: decodes the first character or escape of `s`.
 * @returns `[codePoint, tail]`. @throws GoSyntaxError("invalid syntax") as Go returns ErrSyntax.
 */
export function unquoteChar(s: string, quote: string): [number, string] {
  const c = s[0];
  if (c === undefined) throw new GoSyntaxError('invalid syntax');
  if (c === quote && (quote === "'" || quote === '"')) throw new GoSyntaxError('invalid syntax');
  if (c !== '\\') {
    const cp = s.codePointAt(0)!;
    return [cp, s.slice(cp > 0xffff ? 2 : 1)];
  }
  if (s.length <= 1) throw new GoSyntaxError('invalid syntax');
  const e = s[1];
  let rest = s.slice(2);
  const simple: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 0x5c };
  if (Object.hasOwn(simple, e)) return [simple[e], rest];
  if (e === 'x' || e === 'u' || e === 'U') {
    const n = e === 'x' ? 2 : e === 'u' ? 4 : 8;
    if (rest.length < n) throw new GoSyntaxError('invalid syntax');
    let v = 0;
    for (let j = 0; j < n; j++) {
      if (!isHex(rest[j])) throw new GoSyntaxError('invalid syntax');
      v = v * 16 + parseInt(rest[j], 16);
    }
    rest = rest.slice(n);
    if (e === 'x') return [v, rest];
    if (v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) throw new GoSyntaxError('invalid syntax');
    return [v, rest];
  }
  if (e >= '0' && e <= '7') {
    let v = e.charCodeAt(0) - 0x30;
    if (rest.length < 2) throw new GoSyntaxError('invalid syntax');
    for (let j = 0; j < 2; j++) {
      const d = rest.charCodeAt(j) - 0x30;
      if (d < 0 || d > 7) throw new GoSyntaxError('invalid syntax');
      v = v * 8 + d;
    }
    if (v > 255) throw new GoSyntaxError('invalid syntax');
    return [v, rest.slice(2)];
  }
  if (e === "'" || e === '"') {
    if (e !== quote) throw new GoSyntaxError('invalid syntax');
    return [e.charCodeAt(0), rest];
  }
  throw new GoSyntaxError('invalid syntax');
}

/**
 * Go's `strconv.Unquote` for `"…"`, `` `…` `` and `'…'` literals. @returns the unquoted text.
 * @throws GoSyntaxError("invalid syntax").
 */
export function unquote(s: string): string {
  const q = s[0];
  if (s.length < 2 || q !== s[s.length - 1]) throw new GoSyntaxError('invalid syntax');
  const body = s.slice(1, -1);
  if (q === '`') {
    if (body.includes('`')) throw new GoSyntaxError('invalid syntax');
    return body.replaceAll('\r', '');
  }
  if (q !== '"' && q !== "'") throw new GoSyntaxError('invalid syntax');
  if (body.includes('\n')) throw new GoSyntaxError('invalid syntax');
  let out = '';
  let rest = body;
  while (rest.length > 0) {
    const [cp, tail] = unquoteChar(rest, q);
    out += String.fromCodePoint(cp);
    rest = tail;
    if (q === "'" && rest.length > 0) throw new GoSyntaxError('invalid syntax');
  }
  if (q === "'" && out.length === 0) throw new GoSyntaxError('invalid syntax');
  return out;
}

/** Go's `underscoreOK` (atoi.go): underscores only between digits or after a base prefix. */
function underscoreOK(s0: string): boolean {
  let s = s0;
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  if (s.length >= 2 && s[0] === '0' && /[bBoOxX]/.test(s[1])) {
    i = 2;
    saw = '0';
    hex = s[1] === 'x' || s[1] === 'X';
  }
  for (; i < s.length; i++) {
    const c = s[i];
    if ((c >= '0' && c <= '9') || (hex && /[a-fA-F]/.test(c))) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

/**
 * Go's `strconv.ParseUint(s, 0, 64)` (signed = false) or `ParseInt(s, 0, 64)` (signed = true).
 * @returns the value as a bigint, or null where Go returns an error (syntax or range).
 */
export function parseIntBase0(s: string, signed: boolean): bigint | null {
  let t = s;
  let neg = false;
  if (signed && (t[0] === '+' || t[0] === '-')) {
    neg = t[0] === '-';
    t = t.slice(1);
  }
  if (t === '') return null;
  let base = 10;
  let digits = t;
  if (t[0] === '0') {
    if (t.length >= 3 && /[xX]/.test(t[1])) {
      base = 16;
      digits = t.slice(2);
    } else if (t.length >= 3 && /[oO]/.test(t[1])) {
      base = 8;
      digits = t.slice(2);
    } else if (t.length >= 3 && /[bB]/.test(t[1])) {
      base = 2;
      digits = t.slice(2);
    } else {
      base = 8;
      digits = t.slice(1);
    }
  }
  let v = 0n;
  let underscores = false;
  for (const c of digits) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || d >= base) return null;
    v = v * BigInt(base) + BigInt(d);
  }
  if (underscores && !underscoreOK(t)) return null;
  if (signed) {
    if (!neg && v > (1n << 63n) - 1n) return null;
    if (neg && v > 1n << 63n) return null;
    return neg ? -v : v;
  }
  if (v > (1n << 64n) - 1n) return null;
  return v;
}

/**
 * Go's `strconv.ParseFloat(s, 64)` for the texts the template lexer can produce (decimal and hexadecimal
 * floating-point literals with `_` separators). @returns the value, or null where Go returns an error (syntax, or
 * ErrRange on overflow).
 */
export function parseFloat64(s: string): number | null {
  const dec = /^[+-]?(?:[0-9_]+\.?[0-9_]*|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?$/;
  const hex = /^[+-]?0[xX](?:[0-9a-fA-F_]+\.?[0-9a-fA-F_]*|\.[0-9a-fA-F_]+)[pP][+-]?[0-9_]+$/;
  let v: number;
  if (dec.test(s)) {
    const mant = s.replace(/[eE].*$/, '');
    if (!/[0-9]/.test(mant)) return null;
    if (/[eE][+-]?_*$/.test(s)) return null;
    if (s.includes('_') && !underscoreOK(s)) return null;
    v = Number(s.replaceAll('_', ''));
  } else if (hex.test(s)) {
    if (s.includes('_') && !underscoreOK(s)) return null;
    const t = s.replaceAll('_', '');
    const m = /^([+-]?)0[xX]([0-9a-fA-F]*)\.?([0-9a-fA-F]*)[pP]([+-]?[0-9]+)$/.exec(t);
    if (m === null || m[2] + m[3] === '') return null;
    const mant = parseInt(m[2] + m[3] || '0', 16) / 16 ** m[3].length;
    v = (m[1] === '-' ? -1 : 1) * mant * 2 ** Number(m[4]);
  } else {
    return null;
  }
  if (!Number.isFinite(v)) return null;
  return v;
}
