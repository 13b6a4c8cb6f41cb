/**
 * Go's `unicode/utf8` (Go 1.26 src/unicode/utf8/utf8.go): the project's one UTF-8 decoder. Go strings are byte
 * sequences; the Go ports (`url.ts`, `glob/`) work on "byte strings": JS strings whose code units are the UTF-8 bytes
 * (0–255), so that indexes, escapes and invalid UTF-8 behave exactly as in Go; the armor and manifest JSON readers
 * decode `Uint8Array`s with {@link decodeRuneBytes}, the same decoder. Own code: no library offers Go's
 * `unicode/utf8` on byte strings.
 */

/** U+FFFD, Go's `utf8.RuneError`. */
export const RUNE_ERROR = 0xfffd;

/** UTF-8 bytes of a JS string, as a byte string (lone surrogates become U+FFFD, as any encoder does). */
export function toByteString(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

/** The JS string a byte string decodes to (invalid UTF-8 becomes U+FFFD). */
export function fromByteString(b: string): string {
  return Buffer.from(b, 'latin1').toString('utf8');
}

/**
 * Go's `utf8.DecodeRuneInString(s[i:])` on a byte string: `[rune, width]`; an invalid or truncated sequence, an
 * overlong form or a surrogate gives `[0xFFFD, 1]`, the end of the string `[0xFFFD, 0]`.
 */
export function decodeRune(s: string, i: number): [rune: number, size: number] {
  const b0 = s.charCodeAt(i);
  if (b0 < 0x80) return [b0, 1]; // ASCII without the byte reader (NaN past the end goes on to decodeAt)
  return decodeAt(s.length, i, (k) => s.charCodeAt(k));
}

/** Go's `utf8.DecodeRune(data[i:])` on bytes: the same as {@link decodeRune} (the armor and JSON readers use it). */
export function decodeRuneBytes(data: Uint8Array, i: number): [rune: number, size: number] {
  const b0 = data[i];
  if (b0 < 0x80) return [b0, 1]; // ASCII without the byte reader (undefined past the end goes on to decodeAt)
  return decodeAt(data.length, i, (k) => data[k]);
}

/**
 * Go's `utf8.DecodeLastRune(data[:end])` on bytes (`end` ≥ 1): the code point ending at `data[end - 1]` and its
 * length; `[RUNE_ERROR, 1]` when the bytes before `end` do not end in a valid encoding (`bytes.TrimSpace` uses it).
 */
export function decodeLastRuneBytes(data: Uint8Array, end: number): [rune: number, size: number] {
  if (data[end - 1] < 0x80) return [data[end - 1], 1];
  const lim = Math.max(0, end - 4);
  let start = end - 1;
  while (start > lim && (data[start] & 0xc0) === 0x80) start--;
  const [r, size] = decodeRuneBytes(data.subarray(0, end), start);
  if (start + size !== end) return [0xfffd, 1];
  return [r, size];
}

/** The one UTF-8 decoder (Go src/unicode/utf8/utf8.go `DecodeRune`), over `length` bytes read by `byteAt`. */
function decodeAt(length: number, i: number, byteAt: (index: number) => number): [rune: number, size: number] {
  const n = length - i;
  if (n < 1) return [RUNE_ERROR, 0];
  const b0 = byteAt(i);
  if (b0 < 0x80) return [b0, 1];
  if (b0 < 0xc2 || b0 > 0xf4) return [RUNE_ERROR, 1];
  let need: number;
  let cp: number;
  let lo = 0x80;
  let hi = 0xbf;
  if (b0 < 0xe0) {
    need = 1;
    cp = b0 & 0x1f;
  } else if (b0 < 0xf0) {
    need = 2;
    cp = b0 & 0x0f;
    if (b0 === 0xe0) lo = 0xa0;
    else if (b0 === 0xed) hi = 0x9f;
  } else {
    need = 3;
    cp = b0 & 0x07;
    if (b0 === 0xf0) lo = 0x90;
    else if (b0 === 0xf4) hi = 0x8f;
  }
  if (n < need + 1) return [RUNE_ERROR, 1];
  const b1 = byteAt(i + 1);
  if (b1 < lo || b1 > hi) return [RUNE_ERROR, 1];
  cp = (cp << 6) | (b1 & 0x3f);
  for (let k = 2; k <= need; k++) {
    const b = byteAt(i + k);
    if (b < 0x80 || b > 0xbf) return [RUNE_ERROR, 1];
    cp = (cp << 6) | (b & 0x3f);
  }
  return [cp, need + 1];
}

/** `utf8.RuneLen(r)`. */
export function runeLen(r: number): number {
  if (r < 0) return -1;
  if (r < 0x80) return 1;
  if (r < 0x800) return 2;
  if (r >= 0xd800 && r <= 0xdfff) return -1;
  if (r < 0x10000) return 3;
  if (r <= 0x10ffff) return 4;
  return -1;
}

/** `string(r)` for a rune: its UTF-8 bytes (U+FFFD for an invalid rune). */
export function runeString(r: number): string {
  if (runeLen(r) < 0) r = RUNE_ERROR;
  return toByteString(String.fromCodePoint(r));
}

/** `for i, r := range s`: the byte offset and rune of every rune start. */
export function* runes(s: string): Generator<[number, number]> {
  for (let i = 0; i < s.length;) {
    const [r, w] = decodeRune(s, i);
    yield [i, r];
    i += w;
  }
}

/** `[]rune(s)`. */
export function toRunes(s: string): number[] {
  const out: number[] = [];
  for (const [, r] of runes(s)) out.push(r);
  return out;
}

/** `utf8.RuneCountInString(s)`. */
export function runeCount(s: string): number {
  let n = 0;
  for (const _ of runes(s)) n++;
  return n;
}
