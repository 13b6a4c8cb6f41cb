/**
 * The JSON inside MANIFEST.txt, read the way Grafana reads it: Go `encoding/json` `Unmarshal` into
 * `signature.PluginManifest` (`pkg/plugins/manager/signature/manifest.go`), then `validateManifest`.
 *
 * This is a small hand-written decoder, not `JSON.parse`, because Go `encoding/json` semantics differ from
 * `JSON.parse` in ways that change Grafana's verdict or its message:
 * - `JSON.parse` cannot tell `1e3` or `1.0` from `1000` / `1`, and rounds integers beyond 2^53; Go rejects a
 *   fraction or exponent for an `int64` field and checks int64 overflow;
 * - Go matches field names case-insensitively (exact match preferred), ignores `null` for strings and numbers,
 *   reports the first type mismatch as `json: cannot unmarshal …` after reading the whole document;
 * - Go replaces invalid UTF-8 in strings by U+FFFD byte by byte, and words syntax errors its own way
 *   (`invalid character 'x' looking for beginning of value`, `unexpected end of JSON input`).
 */
import { isUtf8 } from 'node:buffer';
import { ManifestFormatError } from '../errors.js';
import { SIGNATURE_TYPES, type SignedManifest } from '../manifest/types.js';
import { decodeRuneBytes as goDecodeRune } from '../go/utf8.js';

// ---------------------------------------------------------------------------------------------------------------
// Syntax: a transcription of Go encoding/json scanner.go (checkValid), which runs before any decoding.
// ---------------------------------------------------------------------------------------------------------------

const MAX_NESTING_DEPTH = 10000;

const enum Parse {
  ObjectKey,
  ObjectValue,
  ArrayValue,
}

/** Go `strconv.IsPrint` for U+0080..U+00FF (the only non-ASCII runes `quoteChar` can see, one byte at a time). */
function isPrintLatin1(r: number): boolean {
  return r >= 0xa1 && r !== 0xad;
}

/** Go encoding/json `quoteChar`: how a byte appears in a syntax error. */
function quoteChar(c: number): string {
  if (c === 0x27) return `'\\''`;
  if (c === 0x22) return `'"'`;
  // strconv.Quote(string(rune(c))) without its double quotes.
  switch (c) {
    case 0x07:
      return `'\\a'`;
    case 0x08:
      return `'\\b'`;
    case 0x0c:
      return `'\\f'`;
    case 0x0a:
      return `'\\n'`;
    case 0x0d:
      return `'\\r'`;
    case 0x09:
      return `'\\t'`;
    case 0x0b:
      return `'\\v'`;
    case 0x5c:
      return `'\\\\'`;
  }
  if (c < 0x20 || c === 0x7f) return `'\\x${c.toString(16).padStart(2, '0')}'`;
  if (c < 0x7f) return `'${String.fromCharCode(c)}'`;
  if (isPrintLatin1(c)) return `'${String.fromCharCode(c)}'`;
  return `'\\u${c.toString(16).padStart(4, '0')}'`;
}

const isSpace = (c: number) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const isHex = (c: number) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);

/**
 * Go encoding/json `checkValid`: the first syntax error in `data`, in Go's words, or `null` when `data` is one
 * valid JSON value surrounded by optional white space.
 */
