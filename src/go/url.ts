/**
 * Go's `net/url` URL parsing (`url.Parse`, `(*URL).EscapedPath`, `(*URL).RequestURI`) and `path.Clean`, ported
 * line by line from the Go standard library (Go 1.26: src/net/url/url.go, src/net/netip/netip.go, src/path/path.go).
 *
 * This is the project's own code, not a wrapper: no JavaScript library has Go's semantics. WHATWG `URL` lowercases
 * hosts, drops default ports, percent-encodes and rewrites paths; Grafana compares root URLs with Go's parser, so
 * `https://Example.com:443` and `https://example.com/` are different there and must be different here.
 *
 * Go strings are byte strings. Internally every value is a "byte string": a JS string whose char codes are the
 * UTF-8 bytes (0–255), so percent-decoding to invalid UTF-8 (`%ff`) and byte offsets behave exactly as in Go. The
 * exported functions take and return ordinary JS strings (UTF-8 decoded).
 */
import { decodeRune, fromByteString, RUNE_ERROR, toByteString } from './utf8.js';

/** Go's `*url.URL`, with its fields decoded from UTF-8. */
export interface GoURL {
  /** Lowercased scheme, `""` for a relative reference. */
  scheme: string;
  /** Encoded opaque data (`scheme:opaque`, no leading `/` after the colon). */
  opaque: string;
  /**
   * The userinfo exactly as written before the last `@` of the authority (validated like Go, not unescaped: Go's
   * `User` holds it unescaped, and Grafana never compares it); `null` when absent.
   */
  user: string | null;
  /** `host` or `host:port`, as written except that percent-escapes are decoded (no lowercasing, no port removal). */
  host: string;
  /** Decoded path. */
  path: string;
  /** Encoded path hint, set only when it differs from the default encoding of `path`. */
  rawPath: string;
  /** `scheme:/path` (no authority at all), as opposed to `scheme:///path` (empty authority). */
  omitHost: boolean;
  /** A `?` with nothing after it was present. */
  forceQuery: boolean;
  /** Encoded query, without `?`. */
  rawQuery: string;
  /** Decoded fragment, without `#`. */
  fragment: string;
  /** Encoded fragment hint, set only when it differs from the default encoding of `fragment`. */
  rawFragment: string;
}

/** Options that select between behaviours of Go versions. */
export interface GoURLOptions {
  /**
   * Go 1.26's `urlstrictcolons` (default on for modules declaring `go 1.26` or later, as Grafana's releases do since 2026): for
   * `http` and `https` the port starts at the first `:` of the host, so `http://localhost:80:80/` and `http://::1/`
   * are errors. `false` gives the behaviour of Go ≤ 1.25 (`GODEBUG=urlstrictcolons=0`): the port starts at the last
   * `:`. Default `true`.
   */
  strictColons?: boolean;
}

/**
 * Go's `*url.Error` for `Op == "parse"`. `message` is Go's `err.Error()`, e.g.
 * `parse "http://a b.com/": invalid character " " in host name`.
 */
