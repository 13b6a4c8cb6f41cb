import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fails the run under CI when ../shared/grafana is absent; otherwise says in one line what is skipped.
    globalSetup: ['test/helpers/shared-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // `npm run test:coverage` (.ci/run): coverage of the sources imported by the tests, printed as a table. The
    // tests that run the bundles in dist/ as processes exercise code this does not count.
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      reporter: ['text', 'text-summary'],
      reportOnFailure: true,
    },
  },
});