export function goJsonSyntaxError(data: Uint8Array): string | null {
  const parseState: Parse[] = [];
  let err: string | null = null;
  let endTop = false;
  type Step = (c: number) => void;
  let step: Step;

  const fail = (c: number, context: string) => {
    step = () => {};
    err = `invalid character ${quoteChar(c)} ${context}`;
  };
  const push = (c: number, s: Parse) => {
    parseState.push(s);
    if (parseState.length > MAX_NESTING_DEPTH) fail(c, 'exceeded max depth');
  };

  const stateEndTop: Step = (c) => {
    if (!isSpace(c)) fail(c, 'after top-level value');
  };
  const stateEndValue: Step = (c) => {
    const n = parseState.length;
    if (n === 0) {
      step = stateEndTop;
      endTop = true;
      stateEndTop(c);
      return;
    }
    if (isSpace(c)) {
      step = stateEndValue;
      return;
    }
    switch (parseState[n - 1]) {
      case Parse.ObjectKey:
        if (c === 0x3a) {
          parseState[n - 1] = Parse.ObjectValue;
          step = stateBeginValue;
          return;
        }
        return fail(c, 'after object key');
      case Parse.ObjectValue:
        if (c === 0x2c) {
          parseState[n - 1] = Parse.ObjectKey;
          step = stateBeginString;
          return;
        }
        if (c === 0x7d) {
          parseState.pop();
          step = parseState.length === 0 ? stateEndTop : stateEndValue;
          if (parseState.length === 0) endTop = true;
          return;
        }
        return fail(c, 'after object key:value pair');
      case Parse.ArrayValue:
        if (c === 0x2c) {
          step = stateBeginValue;
          return;
        }
        if (c === 0x5d) {
          parseState.pop();
          step = parseState.length === 0 ? stateEndTop : stateEndValue;
          if (parseState.length === 0) endTop = true;
          return;
        }
        return fail(c, 'after array element');
    }
  };
  const stateBeginValue: Step = (c) => {
    if (isSpace(c)) return;
    switch (c) {
      case 0x7b: // {
        step = stateBeginStringOrEmpty;
        return push(c, Parse.ObjectKey);
      case 0x5b: // [
        step = stateBeginValueOrEmpty;
        return push(c, Parse.ArrayValue);
      case 0x22:
        step = stateInString;
        return;
      case 0x2d:
        step = stateNeg;
        return;
      case 0x30:
        step = state0;
        return;
      case 0x74:
        step = literal('true', 1);
        return;
      case 0x66:
        step = literal('false', 1);
        return;
      case 0x6e:
        step = literal('null', 1);
        return;
    }
    if (c >= 0x31 && c <= 0x39) {
      step = state1;
      return;
    }
    fail(c, 'looking for beginning of value');
  };
  const stateBeginValueOrEmpty: Step = (c) => {
    if (isSpace(c)) return;
    if (c === 0x5d) return stateEndValue(c);
    stateBeginValue(c);
  };
  const stateBeginStringOrEmpty: Step = (c) => {
    if (isSpace(c)) return;
    if (c === 0x7d) {
      parseState[parseState.length - 1] = Parse.ObjectValue;
      return stateEndValue(c);
    }
    stateBeginString(c);
  };
  const stateBeginString: Step = (c) => {
    if (isSpace(c)) return;
    if (c === 0x22) {
      step = stateInString;
      return;
    }
    fail(c, 'looking for beginning of object key string');
  };
  const stateInString: Step = (c) => {
    if (c === 0x22) {
      step = stateEndValue;
      return;
    }
    if (c === 0x5c) {
      step = stateInStringEsc;
      return;
    }
    if (c < 0x20) fail(c, 'in string literal');
  };
  const stateInStringEsc: Step = (c) => {
    switch (c) {
      case 0x62: // b
      case 0x66: // f
      case 0x6e: // n
      case 0x72: // r
      case 0x74: // t
      case 0x5c: // \
      case 0x2f: // /
      case 0x22: // "
        step = stateInString;
        return;
      case 0x75: // u
        step = hexStep(0);
        return;
    }
    fail(c, 'in string escape code');
  };
  const hexStep =
    (k: number): Step =>
    (c) => {
      if (!isHex(c)) return fail(c, 'in \\u hexadecimal character escape');
      step = k === 3 ? stateInString : hexStep(k + 1);
    };
  const stateNeg: Step = (c) => {
    if (c === 0x30) {
      step = state0;
      return;
    }
    if (c >= 0x31 && c <= 0x39) {
      step = state1;
      return;
    }
    fail(c, 'in numeric literal');
  };
  const state1: Step = (c) => {
    if (isDigit(c)) return;
    state0(c);
  };
  const state0: Step = (c) => {
    if (c === 0x2e) {
      step = stateDot;
      return;
    }
    if (c === 0x65 || c === 0x45) {
      step = stateE;
      return;
    }
    stateEndValue(c);
  };
  const stateDot: Step = (c) => {
    if (isDigit(c)) {
      step = stateDot0;
      return;
    }
    fail(c, 'after decimal point in numeric literal');
  };
  const stateDot0: Step = (c) => {
    if (isDigit(c)) return;
    if (c === 0x65 || c === 0x45) {
      step = stateE;
      return;
    }
    stateEndValue(c);
  };
  const stateE: Step = (c) => {
    if (c === 0x2b || c === 0x2d) {
      step = stateESign;
      return;
    }
    stateESign(c);
  };
  const stateESign: Step = (c) => {
    if (isDigit(c)) {
      step = stateE0;
      return;
    }
    fail(c, 'in exponent of numeric literal');
  };
  const stateE0: Step = (c) => {
    if (isDigit(c)) return;
    stateEndValue(c);
  };
  const literal =
    (word: string, k: number): Step =>
    (c) => {
      if (c !== word.charCodeAt(k)) return fail(c, `in literal ${word} (expecting '${word[k]}')`);
      step = k === word.length - 1 ? stateEndValue : literal(word, k + 1);
    };

  step = stateBeginValue;
  const n = data.length;
  for (let i = 0; i < n; i++) {
    if (step === stateInString) {
      // The bytes stateInString would accept one call at a time (not '"', '\\' or a control byte), skipped in a
      // tight loop: a 5,000-file manifest is mostly string bytes.
      while (i < n && data[i] !== 0x22 && data[i] !== 0x5c && data[i] >= 0x20) i++;
      if (i === n) break;
    }
    step(data[i]);
    if (err !== null) return err;
  }
  // scanner.eof: feed a space to finish a number or literal.
  if (endTop) return null;
  step(0x20);
  if (err !== null) return err;
  if (endTop) return null;
  return 'unexpected end of JSON input';
}

