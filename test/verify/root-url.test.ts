import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { normalizeAppUrl, sameRootUrl, urlMatch, type UrlMatchResult } from '../../src/verify/root-url.js';

/** urlMatch after Grafana's normalisation of the app URL. */
function check(rootUrls: string[], appUrl: string, signatureType = 'private'): Promise<UrlMatchResult> {
  return urlMatch(rootUrls, normalizeAppUrl(appUrl), signatureType);
}

describe('normalizeAppUrl', () => {
  it.each([
    ['http://localhost:3000', 'http://localhost:3000/'],
    ['http://localhost:3000/', 'http://localhost:3000/'],
    ['http://localhost:3000/grafana', 'http://localhost:3000/grafana/'],
    ['HTTPS://Example.COM:443', 'HTTPS://Example.COM:443/'],
    ['', '/'],
  ])('%j → %j', (input, want) => {
    expect(normalizeAppUrl(input)).toBe(want);
  });
});

// /work/shared/grafana/README.md: the fixtures signed by grafana.com and Grafana's verdict for each app URL.
describe('urlMatch: Grafana fixture verdicts', () => {
  it.each([
    ['private-localhost', ['http://localhost:3000/'], 'private', 'http://localhost:3000/', true],
    ['private-localhost', ['http://localhost:3000/'], 'private', 'http://localhost:3000', true],
    ['private-localhost', ['http://localhost:3000/'], 'private', 'http://localhost:3000/grafana/', false],
    ['private-localhost', ['http://localhost:3000/'], 'private', 'http://127.0.0.1:3000/', false],
    ['private-subpath', ['http://localhost:3000/grafana/'], 'private', 'http://localhost:3000/grafana', true],
    ['private-subpath', ['http://localhost:3000/grafana/'], 'private', 'http://localhost:3000/', false],
    ['grafana-with-root-url', ['https://dev.grafana.com/'], 'grafana', 'https://dev.grafana.com/', true],
    ['grafana-with-root-url', ['https://dev.grafana.com/'], 'grafana', 'https://non.matching.url.com/', false],
  ])('%s: %j vs %s → %s', async (_fixture, rootUrls, signatureType, appUrl, matched) => {
    const result = await check(rootUrls, appUrl, signatureType);
    expect(result.matched).toBe(matched);
    expect(result.error).toBeUndefined();
    expect(result.attempts).toHaveLength(1);
  });
});

describe('urlMatch: explanations', () => {
  it('reports an exact match', async () => {
    expect(await check(['http://localhost:3000/'], 'http://localhost:3000')).toEqual({
      matched: true,
      attempts: [
        {
          rootUrl: 'http://localhost:3000/',
          appUrl: 'http://localhost:3000/',
          matched: true,
          how: 'exact',
          reason: 'matches',
        },
      ],
    });
  });

  it('names the host that differs', async () => {
    expect((await check(['http://localhost:3000/'], 'http://127.0.0.1:3000/')).attempts).toEqual([
      {
        rootUrl: 'http://localhost:3000/',
        appUrl: 'http://127.0.0.1:3000/',
        matched: false,
        reason: 'host "localhost:3000" ≠ "127.0.0.1:3000"',
      },
    ]);
  });

  it('names the path that differs, after path.Clean', async () => {
    expect((await check(['http://localhost:3000/grafana/'], 'http://localhost:3000/')).attempts[0].reason).toBe(
      'path "/grafana" ≠ "/" (after path.Clean)',
    );
  });

  it('names the scheme that differs, and every other difference', async () => {
    expect((await check(['https://localhost:3000/'], 'http://localhost:3000/')).attempts[0].reason).toBe(
      'scheme "https" ≠ "http"',
    );
    expect((await check(['https://example.com:443/a'], 'http://example.com/')).attempts[0].reason).toBe(
      'scheme "https" ≠ "http"; host "example.com:443" ≠ "example.com"; path "/a" ≠ "/" (after path.Clean)',
    );
  });

  it('tries every entry in order and stops at the first match', async () => {
    const result = await check(
      ['https://a.example.com/', 'http://localhost:3000/', 'not even looked at'],
      'http://localhost:3000/',
    );
    expect(result.matched).toBe(true);
    expect(result.attempts.map((a) => [a.rootUrl, a.matched])).toEqual([
      ['https://a.example.com/', false],
      ['http://localhost:3000/', true],
    ]);
  });

  it('lists every entry when none matches', async () => {
    const result = await check(['https://a.example.com/', 'https://b.example.com/'], 'https://c.example.com/');
    expect(result).toEqual({
      matched: false,
      attempts: [
        {
          rootUrl: 'https://a.example.com/',
          appUrl: 'https://c.example.com/',
          matched: false,
          reason: 'host "a.example.com" ≠ "c.example.com"',
        },
        {
          rootUrl: 'https://b.example.com/',
          appUrl: 'https://c.example.com/',
          matched: false,
          reason: 'host "b.example.com" ≠ "c.example.com"',
        },
      ],
    });
  });

  it('matches nothing, without error, when there are no root URLs', async () => {
    expect(await urlMatch([], 'http://localhost:3000/', 'private')).toEqual({ matched: false, attempts: [] });
  });
});

