import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Fails the run under CI when ../shared/grafana is absent; otherwise says in one line what is skipped.
    globalSetup: ['test/helpers/shared-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
