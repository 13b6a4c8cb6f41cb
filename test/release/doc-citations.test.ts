/**
 * Comments in src/ cite the project's own docs (`docs/verification.md#order`, `docs/route-hygiene.md#rules`, …): every
 * cited file exists and every cited anchor is defined in it, as `<a id="…">` or as a heading's GitHub slug.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../helpers/run-action.js';

/** Every `.ts` file under `dir`, recursively. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.join(e.parentPath, e.name));
}

/** GitHub's heading slug: lower case, punctuation but `-` and `_` dropped, spaces to `-`. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** The anchors a Markdown file defines: explicit `<a id>`s and its headings' slugs. */
function anchors(markdown: string): Set<string> {
  const ids = [...markdown.matchAll(/<a id="([^"]+)"><\/a>/g)].map((m) => m[1]);
  const headings = [...markdown.matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]));
  return new Set([...ids, ...headings]);
}

const citations = sources(path.join(PROJECT_ROOT, 'src')).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/(?<![\w/.-])docs\/([a-z0-9-]+\.md)(?:#([a-z0-9-]+))?/g)].map((m) => ({
    from: path.relative(PROJECT_ROOT, file),
    doc: m[1],
    anchor: m[2],
  })),
);

describe('docs cited by src/', () => {
  it('finds the citations (the scan itself works)', () => {
    expect(citations.filter((c) => c.doc === 'verification.md' && c.anchor === 'order').length).toBeGreaterThan(0);
    expect(citations.filter((c) => c.doc === 'route-hygiene.md' && c.anchor === 'rules').length).toBeGreaterThan(0);
  });

  it('every cited doc exists and defines every cited anchor', () => {
    const missing = citations.filter(({ doc, anchor }) => {
      const file = path.join(PROJECT_ROOT, 'docs', doc);
      if (!existsSync(file)) return true;
      return anchor !== undefined && !anchors(readFileSync(file, 'utf8')).has(anchor);
    });
    expect(missing.map((c) => `${c.from}: docs/${c.doc}${c.anchor ? `#${c.anchor}` : ''}`)).toEqual([]);
  });

  it('the anchor reader sees explicit ids and heading slugs', () => {
    const found = anchors(
      '<a id="order"></a>\n\n## V1. The verdict, check by check (`#order`)\n## template-parse-error (error)\n',
    );
    expect([...found].sort()).toEqual(['order', 'template-parse-error-error', 'v1-the-verdict-check-by-check-order']);
  });
});