export class GoURLError extends Error {
  /** The URL as Go reports it: the input without its `#fragment`, unless the fragment itself was at fault. */
  readonly url: string;
  /** Always `parse`. */
  readonly op: string;
  /** The wrapped error's text, e.g. `invalid character " " in host name`. */
  readonly reason: string;
  constructor(url: string, reason: string) {
    super(`parse ${goQuote(url)}: ${reason}`);
    this.name = 'GoURLError';
    this.op = 'parse';
    this.url = url;
    this.reason = reason;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Byte strings and UTF-8 (Go's unicode/utf8, strconv.Quote)

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
function quoteBytes(s: string): string {
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

// ---------------------------------------------------------------------------------------------------------------
// Escaping (url.go: shouldEscape, unescape, escape)

const encodePath = 1;
const encodePathSegment = 2;
const encodeHost = 3;
const encodeZone = 4;
const encodeUserPassword = 5;
const encodeQueryComponent = 6;
const encodeFragment = 7;
type Encoding = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** An error inside the parser; `parseBytes` wraps it in a {@link GoURLError}. */
class InnerError extends Error {}

function escapeError(s: string): InnerError {
  return new InnerError('invalid URL escape ' + quoteBytes(s));
}

function invalidHostError(s: string): InnerError {
  return new InnerError('invalid character ' + quoteBytes(s) + ' in host name');
}

function isAlnum(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}

function ishex(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}

function unhex(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x61 && c <= 0x66) return c - 0x61 + 10;
  return c - 0x41 + 10;
}

/** Go's `shouldEscape(c, mode)`. */
function shouldEscape(c: number, mode: Encoding): boolean {
  // §2.3 Unreserved characters (alphanum)
  if (isAlnum(c)) return false;
  const ch = String.fromCharCode(c);
  if (mode === encodeHost || mode === encodeZone) {
    // §3.2.2 sub-delims, plus ':' (port), '[' ']' (IPv6), '<' '>' '"'.
    if ('!$&\'()*+,;=:[]<>"'.includes(ch)) return false;
  }
  if ('-_.~'.includes(ch)) return false; // §2.3 Unreserved characters (mark)
  if ('$&+,/:;=?@'.includes(ch)) {
    // §2.2 Reserved characters (reserved)
    switch (mode) {
      case encodePath: // §3.3
        return c === 0x3f; // '?'
      case encodePathSegment: // §3.3
        return ch === '/' || ch === ';' || ch === ',' || ch === '?';
      case encodeUserPassword: // §3.2.1
        return ch === '@' || ch === '/' || ch === '?' || ch === ':';
      case encodeQueryComponent: // §3.4
        return true;
      case encodeFragment: // §4.1
        return false;
    }
  }
  if (mode === encodeFragment && '!()*'.includes(ch)) return false;
  // Everything else must be escaped.
  return true;
}

/** Go's `unescape(s, mode)` on a byte string; throws {@link InnerError} with Go's message. */
function unescape(s: string, mode: Encoding): string {
  // Count %, check that they're well-formed.
  let n = 0;
  let hasPlus = false;
  for (let i = 0; i < s.length;) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      n++;
      if (i + 2 >= s.length || !ishex(s.charCodeAt(i + 1)) || !ishex(s.charCodeAt(i + 2))) {
        let bad = s.slice(i);
        if (bad.length > 3) bad = bad.slice(0, 3);
        throw escapeError(bad);
      }
      // In the host component %-encoding can only be used for non-ASCII bytes, except %25 (RFC 6874).
      if (mode === encodeHost && unhex(s.charCodeAt(i + 1)) < 8 && s.slice(i, i + 3) !== '%25') {
        throw escapeError(s.slice(i, i + 3));
      }
      if (mode === encodeZone) {
        // Zone identifiers may escape anything they could contain unescaped, and spaces.
        const v = (unhex(s.charCodeAt(i + 1)) << 4) | unhex(s.charCodeAt(i + 2));
        if (s.slice(i, i + 3) !== '%25' && v !== 0x20 && shouldEscape(v, encodeHost)) {
          throw escapeError(s.slice(i, i + 3));
        }
      }
      i += 3;
    } else if (c === 0x2b) {
      hasPlus = mode === encodeQueryComponent;
      i++;
    } else {
      if ((mode === encodeHost || mode === encodeZone) && c < 0x80 && shouldEscape(c, mode)) {
        throw invalidHostError(s.slice(i, i + 1));
      }
      i++;
    }
  }
  if (n === 0 && !hasPlus) return s;
  let t = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x25) {
      t += String.fromCharCode((unhex(s.charCodeAt(i + 1)) << 4) | unhex(s.charCodeAt(i + 2)));
      i += 2;
    } else if (c === 0x2b) {
      t += mode === encodeQueryComponent ? ' ' : '+';
    } else {
      t += s[i];
    }
  }
  return t;
}

const UPPERHEX = '0123456789ABCDEF';

/** Go's `escape(s, mode)` on a byte string. */
function escape(s: string, mode: Encoding): string {
  let t = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x20 && mode === encodeQueryComponent) t += '+';
    else if (shouldEscape(c, mode)) t += '%' + UPPERHEX[c >> 4] + UPPERHEX[c & 15];
    else t += s[i];
  }
  return t;
}

// ---------------------------------------------------------------------------------------------------------------
// net/netip ParseAddr, for the bracketed host check Go added for CVE-2025-47912