// ---------------------------------------------------------------------------------------------------------------
// Decoding into Grafana's struct (Go encoding/json decode.go), on input checkValid accepted.
// ---------------------------------------------------------------------------------------------------------------

/** Go `unquoteBytes` on a string literal (with its quotes): escapes decoded, invalid UTF-8 → U+FFFD per byte. */
function unquote(lit: Uint8Array): string {
  const s = lit.subarray(1, lit.length - 1);
  // Parts joined once at the end, runs without escapes decoded whole: a 60 MB string costs O(size), not a
  // string concatenation per character.
  const parts: string[] = [];
  let i = 0;
  const getu4 = (at: number): number => {
    if (at + 6 > s.length || s[at] !== 0x5c || s[at + 1] !== 0x75) return -1;
    const hex = String.fromCharCode(...s.subarray(at + 2, at + 6));
    return /^[0-9a-fA-F]{4}$/.test(hex) ? parseInt(hex, 16) : -1;
  };
  while (i < s.length) {
    const c = s[i];
    if (c !== 0x5c) {
      const next = s.indexOf(0x5c, i);
      const end = next === -1 ? s.length : next;
      parts.push(decodeRun(s.subarray(i, end)));
      i = end;
      continue;
    }
    const e = s[i + 1];
    switch (e) {
      case 0x22:
      case 0x5c:
      case 0x2f:
        parts.push(String.fromCharCode(e));
        i += 2;
        continue;
      case 0x62:
        parts.push('\b');
        i += 2;
        continue;
      case 0x66:
        parts.push('\f');
        i += 2;
        continue;
      case 0x6e:
        parts.push('\n');
        i += 2;
        continue;
      case 0x72:
        parts.push('\r');
        i += 2;
        continue;
      case 0x74:
        parts.push('\t');
        i += 2;
        continue;
      case 0x75: {
        let rr = getu4(i);
        i += 6;
        if (rr >= 0xd800 && rr < 0xe000) {
          const rr1 = getu4(i);
          if (rr < 0xdc00 && rr1 >= 0xdc00 && rr1 < 0xe000) {
            parts.push(String.fromCodePoint(((rr - 0xd800) << 10) + (rr1 - 0xdc00) + 0x10000));
            i += 6;
            continue;
          }
          rr = 0xfffd;
        }
        parts.push(String.fromCodePoint(rr));
        continue;
      }
      default:
        // Not an escape the scanner lets through; kept as the backslash it is.
        parts.push('\\');
        i++;
    }
  }
  return parts.join('');
}

/**
 * A run of string bytes without escapes: valid UTF-8 decodes in one call; otherwise rune by rune as Go does
 * (each invalid byte becomes one U+FFFD, which the WHATWG decoder behind `Buffer#toString` does not promise).
 */
function decodeRun(run: Uint8Array): string {
  // ASCII (paths and hex hashes, nearly every string of a manifest): no native call for short runs.
  if (run.length <= 512) {
    let ascii = true;
    for (let i = 0; i < run.length && ascii; i++) ascii = run[i] < 0x80;
    if (ascii) return String.fromCharCode.apply(null, run as unknown as number[]);
  }
  if (isUtf8(run)) return Buffer.from(run.buffer, run.byteOffset, run.length).toString('utf8');
  const out: string[] = [];
  for (let i = 0; i < run.length;) {
    const [r, size] = goDecodeRune(run, i);
    out.push(String.fromCodePoint(r));
    i += size;
  }
  return out.join('');
}

