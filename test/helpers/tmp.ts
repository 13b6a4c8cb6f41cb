/** Temporary copies of plugin folders, removed after the test file. */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

/** A new empty temporary folder, removed after the test file. */
export function tempDir(prefix = 'spa-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Copies `source` (a plugin folder) to a new temporary folder and returns the copy's path. */
export function copyPlugin(source: string): string {
  const dir = path.join(tempDir(), path.basename(source));
  cpSync(source, dir, { recursive: true, verbatimSymlinks: true });
  return dir;
}
