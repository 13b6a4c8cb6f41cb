/**
 * Go strings are byte sequences; the Go ports (`go-url.ts`, `glob.ts`) work on "byte strings": JS strings whose
 * code units are the UTF-8 bytes (0–255), so that indexes, escapes and invalid UTF-8 behave exactly as in Go.
 * Own code, shared by those ports: no library offers Go's `unicode/utf8` on byte strings.
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
 * Go's `utf8.DecodeRuneInString(s[i:])` on a byte string: `[rune, width]`; invalid input gives `[0xFFFD, 1]`,
 * the end of the string `[0xFFFD, 0]`.
 */
export function decodeRune(s: string, i: number): [number, number] {
  const n = s.length - i;
  if (n < 1) return [RUNE_ERROR, 0];
  const b0 = s.charCodeAt(i);
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
  const b1 = s.charCodeAt(i + 1);
  if (b1 < lo || b1 > hi) return [RUNE_ERROR, 1];
  cp = (cp << 6) | (b1 & 0x3f);
  for (let k = 2; k <= need; k++) {
    const b = s.charCodeAt(i + k);
    if (b < 0x80 || b > 0xbf) return [RUNE_ERROR, 1];
    cp = (cp << 6) | (b & 0x3f);
  }
  return [cp, need + 1];
}