/** Thrown inside the decoder for the first `UnmarshalTypeError` (Go saves the first and returns it at the end). */
class TypeMismatch extends Error {}

interface FieldDef {
  /** JSON name from the struct tag. */
  name: string;
  /** Go type as `reflect.Type.String()` prints it. */
  goType: string;
  kind: 'string' | 'int64' | 'map' | 'slice';
}

/** Grafana `PluginManifest`, in struct order (Go tries fields in this order for a case-insensitive match). */
const FIELDS: FieldDef[] = [
  { name: 'plugin', goType: 'string', kind: 'string' },
  { name: 'version', goType: 'string', kind: 'string' },
  { name: 'keyId', goType: 'string', kind: 'string' },
  { name: 'time', goType: 'int64', kind: 'int64' },
  { name: 'files', goType: 'map[string]string', kind: 'map' },
  { name: 'manifestVersion', goType: 'string', kind: 'string' },
  { name: 'signatureType', goType: 'plugins.SignatureType', kind: 'string' },
  { name: 'signedByOrg', goType: 'string', kind: 'string' },
  { name: 'signedByOrgName', goType: 'string', kind: 'string' },
  { name: 'rootUrls', goType: '[]string', kind: 'slice' },
];
const STRUCT_TYPE = 'signature.PluginManifest';
const STRUCT_NAME = 'PluginManifest';

/**
 * Go encoding/json `foldName` for matching against ASCII field names: ASCII letters upper-cased, U+017F (ſ) → S,
 * U+212A (Kelvin) → K (the only non-ASCII runes whose fold set contains an ASCII letter); others kept.
 */
function foldName(name: string): string {
  let out = '';
  for (const ch of name) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0x61 && cp <= 0x7a) out += String.fromCharCode(cp - 0x20);
    else if (cp === 0x17f) out += 'S';
    else if (cp === 0x212a) out += 'K';
    else out += ch;
  }
  return out;
}

function findField(key: string): FieldDef | undefined {
  const exact = FIELDS.find((f) => f.name === key);
  if (exact) return exact;
  const folded = foldName(key);
  return FIELDS.find((f) => foldName(f.name) === folded);
}

/** A Go `[]string` with its capacity, so elements left by an earlier, longer array survive like in Go. */
interface GoStringSlice {
  backing: string[];
  len: number;
}

/** Capacity after Go `reflect.Value.Grow(1)` (runtime `nextslicecap`; size-class rounding ignored past 256). */
function grownCap(oldCap: number, newLen: number): number {
  const doubled = oldCap * 2;
  if (newLen > doubled) return newLen;
  if (oldCap < 256) return doubled;
  let cap = oldCap;
  while (cap < newLen) cap += (cap + 3 * 256) >> 2;
  return cap;
}

class ManifestDecoder {
  private pos = 0;
  readonly strings = new Map<string, string>();
  time = 0;
  files: Map<string, string> | null = null;
  rootUrls: GoStringSlice | null = null;

  constructor(private readonly data: Uint8Array) {}

  private ws(): void {
    while (this.pos < this.data.length && isSpace(this.data[this.pos])) this.pos++;
  }

  private peek(): number {
    this.ws();
    return this.data[this.pos];
  }

  /** Consumes a string literal (syntax already checked) and returns its raw bytes, quotes included. */
  private stringLiteral(): Uint8Array {
    const start = this.pos;
    let i = start + 1;
    while (this.data[i] !== 0x22) i += this.data[i] === 0x5c ? 2 : 1;
    this.pos = i + 1;
    return this.data.subarray(start, this.pos);
  }

  /** Consumes a number, `true`, `false` or `null` literal and returns its text. */
  private scalarLiteral(): string {
    const start = this.pos;
    let i = start;
    while (i < this.data.length && !isSpace(this.data[i]) && ![0x2c, 0x7d, 0x5d, 0x3a].includes(this.data[i])) i++;
    this.pos = i;
    return Buffer.from(this.data.subarray(start, i)).toString('latin1');
  }

