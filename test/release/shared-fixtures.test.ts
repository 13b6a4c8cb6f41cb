/**
 * The guard that keeps the suites on Grafana's fixtures from passing by skipping (test/helpers/shared.ts and
 * shared-setup.ts). The absent-folder paths are proven by running the suite in a clone with no ../shared; here:
 * what counts as CI, and which files the skip line names.
 */
import { describe, expect, it } from 'vitest';
import { MISSING_SHARED_IN_CI, SHARED_GRAFANA, isCi } from '../helpers/shared.js';
import { filesUsingShared } from '../helpers/shared-setup.js';

describe('shared fixtures guard', () => {
  it('treats CI=true/1/yes as CI and unset, empty, 0 or false as not', () => {
    for (const value of ['true', '1', 'yes', 'TRUE']) expect(isCi({ CI: value }), value).toBe(true);
    for (const value of [undefined, '', '0', 'false', 'False', ' '])
      expect(isCi({ CI: value }), String(value)).toBe(false);
  });

  it('names the missing folder and the way out in the CI failure', () => {
    expect(MISSING_SHARED_IN_CI).toContain(SHARED_GRAFANA);
    expect(MISSING_SHARED_IN_CI).toMatch(/CI is set/);
    expect(MISSING_SHARED_IN_CI).toMatch(/unset CI/);
  });

  it('names every test file that uses the fixtures, and no other', () => {
    const files = filesUsingShared();
    expect(files).toContain('test/verify/fixtures.test.ts');
    expect(files).toContain('test/grafana-com/signing-client.test.ts'); // uses HAVE_SHARED with it.skipIf
    expect(files).not.toContain('test/release/version.test.ts');
    expect(files.every((f) => /^test\/.+\.test\.ts$/.test(f))).toBe(true);
  });
});