function addrError(input: string, msg: string, at = ''): InnerError {
  const base = 'ParseAddr(' + quoteBytes(input) + '): ' + msg;
  return new InnerError(at !== '' ? base + ' (at ' + quoteBytes(at) + ')' : base);
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
function parseAddrIs4(s: string): boolean {
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

// ---------------------------------------------------------------------------------------------------------------
// Parsing (url.go: getScheme, Parse, parse, parseAuthority, parseHost, setPath, setFragment)

/** The parsed URL with every field a byte string. */
interface ByteURL {
  scheme: string;
  opaque: string;
  user: string | null;
  host: string;
  path: string;
  rawPath: string;
  omitHost: boolean;
  forceQuery: boolean;
  rawQuery: string;
  fragment: string;
  rawFragment: string;
}

/** Go's `getScheme`: `[scheme, rest]`; throws `missing protocol scheme` for a leading `:`. */
function getScheme(rawURL: string): [string, string] {
  for (let i = 0; i < rawURL.length; i++) {
    const c = rawURL.charCodeAt(i);
    if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
      // do nothing
    } else if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      if (i === 0) return ['', rawURL];
    } else if (c === 0x3a) {
      if (i === 0) throw new InnerError('missing protocol scheme');
      return [rawURL.slice(0, i), rawURL.slice(i + 1)];
    } else {
      // an invalid character, so there is no valid scheme
      return ['', rawURL];
    }
  }
  return ['', rawURL];
}

function stringContainsCTLByte(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const b = s.charCodeAt(i);
    if (b < 0x20 || b === 0x7f) return true;
  }
  return false;
}

/** Go's `validOptionalPort`: `""` or `:` followed by digits only. */
function validOptionalPort(port: string): boolean {
  if (port === '') return true;
  if (port[0] !== ':') return false;
  for (let i = 1; i < port.length; i++) {
    const b = port.charCodeAt(i);
    if (b < 0x30 || b > 0x39) return false;
  }
  return true;
}

/** Go's `validUserinfo` (RFC 3986 userinfo characters plus `%` and `@`; nothing non-ASCII). */
function validUserinfo(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isAlnum(c)) continue;
    if (!"-._:~!$&'()*+,;=%@".includes(s[i])) return false;
  }
  return true;
}

/** Go's `parseHost(scheme, host)`: the host with escapes decoded; throws Go's errors. */
function parseHost(scheme: string, host: string, strictColons: boolean): string {
  const openBracketIdx = host.lastIndexOf('[');
  if (openBracketIdx > 0) {
    // CVE-2026-25679: an IP-literal must start the host.
    throw new InnerError('invalid IP-literal');
  } else if (openBracketIdx === 0) {
    // Parse an IP-Literal in RFC 3986 and RFC 6874. E.g., "[fe80::1]", "[fe80::1%25en0]", "[fe80::1]:80".
    const closeBracketIdx = host.lastIndexOf(']');
    if (closeBracketIdx < 0) throw new InnerError("missing ']' in host");
    const colonPort = host.slice(closeBracketIdx + 1);
    if (!validOptionalPort(colonPort)) throw new InnerError(`invalid port ${quoteBytes(colonPort)} after host`);
    const unescapedColonPort = unescape(colonPort, encodeHost);
    const hostname = host.slice(openBracketIdx + 1, closeBracketIdx);
    let unescapedHostname: string;
    // RFC 6874: %25 introduces the zone identifier, which may use any %-encoding (within limits).
    const zoneIdx = hostname.indexOf('%25');
    if (zoneIdx >= 0) {
      const hostPart = unescape(hostname.slice(0, zoneIdx), encodeHost);
      const zonePart = unescape(hostname.slice(zoneIdx), encodeZone);
      unescapedHostname = hostPart + zonePart;
    } else {
      unescapedHostname = unescape(hostname, encodeHost);
    }
    // CVE-2025-47912: only a valid IPv6 address (IPv4-mapped included) may be enclosed by square brackets.
    let is4: boolean;
    try {
      is4 = parseAddrIs4(unescapedHostname);
    } catch (e) {
      throw new InnerError('invalid host: ' + (e as Error).message);
    }
    if (is4) throw new InnerError('invalid IP-literal');
    return '[' + unescapedHostname + ']' + unescapedColonPort;
  } else {
    let i = host.indexOf(':');
    if (i !== -1) {
      const lastColon = host.lastIndexOf(':');
      if (lastColon !== i) {
        // Go 1.26 enforces strict colons only for http and https (go.dev/issue/75223, go.dev/issue/78077).
        if (scheme === 'http' || scheme === 'https') {
          if (!strictColons) i = lastColon;
        } else {
          i = lastColon;
        }
      }
      const colonPort = host.slice(i);
      if (!validOptionalPort(colonPort)) throw new InnerError(`invalid port ${quoteBytes(colonPort)} after host`);
    }
  }
  return unescape(host, encodeHost);
}

