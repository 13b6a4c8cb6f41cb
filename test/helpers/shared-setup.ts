/**
 * vitest `globalSetup`: runs once, before any test file, in the main process.
 *
 * When `../shared/grafana` is absent it prints one line naming the test files whose suites on real Grafana fixtures
 * are skipped, or, when `CI` is set, throws so the whole run fails with that reason (see `shared.ts`).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HAVE_SHARED, MISSING_SHARED_IN_CI, SHARED_GRAFANA, isCi } from './shared.js';

const TEST_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Test files (posix, relative to the project root) that use the shared fixtures, sorted. */
export function filesUsingShared(): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(TEST_ROOT, { recursive: true, encoding: 'utf8' })) {
    if (!entry.endsWith('.test.ts')) continue;
    const text = readFileSync(path.join(TEST_ROOT, entry), 'utf8');
    if (/\b(?:describeShared|HAVE_SHARED)\b/.test(text)) found.push(`test/${entry.split(path.sep).join('/')}`);
  }
  return found.sort();
}

export default function setup(): void {
  if (HAVE_SHARED) return;
  if (isCi()) throw new Error(MISSING_SHARED_IN_CI);
  const files = filesUsingShared();
  console.warn(
    `SKIPPED: the tests on real Grafana fixtures in ${files.length} files (${files.join(', ')}), ` +
      `because ${SHARED_GRAFANA} is absent. With CI set, this fails the run instead.`,
  );
}
