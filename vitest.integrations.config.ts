import { defineConfig } from 'vitest/config';

/**
 * `npm run test:integrations`: Relais against real third-party software installed from the system
 * (a MediaWiki from Debian's package, see test/integrations/support). Kept out of `npm test`
 * (vitest.config.ts excludes the folder) because it needs those packages; .ci/run installs them.
 */
export default defineConfig({
  test: {
    include: ['test/integrations/**/*.test.ts'],
    globalSetup: ['test/support/postgres-server.ts'],
    // Each suite serves its own wiki with PHP's single-threaded server: one suite at a time.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
