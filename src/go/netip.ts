/**
 * Go's `netip.ParseAddr` (Go 1.26 src/net/netip/netip.go: `ParseAddr`, `parseIPv4Fields`, `parseIPv6`), as far as
 * `url.Parse` needs it: the check Go added for CVE-2025-47912 that only a valid IPv6 address may stand in brackets.
 */
import { quoteBytes } from './quote.js';

/** Go's `ParseAddr(…)` error; its message is Go's, e.g. `ParseAddr("1.2.3"): IPv4 address too short`. */
export class ParseAddrError extends Error {}

/** Go's `ishex(c)`: whether byte `c` is a hex digit (url.go has it; netip.go inlines the same test). */
export function ishex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

/** Go's `unhex(c)`: the value of hex digit `c`. */
export function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return c - 0x41 + 10;
}

function addrError(input: string, msg: string, at = ''): ParseAddrError {
  const base = 'ParseAddr(' + quoteBytes(input) + '): ' + msg;
  return new ParseAddrError(at !== '' ? base + ' (at ' + quoteBytes(at) + ')' : base);
}

/** Go's `parseIPv4Fields(in, off, end, ...)`: throws on a malformed dotted quad. */
function parseIPv4Fields(input: string, off: number, end: number): void {
  let val = 0;
  let pos = 0;
  let digLen = 0; // number of digits in current octet
  const s = input.slice(off, end);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      if (digLen === 1 && val === 0) throw addrError(input, 'IPv4 field has octet with leading zero');
      val = val * 10 + c - 0x30;
      digLen++;
      if (val > 255) throw addrError(input, 'IPv4 field has value >255');
    } else if (c === 0x2e) {
      // .1.2.3  1.2.3.  1..2.3
      if (i === 0 || i === s.length - 1 || s[i - 1] === '.') {
        throw addrError(input, 'IPv4 field must have at least one digit', s.slice(i));
      }
      // 1.2.3.4.5
      if (pos === 3) throw addrError(input, 'IPv4 address too long');
      pos++;
      val = 0;
      digLen = 0;
    } else {
      throw addrError(input, 'unexpected character', s.slice(i));
    }
  }
  if (pos < 3) throw addrError(input, 'IPv4 address too short');
}

/** Go's `parseIPv6(in)`: throws on a malformed IPv6 address (with optional `%zone`). */
function parseIPv6(input: string): void {
  let s = input;
  let zone = '';
  const pct = s.indexOf('%');
  if (pct !== -1) {
    zone = s.slice(pct + 1);
    s = s.slice(0, pct);
    if (zone === '') throw addrError(input, 'zone must be a non-empty string');
  }
  let ellipsis = -1; // position of ellipsis in ip
  // Might have leading ellipsis
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    // Might be only ellipsis
    if (s.length === 0) return;
  }
  // Loop, parsing hex numbers followed by colon.
  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    for (; off < s.length; off++) {
      const c = s.charCodeAt(off);
      if (ishex(c)) acc = acc * 16 + unhex(c);
      else break;
      if (off > 3) throw addrError(input, 'each group must have 4 or less digits', s);
      if (acc > 0xffff) throw addrError(input, 'IPv6 field has value >=2^16', s);
    }
    if (off === 0) throw addrError(input, 'each colon-separated field must have at least one digit', s);
    // If followed by dot, might be in trailing IPv4.
    if (off < s.length && s[off] === '.') {
      if (ellipsis < 0 && i !== 12) {
        throw addrError(input, 'embedded IPv4 address must replace the final 2 fields of the address', s);
      }
      if (i + 4 > 16) {
        throw addrError(input, 'too many hex fields to fit an embedded IPv4 at the end of the address', s);
      }
      let end = input.length;
      if (zone.length > 0) end -= zone.length + 1;
      parseIPv4Fields(input, end - s.length, end);
      s = '';
      i += 4;
      break;
    }
    i += 2;
    // Stop at end of string.
    s = s.slice(off);
    if (s.length === 0) break;
    // Otherwise must be followed by colon and more.
    if (s[0] !== ':') throw addrError(input, 'unexpected character, want colon', s);
    if (s.length === 1) throw addrError(input, 'colon must be followed by more characters', s);
    s = s.slice(1);
    // Look for ellipsis.
    if (s[0] === ':') {
      if (ellipsis >= 0) throw addrError(input, 'multiple :: in address', s);
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break; // can be at end
    }
  }
  // Must have used entire string.
  if (s.length !== 0) throw addrError(input, 'trailing garbage after address', s);
  // If didn't parse enough, expand ellipsis.
  if (i < 16) {
    if (ellipsis < 0) throw addrError(input, 'address string too short');
  } else if (ellipsis >= 0) {
    // Ellipsis must represent at least one 0 group.
    throw addrError(input, 'the :: must expand to at least one field of zeros');
  }
}

/** Go's `netip.ParseAddr(s)`: whether `s` is IPv4 (`true`) or IPv6 (`false`); throws Go's `ParseAddr(...)` error. */
export function parseAddrIs4(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    switch (s[i]) {
      case '.':
        parseIPv4Fields(s, 0, s.length);
        return true;
      case ':':
        parseIPv6(s);
        return false;
      case '%':
        // Assume that this was trying to be an IPv6 address with a zone specifier, but the address is missing.
        throw addrError(s, 'missing IPv6 address');
    }
  }
  throw addrError(s, 'unable to parse IP');
}
