/**
 * Go's `strconv.Quote` (Go 1.26 src/strconv/quote.go, `appendQuotedWith`), as the Go ports quote values in the
 * messages they copy from Go (`parse "…": invalid character " " in host name`).
 */
import { decodeRune, RUNE_ERROR, toByteString } from './utf8.js';

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;

const NAMED_ESCAPES: Partial<Record<number, string>> = {
  7: '\\a',
  8: '\\b',
  12: '\\f',
  10: '\\n',
  13: '\\r',
  9: '\\t',
  11: '\\v',
};

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

/**
 * Go's `strconv.Quote` of a byte string: double-quoted, `\"` and `\\` escaped, printable runes kept as they are,
 * `\a\b\f\n\r\t\v`, `\xNN` for other control bytes and for bytes that are not UTF-8, `\uNNNN`/`\UNNNNNNNN` for
 * other non-printable runes. Returns a JS string.
 */
export function quoteBytes(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length;) {
    const [r, w] = decodeRune(s, i);
    if (w === 1 && r === RUNE_ERROR) {
      out += '\\x' + hex(s.charCodeAt(i), 2);
      i += 1;
      continue;
    }
    i += w;
    if (r === 0x22 || r === 0x5c) {
      out += '\\' + String.fromCharCode(r);
    } else if (r === 0x20 || (r >= 0x21 && r < 0x7f) || (r >= 0x80 && PRINTABLE.test(String.fromCodePoint(r)))) {
      out += String.fromCodePoint(r);
    } else {
      const named = NAMED_ESCAPES[r];
      if (named !== undefined) out += named;
      else if (r < 0x20 || r === 0x7f) out += '\\x' + hex(r, 2);
      else if (r < 0x10000) out += '\\u' + hex(r, 4);
      else out += '\\U' + hex(r, 8);
    }
  }
  return out + '"';
}

/**
 * Go's `strconv.Quote` (the `%q` verb) of a JS string, taken as its UTF-8 bytes. Example: `goQuote('a"b\n')` is
 * `"a\"b\n"` (with a backslash-n). Source: Go src/strconv/quote.go `appendQuotedWith`.
 */
export function goQuote(s: string): string {
  return quoteBytes(toByteString(s));
}
