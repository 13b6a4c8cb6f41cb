/**
 * Property: `cleanRelativePath` is Grafana's `util.CleanRelativePath` (Go `filepath.Rel("/", filepath.Clean(
 * filepath.Join("/", key)))` on Linux), checked against a transcription of Go's `path.Clean`, and its result never
 * leaves the plugin folder whatever the key.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanRelativePath } from '../../src/verify/verify.js';

/** Go `path.Clean` (src/path/path.go), byte for byte: `/`, `.` and `..` are ASCII, so UTF-16 indexing is safe. */
function goClean(p: string): string {
  if (p === '') return '.';
  const rooted = p[0] === '/';
  const n = p.length;
  let out = '';
  let r = 0;
  let dotdot = 0;
  if (rooted) {
    out = '/';
    r = 1;
    dotdot = 1;
  }
  while (r < n) {
    if (p[r] === '/') {
      r++;
    } else if (p[r] === '.' && (r + 1 === n || p[r + 1] === '/')) {
      r++;
    } else if (p[r] === '.' && p[r + 1] === '.' && (r + 2 === n || p[r + 2] === '/')) {
      r += 2;
      if (out.length > dotdot) {
        let w = out.length - 1;
        while (w > dotdot && out[w] !== '/') w--;
        out = out.slice(0, w);
      } else if (!rooted) {
        if (out.length > 0) out += '/';
        out += '..';
        dotdot = out.length;
      }
    } else {
      if ((rooted && out.length !== 1) || (!rooted && out.length !== 0)) out += '/';
      while (r < n && p[r] !== '/') out += p[r++];
    }
  }
  return out === '' ? '.' : out;
}

/** Go `util.CleanRelativePath` on Linux. */
function grafanaCleanRelativePath(key: string): string {
  const joined = goClean(key === '' ? '/' : `/${key}`); // filepath.Join("/", key) skips an empty key
  const cleaned = goClean(joined);
  return cleaned === '/' ? '.' : cleaned.slice(1); // filepath.Rel("/", cleaned)
}

const segment = fc.constantFrom(
  '',
  '.',
  '..',
  '...',
  'a',
  'b.js',
  '.hidden',
  '..a',
  'a..',
  ' ',
  '\\',
  '..\\..',
  '\0',
  'é',
);
const key = fc.oneof(
  fc.array(segment, { maxLength: 12 }).map((parts) => parts.join('/')),
  fc.string({ unit: fc.constantFrom('/', '.', 'a', '\\', '\0'), maxLength: 30 }),
  fc.string({ maxLength: 40 }),
);

describe('cleanRelativePath (property)', () => {
  it('equals Go util.CleanRelativePath', () => {
    expect(goClean('a/b/../../../c/')).toBe('../c');
    expect(grafanaCleanRelativePath('../../etc/passwd/')).toBe('etc/passwd');
    fc.assert(
      fc.property(key, (k) => {
        expect(cleanRelativePath(k)).toBe(grafanaCleanRelativePath(k));
      }),
      { numRuns: 3000 },
    );
  });

  it('never leaves the folder: "." or a relative path without empty, "." or ".." segments; idempotent', () => {
    fc.assert(
      fc.property(key, (k) => {
        const cleaned = cleanRelativePath(k);
        if (cleaned !== '.') {
          for (const s of cleaned.split('/')) expect(['', '.', '..']).not.toContain(s);
        }
        expect(cleanRelativePath(cleaned)).toBe(cleaned);
      }),
      { numRuns: 3000 },
    );
  });
});
