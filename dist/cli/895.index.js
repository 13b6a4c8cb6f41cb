export const id = 895;
export const ids = [895];
export const modules = {

/***/ 836:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Mm: () => (/* binding */ GoURLError),
  z1: () => (/* binding */ escapedPath),
  xz: () => (/* binding */ goURLBytes),
  vE: () => (/* binding */ parseGoURL)
});

// UNUSED EXPORTS: requestURI

// EXTERNAL MODULE: ./lib/go/utf8.js
var utf8 = __webpack_require__(8947);
;// CONCATENATED MODULE: ./lib/go/quote.js
/**
 * Go's `strconv.Quote` (Go 1.26 src/strconv/quote.go, `appendQuotedWith`), as the Go ports quote values in the
 * messages they copy from Go (`parse "…": invalid character " " in host name`).
 */

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u;
const NAMED_ESCAPES = {
    7: '\\a',
    8: '\\b',
    12: '\\f',
    10: '\\n',
    13: '\\r',
    9: '\\t',
    11: '\\v',
};
function hex(n, width) {
    return n.toString(16).padStart(width, '0');
}
/**
 * Go's `strconv.Quote` of a byte string: double-quoted, `\"` and `\\` escaped, printable runes kept as they are,
 * `\a\b\f\n\r\t\v`, `\xNN` for other control bytes and for bytes that are not UTF-8, `\uNNNN`/`\UNNNNNNNN` for
 * other non-printable runes. Returns a JS string.
 */
function quoteBytes(s) {
    let out = '"';
    for (let i = 0; i < s.length;) {
        const [r, w] = (0,utf8/* decodeRune */.j6)(s, i);
        if (w === 1 && r === utf8/* RUNE_ERROR */.yS) {
            out += '\\x' + hex(s.charCodeAt(i), 2);
            i += 1;
            continue;
        }
        i += w;
        if (r === 0x22 || r === 0x5c) {
            out += '\\' + String.fromCharCode(r);
        }
        else if (r === 0x20 || (r >= 0x21 && r < 0x7f) || (r >= 0x80 && PRINTABLE.test(String.fromCodePoint(r)))) {
            out += String.fromCodePoint(r);
        }
        else {
            const named = NAMED_ESCAPES[r];
            if (named !== undefined)
                out += named;
            else if (r < 0x20 || r === 0x7f)
                out += '\\x' + hex(r, 2);
            else if (r < 0x10000)
                out += '\\u' + hex(r, 4);
            else
                out += '\\U' + hex(r, 8);
        }
    }
    return out + '"';
}
/**
 * Go's `strconv.Quote` (the `%q` verb) of a JS string, taken as its UTF-8 bytes. Example: `goQuote('a"b\n')` is
 * `"a\"b\n"` (with a backslash-n). Source: Go src/strconv/quote.go `appendQuotedWith`.
 */
function goQuote(s) {
    return quoteBytes((0,utf8/* toByteString */.pv)(s));
}

;// CONCATENATED MODULE: ./lib/go/netip.js
/**
 * Go's `netip.ParseAddr` (Go 1.26 src/net/netip/netip.go: `ParseAddr`, `parseIPv4Fields`, `parseIPv6`), as far as
 * `url.Parse` needs it: the check Go added for CVE-2025-47912 that only a valid IPv6 address may stand in brackets.
 */

/** Go's `ParseAddr(…)` error; its message is Go's, e.g. `ParseAddr("1.2.3"): IPv4 address too short`. */
class ParseAddrError extends Error {
}
/** Go's `ishex(c)`: whether byte `c` is a hex digit (url.go has it; netip.go inlines the same test). */
function ishex(c) {
    return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
}
/** Go's `unhex(c)`: the value of hex digit `c`. */
function unhex(c) {
    if (c >= 0x30 && c <= 0x39)
        return c - 0x30;
    if (c >= 0x61 && c <= 0x66)
        return c - 0x61 + 10;
    return c - 0x41 + 10;
}
function addrError(input, msg, at = '') {
    const base = 'ParseAddr(' + quoteBytes(input) + '): ' + msg;
    return new ParseAddrError(at !== '' ? base + ' (at ' + quoteBytes(at) + ')' : base);
}
/** Go's `parseIPv4Fields(in, off, end, ...)`: throws on a malformed dotted quad. */
function parseIPv4Fields(input, off, end) {
    let val = 0;
    let pos = 0;
    let digLen = 0; // number of digits in current octet
    const s = input.slice(off, end);
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c >= 0x30 && c <= 0x39) {
            if (digLen === 1 && val === 0)
                throw addrError(input, 'IPv4 field has octet with leading zero');
            val = val * 10 + c - 0x30;
            digLen++;
            if (val > 255)
                throw addrError(input, 'IPv4 field has value >255');
        }
        else if (c === 0x2e) {
            // .1.2.3  1.2.3.  1..2.3
            if (i === 0 || i === s.length - 1 || s[i - 1] === '.') {
                throw addrError(input, 'IPv4 field must have at least one digit', s.slice(i));
            }
            // 1.2.3.4.5
            if (pos === 3)
                throw addrError(input, 'IPv4 address too long');
            pos++;
            val = 0;
            digLen = 0;
        }
        else {
            throw addrError(input, 'unexpected character', s.slice(i));
        }
    }
    if (pos < 3)
        throw addrError(input, 'IPv4 address too short');
}
/** Go's `parseIPv6(in)`: throws on a malformed IPv6 address (with optional `%zone`). */
function parseIPv6(input) {
    let s = input;
    let zone = '';
    const pct = s.indexOf('%');
    if (pct !== -1) {
        zone = s.slice(pct + 1);
        s = s.slice(0, pct);
        if (zone === '')
            throw addrError(input, 'zone must be a non-empty string');
    }
    let ellipsis = -1; // position of ellipsis in ip
    // Might have leading ellipsis
    if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
        ellipsis = 0;
        s = s.slice(2);
        // Might be only ellipsis
        if (s.length === 0)
            return;
    }
    // Loop, parsing hex numbers followed by colon.
    let i = 0;
    while (i < 16) {
        let off = 0;
        let acc = 0;
        for (; off < s.length; off++) {
            const c = s.charCodeAt(off);
            if (ishex(c))
                acc = acc * 16 + unhex(c);
            else
                break;
            if (off > 3)
                throw addrError(input, 'each group must have 4 or less digits', s);
            if (acc > 0xffff)
                throw addrError(input, 'IPv6 field has value >=2^16', s);
        }
        if (off === 0)
            throw addrError(input, 'each colon-separated field must have at least one digit', s);
        // If followed by dot, might be in trailing IPv4.
        if (off < s.length && s[off] === '.') {
            if (ellipsis < 0 && i !== 12) {
                throw addrError(input, 'embedded IPv4 address must replace the final 2 fields of the address', s);
            }
            if (i + 4 > 16) {
                throw addrError(input, 'too many hex fields to fit an embedded IPv4 at the end of the address', s);
            }
            let end = input.length;
            if (zone.length > 0)
                end -= zone.length + 1;
            parseIPv4Fields(input, end - s.length, end);
            s = '';
            i += 4;
            break;
        }
        i += 2;
        // Stop at end of string.
        s = s.slice(off);
        if (s.length === 0)
            break;
        // Otherwise must be followed by colon and more.
        if (s[0] !== ':')
            throw addrError(input, 'unexpected character, want colon', s);
        if (s.length === 1)
            throw addrError(input, 'colon must be followed by more characters', s);
        s = s.slice(1);
        // Look for ellipsis.
        if (s[0] === ':') {
            if (ellipsis >= 0)
                throw addrError(input, 'multiple :: in address', s);
            ellipsis = i;
            s = s.slice(1);
            if (s.length === 0)
                break; // can be at end
        }
    }
    // Must have used entire string.
    if (s.length !== 0)
        throw addrError(input, 'trailing garbage after address', s);
    // If didn't parse enough, expand ellipsis.
    if (i < 16) {
        if (ellipsis < 0)
            throw addrError(input, 'address string too short');
    }
    else if (ellipsis >= 0) {
        // Ellipsis must represent at least one 0 group.
        throw addrError(input, 'the :: must expand to at least one field of zeros');
    }
}
/** Go's `netip.ParseAddr(s)`: whether `s` is IPv4 (`true`) or IPv6 (`false`); throws Go's `ParseAddr(...)` error. */
function parseAddrIs4(s) {
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

// EXTERNAL MODULE: ./lib/go/path.js
var path = __webpack_require__(4251);
;// CONCATENATED MODULE: ./lib/go/url.js
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




/**
 * Go's `*url.Error` for `Op == "parse"`. `message` is Go's `err.Error()`, e.g.
 * `parse "http://a b.com/": invalid character " " in host name`.
 */
class GoURLError extends Error {
    /** The URL as Go reports it: the input without its `#fragment`, unless the fragment itself was at fault. */
    url;
    /** Always `parse`. */
    op;
    /** The wrapped error's text, e.g. `invalid character " " in host name`. */
    reason;
    constructor(url, reason) {
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
/** An error inside the parser; `parseBytes` wraps it in a {@link GoURLError}. */
class InnerError extends Error {
}
function escapeError(s) {
    return new InnerError('invalid URL escape ' + quoteBytes(s));
}
function invalidHostError(s) {
    return new InnerError('invalid character ' + quoteBytes(s) + ' in host name');
}
function isAlnum(c) {
    return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39);
}
/** Go's `shouldEscape(c, mode)`. */
function shouldEscape(c, mode) {
    // §2.3 Unreserved characters (alphanum)
    if (isAlnum(c))
        return false;
    const ch = String.fromCharCode(c);
    if (mode === encodeHost || mode === encodeZone) {
        // §3.2.2 sub-delims, plus ':' (port), '[' ']' (IPv6), '<' '>' '"'.
        if ('!$&\'()*+,;=:[]<>"'.includes(ch))
            return false;
    }
    if ('-_.~'.includes(ch))
        return false; // §2.3 Unreserved characters (mark)
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
    if (mode === encodeFragment && '!()*'.includes(ch))
        return false;
    // Everything else must be escaped.
    return true;
}
/** Go's `unescape(s, mode)` on a byte string; throws {@link InnerError} with Go's message. */
function url_unescape(s, mode) {
    // Count %, check that they're well-formed.
    let n = 0;
    let hasPlus = false;
    for (let i = 0; i < s.length;) {
        const c = s.charCodeAt(i);
        if (c === 0x25) {
            n++;
            if (i + 2 >= s.length || !ishex(s.charCodeAt(i + 1)) || !ishex(s.charCodeAt(i + 2))) {
                let bad = s.slice(i);
                if (bad.length > 3)
                    bad = bad.slice(0, 3);
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
        }
        else if (c === 0x2b) {
            hasPlus = mode === encodeQueryComponent;
            i++;
        }
        else {
            if ((mode === encodeHost || mode === encodeZone) && c < 0x80 && shouldEscape(c, mode)) {
                throw invalidHostError(s.slice(i, i + 1));
            }
            i++;
        }
    }
    if (n === 0 && !hasPlus)
        return s;
    let t = '';
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c === 0x25) {
            t += String.fromCharCode((unhex(s.charCodeAt(i + 1)) << 4) | unhex(s.charCodeAt(i + 2)));
            i += 2;
        }
        else if (c === 0x2b) {
            t += mode === encodeQueryComponent ? ' ' : '+';
        }
        else {
            t += s[i];
        }
    }
    return t;
}
const UPPERHEX = '0123456789ABCDEF';
/** Go's `escape(s, mode)` on a byte string. */
function url_escape(s, mode) {
    let t = '';
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (c === 0x20 && mode === encodeQueryComponent)
            t += '+';
        else if (shouldEscape(c, mode))
            t += '%' + UPPERHEX[c >> 4] + UPPERHEX[c & 15];
        else
            t += s[i];
    }
    return t;
}
/** Go's `getScheme`: `[scheme, rest]`; throws `missing protocol scheme` for a leading `:`. */
function getScheme(rawURL) {
    for (let i = 0; i < rawURL.length; i++) {
        const c = rawURL.charCodeAt(i);
        if ((c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a)) {
            // do nothing
        }
        else if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
            if (i === 0)
                return ['', rawURL];
        }
        else if (c === 0x3a) {
            if (i === 0)
                throw new InnerError('missing protocol scheme');
            return [rawURL.slice(0, i), rawURL.slice(i + 1)];
        }
        else {
            // an invalid character, so there is no valid scheme
            return ['', rawURL];
        }
    }
    return ['', rawURL];
}
function stringContainsCTLByte(s) {
    for (let i = 0; i < s.length; i++) {
        const b = s.charCodeAt(i);
        if (b < 0x20 || b === 0x7f)
            return true;
    }
    return false;
}
/** Go's `validOptionalPort`: `""` or `:` followed by digits only. */
function validOptionalPort(port) {
    if (port === '')
        return true;
    if (port[0] !== ':')
        return false;
    for (let i = 1; i < port.length; i++) {
        const b = port.charCodeAt(i);
        if (b < 0x30 || b > 0x39)
            return false;
    }
    return true;
}
/** Go's `validUserinfo` (RFC 3986 userinfo characters plus `%` and `@`; nothing non-ASCII). */
function validUserinfo(s) {
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        if (isAlnum(c))
            continue;
        if (!"-._:~!$&'()*+,;=%@".includes(s[i]))
            return false;
    }
    return true;
}
/** Go's `parseHost(scheme, host)`: the host with escapes decoded; throws Go's errors. */
function parseHost(scheme, host, strictColons) {
    const openBracketIdx = host.lastIndexOf('[');
    if (openBracketIdx > 0) {
        // CVE-2026-25679: an IP-literal must start the host.
        throw new InnerError('invalid IP-literal');
    }
    else if (openBracketIdx === 0) {
        // Parse an IP-Literal in RFC 3986 and RFC 6874. E.g., "[fe80::1]", "[fe80::1%25en0]", "[fe80::1]:80".
        const closeBracketIdx = host.lastIndexOf(']');
        if (closeBracketIdx < 0)
            throw new InnerError("missing ']' in host");
        const colonPort = host.slice(closeBracketIdx + 1);
        if (!validOptionalPort(colonPort))
            throw new InnerError(`invalid port ${quoteBytes(colonPort)} after host`);
        const unescapedColonPort = url_unescape(colonPort, encodeHost);
        const hostname = host.slice(openBracketIdx + 1, closeBracketIdx);
        let unescapedHostname;
        // RFC 6874: %25 introduces the zone identifier, which may use any %-encoding (within limits).
        const zoneIdx = hostname.indexOf('%25');
        if (zoneIdx >= 0) {
            const hostPart = url_unescape(hostname.slice(0, zoneIdx), encodeHost);
            const zonePart = url_unescape(hostname.slice(zoneIdx), encodeZone);
            unescapedHostname = hostPart + zonePart;
        }
        else {
            unescapedHostname = url_unescape(hostname, encodeHost);
        }
        // CVE-2025-47912: only a valid IPv6 address (IPv4-mapped included) may be enclosed by square brackets.
        let is4;
        try {
            is4 = parseAddrIs4(unescapedHostname);
        }
        catch (e) {
            throw new InnerError('invalid host: ' + e.message);
        }
        if (is4)
            throw new InnerError('invalid IP-literal');
        return '[' + unescapedHostname + ']' + unescapedColonPort;
    }
    else {
        let i = host.indexOf(':');
        if (i !== -1) {
            const lastColon = host.lastIndexOf(':');
            if (lastColon !== i) {
                // Go 1.26 enforces strict colons only for http and https (go.dev/issue/75223, go.dev/issue/78077).
                if (scheme === 'http' || scheme === 'https') {
                    if (!strictColons)
                        i = lastColon;
                }
                else {
                    i = lastColon;
                }
            }
            const colonPort = host.slice(i);
            if (!validOptionalPort(colonPort))
                throw new InnerError(`invalid port ${quoteBytes(colonPort)} after host`);
        }
    }
    return url_unescape(host, encodeHost);
}
/** Go's `parseAuthority(scheme, authority)`: `[rawUserinfo | null, host]`. */
function parseAuthority(scheme, authority, strictColons) {
    const i = authority.lastIndexOf('@');
    const host = parseHost(scheme, i < 0 ? authority : authority.slice(i + 1), strictColons);
    if (i < 0)
        return [null, host];
    const userinfo = authority.slice(0, i);
    if (!validUserinfo(userinfo))
        throw new InnerError('net/url: invalid userinfo');
    // Go unescapes username and password here; only the errors matter for this port.
    const colon = userinfo.indexOf(':');
    if (colon < 0) {
        url_unescape(userinfo, encodeUserPassword);
    }
    else {
        url_unescape(userinfo.slice(0, colon), encodeUserPassword);
        url_unescape(userinfo.slice(colon + 1), encodeUserPassword);
    }
    return [userinfo, host];
}
/** Go's `(*URL).setPath(p)`: `Path` unescaped, `RawPath` kept only when it differs from the default encoding. */
function setPath(u, p) {
    const path = url_unescape(p, encodePath);
    u.path = path;
    u.rawPath = url_escape(path, encodePath) === p ? '' : p;
}
/** Go's `(*URL).setFragment(f)`. */
function setFragment(u, f) {
    const frag = url_unescape(f, encodeFragment);
    u.fragment = frag;
    u.rawFragment = url_escape(frag, encodeFragment) === f ? '' : f;
}
/** Go's `parse(rawURL, viaRequest=false)` on a byte string; throws {@link InnerError}. */
function parseNoFragment(rawURL, strictColons) {
    if (stringContainsCTLByte(rawURL))
        throw new InnerError('net/url: invalid control character in URL');
    const url = {
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
    }
    else {
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
        if (segment.includes(':'))
            throw new InnerError('first path segment in URL cannot contain colon');
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
    }
    else if (url.scheme !== '' && rest.startsWith('/')) {
        // OmitHost is set to true when rawURL has an empty host (authority). See golang.org/issue/46059.
        url.omitHost = true;
    }
    // Set Path and, optionally, RawPath.
    setPath(url, rest);
    return url;
}
/** Go's `url.Parse` on a byte string. Throws {@link GoURLError}. */
function parseBytes(rawURL, strictColons) {
    // Cut off #frag
    const hash = rawURL.indexOf('#');
    const u = hash >= 0 ? rawURL.slice(0, hash) : rawURL;
    const frag = hash >= 0 ? rawURL.slice(hash + 1) : '';
    let url;
    try {
        url = parseNoFragment(u, strictColons);
    }
    catch (e) {
        if (e instanceof InnerError)
            throw new GoURLError((0,utf8/* fromByteString */.qL)(u), e.message);
        throw e;
    }
    if (frag === '')
        return url;
    try {
        setFragment(url, frag);
    }
    catch (e) {
        if (e instanceof InnerError)
            throw new GoURLError((0,utf8/* fromByteString */.qL)(rawURL), e.message);
        throw e;
    }
    return url;
}
// ---------------------------------------------------------------------------------------------------------------
// EscapedPath, RequestURI
/** Go's `validEncoded(s, mode)`. */
function validEncoded(s, mode) {
    for (let i = 0; i < s.length; i++) {
        // RFC 3986, Appendix A: pchar = unreserved / pct-encoded / sub-delims / ":" / "@"; '[' ']' left alone.
        if ("!$&'()*+,;=:@[]%".includes(s[i]))
            continue;
        if (shouldEscape(s.charCodeAt(i), mode))
            return false;
    }
    return true;
}
function escapedPathBytes(u) {
    if (u.rawPath !== '' && validEncoded(u.rawPath, encodePath)) {
        try {
            if (url_unescape(u.rawPath, encodePath) === u.path)
                return u.rawPath;
        }
        catch (e) {
            if (!(e instanceof InnerError))
                throw e;
        }
    }
    if (u.path === '*')
        return '*'; // don't escape (Issue 11202)
    return url_escape(u.path, encodePath);
}
function requestURIBytes(u) {
    let result = u.opaque;
    if (result === '') {
        result = escapedPathBytes(u);
        if (result === '')
            result = '/';
    }
    else if (result.startsWith('//')) {
        result = u.scheme + ':' + result;
    }
    if (u.forceQuery || u.rawQuery !== '')
        result += '?' + u.rawQuery;
    return result;
}
// ---------------------------------------------------------------------------------------------------------------
// Public API
/** Byte-exact parse results of {@link parseGoURL}, so that the decoded (possibly lossy) fields are not re-encoded. */
const exact = new WeakMap();
/** `u` with every string field passed through `convert` (`fromByteString` or `toByteString`). */
function convertFields(u, convert) {
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
];
/** The byte form of a public URL: the parser's own when `u` came from {@link parseGoURL} unchanged, else re-encoded. */
function toBytes(u) {
    const known = exact.get(u);
    if (known !== undefined && FIELDS.every((f) => known.seen[f] === u[f]))
        return known.bytes;
    return convertFields(u, utf8/* toByteString */.pv);
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
function parseGoURL(raw, options = {}) {
    const bytes = parseBytes((0,utf8/* toByteString */.pv)(raw), options.strictColons ?? true);
    const pub = convertFields(bytes, utf8/* fromByteString */.qL);
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
function escapedPath(u) {
    return (0,utf8/* fromByteString */.qL)(escapedPathBytes(toBytes(u)));
}
/**
 * Go's `(*URL).RequestURI()`: `opaque` (prefixed with `scheme:` when it starts with `//`) or {@link escapedPath}
 * (`/` when empty), then `?` + `rawQuery` when there is a query or `forceQuery`.
 *
 * @param u a parsed (or hand-built) URL
 * @returns e.g. `/grafana/?orgId=1` for `https://host/grafana/?orgId=1`
 */
function requestURI(u) {
    return fromByteString(requestURIBytes(toBytes(u)));
}
/**
 * Byte-level access for the root URL matcher, which must compare hosts and request URIs as Go does, byte for byte:
 * `encode` (JS string → UTF-8 byte string), `parse(bytes, strictColons)` (Go `url.Parse`, throws
 * {@link GoURLError}), `requestURI`, `clean` (`path.Clean`) and `quote` (`strconv.Quote`, returning a JS string).
 */
const goURLBytes = {
    encode: utf8/* toByteString */.pv,
    parse: parseBytes,
    requestURI: requestURIBytes,
    clean: path/* cleanPath */.t,
    quote: quoteBytes,
};


/***/ }),