// SIGNATURES.md §4.
describe('urlMatch: the exact rule', () => {
  it.each([
    // Host as written: case and port included.
    [['https://example.com:443'], 'https://example.com/', false],
    [['https://example.com'], 'https://example.com:443/', false],
    [['http://LOCALHOST:3000/'], 'http://localhost:3000/', false],
    [['https://Example.com/'], 'https://example.com/', false],
    // The scheme is lowercased by the parser.
    [['HTTP://localhost:3000/'], 'http://localhost:3000/', true],
    [['http://localhost:3000/'], 'HTTP://localhost:3000/', true],
    // Trailing slashes and other path.Clean rewrites do not matter.
    [['http://localhost:3000'], 'http://localhost:3000/', true],
    [['http://localhost:3000/grafana'], 'http://localhost:3000/grafana/', true],
    [['http://localhost:3000/grafana//'], 'http://localhost:3000/grafana/', true],
    [['http://localhost:3000/a/../grafana/'], 'http://localhost:3000/grafana/', true],
    [['http://localhost:3000/./grafana/.'], 'http://localhost:3000/grafana/', true],
    // Escaping is compared as written in the request URI.
    [['http://localhost:3000/gra%66ana/'], 'http://localhost:3000/grafana/', false],
    [['http://localhost:3000/a%20b/'], 'http://localhost:3000/a b/', true],
    // The query is part of the request URI; the fragment and the userinfo are not compared.
    [['http://localhost:3000/?orgId=1'], 'http://localhost:3000/', false],
    [['http://localhost:3000/#top'], 'http://localhost:3000/', true],
    [['http://admin@localhost:3000/'], 'http://localhost:3000/', true],
    // Globs are only for private-glob.
    [['https://*.example.com/'], 'https://test.example.com/', false],
  ])('%j vs %s → %s', async (rootUrls, appUrl, matched) => {
    expect((await check(rootUrls, appUrl, 'private')).matched).toBe(matched);
  });

  it('applies to every signature type that carries root URLs', async () => {
    for (const type of ['grafana', 'commercial', 'community', 'private', 'private-glob']) {
      expect((await check(['https://dev.grafana.com/'], 'https://other.grafana.com/', type)).matched).toBe(false);
      expect((await check(['https://dev.grafana.com/'], 'https://dev.grafana.com', type)).matched).toBe(true);
    }
  });
});

describe('urlMatch: private-glob', () => {
  it('matches a glob after the exact rule fails', async () => {
    expect(await check(['https://*.example.com/'], 'https://test.example.com/', 'private-glob')).toEqual({
      matched: true,
      attempts: [
        {
          rootUrl: 'https://*.example.com/',
          appUrl: 'https://test.example.com/',
          matched: true,
          how: 'glob',
          reason: 'glob "https://*.example.com/" matches',
        },
      ],
    });
  });

  it('does not let * cross a dot', async () => {
    expect((await check(['https://*.example.com/'], 'https://a.b.example.com/', 'private-glob')).attempts).toEqual([
      {
        rootUrl: 'https://*.example.com/',
        appUrl: 'https://a.b.example.com/',
        matched: false,
        reason: 'host "*.example.com" ≠ "a.b.example.com"; glob "https://*.example.com/" does not match',
      },
    ]);
  });

  it('matches the raw app URL, so the glob must end in / too', async () => {
    expect((await check(['https://*.example.com'], 'https://test.example.com', 'private-glob')).matched).toBe(false);
    expect((await check(['https://*.example.com/'], 'https://test.example.com', 'private-glob')).matched).toBe(true);
  });

  it('still matches exactly first', async () => {
    const result = await check(['http://localhost:3000'], 'http://localhost:3000', 'private-glob');
    expect(result.attempts[0]).toMatchObject({ matched: true, how: 'exact' });
  });

  it('is a glob only for the exact type name', async () => {
    expect((await check(['https://*.example.com/'], 'https://test.example.com/', 'Private-Glob')).matched).toBe(false);
  });
});

