import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The fault suite has its own run: npm run test:faults (vitest.faults.config.ts); so has the
    // suite against real third-party software: npm run test:integrations.
    exclude: ['test/faults/**', 'test/integrations/**', 'node_modules/**'],
    // One PostgreSQL server (and migrated templates) for the whole run; see the file.
    globalSetup: ['test/support/postgres-server.ts'],
    // Real databases and spawned CLIs: generous, but a hang still fails the run.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
