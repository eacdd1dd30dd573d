// Relais's migration runner: applies the committed migrations of the engine in use at start,
// without Prisma's schema engine (the WASM engine and its bridge are for development commands).
// It reads and writes `_prisma_migrations` exactly as `prisma migrate deploy` does, so the two
// agree on what is applied; unlike it, it checks the checksums of applied migrations and runs
// each migration in one transaction with its row, so a failure leaves nothing behind.
import crypto from 'node:crypto';
import { engineOf, sqliteFile, type Engine } from './engine.ts';
import { readMigrations, type MigrationFile } from './migration-files.ts';
import { describeDatabaseError, MigrationError, resolveAdvice } from './migration-errors.ts';
import { compareHistory, refusal, type HistoryRow, type NewRow } from './migration-history.ts';
import { scriptNeeds } from './migration-sql.ts';
import type { MigrationTarget } from './migration-target.ts';

export { MigrationError } from './migration-errors.ts';

export interface MigrationOptions {
  /** Where the migrations are; default: the committed ones of the URL's engine. */
  migrationsDir?: string;
}

export interface MigrationStatus {
  engine: Engine;
  /** Migrations on disk, in order. */
  migrations: string[];
  applied: string[];
  /** On disk, not applied yet. */
  pending: string[];
  /** Applied to the database, missing on disk. */
  unknown: string[];
  /** Applied, but the file changed since. */
  edited: string[];
  /** Started and never finished nor rolled back. */
  failed: string[];
  hasMigrationsTable: boolean;
  upToDate: boolean;
  /** Why migrating (and so starting) would be refused, if it would. */
  refusal?: string;
}

// Only the driver of the engine in use is loaded.
async function openTarget(url: string, create: boolean): Promise<MigrationTarget | undefined> {
  if (engineOf(url) === 'sqlite') {
    const { openSqliteTarget } = await import('./migration-sqlite.ts');
    return openSqliteTarget(sqliteFile(url), { create });
  }
  const { openPostgresTarget } = await import('./migration-postgres.ts');
  return openPostgresTarget(url, { create });
}

/**
 * Applies the pending migrations in name order (creating the database if needed) and returns
 * their names. Throws a MigrationError, and applies nothing, when an applied migration was edited
 * or one is recorded as failed.
 */
export async function migrateToLatest(url: string, options: MigrationOptions = {}): Promise<{ applied: string[] }> {
  const engine = engineOf(url);
  const files = readMigrations(engine, options.migrationsDir);
  const target = (await openTarget(url, true))!;
  try {
    /** Whether `file` is still to apply, given the rows as they are now (another process may be migrating too). */
    const stillPending = (file: MigrationFile) => (rows: HistoryRow[]) => {
      const history = compareHistory(files, rows);
      const problem = refusal(history);
      if (problem) throw problem;
      return history.pending.includes(file);
    };
    const initial = compareHistory(files, await target.history());
    const problem = refusal(initial);
    if (problem) throw problem;
    if (initial.pending.length === 0) return { applied: [] };

    await target.lock();
    await target.createHistory();
    const applied: string[] = [];
    for (const file of compareHistory(files, await target.history()).pending) {
      if (await apply(target, engine, file, stillPending(file))) applied.push(file.name);
    }
    return { applied };
  } finally {
    await target.close();
  }
}

/** Applies one migration, unless another process did meanwhile; returns whether this one did. */
async function apply(target: MigrationTarget, engine: Engine, file: MigrationFile, stillPending: (rows: HistoryRow[]) => boolean): Promise<boolean> {
  const row = (startedAt: Date, finishedAt: Date | null): NewRow => ({
    id: crypto.randomUUID(),
    checksum: file.checksum,
    migrationName: file.name,
    startedAt,
    finishedAt,
    appliedStepsCount: finishedAt ? 1 : 0,
  });
  const needs = scriptNeeds(file.script, engine);
  if (needs.transaction) {
    try {
      return await target.applyInTransaction(file.script, {
        foreignKeysOff: needs.foreignKeysOff,
        stillPending,
        row: (startedAt) => row(startedAt, new Date()),
      });
    } catch (error) {
      if (error instanceof MigrationError) throw error;
      throw new MigrationError(
        'migration_failed',
        `Migration ${file.name} failed and was rolled back, so the database is as it was before it: ${describeDatabaseError(error)}. ` +
          'Fix the migration, or the data it trips on, and start again.',
      );
    }
  }
  // As Prisma runs every migration: its row first, then the script, then the row completed (or its error logged).
  const started = row(new Date(), null);
  if (!(await target.recordStart(started, stillPending))) return false;
  try {
    await target.run(file.script);
  } catch (error) {
    const logs = describeDatabaseError(error);
    await target.recordFailure(started.id, logs);
    throw new MigrationError(
      'migration_failed_partway',
      `Migration ${file.name} failed: ${logs}. It cannot run in a transaction (${needs.reason}). ${resolveAdvice(file.name)}`,
    );
  }
  await target.recordFinish(started.id, new Date());
  return true;
}

/** What is applied, pending or wrong, without changing anything (nor creating the database). */
export async function migrationStatus(url: string, options: MigrationOptions = {}): Promise<MigrationStatus> {
  const engine = engineOf(url);
  const files = readMigrations(engine, options.migrationsDir);
  const target = await openTarget(url, false);
  let rows: HistoryRow[] | null = null;
  try {
    rows = target ? await target.history() : null;
  } finally {
    await target?.close();
  }
  const history = compareHistory(files, rows);
  const status = {
    engine,
    migrations: files.map((file) => file.name),
    applied: history.applied,
    pending: history.pending.map((file) => file.name),
    unknown: history.unknown,
    edited: history.edited.map((file) => file.name),
    failed: history.unfinished.map((row) => row.migration_name),
    hasMigrationsTable: rows !== null,
  };
  const problems = [status.pending, status.unknown, status.edited, status.failed];
  return { ...status, upToDate: problems.every((names) => names.length === 0), refusal: refusal(history)?.message };
}
