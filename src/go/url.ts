/**
 * Go's `net/url` URL parsing (`url.Parse`, `(*URL).EscapedPath`, `(*URL).RequestURI`), ported line by line from the
 * single Go file src/net/url/url.go (Go 1.26); its helpers from other Go files are beside it: `netip.ts`
 * (`netip.ParseAddr`), `path.ts` (`path.Clean`), `quote.ts` (`strconv.Quote`), `utf8.ts` (`unicode/utf8`).
 *
 * This is the project's own code, not a wrapper: no JavaScript library has Go's semantics. WHATWG `URL` lowercases
 * hosts, drops default ports, percent-encodes and rewrites paths; Grafana compares root URLs with Go's parser, so
 * `https://Example.com:443` and `https://example.com/` are different there and must be different here.
 *
 * Go strings are byte strings. Internally every value is a "byte string": a JS string whose char codes are the
 * UTF-8 bytes (0–255), so percent-decoding to invalid UTF-8 (`%ff`) and byte offsets behave exactly as in Go. The
 * exported functions take and return ordinary JS strings (UTF-8 decoded).
 */
import { ishex, parseAddrIs4, unhex } from './netip.js';
import { cleanPath } from './path.js';
import { goQuote, quoteBytes } from './quote.js';
import { fromByteString, toByteString } from './utf8.js';

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
// Parsing (url.go: getScheme, Parse, parse, parseAuthority, parseHost, setPath, setFragment)

/** The parsed URL with every field a byte string: {@link GoURL}'s fields, UTF-8 encoded. */
type ByteURL = GoURL;

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
// EscapedPath, RequestURI

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

// ---------------------------------------------------------------------------------------------------------------
// Public API

/** Byte-exact parse results of {@link parseGoURL}, so that the decoded (possibly lossy) fields are not re-encoded. */
const exact = new WeakMap<GoURL, { bytes: ByteURL; seen: GoURL }>();

/** `u` with every string field passed through `convert` (`fromByteString` or `toByteString`). */
function convertFields(u: GoURL, convert: (s: string) => string): GoURL {
  return {
    scheme: convert(u.scheme),
    opaque: convert(u.opaque),
    user: u.user === null ? null : convert(u.user),
    host: convert(u.host),
    path: convert(u.path),
    rawPath: convert(u.rawPath),
    omitHost: u.omitHost,
    forceQuery: u.forceQuery,
    rawQuery: convert(u.rawQuery),
    fragment: convert(u.fragment),
    rawFragment: convert(u.rawFragment),
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
  return convertFields(u, toByteString);
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
  const pub = convertFields(bytes, fromByteString);
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
 * Byte-level access for the root URL matcher, which must compare hosts and request URIs as Go does, byte for byte:
 * `encode` (JS string → UTF-8 byte string), `parse(bytes, strictColons)` (Go `url.Parse`, throws
 * {@link GoURLError}), `requestURI`, `clean` (`path.Clean`) and `quote` (`strconv.Quote`, returning a JS string).
 */
export const goURLBytes = {
  encode: toByteString,
  parse: parseBytes,
  requestURI: requestURIBytes,
  clean: cleanPath,
  quote: quoteBytes,
};
export type { ByteURL };
