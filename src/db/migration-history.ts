// `_prisma_migrations` against the migration files: what is applied, pending, failed or edited,
// with the rules of Prisma's schema engine (rolled-back rows are history; a row without
// finished_at nor rolled_back_at is a failed migration that blocks everything after it).
import { matchesChecksum, shown, type MigrationFile } from './migration-files.ts';
import { MigrationError, resolveAdvice } from './migration-errors.ts';

/** One row of `_prisma_migrations`, as both engines return it. */
export interface HistoryRow {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: string | Date;
  finished_at: string | Date | null;
  rolled_back_at: string | Date | null;
  logs: string | null;
  applied_steps_count: number;
}

/** A row to write, in the form `prisma migrate deploy` writes it. */
export interface NewRow {
  id: string;
  checksum: string;
  migrationName: string;
  startedAt: Date;
  /** null while a migration that runs outside a transaction is under way. */
  finishedAt: Date | null;
  appliedStepsCount: number;
}

export interface History {
  /** On disk and recorded as applied. */
  applied: string[];
  /** On disk, not applied: to apply, in this order. */
  pending: MigrationFile[];
  /** Recorded as applied, not on disk (applied by a newer version, or a removed migration). */
  unknown: string[];
  /** Applied, but the file changed since. */
  edited: MigrationFile[];
  /** Started and never finished nor rolled back. */
  unfinished: HistoryRow[];
}

export function compareHistory(files: MigrationFile[], rows: HistoryRow[] | null): History {
  const live = (rows ?? []).filter((row) => row.rolled_back_at === null);
  const onDisk = new Set(files.map((file) => file.name));
  const recorded = new Set(live.map((row) => row.migration_name));
  return {
    applied: files.filter((file) => recorded.has(file.name)).map((file) => file.name),
    pending: files.filter((file) => !recorded.has(file.name)),
    unknown: [...recorded].filter((name) => !onDisk.has(name)),
    edited: files.filter((file) =>
      live.some((row) => row.migration_name === file.name && row.finished_at !== null && !matchesChecksum(file.script, row.checksum)),
    ),
    unfinished: live.filter((row) => row.finished_at === null),
  };
}

/** Why migrations must not go on, if they must not. */
export function refusal(history: History): MigrationError | undefined {
  const [row] = history.unfinished;
  if (row) {
    const logs = row.logs?.trim() ? `, with this error: ${row.logs.trim()}` : '';
    return new MigrationError(
      'migration_unfinished',
      `Migration ${row.migration_name} started at ${row.started_at instanceof Date ? row.started_at.toISOString() : row.started_at} and did not finish${logs}. ${resolveAdvice(row.migration_name)}`,
    );
  }
  const [edited] = history.edited;
  if (edited) {
    return new MigrationError(
      'migration_edited',
      `Migration ${edited.name} was applied to this database, but ${shown(edited.file)} has changed since. ` +
        `An applied migration must stay as it was applied: restore the file (\`git checkout -- ${shown(edited.file)}\`) ` +
        'and put the change in a new migration (`npm run db:migrate:dev`).',
    );
  }
  return undefined;
}
