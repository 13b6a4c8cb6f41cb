import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compileGlob, GlobPanicError, GlobSyntaxError } from '../../src/go/glob/glob.js';

/** The error `compileGlob` throws, or a failure when it throws none. */
function syntaxError(pattern: string, separators: string[] = []): GlobSyntaxError {
  try {
    compileGlob(pattern, separators);
  } catch (e) {
    if (e instanceof GlobSyntaxError) return e;
    throw e;
  }
  throw new Error(`compileGlob(${JSON.stringify(pattern)}) did not throw`);
}

const patternAll = '[a-z][!a-x]*cat*[h][!b]*eyes*';
const patternMultiple = 'https://*.google.*';
const patternAlternatives = '{https://*.google.*,*yandex.*,*yahoo.*,*mail.ru}';
const patternAlternativesSuffix = '{https://*gobwas.com,http://exclude.gobwas.com}';
const patternAlternativesCombineLite = '{abc*def,abc?def,abc[zte]def}';
const patternAlternativesCombineHard = '{abc*[a-c]def,abc?[d-g]def,abc[zte]?def}';

// gobwas/glob v0.2.3 glob_test.go TestGlob: [should match, pattern, subject, separators].
const globTests: [boolean, string, string, string[]][] = [
  [true, '* ?at * eyes', 'my cat has very bright eyes', []],
  [true, '', '', []],
  [false, '', 'b', []],
  [true, '*ä', 'åä', []],
  [true, 'abc', 'abc', []],
  [true, 'a*c', 'abc', []],
  [true, 'a*c', 'a12345c', []],
  [true, 'a?c', 'a1c', []],
  [true, 'a.b', 'a.b', ['.']],
  [true, 'a.*', 'a.b', ['.']],
  [true, 'a.**', 'a.b.c', ['.']],
  [true, 'a.?.c', 'a.b.c', ['.']],
  [true, 'a.?.?', 'a.b.c', ['.']],
  [true, '?at', 'cat', []],
  [true, '?at', 'fat', []],
  [true, '*', 'abc', []],
  [true, '\\*', '*', []],
  [true, '**', 'a.b.c', ['.']],
  [false, '?at', 'at', []],
  [false, '?at', 'fat', ['f']],
  [false, 'a.*', 'a.b.c', ['.']],
  [false, 'a.?.c', 'a.bb.c', ['.']],
  [false, '*', 'a.b.c', ['.']],
  [true, '*test', 'this is a test', []],
  [true, 'this*', 'this is a test', []],
  [true, '*is *', 'this is a test', []],
  [true, '*is*a*', 'this is a test', []],
  [true, '**test**', 'this is a test', []],
  [true, '**is**a***test*', 'this is a test', []],
  [false, '*is', 'this is a test', []],
  [false, '*no*', 'this is a test', []],
  [true, '[!a]*', 'this is a test3', []],
  [true, '*abc', 'abcabc', []],
  [true, '**abc', 'abcabc', []],
  [true, '???', 'abc', []],
  [true, '?*?', 'abc', []],
  [true, '?*?', 'ac', []],
  [false, 'sta', 'stagnation', []],
  [true, 'sta*', 'stagnation', []],
  [false, 'sta?', 'stagnation', []],
  [false, 'sta?n', 'stagnation', []],
  [true, '{abc,def}ghi', 'defghi', []],
  [true, '{abc,abcd}a', 'abcda', []],
  [true, '{a,ab}{bc,f}', 'abc', []],
  [true, '{*,**}{a,b}', 'ab', []],
  [false, '{*,**}{a,b}', 'ac', []],
  [true, '/{rate,[a-z][a-z][a-z]}*', '/rate', []],
  [true, '/{rate,[0-9][0-9][0-9]}*', '/rate', []],
  [true, '/{rate,[a-z][a-z][a-z]}*', '/usd', []],
  [true, '{*.google.*,*.yandex.*}', 'www.google.com', ['.']],
  [true, '{*.google.*,*.yandex.*}', 'www.yandex.com', ['.']],
  [false, '{*.google.*,*.yandex.*}', 'yandex.com', ['.']],
  [false, '{*.google.*,*.yandex.*}', 'google.com', ['.']],
  [true, '{*.google.*,yandex.*}', 'www.google.com', ['.']],
  [true, '{*.google.*,yandex.*}', 'yandex.com', ['.']],
  [false, '{*.google.*,yandex.*}', 'www.yandex.com', ['.']],
  [false, '{*.google.*,yandex.*}', 'google.com', ['.']],
  [true, patternAll, 'my cat has very bright eyes', []],
  [false, patternAll, 'my dog has very bright eyes', []],
  [true, 'google.com', 'google.com', []],
  [false, 'google.com', 'gobwas.com', []],
  [true, patternMultiple, 'https://account.google.com', []],
  [false, patternMultiple, 'https://google.com', []],
  [true, patternAlternatives, 'http://yahoo.com', []],
  [false, patternAlternatives, 'http://google.com', []],
  [true, patternAlternativesSuffix, 'https://safe.gobwas.com', []],
  [false, patternAlternativesSuffix, 'http://safe.gobwas.com', []],
  [true, patternAlternativesSuffix, 'http://exclude.gobwas.com', []],
  [true, patternAlternativesCombineHard, 'abczqdef', []],
  [true, patternAlternativesCombineLite, 'abczdef', []],
  [true, 'abc*', 'abcdef', []],
  [false, 'abc*', 'af', []],
  [true, '*def', 'abcdef', []],
  [false, '*def', 'af', []],
  [true, 'ab*ef', 'abcdef', []],
  [false, 'ab*ef', 'af', []],
];