  /** Skips any value without recursion (nesting can reach Go's limit of 10000). */
  private skipValue(): void {
    let depth = 0;
    do {
      const c = this.peek();
      if (c === 0x22) this.stringLiteral();
      else if (c === 0x7b || c === 0x5b) {
        depth++;
        this.pos++;
      } else if (c === 0x7d || c === 0x5d) {
        depth--;
        this.pos++;
      } else if (c === 0x2c || c === 0x3a) this.pos++;
      else this.scalarLiteral();
    } while (depth > 0);
  }

  private mismatch(value: string, goType: string, field?: string): never {
    throw new TypeMismatch(
      field === undefined
        ? `json: cannot unmarshal ${value} into Go value of type ${goType}`
        : `json: cannot unmarshal ${value} into Go struct field ${STRUCT_NAME}.${field} of type ${goType}`,
    );
  }

  /** Go's `Value` word for the JSON value starting at the current position, for an `UnmarshalTypeError`. */
  private kindWord(c: number): string {
    if (c === 0x7b) return 'object';
    if (c === 0x5b) return 'array';
    if (c === 0x22) return 'string';
    if (c === 0x74 || c === 0x66) return 'bool';
    return 'number';
  }

  decode(): void {
    const c = this.peek();
    if (c === 0x6e) return; // null: the struct keeps its zero value
    if (c !== 0x7b) this.mismatch(this.kindWord(c), STRUCT_TYPE);
    this.pos++;
    if (this.peek() === 0x7d) return;
    for (;;) {
      this.peek();
      const key = unquote(this.stringLiteral());
      this.peek(); // ':'
      this.pos++;
      const field = findField(key);
      if (field) this.decodeField(field);
      else this.skipValue();
      if (this.peek() === 0x2c) {
        this.pos++;
        continue;
      }
      this.pos++; // '}'
      return;
    }
  }

  private decodeField(field: FieldDef): void {
    const c = this.peek();
    switch (field.kind) {
      case 'string': {
        if (c === 0x22) this.strings.set(field.name, unquote(this.stringLiteral()));
        else if (c === 0x6e)
          this.scalarLiteral(); // null is ignored for strings
        else this.mismatch(this.kindWord(c), field.goType, field.name);
        return;
      }
      case 'int64': {
        if (c === 0x6e) {
          this.scalarLiteral();
          return;
        }
        if (c !== 0x2d && !isDigit(c)) this.mismatch(this.kindWord(c), field.goType, field.name);
        const text = this.scalarLiteral();
        // strconv.ParseInt(s, 10, 64): no fraction, no exponent, within int64.
        if (!/^-?[0-9]+$/.test(text)) this.mismatch(`number ${text}`, field.goType, field.name);
        const n = BigInt(text);
        if (n > 0x7fffffffffffffffn || n < -0x8000000000000000n)
          this.mismatch(`number ${text}`, field.goType, field.name);
        this.time = Number(n);
        return;
      }
      case 'map': {
        if (c === 0x6e) {
          this.scalarLiteral();
          this.files = null;
          return;
        }
        if (c !== 0x7b) this.mismatch(this.kindWord(c), field.goType, field.name);
        this.files ??= new Map();
        this.pos++;
        if (this.peek() === 0x7d) {
          this.pos++;
          return;
        }
        for (;;) {
          this.peek();
          const key = unquote(this.stringLiteral());
          this.peek();
          this.pos++; // ':'
          const v = this.peek();
          if (v === 0x22) this.files.set(key, unquote(this.stringLiteral()));
          else if (v === 0x6e) {
            this.scalarLiteral();
            this.files.set(key, ''); // the zeroed element is stored
          } else this.mismatch(this.kindWord(v), 'string', field.name);
          if (this.peek() === 0x2c) {
            this.pos++;
            continue;
          }
          this.pos++;
          return;
        }
      }
      case 'slice': {
        if (c === 0x6e) {
          this.scalarLiteral();
          this.rootUrls = null;
          return;
        }
        if (c !== 0x5b) this.mismatch(this.kindWord(c), field.goType, field.name);
        const slice: GoStringSlice = this.rootUrls ?? { backing: [], len: 0 };
        this.pos++;
        let i = 0;
        if (this.peek() !== 0x5d) {
          for (;;) {
            if (i >= slice.backing.length) {
              // Grow: a new backing array holds copies of [0, len) and zero values after.
              const cap = grownCap(slice.backing.length, i + 1);
              const grown = slice.backing.slice(0, slice.len);
              while (grown.length < cap) grown.push('');
              slice.backing = grown;
            }
            if (i >= slice.len) slice.len = i + 1;
            const v = this.peek();
            if (v === 0x22) slice.backing[i] = unquote(this.stringLiteral());
            else if (v === 0x6e)
              this.scalarLiteral(); // null keeps whatever the element held
            else this.mismatch(this.kindWord(v), 'string', field.name);
            i++;
            if (this.peek() === 0x2c) {
              this.pos++;
              continue;
            }
            break;
          }
        }
        this.pos++; // ']'
        if (i < slice.len) slice.len = i;
        this.rootUrls = i === 0 ? { backing: [], len: 0 } : slice;
        return;
      }
    }
  }
}

