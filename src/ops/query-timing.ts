import { performance } from 'node:perf_hooks';
import type { Db } from '../db/client.ts';
import type { Metrics } from './metrics.ts';

/**
 * The same client, each operation timed (a Prisma client extension: transactions opened on it
 * time theirs too). The time is what the caller waits: Prisma's planning, the driver, the
 * database, and on SQLite the wait for another writer.
 */
export function withQueryTiming(db: Db, metrics: Pick<Metrics, 'query'>): Db {
  return db.$extends({
    query: {
      async $allOperations({ model, operation, args, query }) {
        const started = performance.now();
        try {
          return await query(args);
        } finally {
          metrics.query(model ?? 'raw', operation, (performance.now() - started) / 1000);
        }
      },
    },
  }) as unknown as Db;
}
