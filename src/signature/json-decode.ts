/**
 * Ports Go `encoding/json/decode.go` (`Unmarshal` into a struct: `unquoteBytes`, `object`, `array`, literal stores,
 * `UnmarshalTypeError`), specialised to Grafana's `signature.PluginManifest`, on input `json-scanner.ts` accepted;
 * `foldName` is the one helper taken from `fold.go`. Used by `manifest-json.ts`.
 */
import { isUtf8 } from 'node:buffer';
import { decodeRuneBytes as goDecodeRune } from '../go/utf8.js';
import { isDigit, isSpace } from './json-scanner.js';

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
export class TypeMismatch extends Error {}

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

/** Decodes one `PluginManifest` as `json.Unmarshal` does; `manifest-json.ts` reads its fields. */
export class ManifestDecoder {
  private pos = 0;
  readonly strings = new Map<string, string>();
  time = 0;
  files: Map<string, string> | null = null;
  rootUrls: GoStringSlice | null = null;

  constructor(private readonly data: Uint8Array) {
    this.text = Buffer.from(data.buffer, data.byteOffset, data.length);
  }

  private ws(): void {
    while (this.pos < this.data.length && isSpace(this.data[this.pos])) this.pos++;
  }

  private peek(): number {
    this.ws();
    return this.data[this.pos];
  }

  /** The input as a Buffer (same memory), for one-call Latin-1 slices. */
  private readonly text: Buffer;

  /**
   * Consumes a string literal (syntax already checked) and returns its Go value (`unquote`). A literal of ASCII bytes
   * without escapes (nearly every path and hash of a manifest) is its own value: one Latin-1 slice, no view.
   */
  private stringValue(): string {
    const start = this.pos;
    let i = start + 1;
    let plain = true;
    for (let c = this.data[i]; c !== 0x22; c = this.data[i]) {
      if (c === 0x5c) {
        plain = false;
        i += 2;
      } else {
        if (c >= 0x80) plain = false;
        i++;
      }
    }
    this.pos = i + 1;
    return plain ? this.text.toString('latin1', start + 1, i) : unquote(this.data.subarray(start, this.pos));
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
      const key = this.stringValue();
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
        if (c === 0x22) this.strings.set(field.name, this.stringValue());
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
          const key = this.stringValue();
          this.peek();
          this.pos++; // ':'
          const v = this.peek();
          if (v === 0x22) this.files.set(key, this.stringValue());
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
            if (v === 0x22) slice.backing[i] = this.stringValue();
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
