/**
 * Access to the real Grafana material in `../shared/grafana/` (read at run time, never copied into the project).
 *
 * Tests that need it use `describeShared` (or `HAVE_SHARED`). When the folder is absent:
 * - without `CI`: those suites are skipped, and `test/helpers/shared-setup.ts` (vitest's `globalSetup`) prints one
 *   line naming the skipped test files;
 * - with `CI` set (any value but `""`, `0` or `false`): the run fails instead (the global setup throws before any test
 *   runs, and each `describeShared` suite becomes one failing test), so a CI that lost the fixtures cannot pass by
 *   skipping them.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Absolute path of `../shared/grafana` as seen from the project root. */
export const SHARED_GRAFANA = path.resolve(here, '../../../shared/grafana');
export const SHARED_PLUGINS = path.join(SHARED_GRAFANA, 'fixtures/plugins');
export const SHARED_MANIFESTS = path.join(SHARED_GRAFANA, 'fixtures/manifests');
export const HAVE_SHARED = existsSync(path.join(SHARED_GRAFANA, 'SIGNATURES.md'));

/** True when `CI` is set the way CI services set it (`true`, `1`, …); `""`, `0` and `false` count as unset. */
export function isCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (env.CI ?? '').trim().toLowerCase();
  return value !== '' && value !== '0' && value !== 'false';
}

/** The message a CI run fails with when the fixtures are absent. */
export const MISSING_SHARED_IN_CI =
  `CI is set but ${SHARED_GRAFANA} (Grafana's signed fixtures and SIGNATURES.md) is absent: ` +
  'the tests on real Grafana fixtures cannot run, and CI must not pass by skipping them. ' +
  'Check out the shared folder beside the project (../shared/grafana), or unset CI to skip them locally.';

/**
 * `describe` when the shared fixtures are present. When they are absent: `describe.skip` locally, and under `CI` a
 * suite holding one failing test that says what is missing ({@link MISSING_SHARED_IN_CI}).
 */
export const describeShared: (name: string, body: () => void) => void = HAVE_SHARED
  ? (name, body) => describe(name, body)
  : isCi()
    ? (name) =>
        describe(name, () => {
          it('needs ../shared/grafana', () => {
            throw new Error(MISSING_SHARED_IN_CI);
          });
        })
    : (name, body) => describe.skip(name, body);
