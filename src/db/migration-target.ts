// What the migration runner needs from a database; one implementation per engine
// (migration-sqlite.ts, migration-postgres.ts), each loaded only for its engine.
import type { HistoryRow, NewRow } from './migration-history.ts';

export interface MigrationTarget {
  /** The rows of `_prisma_migrations`, or null when the table does not exist (or the database). */
  history(): Promise<HistoryRow[] | null>;
  /** Until close(): keeps other processes from migrating (SQLite: each transaction takes the write lock). */
  lock(): Promise<void>;
  /**
   * Creates `_prisma_migrations` as Prisma does, unless it exists; refuses, as Prisma does, a
   * database that already has tables of its own without it.
   */
  createHistory(): Promise<void>;
  /**
   * In one transaction: if `stillPending(history)` (another process may have applied it since),
   * runs `script` and records `row(startedAt)`. Returns whether it did.
   */
  applyInTransaction(
    script: string,
    options: { foreignKeysOff: boolean; stillPending(rows: HistoryRow[]): boolean; row(startedAt: Date): NewRow },
  ): Promise<boolean>;
  /** Records `row` (a migration under way) in a transaction of its own, if `stillPending(history)`. */
  recordStart(row: NewRow, stillPending: (rows: HistoryRow[]) => boolean): Promise<boolean>;
  /** Runs a script outside any transaction of ours. */
  run(script: string): Promise<void>;
  recordFinish(id: string, finishedAt: Date): Promise<void>;
  recordFailure(id: string, logs: string): Promise<void>;
  close(): Promise<void>;
}

/** `_prisma_migrations`' columns, in the order of Prisma's CREATE TABLE. */
export const HISTORY_COLUMNS = 'id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count';

/** Longest wait for another process's migrations: Prisma's advisory lock timeout. */
export const LOCK_TIMEOUT_MS = 10_000;