/**
 * Parses the signed JSON of a MANIFEST.txt exactly as Grafana does: Go `json.Unmarshal(block.Plaintext, &manifest)`
 * into `signature.PluginManifest` (`pkg/plugins/manager/signature/manifest.go`).
 *
 * Semantics (Go `encoding/json`): syntax is checked first over the whole input (trailing non-space data is an
 * error); field names match exactly, else case-insensitively; unknown fields are ignored; `null` leaves strings and
 * `time` unchanged and resets `files` / `rootUrls`; a later duplicate key wins (a duplicate `files` object merges
 * into the first); `time` must be an integer literal that fits int64; invalid UTF-8 becomes U+FFFD.
 *
 * @param plaintext `CleartextBlock.plaintext`.
 * @returns the manifest with Go's zero values for absent fields (`""`, `0`, empty `files`, `[]` `rootUrls`).
 * @throws ManifestFormatError `Error parsing manifest JSON: <Go's error>`, e.g.
 *   `Error parsing manifest JSON: json: cannot unmarshal string into Go struct field PluginManifest.time of type int64`
 *   or `Error parsing manifest JSON: invalid character 'x' looking for beginning of value`.
 */
export function parseManifestJson(plaintext: Uint8Array): SignedManifest {
  const syntax = goJsonSyntaxError(plaintext);
  if (syntax !== null) throw new ManifestFormatError(`Error parsing manifest JSON: ${syntax}`);
  const d = new ManifestDecoder(plaintext);
  try {
    d.decode();
  } catch (e) {
    if (e instanceof TypeMismatch) throw new ManifestFormatError(`Error parsing manifest JSON: ${e.message}`);
    throw e;
  }
  const s = (name: string) => d.strings.get(name) ?? '';
  return {
    manifestVersion: s('manifestVersion'),
    signatureType: s('signatureType'),
    signedByOrg: s('signedByOrg'),
    signedByOrgName: s('signedByOrgName'),
    rootUrls: d.rootUrls ? d.rootUrls.backing.slice(0, d.rootUrls.len) : [],
    plugin: s('plugin'),
    version: s('version'),
    time: d.time,
    keyId: s('keyId'),
    files: d.files ?? new Map(),
  };
}

/**
 * Grafana `PluginManifest.isV2`: `strings.HasPrefix(m.ManifestVersion, "2.")`.
 *
 * @returns true for a v2 manifest (the only kind current Grafana accepts, checked after the signature).
 */
export function isV2(m: SignedManifest): boolean {
  return m.manifestVersion.startsWith('2.');
}

/**
 * Grafana `validateManifest` (`pkg/plugins/manager/signature/manifest.go`): the field checks, in its order.
 *
 * `plugin`, `version`, `keyId` non-empty, `time` non-zero, `files` non-empty; for a v2 manifest also
 * `signedByOrg`, `signedByOrgName` non-empty and `signatureType` one of {@link SIGNATURE_TYPES} (case-sensitive).
 *
 * @returns Grafana's message for the first failing check (`valid manifest field plugin is required`,
 *   `x is not a valid signature type`), or `null` when all pass. Never throws.
 */
export function manifestFieldError(m: SignedManifest): string | null {
  const required = (field: string) => `valid manifest field ${field} is required`;
  if (m.plugin.length === 0) return required('plugin');
  if (m.version.length === 0) return required('version');
  if (m.keyId.length === 0) return required('keyId');
  if (m.time === 0) return required('time');
  if (m.files.size === 0) return required('files');
  if (isV2(m)) {
    if (m.signedByOrg.length === 0) return required('signedByOrg');
    if (m.signedByOrgName.length === 0) return required('signedByOrgName');
    if (!(SIGNATURE_TYPES as readonly string[]).includes(m.signatureType)) {
      return `${m.signatureType} is not a valid signature type`;
    }
  }
  return null;
}