describe('urlMatch: errors stop the check, as in Grafana', () => {
  it('fails on an app URL that does not parse, before looking at any entry', async () => {
    expect(await urlMatch(['http://localhost:3000/'], 'http://a b/', 'private')).toEqual({
      matched: false,
      attempts: [],
      error: 'parse "http://a b/": invalid character " " in host name',
    });
  });

  it('fails on the first entry that does not parse, after the ones before it', async () => {
    expect(
      await check(['https://a.example.com/', 'http://a b.com/', 'http://localhost:3000/'], 'http://localhost:3000/'),
    ).toEqual({
      matched: false,
      attempts: [
        {
          rootUrl: 'https://a.example.com/',
          appUrl: 'http://localhost:3000/',
          matched: false,
          reason: 'scheme "https" ≠ "http"; host "a.example.com" ≠ "localhost:3000"',
        },
        {
          rootUrl: 'http://a b.com/',
          appUrl: 'http://localhost:3000/',
          matched: false,
          reason: 'does not parse: invalid character " " in host name',
        },
      ],
      error: 'parse "http://a b.com/": invalid character " " in host name',
    });
  });

  it('does not reach a bad entry after a match', async () => {
    expect(
      (await check(['http://localhost:3000/', 'http://a b.com/'], 'http://localhost:3000/')).error,
    ).toBeUndefined();
  });

  it('fails on a bad glob only for private-glob', async () => {
    expect(await check(['https://x.example.com/[z-a]'], 'https://x.example.com/', 'private')).toEqual({
      matched: false,
      attempts: [
        {
          rootUrl: 'https://x.example.com/[z-a]',
          appUrl: 'https://x.example.com/',
          matched: false,
          reason: 'path "/[z-a]" ≠ "/" (after path.Clean)',
        },
      ],
    });
    expect(await check(['https://x.example.com/[z-a]'], 'https://x.example.com/', 'private-glob')).toEqual({
      matched: false,
      attempts: [
        {
          rootUrl: 'https://x.example.com/[z-a]',
          appUrl: 'https://x.example.com/',
          matched: false,
          reason:
            'path "/[z-a]" ≠ "/" (after path.Clean); invalid glob "https://x.example.com/[z-a]": ' +
            "hi character 'a' should be greater than lo 'z'",
        },
      ],
      error: `invalid glob "https://x.example.com/[z-a]": hi character 'a' should be greater than lo 'z'`,
    });
  });

  it('rejects malformed hosts the way Go 1.26 does', async () => {
    expect((await check(['http://localhost:3000:3000/'], 'http://localhost:3000/')).error).toBe(
      'parse "http://localhost:3000:3000/": invalid port ":3000:3000" after host',
    );
    expect((await check(['http://[127.0.0.1]:3000/'], 'http://localhost:3000/')).error).toBe(
      'parse "http://[127.0.0.1]:3000/": invalid IP-literal',
    );
    expect((await check(['http://[::1]:3000/'], 'http://[::1]:3000')).matched).toBe(true);
  });
});

describe('sameRootUrl', () => {
  it.each([
    ['http://localhost:3000', 'http://localhost:3000/', true],
    ['HTTP://localhost:3000/', 'http://localhost:3000', true],
    ['http://localhost:3000/grafana/', 'http://localhost:3000/grafana', true],
    ['https://example.com:443/', 'https://example.com/', false],
    ['http://Localhost:3000/', 'http://localhost:3000/', false],
    ['http://localhost:3000/?a=1', 'http://localhost:3000/', false],
    ['http://localhost:3000/', 'http://127.0.0.1:3000/', false],
    ['http://a b/', 'http://a b/', false],
    ['https://*.example.com/', 'https://*.example.com', true],
  ])('%j, %j → %s', (a, b, want) => {
    expect(sameRootUrl(a, b)).toBe(want);
    expect(sameRootUrl(b, a)).toBe(want);
  });
});

describe('properties', () => {
  const httpUrls = fc.webUrl({ validSchemes: ['http', 'https'], withQueryParameters: true, withFragments: true });

  it('a generated http(s) URL matches itself with a trailing slash added', async () => {
    await fc.assert(
      fc.asyncProperty(httpUrls, fc.constantFrom('private', 'private-glob', 'grafana'), async (url, type) => {
        const result = await urlMatch([url], normalizeAppUrl(url), type);
        expect(result.error).toBeUndefined();
        // A query is part of the request URI: appending "/" after it changes the query, not the path.
        const hasQuery = url.split('#')[0].includes('?');
        if (!hasQuery) expect(result).toMatchObject({ matched: true, attempts: [{ how: 'exact' }] });
      }),
    );
  });

  it('sameRootUrl is reflexive and symmetric on generated http(s) URLs', () => {
    fc.assert(
      fc.property(httpUrls, httpUrls, (a, b) => {
        expect(sameRootUrl(a, a)).toBe(true);
        expect(sameRootUrl(a, b)).toBe(sameRootUrl(b, a));
      }),
    );
  });
});