/** Go's `parseAuthority(scheme, authority)`: `[rawUserinfo | null, host]`. */
function parseAuthority(scheme: string, authority: string, strictColons: boolean): [string | null, string] {
  const i = authority.lastIndexOf('@');
  const host = parseHost(scheme, i < 0 ? authority : authority.slice(i + 1), strictColons);
  if (i < 0) return [null, host];
  const userinfo = authority.slice(0, i);
  if (!validUserinfo(userinfo)) throw new InnerError('net/url: invalid userinfo');
  // Go unescapes username and password here; only the errors matter for this port.
  const colon = userinfo.indexOf(':');
  if (colon < 0) {
    unescape(userinfo, encodeUserPassword);
  } else {
    unescape(userinfo.slice(0, colon), encodeUserPassword);
    unescape(userinfo.slice(colon + 1), encodeUserPassword);
  }
  return [userinfo, host];
}

/** Go's `(*URL).setPath(p)`: `Path` unescaped, `RawPath` kept only when it differs from the default encoding. */
function setPath(u: ByteURL, p: string): void {
  const path = unescape(p, encodePath);
  u.path = path;
  u.rawPath = escape(path, encodePath) === p ? '' : p;
}

/** Go's `(*URL).setFragment(f)`. */
function setFragment(u: ByteURL, f: string): void {
  const frag = unescape(f, encodeFragment);
  u.fragment = frag;
  u.rawFragment = escape(frag, encodeFragment) === f ? '' : f;
}

/** Go's `parse(rawURL, viaRequest=false)` on a byte string; throws {@link InnerError}. */
function parseNoFragment(rawURL: string, strictColons: boolean): ByteURL {
  if (stringContainsCTLByte(rawURL)) throw new InnerError('net/url: invalid control character in URL');
  const url: ByteURL = {
    scheme: '',
    opaque: '',
    user: null,
    host: '',
    path: '',
    rawPath: '',
    omitHost: false,
    forceQuery: false,
    rawQuery: '',
    fragment: '',
    rawFragment: '',
  };
  if (rawURL === '*') {
    url.path = '*';
    return url;
  }
  // Split off possible leading "http:", "mailto:", etc. Cannot contain escaped characters.
  const [scheme, afterScheme] = getScheme(rawURL);
  let rest = afterScheme;
  url.scheme = scheme.toLowerCase(); // ASCII letters only, so JS lowercasing is Go's strings.ToLower here.
  if (rest.endsWith('?') && rest.indexOf('?') === rest.length - 1) {
    url.forceQuery = true;
    rest = rest.slice(0, -1);
  } else {
    const q = rest.indexOf('?');
    if (q >= 0) {
      url.rawQuery = rest.slice(q + 1);
      rest = rest.slice(0, q);
    }
  }
  if (!rest.startsWith('/')) {
    if (url.scheme !== '') {
      // We consider rootless paths per RFC 3986 as opaque.
      url.opaque = rest;
      return url;
    }
    // Avoid confusion with malformed schemes, like cache_object:foo/bar (golang.org/issue/16822).
    const slash = rest.indexOf('/');
    const segment = slash >= 0 ? rest.slice(0, slash) : rest;
    if (segment.includes(':')) throw new InnerError('first path segment in URL cannot contain colon');
  }
  if ((url.scheme !== '' || !rest.startsWith('///')) && rest.startsWith('//')) {
    let authority = rest.slice(2);
    rest = '';
    const i = authority.indexOf('/');
    if (i >= 0) {
      rest = authority.slice(i);
      authority = authority.slice(0, i);
    }
    [url.user, url.host] = parseAuthority(url.scheme, authority, strictColons);
  } else if (url.scheme !== '' && rest.startsWith('/')) {
    // OmitHost is set to true when rawURL has an empty host (authority). See golang.org/issue/46059.
    url.omitHost = true;
  }
  // Set Path and, optionally, RawPath.
  setPath(url, rest);
  return url;
}

/** Go's `url.Parse` on a byte string. Throws {@link GoURLError}. */
function parseBytes(rawURL: string, strictColons: boolean): ByteURL {
  // Cut off #frag
  const hash = rawURL.indexOf('#');
  const u = hash >= 0 ? rawURL.slice(0, hash) : rawURL;
  const frag = hash >= 0 ? rawURL.slice(hash + 1) : '';
  let url: ByteURL;
  try {
    url = parseNoFragment(u, strictColons);
  } catch (e) {
    if (e instanceof InnerError) throw new GoURLError(fromByteString(u), e.message);
    throw e;
  }
  if (frag === '') return url;
  try {
    setFragment(url, frag);
  } catch (e) {
    if (e instanceof InnerError) throw new GoURLError(fromByteString(rawURL), e.message);
    throw e;
  }
  return url;
}

