/**
 * Property: `cleanRelativePath` is Grafana's `util.CleanRelativePath` (Go `filepath.Rel("/", filepath.Clean(
 * filepath.Join("/", key)))` on Linux), checked against the port of Go's `path.Clean` in go-url.ts (itself checked
 * with Go's own table) — an implementation independent of cleanRelativePath's `path.posix` — and its result never
 * leaves the plugin folder whatever the key.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanPath } from '../../src/go/path.js';
import { cleanRelativePath } from '../../src/verify/verify.js';

/** Go `util.CleanRelativePath` on Linux. */
function grafanaCleanRelativePath(key: string): string {
  const joined = cleanPath(key === '' ? '/' : `/${key}`); // filepath.Join("/", key) skips an empty key
  const cleaned = cleanPath(joined);
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
    expect(cleanPath('a/b/../../../c/')).toBe('../c');
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
