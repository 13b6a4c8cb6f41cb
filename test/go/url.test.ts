import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanPath } from '../../src/go/path.js';
import { goQuote } from '../../src/go/quote.js';
import { escapedPath, GoURLError, parseGoURL, requestURI, type GoURL } from '../../src/go/url.js';

const EMPTY: GoURL = {
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

/** The error `parseGoURL(input)` throws, or a failure when it throws none. */
function parseError(input: string, strictColons = true): GoURLError {
  try {
    parseGoURL(input, { strictColons });
  } catch (e) {
    if (e instanceof GoURLError) return e;
    throw e;
  }
  throw new Error(`parseGoURL(${JSON.stringify(input)}) did not throw`);
}

// Every entry of `urltests` in Go's src/net/url/url_test.go whose result Go 1.26 did not change: the input, the
// fields Go expects that are not empty (`User` is given here as the raw userinfo this port keeps), and RequestURI().
const urltests: [string, Partial<GoURL>, string][] = [
  ['http://www.google.com', { scheme: 'http', host: 'www.google.com' }, '/'],
  ['http://www.google.com/', { scheme: 'http', host: 'www.google.com', path: '/' }, '/'],
  [
    'http://www.google.com/file%20one%26two',
    { scheme: 'http', host: 'www.google.com', path: '/file one&two', rawPath: '/file%20one%26two' },
    '/file%20one%26two',
  ],
  [
    'http://www.google.com/#file%20one%26two',
    { scheme: 'http', host: 'www.google.com', path: '/', fragment: 'file one&two', rawFragment: 'file%20one%26two' },
    '/',
  ],
  ['ftp://webmaster@www.google.com/', { scheme: 'ftp', host: 'www.google.com', path: '/', user: 'webmaster' }, '/'],
  ['ftp://john%20doe@www.google.com/', { scheme: 'ftp', host: 'www.google.com', path: '/', user: 'john%20doe' }, '/'],
  ['http://www.google.com/?', { scheme: 'http', host: 'www.google.com', path: '/', forceQuery: true }, '/?'],
  [
    'http://www.google.com/?foo=bar?',
    { scheme: 'http', host: 'www.google.com', path: '/', rawQuery: 'foo=bar?' },
    '/?foo=bar?',
  ],
  [
    'http://www.google.com/?q=go+language',
    { scheme: 'http', host: 'www.google.com', path: '/', rawQuery: 'q=go+language' },
    '/?q=go+language',
  ],
  [
    'http://www.google.com/?q=go%20language',
    { scheme: 'http', host: 'www.google.com', path: '/', rawQuery: 'q=go%20language' },
    '/?q=go%20language',
  ],
  [
    'http://www.google.com/a%20b?q=c+d',
    { scheme: 'http', host: 'www.google.com', path: '/a b', rawQuery: 'q=c+d' },
    '/a%20b?q=c+d',
  ],
  [
    'http:www.google.com/?q=go+language',
    { scheme: 'http', opaque: 'www.google.com/', rawQuery: 'q=go+language' },
    'www.google.com/?q=go+language',
  ],
  [
    'http:%2f%2fwww.google.com/?q=go+language',
    { scheme: 'http', opaque: '%2f%2fwww.google.com/', rawQuery: 'q=go+language' },
    '%2f%2fwww.google.com/?q=go+language',
  ],
  [
    'mailto:/webmaster@golang.org',
    { scheme: 'mailto', path: '/webmaster@golang.org', omitHost: true },
    '/webmaster@golang.org',
  ],
  ['mailto:webmaster@golang.org', { scheme: 'mailto', opaque: 'webmaster@golang.org' }, 'webmaster@golang.org'],
  ['/foo?query=http://bad', { path: '/foo', rawQuery: 'query=http://bad' }, '/foo?query=http://bad'],
  ['//foo', { host: 'foo' }, '/'],
  ['//user@foo/path?a=b', { host: 'foo', path: '/path', rawQuery: 'a=b', user: 'user' }, '/path?a=b'],
  ['///threeslashes', { path: '///threeslashes' }, '///threeslashes'],
  ['http://user:password@google.com', { scheme: 'http', host: 'google.com', user: 'user:password' }, '/'],
  ['http://j@ne:password@google.com', { scheme: 'http', host: 'google.com', user: 'j@ne:password' }, '/'],
  ['http://jane:p@ssword@google.com', { scheme: 'http', host: 'google.com', user: 'jane:p@ssword' }, '/'],
  [
    'http://j@ne:password@google.com/p@th?q=@go',
    { scheme: 'http', host: 'google.com', path: '/p@th', rawQuery: 'q=@go', user: 'j@ne:password' },
    '/p@th?q=@go',
  ],
  [
    'http://www.google.com/?q=go+language#foo',
    { scheme: 'http', host: 'www.google.com', path: '/', rawQuery: 'q=go+language', fragment: 'foo' },
    '/?q=go+language',
  ],
  [
    'http://www.google.com/?q=go+language#foo&bar',
    { scheme: 'http', host: 'www.google.com', path: '/', rawQuery: 'q=go+language', fragment: 'foo&bar' },
    '/?q=go+language',
  ],
  [
    'http://www.google.com/?q=go+language#foo%26bar',
    {
      scheme: 'http',
      host: 'www.google.com',
      path: '/',
      rawQuery: 'q=go+language',
      fragment: 'foo&bar',
      rawFragment: 'foo%26bar',
    },
    '/?q=go+language',
  ],
  ['file:///home/adg/rabbits', { scheme: 'file', path: '/home/adg/rabbits' }, '/home/adg/rabbits'],
  ['file:///C:/FooBar/Baz.txt', { scheme: 'file', path: '/C:/FooBar/Baz.txt' }, '/C:/FooBar/Baz.txt'],
  ['MaIlTo:webmaster@golang.org', { scheme: 'mailto', opaque: 'webmaster@golang.org' }, 'webmaster@golang.org'],
  ['a/b/c', { path: 'a/b/c' }, 'a/b/c'],
  ['http://%3Fam:pa%3Fsword@google.com', { scheme: 'http', host: 'google.com', user: '%3Fam:pa%3Fsword' }, '/'],
  ['http://192.168.0.1/', { scheme: 'http', host: '192.168.0.1', path: '/' }, '/'],
  ['http://192.168.0.1:8080/', { scheme: 'http', host: '192.168.0.1:8080', path: '/' }, '/'],
  ['http://[fe80::1]/', { scheme: 'http', host: '[fe80::1]', path: '/' }, '/'],
  ['http://[fe80::1]:8080/', { scheme: 'http', host: '[fe80::1]:8080', path: '/' }, '/'],
  ['http://[fe80::1%25en0]/', { scheme: 'http', host: '[fe80::1%en0]', path: '/' }, '/'],
  ['http://[fe80::1%25en0]:8080/', { scheme: 'http', host: '[fe80::1%en0]:8080', path: '/' }, '/'],
  ['http://[fe80::1%25%65%6e%301-._~]/', { scheme: 'http', host: '[fe80::1%en01-._~]', path: '/' }, '/'],
  ['http://[fe80::1%25%65%6e%301-._~]:8080/', { scheme: 'http', host: '[fe80::1%en01-._~]:8080', path: '/' }, '/'],
  [
    'http://rest.rsc.io/foo%2fbar/baz%2Fquux?alt=media',
    {
      scheme: 'http',
      host: 'rest.rsc.io',
      path: '/foo/bar/baz/quux',
      rawPath: '/foo%2fbar/baz%2Fquux',
      rawQuery: 'alt=media',
    },
    '/foo%2fbar/baz%2Fquux?alt=media',
  ],
  ['mysql://a,b,c/bar', { scheme: 'mysql', host: 'a,b,c', path: '/bar' }, '/bar'],
  ["scheme://!$&'()*+,;=hello!:1/path", { scheme: 'scheme', host: "!$&'()*+,;=hello!:1", path: '/path' }, '/path'],
  [
    "http://host/!$&'()*+,;=:@[hello]",
    { scheme: 'http', host: 'host', path: "/!$&'()*+,;=:@[hello]", rawPath: "/!$&'()*+,;=:@[hello]" },
    "/!$&'()*+,;=:@[hello]",
  ],
  [
    'http://example.com/oid/[order_id]',
    { scheme: 'http', host: 'example.com', path: '/oid/[order_id]', rawPath: '/oid/[order_id]' },
    '/oid/[order_id]',
  ],
  ['http://192.168.0.2:8080/foo', { scheme: 'http', host: '192.168.0.2:8080', path: '/foo' }, '/foo'],
  ['http://192.168.0.2:/foo', { scheme: 'http', host: '192.168.0.2:', path: '/foo' }, '/foo'],
  [
    'http://[2b01:e34:ef40:7730:8e70:5aff:fefe:edac]:8080/foo',
    { scheme: 'http', host: '[2b01:e34:ef40:7730:8e70:5aff:fefe:edac]:8080', path: '/foo' },
    '/foo',
  ],
  [
    'http://[2b01:e34:ef40:7730:8e70:5aff:fefe:edac]:/foo',
    { scheme: 'http', host: '[2b01:e34:ef40:7730:8e70:5aff:fefe:edac]:', path: '/foo' },
    '/foo',
  ],
  ['http://hello.世界.com/foo', { scheme: 'http', host: 'hello.世界.com', path: '/foo' }, '/foo'],
  ['http://hello.%e4%b8%96%e7%95%8c.com/foo', { scheme: 'http', host: 'hello.世界.com', path: '/foo' }, '/foo'],
  ['http://hello.%E4%B8%96%E7%95%8C.com/foo', { scheme: 'http', host: 'hello.世界.com', path: '/foo' }, '/foo'],
  ['http://example.com//foo', { scheme: 'http', host: 'example.com', path: '//foo' }, '//foo'],
  ['myscheme://authority<"hi">/foo', { scheme: 'myscheme', host: 'authority<"hi">', path: '/foo' }, '/foo'],
  [
    'tcp://[2020::2020:20:2020:2020%25Windows%20Loves%20Spaces]:2020',
    { scheme: 'tcp', host: '[2020::2020:20:2020:2020%Windows Loves Spaces]:2020' },
    '/',
  ],
  [
    'magnet:?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn',
    { scheme: 'magnet', rawQuery: 'xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn' },
    '/?xt=urn:btih:c12fe1c06bba254a9dc9f519b335aa7c1367a88a&dn',
  ],
  ['mailto:?subject=hi', { scheme: 'mailto', rawQuery: 'subject=hi' }, '/?subject=hi'],
];

describe('parseGoURL: Go url_test.go urltests', () => {
  it.each(urltests)('%s', (input, want, wantRequestURI) => {
    const u = parseGoURL(input);
    expect(u).toEqual({ ...EMPTY, ...want });
    expect(requestURI(u)).toBe(wantRequestURI);
  });
});

// Go's TestParseErrors, TestInvalidUserPassword, TestRejectControlCharacters and parseRequestURLTests inputs, with
// the message Go prints (`err.Error()` of the *url.Error).
const parseErrors: [string, string][] = [
  ['http://[::1]:namedport', 'parse "http://[::1]:namedport": invalid port ":namedport" after host'],
  ['http://x:namedport', 'parse "http://x:namedport": invalid port ":namedport" after host'],
  ['http://[::1]a', 'parse "http://[::1]a": invalid port "a" after host'],
  ['http://[::1]%23', 'parse "http://[::1]%23": invalid port "%23" after host'],
  ['http://[::1]:%38%30', 'parse "http://[::1]:%38%30": invalid port ":%38%30" after host'],
  ['http://[%10::1]', 'parse "http://[%10::1]": invalid URL escape "%10"'],
  ['http://%41:8080/', 'parse "http://%41:8080/": invalid URL escape "%41"'],
  ['mysql://x@y(z:123)/foo', 'parse "mysql://x@y(z:123)/foo": invalid port ":123)" after host'],
  ['mysql://x@y(1.2.3.4:123)/foo', 'parse "mysql://x@y(1.2.3.4:123)/foo": invalid port ":123)" after host'],
  [' http://foo.com', 'parse " http://foo.com": first path segment in URL cannot contain colon'],
  ['ht tp://foo.com', 'parse "ht tp://foo.com": first path segment in URL cannot contain colon'],
  ['1http://foo.com', 'parse "1http://foo.com": first path segment in URL cannot contain colon'],
  [
    'http://[]%20%48%54%54%50%2f%31%2e%31%0a%4d%79%48%65%61%64%65%72%3a%20%31%32%33%0a%0a/',
    'parse "http://[]%20%48%54%54%50%2f%31%2e%31%0a%4d%79%48%65%61%64%65%72%3a%20%31%32%33%0a%0a/": ' +
      'invalid port "%20%48%54%54%50%2f%31%2e%31%0a%4d%79%48%65%61%64%65%72%3a%20%31%32%33%0a%0a" after host',
  ],
  ['http://a b.com/', 'parse "http://a b.com/": invalid character " " in host name'],
  ['cache_object://foo', 'parse "cache_object://foo": first path segment in URL cannot contain colon'],
  ['cache_object:foo', 'parse "cache_object:foo": first path segment in URL cannot contain colon'],
  ['cache_object:foo/bar', 'parse "cache_object:foo/bar": first path segment in URL cannot contain colon'],
  ['http://user^:passwo^rd@foo.com/', 'parse "http://user^:passwo^rd@foo.com/": net/url: invalid userinfo'],
  ['http://foo.com/?foo\nbar', 'parse "http://foo.com/?foo\\nbar": net/url: invalid control character in URL'],
  ['http\r://foo.com/', 'parse "http\\r://foo.com/": net/url: invalid control character in URL'],
  ['http://foo\x7f.com/', 'parse "http://foo\\x7f.com/": net/url: invalid control character in URL'],
  ['http://192.168.0.%31/', 'parse "http://192.168.0.%31/": invalid URL escape "%31"'],
  ['http://[fe80::%31]/', 'parse "http://[fe80::%31]/": invalid URL escape "%31"'],
  ['http://[fe80::1%en0]/', 'parse "http://[fe80::1%en0]/": invalid URL escape "%en"'],
  ['://x', 'parse "://x": missing protocol scheme'],
  ['http://example.com/%zz', 'parse "http://example.com/%zz": invalid URL escape "%zz"'],
  ['http://example.com/%zé', 'parse "http://example.com/%zé": invalid URL escape "%z\\xc3"'],
  ['http://example.com/%', 'parse "http://example.com/%": invalid URL escape "%"'],
  ['http://ex%ample.com/', 'parse "http://ex%ample.com/": invalid URL escape "%am"'],
  // A bad fragment is reported with the whole URL, any other error with the URL cut at '#'.
  ['http://x/#%zz', 'parse "http://x/#%zz": invalid URL escape "%zz"'],
  ['http://x/#a%2', 'parse "http://x/#a%2": invalid URL escape "%2"'],
  ['http://a b/#frag', 'parse "http://a b/": invalid character " " in host name'],
];

describe('parseGoURL: errors read like Go', () => {
  it.each(parseErrors)('%j', (input, message) => {
    const e = parseError(input);
    expect(e.message).toBe(message);
    expect(e.op).toBe('parse');
  });

  it('keeps the URL and the inner reason apart', () => {
    const e = parseError('http://a b.com/#x');
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe('GoURLError');
    expect(e.url).toBe('http://a b.com/');
    expect(e.reason).toBe('invalid character " " in host name');
  });

  // TestParseErrors' inputs that Go accepts.
  it.each([
    ['http://[::1]', '[::1]'],
    ['http://[::1]:80', '[::1]:80'],
    ['http://[::1]/', '[::1]'],
    ['http://[::1%25en0]', '[::1%en0]'],
    ['http://[::1]:', '[::1]:'],
    ['http://x:', 'x:'],
    ['http://[::1%25%41]', '[::1%A]'],
    ['http://[::1]/%48', '[::1]'],
    ['ahttp://foo.com', 'foo.com'],
    ['cache_object/:foo/bar', ''],
    ['http://exa%C3%A9mple.com/', 'exaémple.com'],
  ])('accepts %s (host %j)', (input, host) => {
    expect(parseGoURL(input).host).toBe(host);
  });
});

// Go 1.26 (CVE-2025-47912, CVE-2026-25679): brackets hold an IPv6 address and start the host. From Go's
// TestParseErrors.
describe('parseGoURL: IP literals (Go 1.26)', () => {
  it.each([
    ['http://[192.168.0.1]/', 'parse "http://[192.168.0.1]/": invalid IP-literal'],
    ['http://[192.168.0.1]:8080/', 'parse "http://[192.168.0.1]:8080/": invalid IP-literal'],
    [
      'http://[::ffff:192.168.0.1000]/',
      'parse "http://[::ffff:192.168.0.1000]/": invalid host: ParseAddr("::ffff:192.168.0.1000"): IPv4 field has value >255',
    ],
    ['http://[not-an-ip]/', 'parse "http://[not-an-ip]/": invalid host: ParseAddr("not-an-ip"): unable to parse IP'],
    ['http://[fe80::1%foo]/', 'parse "http://[fe80::1%foo]/": invalid URL escape "%fo"'],
    ['http://[fe80::1', `parse "http://[fe80::1": missing ']' in host`],
    ['http://fe80::1]/', 'parse "http://fe80::1]/": invalid port "::1]" after host'],
    [
      'http://[test.com]/',
      'parse "http://[test.com]/": invalid host: ParseAddr("test.com"): unexpected character (at "test.com")',
    ],
    ['http://example.com[::1]', 'parse "http://example.com[::1]": invalid IP-literal'],
    ['http://example.com[::1', 'parse "http://example.com[::1": invalid IP-literal'],
    ['http://[::1', `parse "http://[::1": missing ']' in host`],
    ['http://.[::1]', 'parse "http://.[::1]": invalid IP-literal'],
    ['http:// [::1]', 'parse "http:// [::1]": invalid IP-literal'],
    ['hxxp://mathepqo[.]serveftp(.)com:9059', 'parse "hxxp://mathepqo[.]serveftp(.)com:9059": invalid IP-literal'],
    [
      'http://[1:2:3:4:5:6:7:8:9]/',
      'parse "http://[1:2:3:4:5:6:7:8:9]/": invalid host: ParseAddr("1:2:3:4:5:6:7:8:9"): trailing garbage after address (at "9")',
    ],
    [
      'http://[12345::1]/',
      'parse "http://[12345::1]/": invalid host: ParseAddr("12345::1"): each group must have 4 or less digits (at "12345::1")',
    ],
    [
      'http://[1::2::3]/',
      'parse "http://[1::2::3]/": invalid host: ParseAddr("1::2::3"): multiple :: in address (at ":3")',
    ],
    ['http://[1:2]/', 'parse "http://[1:2]/": invalid host: ParseAddr("1:2"): address string too short'],
    ['http://[%25en0]/', 'parse "http://[%25en0]/": invalid host: ParseAddr("%en0"): missing IPv6 address'],
  ])('rejects %s', (input, message) => {
    expect(parseError(input).message).toBe(message);
  });

  it.each([
    ['http://[::ffff:192.168.0.1]/', '[::ffff:192.168.0.1]'],
    ['http://[::ffff:192.168.0.1]:8080/', '[::ffff:192.168.0.1]:8080'],
    ['http://[::ffff:c0a8:1]/', '[::ffff:c0a8:1]'],
    ['http://[2001:db8::1]:3000/', '[2001:db8::1]:3000'],
    ['http://[::]/', '[::]'],
  ])('accepts %s', (input, host) => {
    expect(parseGoURL(input).host).toBe(host);
  });
});

// Go 1.26's urlstrictcolons: for http and https the port starts at the first colon.
describe('parseGoURL: colons in the host', () => {
  it('rejects a second colon in an http(s) host by default (Go 1.26)', () => {
    expect(parseError('http://localhost:80:80/').message).toBe(
      'parse "http://localhost:80:80/": invalid port ":80:80" after host',
    );
    expect(parseError('https://::1/').message).toBe('parse "https://::1/": invalid port "::1" after host');
    expect(parseError('http://2b01:e34:ef40:7730:8e70:5aff:fefe:edac:8080/foo').message).toBe(
      'parse "http://2b01:e34:ef40:7730:8e70:5aff:fefe:edac:8080/foo": ' +
        'invalid port ":e34:ef40:7730:8e70:5aff:fefe:edac:8080" after host',
    );
  });

  it('keeps the last-colon rule for other schemes', () => {
    expect(parseGoURL('mysql://a:1:2/db').host).toBe('a:1:2');
    expect(parseError('mysql://a:1:x/db').message).toBe('parse "mysql://a:1:x/db": invalid port ":x" after host');
  });

  // Go url_test.go "Malformed IPv6 but still accepted" entries, as Go ≤ 1.25 (and urlstrictcolons=0) parse them.
  it('accepts them with strictColons: false, like Go 1.25', () => {
    expect(parseGoURL('http://2b01:e34:ef40:7730:8e70:5aff:fefe:edac:8080/foo', { strictColons: false })).toEqual({
      ...EMPTY,
      scheme: 'http',
      host: '2b01:e34:ef40:7730:8e70:5aff:fefe:edac:8080',
      path: '/foo',
    });
    expect(parseGoURL('http://2b01:e34:ef40:7730:8e70:5aff:fefe:edac:/foo', { strictColons: false }).host).toBe(
      '2b01:e34:ef40:7730:8e70:5aff:fefe:edac:',
    );
    expect(parseError('http://fe80::1]/', false).message).toBe(
      'parse "http://fe80::1]/": invalid port ":1]" after host',
    );
  });
});

// Go's requritests: RequestURI of hand-built URLs.
describe('requestURI: Go url_test.go requritests', () => {
  const cases: [Partial<GoURL>, string][] = [
    [{ scheme: 'http', host: 'example.com', path: '' }, '/'],
    [{ scheme: 'http', host: 'example.com', path: '/a b' }, '/a%20b'],
    [{ scheme: 'http', host: 'example.com', opaque: '/%2F/%2F/' }, '/%2F/%2F/'],
    [
      { scheme: 'http', host: 'example.com', opaque: '//other.example.com/%2F/%2F/' },
      'http://other.example.com/%2F/%2F/',
    ],
    [{ scheme: 'http', host: 'example.com', path: '/////', rawPath: '/%2F/%2F/' }, '/%2F/%2F/'],
    [{ scheme: 'http', host: 'example.com', path: '/////', rawPath: '/WRONG/' }, '/////'],
    [{ scheme: 'http', host: 'example.com', path: '/a b', rawQuery: 'q=go+language' }, '/a%20b?q=go+language'],
    [
      { scheme: 'http', host: 'example.com', path: '/a b', rawPath: '/a b', rawQuery: 'q=go+language' },
      '/a%20b?q=go+language',
    ],
    [
      { scheme: 'http', host: 'example.com', path: '/a?b', rawPath: '/a?b', rawQuery: 'q=go+language' },
      '/a%3Fb?q=go+language',
    ],
    [{ scheme: 'myschema', opaque: 'opaque' }, 'opaque'],
    [{ scheme: 'myschema', opaque: 'opaque', rawQuery: 'q=go+language' }, 'opaque?q=go+language'],
    [{ scheme: 'http', host: 'example.com', path: '//foo' }, '//foo'],
    [{ scheme: 'http', host: 'example.com', path: '/foo', forceQuery: true }, '/foo?'],
  ];
  it.each(cases)('%j → %s', (fields, want) => {
    expect(requestURI({ ...EMPTY, ...fields })).toBe(want);
  });

  it('is * for the request "*" (Go TestStarRequest)', () => {
    const u = parseGoURL('*');
    expect(u).toEqual({ ...EMPTY, path: '*' });
    expect(requestURI(u)).toBe('*');
  });
});

describe('escapedPath', () => {
  it.each([
    ['http://x/file%20one%26two', '/file%20one%26two'],
    ['http://x/a b', '/a%20b'],
    ['http://x/a%2fb', '/a%2fb'],
    ['http://x/caf%c3%a9', '/caf%c3%a9'],
    ['http://x/café', '/caf%C3%A9'],
    ['http://x/a%41', '/a%41'],
    ['http://x/[x]', '/[x]'],
    ['http://x', ''],
  ])('%s → %s', (input, want) => {
    expect(escapedPath(parseGoURL(input))).toBe(want);
  });

  it('works on the bytes Go sees when a %XX is not UTF-8', () => {
    const u = parseGoURL('http://x/%ff');
    expect(u.path).toBe('/\uFFFD');
    expect(u.rawPath).toBe('/%ff');
    expect(escapedPath(u)).toBe('/%ff');
    expect(requestURI(u)).toBe('/%ff');
    // The canonical spelling leaves rawPath empty; the escaping then comes from the path's bytes.
    expect(parseGoURL('http://x/%FF').rawPath).toBe('');
    expect(requestURI(parseGoURL('http://x/%FF'))).toBe('/%FF');
  });

  it('re-encodes a URL whose fields were changed after parsing', () => {
    const u = parseGoURL('http://x/%ff');
    u.path = '/b c';
    u.rawPath = '';
    expect(escapedPath(u)).toBe('/b%20c');
  });
});

describe('goQuote (strconv.Quote)', () => {
  it.each([
    ['', '""'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['\x07\b\f\n\r\t\v', '"\\a\\b\\f\\n\\r\\t\\v"'],
    ['\x00\x1f\x7f', '"\\x00\\x1f\\x7f"'],
    ['é世界😀', '"é世界😀"'],
    ['\u00a0\u200b\u{e0001}', '"\\u00a0\\u200b\\U000e0001"'],
    ['\ud800', '"�"'],
  ])('%j → %s', (input, want) => {
    expect(goQuote(input)).toBe(want);
  });
});

// Go's src/path/path_test.go cleantests.
const cleantests: [string, string][] = [
  ['', '.'],
  ['abc', 'abc'],
  ['abc/def', 'abc/def'],
  ['a/b/c', 'a/b/c'],
  ['.', '.'],
  ['..', '..'],
  ['../..', '../..'],
  ['../../abc', '../../abc'],
  ['/abc', '/abc'],
  ['/', '/'],
  ['abc/', 'abc'],
  ['abc/def/', 'abc/def'],
  ['a/b/c/', 'a/b/c'],
  ['./', '.'],
  ['../', '..'],
  ['../../', '../..'],
  ['/abc/', '/abc'],
  ['abc//def//ghi', 'abc/def/ghi'],
  ['//abc', '/abc'],
  ['///abc', '/abc'],
  ['//abc//', '/abc'],
  ['abc//', 'abc'],
  ['abc/./def', 'abc/def'],
  ['/./abc/def', '/abc/def'],
  ['abc/.', 'abc'],
  ['abc/def/ghi/../jkl', 'abc/def/jkl'],
  ['abc/def/../ghi/../jkl', 'abc/jkl'],
  ['abc/def/..', 'abc'],
  ['abc/def/../..', '.'],
  ['/abc/def/../..', '/'],
  ['abc/def/../../..', '..'],
  ['/abc/def/../../..', '/'],
  ['abc/def/../../../ghi/jkl/../../../mno', '../../mno'],
  ['abc/./../def', 'def'],
  ['abc//./../def', 'def'],
  ['abc/../../././../def', '../../def'],
  // As Grafana uses it: a request URI with its query.
  ['/grafana/?orgId=1', '/grafana/?orgId=1'],
  ['/grafana/?a=/b/', '/grafana/?a=/b'],
  ['/...', '/...'],
];

describe('cleanPath (path.Clean)', () => {
  it.each(cleantests)('%j → %j', (input, want) => {
    expect(cleanPath(input)).toBe(want);
  });
});

describe('properties', () => {
  const pathChars = fc.constantFrom('/', '.', 'a', 'b', '..', '?', '%');
  const paths = fc.array(pathChars, { maxLength: 24 }).map((parts) => parts.join(''));

  it('cleanPath is idempotent and never empty', () => {
    fc.assert(
      fc.property(paths, (p) => {
        const once = cleanPath(p);
        expect(once).not.toBe('');
        expect(cleanPath(once)).toBe(once);
      }),
    );
  });

  it('cleanPath never leaves // or a trailing / other than the root', () => {
    fc.assert(
      fc.property(paths, (p) => {
        const c = cleanPath(p);
        expect(c.includes('//')).toBe(false);
        expect(c === '/' || !c.endsWith('/')).toBe(true);
      }),
    );
  });

  it('parseGoURL either parses or throws a GoURLError, for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        try {
          const u = parseGoURL(s);
          expect(u.scheme).toBe(u.scheme.toLowerCase());
        } catch (e) {
          expect(e).toBeInstanceOf(GoURLError);
          expect((e as GoURLError).message.startsWith('parse "')).toBe(true);
        }
      }),
    );
  });

  it('keeps the host of a generated http(s) URL as written', () => {
    fc.assert(
      fc.property(fc.webUrl({ validSchemes: ['http', 'https'] }), (url) => {
        const u = parseGoURL(url);
        const authority = url.replace(/^https?:\/\//, '').split(/[/?#]/)[0];
        expect(u.host).toBe(decodeURIComponent(authority.slice(authority.lastIndexOf('@') + 1)));
      }),
    );
  });
});