describe('compileGlob: gobwas glob_test.go TestGlob', () => {
  it.each(globTests)('%s: %j against %j (separators %j)', (should, pattern, subject, separators) => {
    expect(compileGlob(pattern, separators)(subject)).toBe(should);
  });
});

describe('compileGlob: root URLs with separators / and . (as Grafana compiles them)', () => {
  const seps = ['/', '.'];
  it.each([
    [true, 'https://*.example.com/', 'https://test.example.com/'],
    [false, 'https://*.example.com/', 'https://a.b.example.com/'],
    [false, 'https://*.example.com', 'https://test.example.com/'],
    [true, 'https://**.example.com/', 'https://a.b.example.com/'],
    [true, 'https://{test,dev}.example.com/', 'https://dev.example.com/'],
    [false, 'https://{test,dev}.example.com/', 'https://prod.example.com/'],
    [true, 'https://grafana-?.example.com/', 'https://grafana-1.example.com/'],
    [true, 'https://grafana-[0-9].example.com/', 'https://grafana-7.example.com/'],
    [false, 'https://grafana-[0-9].example.com/', 'https://grafana-x.example.com/'],
    [true, 'http://localhost:3000/*/', 'http://localhost:3000/grafana/'],
    [false, 'http://localhost:3000/*/', 'http://localhost:3000/a/b/'],
    [true, 'http://localhost:3000/**', 'http://localhost:3000/a/b/'],
    [false, 'HTTPS://*.example.com/', 'https://test.example.com/'],
    [true, 'https://\\*.example.com/', 'https://*.example.com/'],
    [false, 'https://\\*.example.com/', 'https://a.example.com/'],
  ])('%s: %j against %j', (should, pattern, subject) => {
    expect(compileGlob(pattern, seps)(subject)).toBe(should);
  });
});