// ---------------------------------------------------------------------------------------------------------------
// EscapedPath, RequestURI, path.Clean

/** Go's `validEncoded(s, mode)`. */
function validEncoded(s: string, mode: Encoding): boolean {
  for (let i = 0; i < s.length; i++) {
    // RFC 3986, Appendix A: pchar = unreserved / pct-encoded / sub-delims / ":" / "@"; '[' ']' left alone.
    if ("!$&'()*+,;=:@[]%".includes(s[i])) continue;
    if (shouldEscape(s.charCodeAt(i), mode)) return false;
  }
  return true;
}

function escapedPathBytes(u: ByteURL): string {
  if (u.rawPath !== '' && validEncoded(u.rawPath, encodePath)) {
    try {
      if (unescape(u.rawPath, encodePath) === u.path) return u.rawPath;
    } catch (e) {
      if (!(e instanceof InnerError)) throw e;
    }
  }
  if (u.path === '*') return '*'; // don't escape (Issue 11202)
  return escape(u.path, encodePath);
}

function requestURIBytes(u: ByteURL): string {
  let result = u.opaque;
  if (result === '') {
    result = escapedPathBytes(u);
    if (result === '') result = '/';
  } else if (result.startsWith('//')) {
    result = u.scheme + ':' + result;
  }
  if (u.forceQuery || u.rawQuery !== '') result += '?' + u.rawQuery;
  return result;
}

/** Go's `path.Clean` (works the same on byte strings and JS strings: only `/` and `.` are special). */
function cleanBytes(path: string): string {
  if (path === '') return '.';
  const rooted = path[0] === '/';
  const n = path.length;
  // Invariants: reading from path, r is the next byte to process; out holds what is written; dotdot is the index
  // in out where .. must stop, either because it is the leading slash or it is a leading ../../.. prefix.
  let out = '';
  let r = 0;
  let dotdot = 0;
  if (rooted) {
    out = '/';
    r = 1;
    dotdot = 1;
  }
  while (r < n) {
    if (path[r] === '/') {
      // empty path element
      r++;
    } else if (path[r] === '.' && (r + 1 === n || path[r + 1] === '/')) {
      // . element
      r++;
    } else if (path[r] === '.' && path[r + 1] === '.' && (r + 2 === n || path[r + 2] === '/')) {
      // .. element: remove to last /
      r += 2;
      if (out.length > dotdot) {
        // can backtrack
        let w = out.length - 1;
        while (w > dotdot && out[w] !== '/') w--;
        out = out.slice(0, w);
      } else if (!rooted) {
        // cannot backtrack, but not rooted, so append .. element.
        if (out.length > 0) out += '/';
        out += '..';
        dotdot = out.length;
      }
    } else {
      // real path element; add slash if needed
      if ((rooted && out.length !== 1) || (!rooted && out.length !== 0)) out += '/';
      let end = path.indexOf('/', r);
      if (end < 0) end = n;
      out += path.slice(r, end);
      r = end;
    }
  }
  // Turn empty string into "."
  return out === '' ? '.' : out;
}

// ---------------------------------------------------------------------------------------------------------------
// Public API

/** Byte-exact parse results of {@link parseGoURL}, so that the decoded (possibly lossy) fields are not re-encoded. */
const exact = new WeakMap<GoURL, { bytes: ByteURL; seen: GoURL }>();

function toPublic(b: ByteURL): GoURL {
  return {
    scheme: fromByteString(b.scheme),
    opaque: fromByteString(b.opaque),
    user: b.user === null ? null : fromByteString(b.user),
    host: fromByteString(b.host),
    path: fromByteString(b.path),
    rawPath: fromByteString(b.rawPath),
    omitHost: b.omitHost,
    forceQuery: b.forceQuery,
    rawQuery: fromByteString(b.rawQuery),
    fragment: fromByteString(b.fragment),
    rawFragment: fromByteString(b.rawFragment),
  };
}

const FIELDS = [
  'scheme',
  'opaque',
  'user',
  'host',
  'path',
  'rawPath',
  'omitHost',
  'forceQuery',
  'rawQuery',
  'fragment',
  'rawFragment',
] as const;