/***/ 252:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ SIGNATURE_TYPES)
/* harmony export */ });
/**
 * Shapes of the manifest as grafana.com receives it (unsigned) and as Grafana reads it (signed).
 * Field names are Grafana's (`pkg/plugins/manager/signature` `PluginManifest`).
 */
/** Signature types (levels) Grafana knows (`plugins.SignatureType.IsValid`), case-sensitive. */
const SIGNATURE_TYPES = ['grafana', 'commercial', 'community', 'private', 'private-glob'];


/***/ }),

/***/ 897:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Sg: () => (/* binding */ openArmor),
/* harmony export */   hb: () => (/* binding */ goTrimSpace),
/* harmony export */   u1: () => (/* binding */ decodeArmor)
/* harmony export */ });
/* unused harmony export ARMOR_CORRUPT */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(452);
/* harmony import */ var _go_utf8_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(8947);
/**
 * OpenPGP ASCII armor decoding with the rules of ProtonMail go-crypto `openpgp/armor` (`armor.Decode` and the
 * reader behind `Block.Body`), the library Grafana verifies plugin signatures with.
 *
 * OpenPGP.js's own armor parser (`unarmor` in openpgp 6.3.2) agrees with go-crypto on two points: it drops the
 * CRC24 checksum without checking it, and it only logs (never rejects) unknown or malformed header lines. It differs
 * where Grafana's verdicts do: it strips trailing spaces and decodes the whole body up front with Node's lenient
 * base64 decoder, which skips characters that are not base64. So it never fails as go-crypto does (`illegal base64
 * data at input byte N`, `armor invalid` for a line over 96 bytes, a 5-character `=` line ending the body), nor
 * only when the verifier reads that far. The signature block of a MANIFEST.txt is therefore decoded here.
 *
 * go-crypto splits the work in two, and so does this module:
 * - at decode time (`armor.Decode`): find a `-----BEGIN …-----` line, read `Key: Value` headers up to a blank
 *   line. Failing here makes go-crypto's `clearsign.Decode` return a nil block (Grafana: "unable to decode manifest").
 * - when the body is read (`Block.Body`): base64 lines until a `-----END ` line or a 5-character `=` checksum
 *   line (the CRC24 itself is not checked). Failing here is an error of `openpgp.CheckDetachedSignature`
 *   (Grafana: "failed to check signature: …"), and only if the verifier reads that far.
 */


/** go-crypto `armor.ArmorCorrupt`. */
const ARMOR_CORRUPT = 'openpgp: invalid data: armor invalid';
/** Size of the `bufio.Reader` go-crypto's `armor.Decode` reads lines through (`bufio.NewReaderSize(in, 100)`). */
const BUFIO_SIZE = 100;
const ARMOR_START = Buffer.from('-----BEGIN ');
const ARMOR_END = Buffer.from('-----END ');
const ARMOR_END_OF_LINE_LENGTH = 5; // "-----"
/**
 * Go `bufio.Reader.ReadLine` over an in-memory buffer with a 100-byte buffer: a line longer than the buffer comes
 * back in pieces with `isPrefix` set; `\n` or `\r\n` is stripped; a last line without a newline is returned as is.
 */
