/**
 * Access to the real Grafana material in `../shared/grafana/` (read at run time, never copied into the project).
 * Tests that need it use `describeShared`, which skips with a visible message when the folder is absent.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));

/** Absolute path of `../shared/grafana` as seen from the project root. */
export const SHARED_GRAFANA = path.resolve(here, '../../../shared/grafana');
export const SHARED_PLUGINS = path.join(SHARED_GRAFANA, 'fixtures/plugins');
export const SHARED_MANIFESTS = path.join(SHARED_GRAFANA, 'fixtures/manifests');
export const HAVE_SHARED = existsSync(path.join(SHARED_GRAFANA, 'SIGNATURES.md'));

if (!HAVE_SHARED) {
  console.warn(`SKIPPING tests on real Grafana fixtures: ${SHARED_GRAFANA} is absent.`);
}

/** `describe` when the shared fixtures are present, `describe.skip` (with the warning above) otherwise. */
export const describeShared = HAVE_SHARED ? describe : describe.skip;