/** The byte form of a public URL: the parser's own when `u` came from {@link parseGoURL} unchanged, else re-encoded. */
function toBytes(u: GoURL): ByteURL {
  const known = exact.get(u);
  if (known !== undefined && FIELDS.every((f) => known.seen[f] === u[f])) return known.bytes;
  return {
    scheme: toByteString(u.scheme),
    opaque: toByteString(u.opaque),
    user: u.user === null ? null : toByteString(u.user),
    host: toByteString(u.host),
    path: toByteString(u.path),
    rawPath: toByteString(u.rawPath),
    omitHost: u.omitHost,
    forceQuery: u.forceQuery,
    rawQuery: toByteString(u.rawQuery),
    fragment: toByteString(u.fragment),
    rawFragment: toByteString(u.rawFragment),
  };
}

/**
 * Go's `url.Parse(raw)` (src/net/url/url.go, Go 1.26): splits off `#fragment` (and unescapes it), rejects ASCII
 * control bytes, reads the scheme (`[A-Za-z][A-Za-z0-9+.-]*:`, lowercased; a leading `:` is "missing protocol
 * scheme"), the query (`?`; a lone trailing `?` sets `forceQuery`), an opaque part (`scheme:rest` without `/`), the
 * authority (`//userinfo@host:port`, with Go's host rules: `%XX` only for non-ASCII bytes, `[IPv6]` literals that
 * must be valid IPv6 and start the host, digits-only ports) and the path (`path` unescaped, `rawPath` when the
 * escaping is not the default one). The host keeps its case and port exactly as written.
 *
 * @param raw the URL as written, e.g. `https://Example.com:443/grafana/`
 * @param options Go-version switches, see {@link GoURLOptions}
 * @returns the parsed {@link GoURL}
 * @throws GoURLError with Go's message, e.g. `parse "http://a b.com/": invalid character " " in host name`
 */
export function parseGoURL(raw: string, options: GoURLOptions = {}): GoURL {
  const bytes = parseBytes(toByteString(raw), options.strictColons ?? true);
  const pub = toPublic(bytes);
  exact.set(pub, { bytes, seen: { ...pub } });
  return pub;
}

/**
 * Go's `(*URL).EscapedPath()`: `rawPath` when it is a valid encoding of `path`, `*` for the path `*`, otherwise
 * `path` escaped as Go escapes paths (`?`, space, non-ASCII, `%`… become `%XX`, upper-case hex). For a URL from
 * {@link parseGoURL} the computation uses the exact bytes Go would see, even when `path` holds invalid UTF-8.
 *
 * @param u a parsed (or hand-built) URL
 * @returns the escaped path, e.g. `/a%20b` for the path `/a b`
 */
export function escapedPath(u: GoURL): string {
  return fromByteString(escapedPathBytes(toBytes(u)));
}

/**
 * Go's `(*URL).RequestURI()`: `opaque` (prefixed with `scheme:` when it starts with `//`) or {@link escapedPath}
 * (`/` when empty), then `?` + `rawQuery` when there is a query or `forceQuery`.
 *
 * @param u a parsed (or hand-built) URL
 * @returns e.g. `/grafana/?orgId=1` for `https://host/grafana/?orgId=1`
 */
export function requestURI(u: GoURL): string {
  return fromByteString(requestURIBytes(toBytes(u)));
}

/**
 * Go's `path.Clean(p)` (src/path/path.go): collapses repeated `/`, removes `.` elements, resolves `..` against the
 * preceding element (a rooted path cannot go above `/`), drops the trailing `/` (except for `/` itself) and turns an
 * empty result into `.`. Never returns `""`.
 *
 * @param p a slash-separated path, e.g. `/grafana//a/../`
 * @returns the cleaned path, e.g. `/grafana`
 */
export function cleanPath(p: string): string {
  return cleanBytes(p);
}

/**
 * Byte-level access for the root URL matcher, which must compare hosts and request URIs as Go does, byte for byte:
 * `encode` (JS string → UTF-8 byte string), `parse(bytes, strictColons)` (Go `url.Parse`, throws
 * {@link GoURLError}), `requestURI`, `clean` (`path.Clean`) and `quote` (`strconv.Quote`, returning a JS string).
 */
export const goURLBytes = {
  encode: toByteString,
  parse: parseBytes,
  requestURI: requestURIBytes,
  clean: cleanBytes,
  quote: quoteBytes,
};
export type { ByteURL };