class GoLineReader {
    data;
    pos = 0;
    constructor(data) {
        this.data = data;
    }
    /** The next line, or `null` for Go's `io.EOF`. */
    readLine() {
        const { data } = this;
        if (this.pos >= data.length)
            return null;
        const end = Math.min(this.pos + BUFIO_SIZE, data.length);
        const window = data.subarray(this.pos, end);
        const nl = window.indexOf(0x0a);
        if (nl >= 0) {
            this.pos += nl + 1;
            const drop = nl > 0 && window[nl - 1] === 0x0d ? 2 : 1;
            return { line: window.subarray(0, nl + 1 - drop), isPrefix: false };
        }
        if (window.length === BUFIO_SIZE) {
            // bufio.ErrBufferFull: hand back the buffer; a trailing '\r' is kept for the next call ("\r\n" straddling).
            if (window[window.length - 1] === 0x0d) {
                this.pos += BUFIO_SIZE - 1;
                return { line: window.subarray(0, BUFIO_SIZE - 1), isPrefix: true };
            }
            this.pos += BUFIO_SIZE;
            return { line: window, isPrefix: true };
        }
        this.pos = data.length;
        return { line: window, isPrefix: false };
    }
}
const UTF8 = new TextDecoder('utf-8');
function startsWith(haystack, prefix) {
    if (haystack.length < prefix.length)
        return false;
    for (let i = 0; i < prefix.length; i++)
        if (haystack[i] !== prefix[i])
            return false;
    return true;
}
/** Go `unicode.IsSpace` for the code points `bytes.TrimSpace` may meet. */
function isGoSpace(r) {
    if (r <= 0xff)
        return r === 0x20 || (r >= 0x09 && r <= 0x0d) || r === 0x85 || r === 0xa0;
    return (r === 0x1680 ||
        (r >= 0x2000 && r <= 0x200a) ||
        r === 0x2028 ||
        r === 0x2029 ||
        r === 0x202f ||
        r === 0x205f ||
        r === 0x3000);
}
/** Go `bytes.TrimSpace`: strips Unicode white space (`unicode.IsSpace`) from both ends. */
function goTrimSpace(data) {
    let start = 0;
    let end = data.length;
    while (start < end) {
        const [r, size] = (0,_go_utf8_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeRuneBytes */ .L2)(data.subarray(0, end), start);
        if (!isGoSpace(r) || r === 0xfffd)
            break;
        start += size;
    }
    while (end > start) {
        const [r, size] = (0,_go_utf8_js__WEBPACK_IMPORTED_MODULE_1__/* .decodeLastRuneBytes */ .co)(data, end);
        if (!isGoSpace(r) || r === 0xfffd)
            break;
        end -= size;
    }
    return data.subarray(start, end);
}
const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_DECODE = (() => {
    const map = new Int16Array(256).fill(-1);
    for (let i = 0; i < BASE64_ALPHABET.length; i++)
        map[BASE64_ALPHABET.charCodeAt(i)] = i;
    return map;
})();
const PAD = 0x3d; // '='
const EMPTY = new Uint8Array(0);
/**
 * Go `base64.StdEncoding.Decode(dst, src)` on one chunk (a multiple of 4 characters, newlines already removed):
 * the bytes of the whole quanta before the first problem, and that problem (`illegal base64 data at input byte N`,
 * N counted from the start of the chunk as Go does). A quantum ending in padding must end the chunk.
 */
function decodeChunk(src) {
    const out = [];
    const fail = (at) => ({ bytes: Uint8Array.from(out), err: `illegal base64 data at input byte ${at}` });
    let si = 0;
    while (si < src.length) {
        // decodeQuantum
        const dbuf = [0, 0, 0, 0];
        let dlen = 4;
        let trailingGarbage;
        for (let j = 0; j < 4; j++) {
            if (si === src.length) {
                if (j === 0)
                    return { bytes: Uint8Array.from(out) };
                return fail(si - j);
            }
            const c = src[si++];
            const v = BASE64_DECODE[c];
            if (v >= 0) {
                dbuf[j] = v;
                continue;
            }
            if (c !== PAD || j < 2)
                return fail(si - 1);
            if (j === 2) {
                // "==" expected; the first '=' is consumed.
                if (si === src.length)
                    return fail(src.length);
                if (src[si] !== PAD)
                    return fail(si - 1);
                si++;
            }
            if (si < src.length)
                trailingGarbage = si;
            dlen = j;
            break;
        }
        const val = (dbuf[0] << 18) | (dbuf[1] << 12) | (dbuf[2] << 6) | dbuf[3];
        const bytes = [(val >> 16) & 0xff, (val >> 8) & 0xff, val & 0xff];
        for (let k = 0; k < dlen - 1; k++)
            out.push(bytes[k]);
        if (trailingGarbage !== undefined)
            return fail(trailingGarbage);
        if (dlen < 4)
            break;
    }
    return { bytes: Uint8Array.from(out) };
}
/**
 * go-crypto `armor.lineReader` (body lines until `-----END ` or a 5-byte `=` checksum line; a line longer than 96
 * bytes or than the 100-byte buffer is `armor invalid`) behind Go's base64 `newlineFilteringReader`.
 */
class ArmorLineReader {
    lines;
    saved = EMPTY;
    eof = false;
    constructor(lines) {
        this.lines = lines;
    }
    readRaw(max) {
        if (this.eof)
            return { bytes: EMPTY, err: 'EOF' };
        if (this.saved.length > 0) {
            const n = Math.min(max, this.saved.length);
            const bytes = this.saved.subarray(0, n);
            this.saved = this.saved.subarray(n);
            return { bytes };
        }
        const read = this.lines.readLine();
        if (!read)
            return { bytes: EMPTY, err: 'EOF' };
        if (read.isPrefix)
            return { bytes: EMPTY, err: ARMOR_CORRUPT };
        const line = read.line;
        if (startsWith(line, ARMOR_END) || (line.length === 5 && line[0] === PAD)) {
            this.eof = true;
            return { bytes: EMPTY, err: 'EOF' };
        }
        if (line.length > 96)
            return { bytes: EMPTY, err: ARMOR_CORRUPT };
        const n = Math.min(max, line.length);
        this.saved = line.subarray(n);
        return { bytes: line.subarray(0, n) };
    }
    /** `newlineFilteringReader.Read`: drops `\r` and `\n`, reading again while a read held nothing else. */
    read(max) {
        let res = this.readRaw(max);
        while (res.bytes.length > 0) {
            const kept = res.bytes.filter((c) => c !== 0x0d && c !== 0x0a);
            if (kept.length > 0)
                return { bytes: kept, err: res.err };
            res = this.readRaw(max);
        }
        return res;
    }
}
/** Go `base64.NewDecoder(base64.StdEncoding, r)`: the stream decoder, chunk by chunk as Go reads. */
class Base64StreamDecoder {
    r;
    buf = new Uint8Array(1024);
    nbuf = 0;
    out = EMPTY;
    err;
    readErr;
    constructor(r) {
        this.r = r;
    }
    read(max) {
        if (this.out.length > 0) {
            const n = Math.min(max, this.out.length);
            const bytes = this.out.subarray(0, n);
            this.out = this.out.subarray(n);
            return { bytes };
        }
        if (this.err !== undefined)
            return { bytes: EMPTY, err: this.err };
        while (this.nbuf < 4 && this.readErr === undefined) {
            let nn = Math.floor(max / 3) * 4;
            if (nn < 4)
                nn = 4;
            if (nn > this.buf.length)
                nn = this.buf.length;
            const res = this.r.read(nn - this.nbuf);
            this.buf.set(res.bytes, this.nbuf);
            this.nbuf += res.bytes.length;
            this.readErr = res.err;
        }
        if (this.nbuf < 4) {
            this.err = this.readErr === 'EOF' && this.nbuf > 0 ? 'unexpected EOF' : this.readErr;
            return { bytes: EMPTY, err: this.err };
        }
        const nr = this.nbuf - (this.nbuf % 4);
        const nw = (nr / 4) * 3;
        const decoded = decodeChunk(this.buf.subarray(0, nr));
        this.err = decoded.err;
        this.buf.copyWithin(0, nr, this.nbuf);
        this.nbuf -= nr;
        if (nw > max) {
            // Decoded into the spare buffer; what does not fit waits for the next Read (which reports no error).
            const n = Math.min(max, decoded.bytes.length);
            this.out = decoded.bytes.subarray(n);
            return { bytes: decoded.bytes.subarray(0, n), err: this.err };
        }
        return { bytes: decoded.bytes, err: this.err };
    }
}
/** Go malloc size classes up to 32 KiB, for `io.ReadAll`'s buffer growth. */
const SIZE_CLASSES = [
    512, 576, 640, 704, 768, 896, 1024, 1152, 1280, 1408, 1536, 1792, 2048, 2304, 2688, 3072, 3200, 3456, 4096, 4864,
    5376, 6144, 6528, 6784, 6912, 8192, 9472, 9728, 10240, 10880, 12288, 13568, 14336, 16384, 18432, 19072, 20480, 21760,
    24576, 27264, 28672, 32768,
];
/** Go `io.ReadAll(r)`: everything read, and the first error other than EOF. Read sizes follow Go's buffer growth. */
function goReadAll(r) {
    // One buffer grown like Go's slice (not one chunk per read): a body of many tiny reads stays O(size) in memory.
    let buf = Buffer.allocUnsafe(512);
    let len = 0;
    let cap = 512;
    for (;;) {
        const res = r.read(cap - len);
        if (res.bytes.length > 0) {
            buf.set(res.bytes, len);
            len += res.bytes.length;
        }
        if (res.err !== undefined) {
            const bytes = buf.subarray(0, len);
            return res.err === 'EOF' ? { bytes } : { bytes, err: res.err };
        }
        if (len === cap) {
            // append(b, 0): runtime nextslicecap, then roundupsize.
            let next = cap;
            while (next < cap + 1)
                next += (next + 3 * 256) >> 2;
            cap = SIZE_CLASSES.find((c) => c >= next) ?? Math.ceil(next / 8192) * 8192;
            const grown = Buffer.allocUnsafe(cap);
            buf.copy(grown, 0, 0, len);
            buf = grown;
        }
    }
}
/**
 * Decodes the first armor block in `text` as go-crypto `armor.Decode` does and returns a reader over its body
 * that behaves like go-crypto's `Block.Body` (a `lineReader` behind Go's base64 stream decoder).
 *
 * Rules (go-crypto `openpgp/armor/armor.go`, lines read through a 100-byte `bufio.Reader`):
 * - leading lines are skipped until one that, trimmed, is longer than 16 bytes and starts with `-----BEGIN `;
 *   the type is that line without its first 11 and last 5 bytes (the last 5 are not checked); lines longer than
 *   the buffer are skipped whole;
 * - header lines follow until a line that is blank once trimmed; `Key: Value` (value from 2 bytes after the
 *   colon), a line without a colon restarts the search for a `-----BEGIN ` line; running out of lines here fails;
 * - body lines until one starting with `-----END `, one of exactly 5 bytes starting with `=` (checksum, ignored),
 *   or the end of the data; a line longer than 96 bytes is `armor invalid`; `\r` and `\n` are dropped, nothing
 *   else is trimmed; base64 with padding (`base64.StdEncoding`).
 *
 * @param text the armored bytes (for a MANIFEST.txt: from the `-----BEGIN PGP SIGNATURE-----` line on).
 * @returns type, headers and a {@link GoReader} over the body: problems in the body surface only when it is read,
 *   as in Go.
 * @throws ManifestFormatError when go-crypto's `armor.Decode` itself fails: no start line, or the data ends
 *   before the blank line that closes the headers.
 */
function openArmor(text) {
    const reader = new GoLineReader(text);
    let ignoreNext = false;
    for (;;) {
        // Skip leading garbage.
        let line;
        for (;;) {
            const ignoreThis = ignoreNext;
            const read = reader.readLine();
            if (!read)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ManifestFormatError */ .RV('armor: no "-----BEGIN …-----" line found');
            ignoreNext = read.isPrefix;
            if (ignoreNext || ignoreThis)
                continue;
            line = goTrimSpace(read.line);
            if (line.length > ARMOR_START.length + ARMOR_END_OF_LINE_LENGTH && startsWith(line, ARMOR_START))
                break;
        }
        const type = UTF8.decode(line.subarray(ARMOR_START.length, line.length - ARMOR_END_OF_LINE_LENGTH));
        const headers = Object.create(null);
        let nextIsContinuation = false;
        let lastKey = '';
        let restart = false;
        for (;;) {
            const isContinuation = nextIsContinuation;
            const read = reader.readLine();
            if (!read)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ManifestFormatError */ .RV('armor: the data ends inside the armor headers (no blank line)');
            nextIsContinuation = read.isPrefix;
            if (isContinuation) {
                headers[lastKey] += UTF8.decode(read.line);
                continue;
            }
            const trimmed = goTrimSpace(read.line);
            if (trimmed.length === 0)
                break;
            const colon = trimmed.indexOf(0x3a);
            if (colon === -1) {
                restart = true;
                break;
            }
            lastKey = UTF8.decode(trimmed.subarray(0, colon));
            headers[lastKey] = trimmed.length > colon + 2 ? UTF8.decode(trimmed.subarray(colon + 2)) : '';
        }
        if (restart)
            continue;
        const body = new Base64StreamDecoder(new ArmorLineReader(reader));
        return { type, headers, body };
    }
}
/**
 * {@link openArmor}, with the body read to the end by Go `io.ReadAll(block.Body)`.
 *
 * @param text the armored bytes (for a MANIFEST.txt: from the `-----BEGIN PGP SIGNATURE-----` line on).
 * @returns type, headers, the body bytes decoded before any problem, and Go's error for that problem (`bodyError`:
 *   `illegal base64 data at input byte N` with N counted from the chunk Go was decoding, `unexpected EOF`, or
 *   `openpgp: invalid data: armor invalid`). A body problem is not thrown because Go reports it only on reading.
 * @throws ManifestFormatError when go-crypto's `armor.Decode` itself fails (see {@link openArmor}).
 */
