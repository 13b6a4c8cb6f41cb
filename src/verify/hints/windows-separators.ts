/** Cause `windows-separators`: the manifest was built on Windows and lists `a\b` for the file `a/b`. */
import type { Hint } from '../findings.js';

/**
 * Proves `windows-separators` for a listed key that was not found: it holds `\`, and the same path with `/` is a
 * file on disk whose SHA-256 is the listed value.
 *
 * @param key the manifest key; @param expected its hash; @param hashOf SHA-256 of a file on disk by path.
 * @returns the hint and the `/` path it names, or undefined.
 */
export function windowsSeparatorsHint(
  key: string,
  expected: string,
  hashOf: (path: string) => string | undefined,
): { hint: Hint; path: string } | undefined {
  if (!key.includes('\\')) return undefined;
  const path = key.replaceAll('\\', '/');
  if (hashOf(path) !== expected) return undefined;
  return {
    path,
    hint: {
      cause: 'windows-separators',
      detail: `the manifest lists "${key}" with backslashes; "${path}" exists and hashes to the signed value`,
      fix: 'the manifest was built on Windows with backslashes, which Grafana never matches: sign on Linux or macOS (or with a tool that writes "/")',
    },
  };
}
