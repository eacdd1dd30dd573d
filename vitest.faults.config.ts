import { defineConfig } from 'vitest/config';

/**
 * `npm run test:faults`: outages, crashes, rate limits and redeliveries. Kept out of `npm test`
 * (vitest.config.ts excludes the folder) because these tests wait out real seconds of downtime.
 */
export default defineConfig({
  test: {
    include: ['test/faults/**/*.test.ts'],
    globalSetup: ['test/support/postgres-server.ts'],
    // Outages are timed in real seconds: one file at a time keeps them from starving each other.
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
  },
});