// What gobwas v0.2.3 really does, checked against the Go library; a regular expression would get these wrong.
describe('compileGlob: gobwas quirks kept on purpose', () => {
  it('lets [!x] match a separator, while ? and * do not', () => {
    const seps = ['/', '.'];
    expect(compileGlob('[!x]', seps)('/')).toBe(true);
    expect(compileGlob('[!x]', seps)('.')).toBe(true);
    expect(compileGlob('?', seps)('.')).toBe(false);
    expect(compileGlob('*', seps)('a.b')).toBe(false);
    expect(compileGlob('https://[!x]example.com/', seps)('https://.example.com/')).toBe(true);
  });

  it('turns *? into "no /. substring", so a lone . passes', () => {
    const g = compileGlob('https://*?.example.com/', ['/', '.']);
    expect(g('https://a.b.example.com/')).toBe(true);
    expect(g('https://ab.example.com/')).toBe(true);
    expect(compileGlob('*?', ['/', '.'])('a/b')).toBe(true);
    expect(compileGlob('*?', ['/', '.'])('a/.b')).toBe(false);
  });

  it('fails to match a multi-byte rune next to a fixed-length part (gobwas issues #41, #54)', () => {
    expect(compileGlob('1?5ö', [])('155ö')).toBe(false);
    expect(compileGlob('1ö?5', [])('1ö55')).toBe(false);
    expect(compileGlob('ö1?5', [])('ö155')).toBe(true);
    expect(compileGlob('155ö', [])('155ö')).toBe(true);
    expect(compileGlob('ångstr[ö]m', [])('ångström')).toBe(false);
    expect(compileGlob('ångstr?m', [])('ångström')).toBe(false);
  });

  it('compiles an unclosed { and treats a stray } or , as text', () => {
    expect(compileGlob('{a,b', [])('a')).toBe(true);
    expect(compileGlob('{a,b', [])('{a,b')).toBe(false);
    expect(compileGlob('{', [])('')).toBe(true);
    expect(compileGlob('}', [])('}')).toBe(true);
    expect(compileGlob('a,b', [])('a,b')).toBe(true);
    expect(compileGlob('{}', [])('')).toBe(true);
  });

  it('stops at a NUL rune read as a token start, but only skips it inside text', () => {
    expect(compileGlob('a\u0000b', [])('ab')).toBe(true);
    expect(compileGlob('a\u0000b', [])('a\u0000b')).toBe(false);
    expect(compileGlob('*\u0000b', [])('zzz')).toBe(true);
  });

  it('treats a trailing backslash as nothing and [-a] as the list "-a"', () => {
    expect(compileGlob('a\\', [])('a')).toBe(true);
    expect(compileGlob('[-a]', [])('-')).toBe(true);
    expect(compileGlob('[-a]', [])('a')).toBe(true);
    expect(compileGlob('[\\]]', [])(']')).toBe(true);
  });

  it('throws GlobPanicError where gobwas panics (gobwas issue #59)', () => {
    const g = compileGlob('/{a{*.json{', ['/']);
    expect(() => g('/a/b/c/d/e/foo.json')).toThrow(GlobPanicError);
    expect(() => g('/a/b/c/d/e/foo.json')).toThrow('runtime error: slice bounds out of range [:6] with length 5');
  });
});

describe('compileGlob: syntax errors carry gobwas messages', () => {
  it.each([
    ['[', 'unexpected end of input'],
    ['[a', 'unexpected end of input'],
    ['[abc', 'unexpected end of input'],
    ['[a-z', 'unexpected end of input'],
    ['[a-]', 'unexpected end of input'],
    ['x[!', 'unexpected end of input'],
    ['[\\]', 'unexpected end of input'],
    ['{a,[}', 'unexpected end of input'],
    ['[]', 'could not parse range'],
    ['[!]', 'could not parse range'],
    ['[a-bc]', 'expected close range character'],
    ['[z-a]', "hi character 'a' should be greater than lo 'z'"],
    ['a\uFFFD', 'could not read rune'],
    ['a\uD800b', 'could not read rune'],
  ])('%j: %s', (pattern, message) => {
    const e = syntaxError(pattern, ['/', '.']);
    expect(e.message).toBe(message);
    expect(e.pattern).toBe(pattern);
    expect(e.name).toBe('GlobSyntaxError');
  });

  it('rejects a separator that is not one character', () => {
    expect(() => compileGlob('*', ['ab'])).toThrow(TypeError);
    expect(() => compileGlob('*', [''])).toThrow('glob separator must be one character, got ""');
    expect(compileGlob('*', ['😀'])('a😀b')).toBe(false);
  });
});

describe('properties', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'b', 'z', '0', '.', '/', '-', ':'), maxLength: 20 });
  const escape = (s: string) => s.replace(/[*?\\[\]{}]/g, (c) => '\\' + c);

  it('an ASCII pattern without wildcards matches exactly itself', () => {
    fc.assert(
      fc.property(text, text, (a, b) => {
        const g = compileGlob(escape(a), ['/', '.']);
        expect(g(a)).toBe(true);
        expect(g(b)).toBe(a === b);
      }),
    );
  });

  it('** matches everything and * matches exactly the strings without separators', () => {
    fc.assert(
      fc.property(text, (s) => {
        expect(compileGlob('**', ['/', '.'])(s)).toBe(true);
        expect(compileGlob('*', ['/', '.'])(s)).toBe(!/[/.]/.test(s));
      }),
    );
  });
});