function decodeArmor(text) {
    const { type, headers, body } = openArmor(text);
    const { bytes, err } = goReadAll(body);
    return err === undefined ? { type, headers, body: bytes } : { type, headers, body: bytes, bodyError: err };
}


/***/ }),

/***/ 3859:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A4: () => (/* binding */ worstStatus),
/* harmony export */   MS: () => (/* binding */ grafanaBadge),
/* harmony export */   gk: () => (/* binding */ finding),
/* harmony export */   x7: () => (/* binding */ decideStatus),
/* harmony export */   zN: () => (/* binding */ grafanaLogLine)
/* harmony export */ });
/**
 * Findings: every reason a plugin is not `valid`, in Grafana's words, tagged with the check of
 * docs/verification.md#order that raises it. The verdict is the status of the lowest-numbered failing check.
 */
/** All statuses, best first; "worst" of several results is the last one present. */
const STATUS_ORDER = ['valid', 'unsigned', 'modified', 'invalid'];
/**
 * The check (number in docs/verification.md#order; 0 = the file walk Grafana runs before it) and the status it gives
 * when it fails. `null` status: information only, never changes the verdict.
 */
const FINDING_RULES = {
    'unsafe-entry': { check: 0, status: 'invalid' },
    'manifest-missing': { check: 1, status: 'unsigned' },
    'manifest-unreadable': { check: 2, status: 'invalid' },
    'manifest-too-short': { check: 3, status: 'unsigned' },
    'manifest-undecodable': { check: 4, status: 'invalid' },
    'manifest-json': { check: 5, status: 'invalid' },
    'manifest-field': { check: 6, status: 'invalid' },
    'public-key-missing': { check: 7, status: 'invalid' },
    signature: { check: 7, status: 'invalid' },
    'manifest-version': { check: 8, status: 'invalid' },
    'no-files': { check: 9, status: 'invalid' },
    'plugin-json': { check: 10, status: null },
    'plugin-id-mismatch': { check: 10, status: 'modified' },
    'plugin-version-mismatch': { check: 10, status: 'modified' },
    'root-url-error': { check: 11, status: 'invalid' },
    'root-url-mismatch': { check: 11, status: 'invalid' },
    'root-url-unchecked': { check: 11, status: null },
    'file-missing': { check: 12, status: 'modified' },
    'file-modified': { check: 12, status: 'modified' },
    'file-not-covered': { check: 13, status: 'modified' },
    // Information: the verdict differs between Grafana builds; the status given is the current Grafana's.
    'grafana-build': { check: 7, status: null },
};
/**
 * Builds a finding, filling `check` and `status` from {@link FINDING_RULES}.
 *
 * @param kind the finding's kind; @param message one line for people; @param extra path/expected/actual.
 */
function finding(kind, message, extra = {}) {
    const rule = FINDING_RULES[kind];
    return { kind, check: rule.check, status: rule.status, message, ...extra };
}
/**
 * The verdict Grafana gives: the status of the lowest-numbered failing check, `valid` when none fails
 * (docs/verification.md#order: the first failing check decides the status).
 *
 * @returns the status and the finding that decided it (undefined when valid).
 */
function decideStatus(findings) {
    let decisive;
    for (const f of findings) {
        if (f.status === null)
            continue;
        if (!decisive || f.check < decisive.check)
            decisive = f;
    }
    return decisive ? { status: decisive.status, decisive } : { status: 'valid' };
}
/**
 * Grafana's server-log sentence for a status (docs/verification.md#grafana-words), e.g. `plugin 'x' has an modified
 * signature` (Grafana's own grammar, kept so users recognise it).
 */
function grafanaLogLine(status, pluginId) {
    switch (status) {
        case 'valid':
            return `plugin '${pluginId}' has a valid signature`;
        case 'unsigned':
            return `plugin '${pluginId}' has no signature`;
        case 'modified':
            return `plugin '${pluginId}' has an modified signature`;
        case 'invalid':
            return `plugin '${pluginId}' has an invalid signature`;
    }
}
/**
 * Grafana's UI badge for a status (docs/verification.md#grafana-words): "Signed", "Invalid signature", "Modified
 * signature", "Unsigned".
 */
function grafanaBadge(status) {
    return { valid: 'Signed', invalid: 'Invalid signature', modified: 'Modified signature', unsigned: 'Unsigned' }[status];
}
/**
 * The worst of several statuses (`invalid` > `modified` > `unsigned` > `valid`), for runs over several plugins.
 */
function worstStatus(statuses) {
    return statuses.reduce((worst, s) => (STATUS_ORDER.indexOf(s) > STATUS_ORDER.indexOf(worst) ? s : worst), 'valid');
}


/***/ }),

/***/ 9201:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CM: () => (/* binding */ sameRootUrl),
/* harmony export */   K$: () => (/* binding */ PRIVATE_GLOB_SIGNATURE),
/* harmony export */   gZ: () => (/* binding */ normalizeAppUrl),
/* harmony export */   hn: () => (/* binding */ urlMatch),
/* harmony export */   lL: () => (/* binding */ hasMidBracketHost),
/* harmony export */   tK: () => (/* binding */ legacyBracketHostMatch)
/* harmony export */ });
/* harmony import */ var _go_url_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(836);
/**
 * Grafana's root URL check (`urlMatch` in pkg/plugins/manager/signature/manifest.go), with an explanation of every
 * entry it looked at.
 *
 * This is the project's own code, built on the project's ports of Go's `net/url`/`path.Clean` (./go-url.ts) and of
 * gobwas/glob (./glob.ts): no JavaScript library compares URLs the way Grafana does.
 *
 * ```go
 * func urlMatch(specs []string, target string, signatureType plugins.SignatureType) (bool, error) {
 *   targetURL, err := url.Parse(target)
 *   if err != nil { return false, err }
 *   for _, spec := range specs {
 *     specURL, err := url.Parse(spec)
 *     if err != nil { return false, err }
 *     if specURL.Scheme == targetURL.Scheme && specURL.Host == targetURL.Host &&
 *       path.Clean(specURL.RequestURI()) == path.Clean(targetURL.RequestURI()) { return true, nil }
 *     if signatureType != plugins.PrivateGlobSignature { continue }
 *     sp, err := glob.Compile(spec, '/', '.')
 *     if err != nil { return false, err }
 *     if match := sp.Match(target); match { return true, nil }
 *   }
 *   return false, nil
 * }
 * ```
 */

/** The `signatureType` under which Grafana also tries each entry as a glob (`plugins.PrivateGlobSignature`). */
const PRIVATE_GLOB_SIGNATURE = 'private-glob';
/**
 * Grafana's normalisation of `[server] root_url` (`parseAppUrlAndSubUrl` in pkg/setting/setting.go): appends `/`
 * when the URL does not end with one, nothing else (no lowercasing, no port or path rewriting).
 *
 * @param appUrl the configured root URL, e.g. `http://localhost:3000`
 * @returns the app URL Grafana matches against, e.g. `http://localhost:3000/` (`""` gives `/`; Grafana would
 *   instead fail on an empty value)
 */
function normalizeAppUrl(appUrl) {
    return appUrl.endsWith('/') ? appUrl : appUrl + '/';
}
function keyOf(u) {
    return { scheme: u.scheme, host: u.host, path: _go_url_js__WEBPACK_IMPORTED_MODULE_0__/* .goURLBytes */ .xz.clean(_go_url_js__WEBPACK_IMPORTED_MODULE_0__/* .goURLBytes */ .xz.requestURI(u)) };
}
function parseKey(raw) {
    return keyOf(_go_url_js__WEBPACK_IMPORTED_MODULE_0__/* .goURLBytes */ .xz.parse(_go_url_js__WEBPACK_IMPORTED_MODULE_0__/* .goURLBytes */ .xz.encode(raw), true));
}
/** Go's `%q` of a byte string, for messages. */
const q = _go_url_js__WEBPACK_IMPORTED_MODULE_0__/* .goURLBytes */ .xz.quote;
/** Why two keys differ under the exact rule, `""` when they do not. */
function difference(spec, target) {
    const parts = [];
    if (spec.scheme !== target.scheme)
        parts.push(`scheme ${q(spec.scheme)} ≠ ${q(target.scheme)}`);
    if (spec.host !== target.host)
        parts.push(`host ${q(spec.host)} ≠ ${q(target.host)}`);
    if (spec.path !== target.path)
        parts.push(`path ${q(spec.path)} ≠ ${q(target.path)} (after path.Clean)`);
    return parts.join('; ');
}
function quoteJs(s) {
    return q(_go_url_js__WEBPACK_IMPORTED_MODULE_0__/* .goURLBytes */ .xz.encode(s));
}
/**
 * Grafana's `urlMatch(specs, target, signatureType)`, step for step: `target` is parsed first (an error ends the
 * check with no attempts); then each entry in order is parsed (an error ends the check), compared exactly (scheme
 * as lowercased by the parser, host as written including case and port, `path.Clean` of the request URI, so
 * trailing slashes do not matter), and, only when `signatureType` is `private-glob`, compiled as a gobwas glob with
 * separators `/` and `.` and matched against the raw `target` (a bad glob ends the check). The first match wins.
 *
 * `target` is used as given: call {@link normalizeAppUrl} first, as Grafana does. Go's `url.Parse` is applied with
 * Go 1.26 defaults (strict colons for http/https).
 *
 * @param rootUrls the manifest's `rootUrls`
 * @param appUrl the Grafana app URL (normally ending in `/`)
 * @param signatureType the manifest's `signatureType`
 * @returns (a promise: the glob port is loaded on first use) `matched`, one {@link RootUrlAttempt} per entry examined, and `error` (Go's `url.Parse` message, or
 *   `invalid glob "<entry>": <gobwas message>`) when Grafana would fail with an error instead of a verdict
 */
async function urlMatch(rootUrls, appUrl, signatureType) {
    const attempts = [];
    let target;
    try {
        target = parseKey(appUrl);
    }
    catch (e) {
        if (e instanceof _go_url_js__WEBPACK_IMPORTED_MODULE_0__/* .GoURLError */ .Mm)
            return { matched: false, attempts, error: e.message };
        throw e;
    }
    for (const rootUrl of rootUrls) {
        const attempt = (matched, reason, how) => how === undefined ? { rootUrl, appUrl, matched, reason } : { rootUrl, appUrl, matched, how, reason };
        let spec;
        try {
            spec = parseKey(rootUrl);
        }
        catch (e) {
            if (!(e instanceof _go_url_js__WEBPACK_IMPORTED_MODULE_0__/* .GoURLError */ .Mm))
                throw e;
            attempts.push(attempt(false, `does not parse: ${e.reason}`));
            return { matched: false, attempts, error: e.message };
        }
        const diff = difference(spec, target);
        if (diff === '') {
            attempts.push(attempt(true, 'matches', 'exact'));
            return { matched: true, attempts };
        }
        if (signatureType !== PRIVATE_GLOB_SIGNATURE) {
            attempts.push(attempt(false, diff));
            continue;
        }
        // The gobwas/glob port is loaded only for a private-glob manifest (see docs/performance.md).
        const { GlobPanicError, GlobSyntaxError, compileGlob } = await __webpack_require__.e(/* import() */ 496).then(__webpack_require__.bind(__webpack_require__, 5496));
        let matches;
        try {
            matches = compileGlob(rootUrl, ['/', '.'])(appUrl);
        }
        catch (e) {
            if (e instanceof GlobSyntaxError) {
                const error = `invalid glob ${quoteJs(rootUrl)}: ${e.message}`;
                attempts.push(attempt(false, `${diff}; ${error}`));
                return { matched: false, attempts, error };
            }
            if (e instanceof GlobPanicError) {
                const error = `glob ${quoteJs(rootUrl)} makes gobwas/glob panic (Grafana would crash): ${e.message}`;
                attempts.push(attempt(false, `${diff}; ${error}`));
                return { matched: false, attempts, error };
            }
            throw e;
        }
        if (matches) {
            attempts.push(attempt(true, `glob ${quoteJs(rootUrl)} matches`, 'glob'));
            return { matched: true, attempts };
        }
        attempts.push(attempt(false, `${diff}; glob ${quoteJs(rootUrl)} does not match`));
    }
    return { matched: false, attempts };
}
/**
 * Whether two root URLs are the same under the exact (non-glob) condition of Grafana's `urlMatch`
 * (`specURL.Scheme == targetURL.Scheme && specURL.Host == targetURL.Host && path.Clean(specURL.RequestURI()) ==
 * path.Clean(targetURL.RequestURI())`, pkg/plugins/manager/signature/manifest.go): equal scheme (lowercased by the
 * parser), equal host as written (case and port included) and equal `path.Clean` of the request URI
 * (`escapedPath` or `/`, plus `?query`). So `http://localhost:3000` and `http://localhost:3000/` are the same,
 * `https://example.com:443/` and `https://example.com/` are not.
 *
 * @returns `false` when either does not parse with Go's `url.Parse`
 */
function sameRootUrl(a, b) {
    try {
        return difference(parseKey(a), parseKey(b)) === '';
    }
    catch (e) {
        if (e instanceof _go_url_js__WEBPACK_IMPORTED_MODULE_0__/* .GoURLError */ .Mm)
            return false;
        throw e;
    }
}
/** The raw host of an absolute URL as written (`scheme://[userinfo@]host[:port]`), or null when it has none. */
function rawHost(raw) {
    const at = hostStart(raw);
    return at < 0 ? null : /^[^/?#]*/.exec(raw.slice(at))[0];
}
/** Index of the host in an absolute URL (after `//` and any `userinfo@`), -1 when it has no authority. */
function hostStart(raw) {
    const m = /^[A-Za-z][A-Za-z0-9+.-]*:\/\/([^/?#]*)/.exec(raw);
    if (!m)
        return -1;
    return m[0].length - m[1].length + m[1].lastIndexOf('@') + 1;
}
/**
 * Whether `raw`'s host holds a `[` that does not start it (e.g. `http://a[b]/`): Go 1.25.8 / 1.26.1 and later refuse
 * such a host (`invalid IP-literal`, CVE-2026-25679), older Go accepted it and compared it as written.
 */
function hasMidBracketHost(raw) {
    const host = rawHost(raw);
    return host !== null && host.lastIndexOf('[') > 0;
}
/** Host-safe characters that stand in for `[` and `]` when replaying the check as older Go parsed it. */
const BRACKET_STAND_INS = ['()', '!*', "$'", ';='];
/**
 * What Grafana builds with a Go older than 1.25.8 / 1.26.1 decide for `urlMatch(rootUrls, appUrl, signatureType)`
 * when a host holds a `[` that does not start it (CVE-2026-25679, see {@link hasMidBracketHost}): those Go versions
 * parsed such a host as an ordinary name and compared it as written. Replayed by replacing `[`/`]` in those hosts
 * with a pair of host-safe characters that appear nowhere in the inputs, so equality is unchanged.
 *
 * @returns (resolves to) `undefined` when no URL has such a host, or when the replay cannot be exact (`private-glob`, where `[` is
 *   glob syntax; a host that also starts with `[`); otherwise whether older builds match.
 */
async function legacyBracketHostMatch(rootUrls, appUrl, signatureType) {
    const all = [...rootUrls, appUrl];
    const affected = all.filter(hasMidBracketHost);
    if (affected.length === 0 || signatureType === PRIVATE_GLOB_SIGNATURE)
        return undefined;
    if (affected.some((u) => rawHost(u).startsWith('[')))
        return undefined;
    const pair = BRACKET_STAND_INS.find(([a, b]) => all.every((u) => !u.includes(a) && !u.includes(b)));
    if (!pair)
        return undefined;
    const replay = (u) => {
        if (!hasMidBracketHost(u))
            return u;
        const host = rawHost(u);
        const start = hostStart(u);
        return u.slice(0, start) + host.replaceAll('[', pair[0]).replaceAll(']', pair[1]) + u.slice(start + host.length);
    };
    return (await urlMatch(rootUrls.map(replay), replay(appUrl), signatureType)).matched;
}


/***/ }),

/***/ 3895:
/***/ (function (__unused_webpack___webpack_module__, __webpack_exports__, __webpack_require__) {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Vz: () => (/* binding */ verifyPlugin)
});

// UNUSED EXPORTS: MAX_MANIFEST_BYTES, cleanRelativePath

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./lib/fs/read-bounded.js
var read_bounded = __webpack_require__(9795);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./lib/errors.js
var errors = __webpack_require__(452);
// EXTERNAL MODULE: ./lib/manifest/build.js
var build = __webpack_require__(7169);
// EXTERNAL MODULE: ./lib/manifest/hash.js + 1 modules
var hash = __webpack_require__(7477);
// EXTERNAL MODULE: ./lib/manifest/plugin-json.js
var plugin_json = __webpack_require__(7289);
// EXTERNAL MODULE: ./lib/manifest/walk.js
var manifest_walk = __webpack_require__(5108);
// EXTERNAL MODULE: ./lib/manifest/types.js
var types = __webpack_require__(252);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: ./lib/go/utf8.js
var utf8 = __webpack_require__(8947);
;// CONCATENATED MODULE: ./lib/signature/json-scanner.js
/**
 * Ports Go `encoding/json/scanner.go` (`checkValid`, the state machine and its error wording), which runs over the
 * whole of MANIFEST.txt's JSON before any decoding. Used by `manifest-json.ts`; the decoding is in
 * `json-decode.ts` (`decode.go`).
 */
const MAX_NESTING_DEPTH = 10000;
var Parse;
(function (Parse) {
    Parse[Parse["ObjectKey"] = 0] = "ObjectKey";
    Parse[Parse["ObjectValue"] = 1] = "ObjectValue";
    Parse[Parse["ArrayValue"] = 2] = "ArrayValue";
})(Parse || (Parse = {}));
/** Go `strconv.IsPrint` for U+0080..U+00FF (the only non-ASCII runes `quoteChar` can see, one byte at a time). */
function isPrintLatin1(r) {
    return r >= 0xa1 && r !== 0xad;
}
/** Go encoding/json `quoteChar`: how a byte appears in a syntax error. */
function quoteChar(c) {
    if (c === 0x27)
        return `'\\''`;
    if (c === 0x22)
        return `'"'`;
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
    if (c < 0x20 || c === 0x7f)
        return `'\\x${c.toString(16).padStart(2, '0')}'`;
    if (c < 0x7f)
        return `'${String.fromCharCode(c)}'`;
    if (isPrintLatin1(c))
        return `'${String.fromCharCode(c)}'`;
    return `'\\u${c.toString(16).padStart(4, '0')}'`;
}
const isSpace = (c) => c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
const isDigit = (c) => c >= 0x30 && c <= 0x39;
const isHex = (c) => isDigit(c) || (c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46);
/**
 * Go encoding/json `checkValid`: the first syntax error in `data`, in Go's words, or `null` when `data` is one
 * valid JSON value surrounded by optional white space.
 */
function goJsonSyntaxError(data) {
    const parseState = [];
    let err = null;
    let endTop = false;
    let step;
    const fail = (c, context) => {
        step = () => { };
        err = `invalid character ${quoteChar(c)} ${context}`;
    };
    const push = (c, s) => {
        parseState.push(s);
        if (parseState.length > MAX_NESTING_DEPTH)
            fail(c, 'exceeded max depth');
    };
    const stateEndTop = (c) => {
        if (!isSpace(c))
            fail(c, 'after top-level value');
    };
    const stateEndValue = (c) => {
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
                    if (parseState.length === 0)
                        endTop = true;
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
                    if (parseState.length === 0)
                        endTop = true;
                    return;
                }
                return fail(c, 'after array element');
        }
    };
    const stateBeginValue = (c) => {
        if (isSpace(c))
            return;
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
    const stateBeginValueOrEmpty = (c) => {
        if (isSpace(c))
            return;
        if (c === 0x5d)
            return stateEndValue(c);
        stateBeginValue(c);
    };
    const stateBeginStringOrEmpty = (c) => {
        if (isSpace(c))
            return;
        if (c === 0x7d) {
            parseState[parseState.length - 1] = Parse.ObjectValue;
            return stateEndValue(c);
        }
        stateBeginString(c);
    };
    const stateBeginString = (c) => {
        if (isSpace(c))
            return;
        if (c === 0x22) {
            step = stateInString;
            return;
        }
        fail(c, 'looking for beginning of object key string');
    };
    const stateInString = (c) => {
        if (c === 0x22) {
            step = stateEndValue;
            return;
        }
        if (c === 0x5c) {
            step = stateInStringEsc;
            return;
        }
        if (c < 0x20)
            fail(c, 'in string literal');
    };
    const stateInStringEsc = (c) => {
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
    const hexStep = (k) => (c) => {
        if (!isHex(c))
            return fail(c, 'in \\u hexadecimal character escape');
        step = k === 3 ? stateInString : hexStep(k + 1);
    };
    const stateNeg = (c) => {
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
    const state1 = (c) => {
        if (isDigit(c))
            return;
        state0(c);
    };
    const state0 = (c) => {
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
    const stateDot = (c) => {
        if (isDigit(c)) {
            step = stateDot0;
            return;
        }
        fail(c, 'after decimal point in numeric literal');
    };
    const stateDot0 = (c) => {
        if (isDigit(c))
            return;
        if (c === 0x65 || c === 0x45) {
            step = stateE;
            return;
        }
        stateEndValue(c);
    };
    const stateE = (c) => {
        if (c === 0x2b || c === 0x2d) {
            step = stateESign;
            return;
        }
        stateESign(c);
    };
    const stateESign = (c) => {
        if (isDigit(c)) {
            step = stateE0;
            return;
        }
        fail(c, 'in exponent of numeric literal');
    };
    const stateE0 = (c) => {
        if (isDigit(c))
            return;
        stateEndValue(c);
    };
    const literal = (word, k) => (c) => {
        if (c !== word.charCodeAt(k))
            return fail(c, `in literal ${word} (expecting '${word[k]}')`);
        step = k === word.length - 1 ? stateEndValue : literal(word, k + 1);
    };
    step = stateBeginValue;
    const n = data.length;
    for (let i = 0; i < n; i++) {
        if (step === stateInString) {
            // The bytes stateInString would accept one call at a time (not '"', '\\' or a control byte), skipped in a
            // tight loop: a 5,000-file manifest is mostly string bytes.
            while (i < n && data[i] !== 0x22 && data[i] !== 0x5c && data[i] >= 0x20)
                i++;
            if (i === n)
                break;
        }
        step(data[i]);
        if (err !== null)
            return err;
    }
    // scanner.eof: feed a space to finish a number or literal.
    if (endTop)
        return null;
    step(0x20);
    if (err !== null)
        return err;
    if (endTop)
        return null;
    return 'unexpected end of JSON input';
}

;// CONCATENATED MODULE: ./lib/signature/json-decode.js
/**
 * Ports Go `encoding/json/decode.go` (`Unmarshal` into a struct: `unquoteBytes`, `object`, `array`, literal stores,
 * `UnmarshalTypeError`), specialised to Grafana's `signature.PluginManifest`, on input `json-scanner.ts` accepted;
 * `foldName` is the one helper taken from `fold.go`. Used by `manifest-json.ts`.
 */



/** Go `unquoteBytes` on a string literal (with its quotes): escapes decoded, invalid UTF-8 → U+FFFD per byte. */
function unquote(lit) {
    const s = lit.subarray(1, lit.length - 1);
    // Parts joined once at the end, runs without escapes decoded whole: a 60 MB string costs O(size), not a
    // string concatenation per character.
    const parts = [];
    let i = 0;
    const getu4 = (at) => {
        if (at + 6 > s.length || s[at] !== 0x5c || s[at + 1] !== 0x75)
            return -1;
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
function decodeRun(run) {
    // ASCII (paths and hex hashes, nearly every string of a manifest): no native call for short runs.
    if (run.length <= 512) {
        let ascii = true;
        for (let i = 0; i < run.length && ascii; i++)
            ascii = run[i] < 0x80;
        if (ascii)
            return String.fromCharCode.apply(null, run);
    }
    if ((0,external_node_buffer_.isUtf8)(run))
        return Buffer.from(run.buffer, run.byteOffset, run.length).toString('utf8');
    const out = [];
    for (let i = 0; i < run.length;) {
        const [r, size] = (0,utf8/* decodeRuneBytes */.L2)(run, i);
        out.push(String.fromCodePoint(r));
        i += size;
    }
    return out.join('');
}
/** Thrown inside the decoder for the first `UnmarshalTypeError` (Go saves the first and returns it at the end). */
class TypeMismatch extends Error {
}
/** Grafana `PluginManifest`, in struct order (Go tries fields in this order for a case-insensitive match). */
const FIELDS = [
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
function foldName(name) {
    let out = '';
    for (const ch of name) {
        const cp = ch.codePointAt(0);
        if (cp >= 0x61 && cp <= 0x7a)
            out += String.fromCharCode(cp - 0x20);
        else if (cp === 0x17f)
            out += 'S';
        else if (cp === 0x212a)
            out += 'K';
        else
            out += ch;
    }
    return out;
}
function findField(key) {
    const exact = FIELDS.find((f) => f.name === key);
    if (exact)
        return exact;
    const folded = foldName(key);
    return FIELDS.find((f) => foldName(f.name) === folded);
}
/** Capacity after Go `reflect.Value.Grow(1)` (runtime `nextslicecap`; size-class rounding ignored past 256). */
function grownCap(oldCap, newLen) {
    const doubled = oldCap * 2;
    if (newLen > doubled)
        return newLen;
    if (oldCap < 256)
        return doubled;
    let cap = oldCap;
    while (cap < newLen)
        cap += (cap + 3 * 256) >> 2;
    return cap;
}
/** Decodes one `PluginManifest` as `json.Unmarshal` does; `manifest-json.ts` reads its fields. */
class ManifestDecoder {
    data;
    pos = 0;
    strings = new Map();
    time = 0;
    files = null;
    rootUrls = null;
    constructor(data) {
        this.data = data;
        this.text = Buffer.from(data.buffer, data.byteOffset, data.length);
    }
    ws() {
        while (this.pos < this.data.length && isSpace(this.data[this.pos]))
            this.pos++;
    }
    peek() {
        this.ws();
        return this.data[this.pos];
    }
    /** The input as a Buffer (same memory), for one-call Latin-1 slices. */
    text;
    /**
     * Consumes a string literal (syntax already checked) and returns its Go value (`unquote`). A literal of ASCII bytes
     * without escapes (nearly every path and hash of a manifest) is its own value: one Latin-1 slice, no view.
     */
    stringValue() {
        const start = this.pos;
        let i = start + 1;
        let plain = true;
        for (let c = this.data[i]; c !== 0x22; c = this.data[i]) {
            if (c === 0x5c) {
                plain = false;
                i += 2;
            }
            else {
                if (c >= 0x80)
                    plain = false;
                i++;
            }
        }
        this.pos = i + 1;
        return plain ? this.text.toString('latin1', start + 1, i) : unquote(this.data.subarray(start, this.pos));
    }
    /** Consumes a string literal (syntax already checked) and returns its raw bytes, quotes included. */
    stringLiteral() {
        const start = this.pos;
        let i = start + 1;
        while (this.data[i] !== 0x22)
            i += this.data[i] === 0x5c ? 2 : 1;
        this.pos = i + 1;
        return this.data.subarray(start, this.pos);
    }
    /** Consumes a number, `true`, `false` or `null` literal and returns its text. */
    scalarLiteral() {
        const start = this.pos;
        let i = start;
        while (i < this.data.length && !isSpace(this.data[i]) && ![0x2c, 0x7d, 0x5d, 0x3a].includes(this.data[i]))
            i++;
        this.pos = i;
        return Buffer.from(this.data.subarray(start, i)).toString('latin1');
    }
    /** Skips any value without recursion (nesting can reach Go's limit of 10000). */
    skipValue() {
        let depth = 0;
        do {
            const c = this.peek();
            if (c === 0x22)
                this.stringLiteral();
            else if (c === 0x7b || c === 0x5b) {
                depth++;
                this.pos++;
            }
            else if (c === 0x7d || c === 0x5d) {
                depth--;
                this.pos++;
            }
            else if (c === 0x2c || c === 0x3a)
                this.pos++;
            else
                this.scalarLiteral();
        } while (depth > 0);
    }
    mismatch(value, goType, field) {
        throw new TypeMismatch(field === undefined
            ? `json: cannot unmarshal ${value} into Go value of type ${goType}`
            : `json: cannot unmarshal ${value} into Go struct field ${STRUCT_NAME}.${field} of type ${goType}`);
    }
    /** Go's `Value` word for the JSON value starting at the current position, for an `UnmarshalTypeError`. */
    kindWord(c) {
        if (c === 0x7b)
            return 'object';
        if (c === 0x5b)
            return 'array';
        if (c === 0x22)
            return 'string';
        if (c === 0x74 || c === 0x66)
            return 'bool';
        return 'number';
    }
    decode() {
        const c = this.peek();
        if (c === 0x6e)
            return; // null: the struct keeps its zero value
        if (c !== 0x7b)
            this.mismatch(this.kindWord(c), STRUCT_TYPE);
        this.pos++;
        if (this.peek() === 0x7d)
            return;
        for (;;) {
            this.peek();
            const key = this.stringValue();
            this.peek(); // ':'
            this.pos++;
            const field = findField(key);
            if (field)
                this.decodeField(field);
            else
                this.skipValue();
            if (this.peek() === 0x2c) {
                this.pos++;
                continue;
            }
            this.pos++; // '}'
            return;
        }
    }
    decodeField(field) {
        const c = this.peek();
        switch (field.kind) {
            case 'string': {
                if (c === 0x22)
                    this.strings.set(field.name, this.stringValue());
                else if (c === 0x6e)
                    this.scalarLiteral(); // null is ignored for strings
                else
                    this.mismatch(this.kindWord(c), field.goType, field.name);
                return;
            }
            case 'int64': {
                if (c === 0x6e) {
                    this.scalarLiteral();
                    return;
                }
                if (c !== 0x2d && !isDigit(c))
                    this.mismatch(this.kindWord(c), field.goType, field.name);
                const text = this.scalarLiteral();
                // strconv.ParseInt(s, 10, 64): no fraction, no exponent, within int64.
                if (!/^-?[0-9]+$/.test(text))
                    this.mismatch(`number ${text}`, field.goType, field.name);
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
                if (c !== 0x7b)
                    this.mismatch(this.kindWord(c), field.goType, field.name);
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
                    if (v === 0x22)
                        this.files.set(key, this.stringValue());
                    else if (v === 0x6e) {
                        this.scalarLiteral();
                        this.files.set(key, ''); // the zeroed element is stored
                    }
                    else
                        this.mismatch(this.kindWord(v), 'string', field.name);
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
                if (c !== 0x5b)
                    this.mismatch(this.kindWord(c), field.goType, field.name);
                const slice = this.rootUrls ?? { backing: [], len: 0 };
                this.pos++;
                let i = 0;
                if (this.peek() !== 0x5d) {
                    for (;;) {
                        if (i >= slice.backing.length) {
                            // Grow: a new backing array holds copies of [0, len) and zero values after.
                            const cap = grownCap(slice.backing.length, i + 1);
                            const grown = slice.backing.slice(0, slice.len);
                            while (grown.length < cap)
                                grown.push('');
                            slice.backing = grown;
                        }
                        if (i >= slice.len)
                            slice.len = i + 1;
                        const v = this.peek();
                        if (v === 0x22)
                            slice.backing[i] = this.stringValue();
                        else if (v === 0x6e)
                            this.scalarLiteral(); // null keeps whatever the element held
                        else
                            this.mismatch(this.kindWord(v), 'string', field.name);
                        i++;
                        if (this.peek() === 0x2c) {
                            this.pos++;
                            continue;
                        }
                        break;
                    }
                }
                this.pos++; // ']'
                if (i < slice.len)
                    slice.len = i;
                this.rootUrls = i === 0 ? { backing: [], len: 0 } : slice;
                return;
            }
        }
    }
}

;// CONCATENATED MODULE: ./lib/signature/manifest-json.js
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
 *
 * Ports Grafana's `pkg/plugins/manager/signature/manifest.go` (`PluginManifest`, `isV2`, `validateManifest`); the Go
 * `encoding/json` parts are ported file by file: `json-scanner.ts` (`scanner.go`, syntax) and `json-decode.ts`
 * (`decode.go`, decoding into the struct).
 */




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
function parseManifestJson(plaintext) {
    const syntax = goJsonSyntaxError(plaintext);
    if (syntax !== null)
        throw new errors/* ManifestFormatError */.RV(`Error parsing manifest JSON: ${syntax}`);
    const d = new ManifestDecoder(plaintext);
    try {
        d.decode();
    }
    catch (e) {
        if (e instanceof TypeMismatch)
            throw new errors/* ManifestFormatError */.RV(`Error parsing manifest JSON: ${e.message}`);
        throw e;
    }
    const s = (name) => d.strings.get(name) ?? '';
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
function isV2(m) {
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
function manifestFieldError(m) {
    const required = (field) => `valid manifest field ${field} is required`;
    if (m.plugin.length === 0)
        return required('plugin');
    if (m.version.length === 0)
        return required('version');
    if (m.keyId.length === 0)
        return required('keyId');
    if (m.time === 0)
        return required('time');
    if (m.files.size === 0)
        return required('files');
    if (isV2(m)) {
        if (m.signedByOrg.length === 0)
            return required('signedByOrg');
        if (m.signedByOrgName.length === 0)
            return required('signedByOrgName');
        if (!types/* SIGNATURE_TYPES */.x.includes(m.signatureType)) {
            return `${m.signatureType} is not a valid signature type`;
        }
    }
    return null;
}

// EXTERNAL MODULE: ./lib/signature/armor.js
var armor = __webpack_require__(897);
;// CONCATENATED MODULE: ./lib/signature/cleartext.js
/**
 * The cleartext-signed layer of MANIFEST.txt, decoded exactly as ProtonMail go-crypto `openpgp/clearsign`
 * `Decode` does it for Grafana (`pkg/plugins/manager/signature/manifest.go`: `block, _ := clearsign.Decode(body)`).
 */

const START = Buffer.from('\n-----BEGIN PGP SIGNED MESSAGE-----');
const END_TEXT = Buffer.from('-----BEGIN PGP SIGNATURE-----');
const END = Buffer.from('\n-----END PGP SIGNATURE-----');
/** At most this many `Hash:` header values are kept in {@link CleartextBlock.hashHeaders}. */
const MAX_HASH_HEADERS = 64;
/** go-crypto `getLine`: the line starting at `from` without `\n` or `\r\n`, and the index after its newline. */
function getLine(data, from) {
    let i = data.indexOf(0x0a, from);
    let j;
    if (i < 0) {
        i = data.length;
        j = i;
    }
    else {
        j = i + 1;
        if (i > from && data[i - 1] === 0x0d)
            i--;
    }
    return [data.subarray(from, i), j];
}
/** Go `strings.TrimSpace` for text already known to be printable ASCII (only spaces can be trimmed). */
function trimAsciiSpace(s) {
    return s.replace(/^ +| +$/g, '');
}
/**
 * Finds and decodes the first cleartext-signed message in `data`, as go-crypto `clearsign.Decode`.
 *
 * Rules (go-crypto `openpgp/clearsign/clearsign.go`):
 * - `-----BEGIN PGP SIGNED MESSAGE-----` at the very start, or else its first occurrence right after a `\n`;
 *   anything before is ignored. The marker must end its line (`\n`, `\r\n` or end of data): a suffix, even a
 *   space, fails, and so does a UTF-8 BOM before it (the BOM is neither the start nor a `\n`).
 * - header lines up to the first empty or white-space-only line (Go `strings.TrimSpace`, go-crypto >= 1.1.6): printable ASCII only (no tab, no control, no byte ≥ 0x80), each
 *   `Key: value`; only `Hash` (values split on `,`) and `SaltedHash` keys are allowed.
 * - message lines up to a line that is exactly `-----BEGIN PGP SIGNATURE-----`; lines end in `\n` or `\r\n`; a
 *   leading `- ` is removed; trailing spaces and tabs are dropped. An empty line at the very end of the data
 *   (no signature block) fails.
 * - the signature block runs to the first `\n-----END PGP SIGNATURE-----` plus any following `\r`/`\n`;
 *   it must pass go-crypto `armor.Decode` (see {@link decodeArmor}). Anything after it is ignored.
 *
 * @param data the whole MANIFEST.txt, byte for byte.
 * @returns the block, or `null` where go-crypto returns a nil block (Grafana then says "unable to decode manifest").
 *   Never throws.
 */
function decodeCleartext(data) {
    const buf = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
    let rest;
    if (buf.subarray(0, START.length - 1).equals(START.subarray(1))) {
        rest = START.length - 1;
    }
    else {
        const i = buf.indexOf(START);
        if (i < 0)
            return null;
        rest = i + START.length;
    }
    // The start line must have no suffix.
    let line;
    [line, rest] = getLine(buf, rest);
    if (line.length !== 0)
        return null;
    const hashHeaders = [];
    for (;;) {
        if (rest === buf.length)
            return null;
        [line, rest] = getLine(buf, rest);
        // go-crypto >= 1.1.6 tests `len(strings.TrimSpace(string(line))) == 0`: a line of spaces also ends the headers.
        if ((0,armor/* goTrimSpace */.hb)(line).length === 0)
            break;
        // Reject headers with control or non-ASCII characters (every byte >= 0x80 decodes to a rune > 0x7e).
        if (line.some((c) => c < 0x20 || c > 0x7e))
            return null;
        const colon = line.indexOf(0x3a);
        if (colon === -1)
            return null;
        const key = trimAsciiSpace(line.subarray(0, colon).toString('latin1'));
        const value = line.subarray(colon + 1).toString('latin1');
        if (key === 'Hash') {
            // Kept for information only (nothing compares them): a bounded number, so a huge header costs no memory.
            const room = MAX_HASH_HEADERS - hashHeaders.length;
            if (room > 0)
                for (const v of value.split(',', room))
                    hashHeaders.push(trimAsciiSpace(v));
        }
        else if (key !== 'SaltedHash') {
            return null;
        }
    }
    // Lines are copied into two buffers sized for the worst case (each kept line costs at most its bytes plus CRLF,
    // and takes at least its bytes plus LF of input), not collected as one Buffer view per line: a manifest of
    // millions of empty lines would otherwise cost hundreds of bytes of heap per input byte.
    const remaining = buf.length - rest;
    const signed = Buffer.allocUnsafe(2 * remaining + 2);
    const plain = Buffer.allocUnsafe(remaining + 1);
    let signedLength = 0;
    let plainLength = 0;
    let firstLine = true;
    for (;;) {
        const start = rest;
        let end = buf.indexOf(0x0a, start);
        if (end < 0) {
            end = buf.length;
            rest = end;
        }
        else {
            rest = end + 1;
            if (end > start && buf[end - 1] === 0x0d)
                end--;
        }
        if (end === start && rest === buf.length)
            return null; // no armored data: not a complete message
        if (end - start === END_TEXT.length && buf.compare(END_TEXT, 0, END_TEXT.length, start, end) === 0) {
            rest = start; // armor expects to see the header line
            break;
        }
        if (firstLine)
            firstLine = false;
        else {
            signed[signedLength++] = 0x0d;
            signed[signedLength++] = 0x0a;
        }
        let from = start;
        if (end - from >= 2 && buf[from] === 0x2d && buf[from + 1] === 0x20)
            from += 2;
        while (end > from && (buf[end - 1] === 0x20 || buf[end - 1] === 0x09))
            end--;
        signedLength += buf.copy(signed, signedLength, from, end);
        plainLength += buf.copy(plain, plainLength, from, end);
        plain[plainLength++] = 0x0a;
    }
    let i = buf.indexOf(END, rest);
    if (i === -1)
        return null;
    i += END.length;
    while (i < buf.length && (buf[i] === 0x0d || buf[i] === 0x0a))
        i++;
    const armoredSignature = Buffer.from(buf.subarray(rest, i));
    try {
        (0,armor/* decodeArmor */.u1)(armoredSignature);
    }
    catch {
        return null;
    }
    return {
        hashHeaders,
        plaintext: Buffer.from(plain.subarray(0, plainLength)),
        signedBytes: Buffer.from(signed.subarray(0, signedLength)),
        armoredSignature,
    };
}

;// CONCATENATED MODULE: ./lib/signature/read-manifest.js
/**
 * Grafana `ReadPluginManifest` (`pkg/plugins/manager/signature/manifest.go`) as one function: decode the cleartext
 * signature, parse the JSON, validate the fields, find the key for `keyId`, check the signature. The first failure
 * decides, with Grafana's words; every failure here makes Grafana's verdict `invalid` (docs/verification.md#order,
 * checks 4–7).
 */



/**
 * The error for a `keyId` no trusted key has. Grafana's key retrievers format it as
 * `fmt.Errorf("missing public key for %s", keyID)`; Grafana's words for check 7 (docs/verification.md#order) are
 * "missing public key for ID", which is kept so the ID is named as such: `missing public key for ID 7e4d0c6a708866e7`.
 */
function missingKeyMessage(keyId) {
    return `missing public key for ID ${keyId}`;
}
/**
 * Reads and verifies a MANIFEST.txt as Grafana's `ReadPluginManifest` does, in its order:
 *
 * 1. go-crypto `clearsign.Decode` → `unable to decode manifest` (step `decode`);
 * 2. Go `json.Unmarshal` into `PluginManifest` → `Error parsing manifest JSON: …` (step `json`);
 * 3. `validateManifest` field checks → `valid manifest field X is required` / `X is not a valid signature type`
 *    (step `fields`);
 * 4. key provider lookup of exactly `keyId` → `missing public key for ID <keyId>` (step `key`);
 * 5. go-crypto `CheckDetachedSignature` → `failed to check signature: …` (step `signature`; a key OpenPGP.js
 *    cannot read gives `failed to parse public key: …`, step `key`).
 *
 * The size check (files under 10 bytes are `unsigned`) and everything after the signature (manifest version,
 * plugin id and version, root URLs, file hashes) belong to the caller.
 *
 * @param bytes the MANIFEST.txt bytes, unchanged.
 * @param keys the trusted keys (Grafana's key provider).
 * @param now Grafana's clock for the signature's time checks (defaults to now).
 * @returns a {@link ManifestReading}; never throws for bad input.
 */
async function readPluginManifest(bytes, keys, now) {
    const block = decodeCleartext(bytes);
    if (block === null)
        return { ok: false, step: 'decode', message: 'unable to decode manifest' };
    let manifest;
    try {
        manifest = parseManifestJson(block.plaintext);
    }
    catch (e) {
        if (e instanceof errors/* ManifestFormatError */.RV)
            return { ok: false, step: 'json', message: e.message, block };
        throw e;
    }
    const fieldError = manifestFieldError(manifest);
    if (fieldError !== null)
        return { ok: false, step: 'fields', message: fieldError, manifest, block };
    const key = keys.get(manifest.keyId);
    if (!key)
        return { ok: false, step: 'key', message: missingKeyMessage(manifest.keyId), manifest, block };
    // Loaded only when a signature is checked: the module brings OpenPGP.js (see docs/performance.md).
    const { checkDetachedSignature } = await Promise.all(/* import() */[__webpack_require__.e(520), __webpack_require__.e(726)]).then(__webpack_require__.bind(__webpack_require__, 8726));
    const signature = await checkDetachedSignature(block, key, now);
    if (!signature.ok) {
        const message = signature.error ?? 'failed to check signature';
        const step = message.startsWith('failed to parse public key') ? 'key' : 'signature';
        return { ok: false, step, message, manifest, block };
    }
    return { ok: true, manifest, block, key, signature };
}

// EXTERNAL MODULE: ./lib/verify/findings.js
var verify_findings = __webpack_require__(3859);
// EXTERNAL MODULE: ./lib/verify/root-url.js
var root_url = __webpack_require__(9201);
;// CONCATENATED MODULE: ./lib/verify/grafana-build.js
/**
 * Notes for verdicts that differ between Grafana builds (issue 11): the status always stays the one current Grafana
 * gives; these `grafana-build` findings (information only) say which builds decide otherwise.
 */



/** go-crypto `nameToHash`: the `Hash:` header names it knows (openpgp/clearsign/clearsign.go). */
const GO_CRYPTO_HASH_NAMES = new Set(['SHA1', 'SHA224', 'SHA256', 'SHA384', 'SHA512', 'SHA3-256', 'SHA3-512']);
/**
 * A note when the cleartext `Hash:` headers name a hash go-crypto does not know: go-crypto >= 1.4 refuses such a
 * message ("unknown hash algorithm in cleartext message headers"), the go-crypto 1.1.6 of the Grafana release
 * docs/verification.md#cleartext follows never compares the header, which is the status given.
 *
 * @param hashHeaders the `Hash:` values as decoded (`CleartextBlock.hashHeaders`). @returns the note, or undefined.
 */
function hashHeaderNote(hashHeaders) {
    const unknown = hashHeaders.filter((h) => !GO_CRYPTO_HASH_NAMES.has(h));
    if (unknown.length === 0)
        return undefined;
    return (0,verify_findings/* finding */.gk)('grafana-build', `depends on the Grafana build: the cleartext header names an unknown hash (Hash: ${unknown.join(', ')}); ` +
        'Grafana with go-crypto 1.1.6 ignores it (the status given), builds with go-crypto 1.4 or later refuse the ' +
        'manifest as invalid; sign again to get "Hash: SHA512"', { check: 4, path: build/* MANIFEST_FILE */.h1, actual: unknown.join(', ') });
}
/**
 * A note for a manifest that is not version 2: current Grafana says `invalid` (the status given), only old Grafana
 * releases loaded v1 manifests (SHA-1 hashes, no `manifestVersion`).
 */
function manifestVersionNote(manifestVersion) {
    return (0,verify_findings/* finding */.gk)('grafana-build', `depends on the Grafana build: manifestVersion "${manifestVersion}" is a v1 manifest, which only old Grafana ` +
        'releases accepted; current Grafana says invalid (the status given); sign again for a 2.0.0 manifest', { check: 8, path: build/* MANIFEST_FILE */.h1, expected: '2.0.0', actual: manifestVersion });
}
/**
 * A note when a root URL (or the app URL) has a host with a `[` that does not start it: Grafana built with Go
 * 1.25.8 / 1.26.1 or later refuses to parse it (CVE-2026-25679; the status given), older builds parse it and
 * match or not as replayed by `legacyBracketHostMatch`.
 *
 * @returns the note, or undefined when no such host is involved.
 */
async function bracketHostNote(rootUrls, appUrl, signatureType) {
    const hosts = [...rootUrls, appUrl].filter(root_url/* hasMidBracketHost */.lL);
    if (hosts.length === 0)
        return undefined;
    const legacy = await (0,root_url/* legacyBracketHostMatch */.tK)(rootUrls, appUrl, signatureType);
    const older = legacy === undefined
        ? 'builds with older Go parse it and may decide otherwise'
        : `builds with older Go parse it and would ${legacy ? 'match' : 'still not match'} ${appUrl}`;
    return (0,verify_findings/* finding */.gk)('grafana-build', `depends on the Grafana build: ${hosts.join(', ')} has a "[" inside its host, which Go 1.25.8 / 1.26.1 and ` +
        `later refuse (CVE-2026-25679, the status given); ${older}; use a plain host name`, { check: 11, expected: rootUrls.join(', '), actual: appUrl });
}

;// CONCATENATED MODULE: ./lib/verify/verify.js
/**
 * Verifying a plugin folder like Grafana does, verdict for verdict (docs/verification.md#order), and saying why.
 *
 * Grafana stops at the first failing check; this runs every check it can so that the report names every
 * modified, missing and uncovered file, then takes the verdict from the first failing check, as Grafana does.
 */














/** Grafana's default `[server] root_url`. */
const DEFAULT_APP_URL = 'http://localhost:3000/';
/** MANIFEST.txt larger than this is not read (real ones are a few KiB; 1 MiB holds ~10,000 files). */
const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/**
 * Grafana `util.CleanRelativePath`: how Grafana's development-mode file system turns a manifest key into a file to
 * open. Production Grafana (what {@link verifyPlugin} reproduces) looks keys up exactly in its static file list, so
 * this is not used for the verdict; it is kept for tools that reason about dev mode. `../x` becomes `x`,
 * `./a` becomes `a`, `/etc/passwd` becomes `etc/passwd`, `a//b/./c` becomes `a/b/c`; the result can never leave
 * the plugin folder (Grafana `pkg/util`: `filepath.Rel("/", filepath.Clean(filepath.Join("/", path)))`; here
 * `path.posix.join('/', key)` without its trailing `/`, as Go's `Clean` drops it, then without the leading `/`).
 *
 * Backslashes are not separators (`a\b` stays one name) and NUL bytes are kept, so
 * such keys match no file. Linear in the key's length; never touches the file system.
 *
 * @param key manifest `files` key as written. @returns a posix path relative to the plugin root (`.` for "").
 */
function cleanRelativePath(key) {
    const joined = path.posix.join('/', key);
    // Go's Clean drops a trailing slash; Node's join keeps one.
    const cleaned = joined.length > 1 && joined.endsWith('/') ? joined.slice(0, -1) : joined;
    return cleaned === '/' ? '.' : cleaned.slice(1);
}
/**
 * Verifies one plugin folder as Grafana would when loading it.
 *
 * @param pluginDir plugin root (the folder holding plugin.json and MANIFEST.txt).
 * @param options keys, app URLs, optional manifest bytes and clock (see {@link VerifyOptions}).
 * @returns the verdict (Grafana's status), the deciding reason, and every finding.
 * @throws PluginError when `pluginDir` does not exist or is not a readable folder.
 */
async function verifyPlugin(pluginDir, options) {
    const findings = [];
    let walk;
    try {
        walk = await (0,manifest_walk/* walkPluginFiles */.I)(pluginDir, { keepOpen: true });
    }
    catch (error) {
        const code = error.code;
        throw new errors/* PluginError */.cZ(code === 'ENOENT'
            ? `plugin folder ${pluginDir} does not exist: point dist/PATH at the built plugin (the folder with plugin.json)`
            : `plugin folder ${pluginDir} cannot be read: ${code ?? error.message}`, { cause: error });
    }
    const root = walk.root;
    for (const problem of walk.problems) {
        findings.push((0,verify_findings/* finding */.gk)('unsafe-entry', `${problem.path}: ${problem.message}`, { path: problem.path }));
    }
    const pluginJson = await (0,plugin_json/* readPluginJson */.k)(root);
    if (pluginJson.error)
        findings.push((0,verify_findings/* finding */.gk)('plugin-json', pluginJson.error, { path: 'plugin.json' }));
    const onDisk = new Map(walk.files.map((f) => [f.path, f]));
    const pluginFiles = walk.files.filter((f) => f.path !== build/* MANIFEST_FILE */.h1);
    const result = {
        status: 'valid',
        headline: '',
        reason: '',
        pluginDir: root,
        plugin: { id: pluginJson.id, version: pluginJson.version, type: pluginJson.type },
        findings,
        rootUrlChecks: [],
        filesCount: pluginFiles.length + walk.nonUtf8.length,
    };
    // The walk stays open until the hints have read what they need: files are opened through its pinned folders.
    let verdict;
    try {
        let hashes;
        const bytes = options.manifestBytes ?? (await readManifestFile(root, onDisk, findings));
        if (bytes) {
            // Hash the files while the manifest is decoded and its signature checked (on every core for big plugins):
            // what the manifest lists is known only after decoding, but every listed file that exists is a walked file.
            const diskHashes = hashWalkedFiles(walk.files);
            await checkManifest(bytes, result, pluginJson, onDisk, pluginFiles, options, diskHashes);
            hashes = await diskHashes; // never leave hashing running when decoding failed early
        }
        // 13, for names that are not UTF-8: no manifest key can equal them (Grafana compares raw bytes).
        if (result.manifest) {
            for (const file of walk.nonUtf8) {
                findings.push((0,verify_findings/* finding */.gk)('file-not-covered', `The following files were not included in the signature: ${file.path} (${build/* NON_UTF8_REASON */.xn})`, { path: file.path }));
            }
        }
        verdict = (0,verify_findings/* decideStatus */.x7)(findings);
        if (verdict.status !== 'valid') {
            // Proven causes, after the verdict (they never change it); a valid plugin pays nothing, not even loading them.
            const { addHints } = await __webpack_require__.e(/* import() */ 124).then(__webpack_require__.bind(__webpack_require__, 3124));
            await addHints(findings, {
                manifest: result.manifest,
                plugin: pluginJson,
                onDisk,
                hashes,
                rootUrlChecks: result.rootUrlChecks,
                publishedKeyIds: options.keys.publishedKeyIds(),
            });
        }
    }
    finally {
        walk.close();
    }
    const { status, decisive } = verdict;
    result.status = status;
    result.reason = decisive?.message ?? '';
    result.headline = (0,verify_findings/* grafanaLogLine */.zN)(status, pluginJson.id || result.manifest?.plugin || external_node_path_.basename(root));
    return result;
}
/** Checks 1–3: the MANIFEST.txt file itself. Returns its bytes, or undefined with a finding. */
async function readManifestFile(root, onDisk, findings) {
    const entry = onDisk.get(build/* MANIFEST_FILE */.h1);
    if (!entry) {
        findings.push((0,verify_findings/* finding */.gk)('manifest-missing', 'plugin is unsigned: could not find a MANIFEST.txt', { path: build/* MANIFEST_FILE */.h1 }));
        return undefined;
    }
    if (entry.size !== undefined && entry.size > MAX_MANIFEST_BYTES) {
        findings.push((0,verify_findings/* finding */.gk)('manifest-unreadable', `could not open MANIFEST.txt: ${entry.size} bytes is not a plugin manifest`, {
            path: build/* MANIFEST_FILE */.h1,
        }));
        return undefined;
    }
    let bytes;
    try {
        bytes = await readWalkedFile(root, entry, MAX_MANIFEST_BYTES);
    }
    catch (error) {
        const code = error.code ?? String(error);
        const why = {
            EFBIG: `more than ${MAX_MANIFEST_BYTES} bytes is not a plugin manifest`,
            EFTYPE: 'not a regular file',
            EXDEV: 'it resolves outside the plugin folder',
            ECHANGED: 'it changed while being read',
        }[code] ?? code;
        findings.push((0,verify_findings/* finding */.gk)('manifest-unreadable', `could not open MANIFEST.txt: ${why}`, { path: build/* MANIFEST_FILE */.h1 }));
        return undefined;
    }
    if (bytes.length < 10) {
        findings.push((0,verify_findings/* finding */.gk)('manifest-too-short', `MANIFEST.txt is invalid: ${bytes.length} bytes, a signed manifest has more`, {
            path: build/* MANIFEST_FILE */.h1,
        }));
        return undefined;
    }
    return bytes;
}
/**
 * Reads a file the walk listed (its resolved `absolutePath`, checked to be inside `root`), at most `max` bytes, so
 * that a file swapped since the walk cannot make it read elsewhere, block or exhaust memory: the open does not
 * follow a link (`O_NOFOLLOW`) nor wait on a FIFO (`O_NONBLOCK`), and what was opened must be a regular file.
 *
 * @throws Error with `code`: the `fs` error of a failed open or read, or (code as message) `EXDEV` when the path is
 *   outside `root`, `EFTYPE` when it is not a regular file, `EFBIG` when it holds more than `max` bytes, `ECHANGED`
 *   when it grew while being read.
 */
async function readWalkedFile(root, entry, max) {
    const fail = (code) => {
        throw Object.assign(new Error(code), { code });
    };
    const rel = external_node_path_.relative(root, entry.absolutePath);
    if (rel === '' || rel === '..' || rel.startsWith('..' + external_node_path_.sep) || external_node_path_.isAbsolute(rel))
        fail('EXDEV');
    const handle = await (0,promises_.open)(entry.openPath, external_node_fs_.constants.O_RDONLY | external_node_fs_.constants.O_NOFOLLOW | external_node_fs_.constants.O_NONBLOCK);
    try {
        const info = await handle.stat();
        if (!info.isFile())
            fail('EFTYPE');
        if (info.size > max)
            fail('EFBIG');
        const buffer = Buffer.alloc(info.size + 1);
        const length = await (0,read_bounded/* readToFill */.Pv)(handle, buffer);
        if (length > max)
            fail('EFBIG');
        if (length > info.size)
            fail('ECHANGED');
        return buffer.subarray(0, length);
    }
    finally {
        await handle.close();
    }
}
/** Checks 4–13 on decoded manifest bytes. */
async function checkManifest(bytes, result, pluginJson, onDisk, pluginFiles, options, diskHashes) {
    const findings = result.findings;
    const reading = await readPluginManifest(bytes, options.keys, options.now);
    if (!reading.ok) {
        const kind = {
            decode: 'manifest-undecodable',
            json: 'manifest-json',
            fields: 'manifest-field',
            key: 'public-key-missing',
            signature: 'signature',
        }[reading.step];
        findings.push((0,verify_findings/* finding */.gk)(kind, reading.message, { path: build/* MANIFEST_FILE */.h1 }));
    }
    else {
        result.key = { keyId: reading.key.keyId, source: reading.key.source, label: reading.key.label };
        if (reading.signature.created)
            result.signedAt = reading.signature.created.toISOString();
    }
    const headerNote = reading.block && hashHeaderNote(reading.block.hashHeaders);
    if (headerNote)
        findings.push(headerNote);
    const manifest = reading.manifest;
    if (!manifest)
        return;
    result.manifest = manifest;
    // 8. manifestVersion 2.x
    if (!isV2(manifest)) {
        findings.push((0,verify_findings/* finding */.gk)('manifest-version', `manifestVersion "${manifest.manifestVersion}" is not 2.x: Grafana rejects v1 manifests; sign the plugin again`, { path: build/* MANIFEST_FILE */.h1, expected: '2.0.0', actual: manifest.manifestVersion }), manifestVersionNote(manifest.manifestVersion));
    }
    // 9. at least one file in the folder (the manifest counts, as in Grafana's FS listing).
    if (onDisk.size === 0) {
        findings.push((0,verify_findings/* finding */.gk)('no-files', 'No plugin file information in directory'));
    }
    // 10. id and version, raw case-sensitive strings.
    if (manifest.plugin !== pluginJson.id) {
        findings.push((0,verify_findings/* finding */.gk)('plugin-id-mismatch', `manifest plugin "${manifest.plugin}" does not match plugin.json id "${pluginJson.id}"`, { path: 'plugin.json', expected: manifest.plugin, actual: pluginJson.id }));
    }
    if (manifest.version !== pluginJson.version) {
        findings.push((0,verify_findings/* finding */.gk)('plugin-version-mismatch', `manifest version "${manifest.version}" does not match plugin.json info.version "${pluginJson.version}"`, { path: 'plugin.json', expected: manifest.version, actual: pluginJson.version }));
    }
    // 11. root URLs against each app URL.
    await checkRootUrls(manifest, result, options);
    // 12. every listed file exists and hashes to the listed value.
    await checkHashes(manifest, onDisk, findings, diskHashes);
    // 13. every file is listed.
    for (const file of pluginFiles) {
        if (!manifest.files.has(file.path)) {
            findings.push((0,verify_findings/* finding */.gk)('file-not-covered', `The following files were not included in the signature: ${file.path}`, {
                path: file.path,
            }));
        }
    }
}
async function checkRootUrls(manifest, result, options) {
    if (manifest.rootUrls.length === 0)
        return;
    const appUrls = options.appUrls === undefined ? [DEFAULT_APP_URL] : (options.appUrls ?? []);
    if (appUrls.length === 0) {
        result.findings.push((0,verify_findings/* finding */.gk)('root-url-unchecked', `root URLs not checked: the manifest restricts the plugin to ${manifest.rootUrls.join(', ')}; ` +
            'give the app URLs of your Grafana instances to check them', { expected: manifest.rootUrls.join(', ') }));
        return;
    }
    for (const raw of appUrls) {
        const appUrl = (0,root_url/* normalizeAppUrl */.gZ)(raw);
        const match = await (0,root_url/* urlMatch */.hn)(manifest.rootUrls, appUrl, manifest.signatureType);
        result.rootUrlChecks.push({ appUrl, matched: match.matched, attempts: match.attempts, error: match.error });
        const buildNote = match.matched
            ? undefined
            : await bracketHostNote(manifest.rootUrls, appUrl, manifest.signatureType);
        if (match.error) {
            result.findings.push((0,verify_findings/* finding */.gk)('root-url-error', `Could not verify if root URLs match: ${match.error}; Grafana refuses to load the plugin`, {
                expected: manifest.rootUrls.join(', '),
                actual: appUrl,
            }));
        }
        else if (!match.matched) {
            const tried = match.attempts.map((a) => `${a.rootUrl} (${a.reason})`).join('; ');
            result.findings.push((0,verify_findings/* finding */.gk)('root-url-mismatch', `Could not find root URL that matches running application URL ${appUrl}: tried ${tried}`, { expected: manifest.rootUrls.join(', '), actual: appUrl }));
        }
        if (buildNote)
            result.findings.push(buildNote);
    }
}
/**
 * After this many ms of hashing, `verify` starts its hashing workers whatever the bytes seen: its main thread spends
 * the next ~100 ms loading `openpgp` and decoding the manifest, so the workers' start-up is hidden there. A small
 * plugin is hashed before that.
 */
const WORKER_AFTER_MS = 10;
/** SHA-256 of every walked file, by plugin-relative path (`hashFiles`: every core for big plugins). */
async function hashWalkedFiles(files) {
    const outcomes = await (0,hash/* hashFiles */.yQ)(files, { workerAfterMs: WORKER_AFTER_MS });
    return new Map(files.map((f, i) => [f.path, outcomes[i]]));
}
async function checkHashes(manifest, onDisk, findings, diskHashes) {
    const hashes = await diskHashes;
    const outcomes = [...manifest.files.entries()].map(([key, expected]) => {
        // Production Grafana opens a listed file through its static file list, an exact string lookup: `./a` is not `a`.
        const file = onDisk.get(key);
        if (!file)
            return { key, expected, missing: true };
        const hash = hashes.get(file.path);
        return hash.ok ? { key, expected, actual: hash.sha256 } : { key, expected, unreadable: hash.code };
    });
    for (const o of outcomes) {
        if ('missing' in o) {
            findings.push((0,verify_findings/* finding */.gk)('file-missing', `Plugin file listed in the manifest was not found: ${o.key}`, {
                path: o.key,
                expected: o.expected,
            }));
        }
        else if ('unreadable' in o) {
            findings.push((0,verify_findings/* finding */.gk)('file-missing', `Plugin file listed in the manifest could not be read (${o.unreadable}): ${o.key}`, {
                path: o.key,
                expected: o.expected,
            }));
        }
        else if (o.actual !== o.expected) {
            findings.push((0,verify_findings/* finding */.gk)('file-modified', `Plugin file checksum does not match signature checksum: ${o.key}`, {
                path: o.key,
                expected: o.expected,
                actual: o.actual,
            }));
        }
    }
}


/***/ })

};
