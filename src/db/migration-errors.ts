// Why migrations refuse to run. These reach the operator starting Relais (or running
// `relais migrate`), not chat users: one message that names the migration and what to do.

export type MigrationErrorCode =
  /** An applied migration's file changed since. */
  | 'migration_edited'
  /** A row of `_prisma_migrations` says a migration started and never finished (it failed outside a transaction). */
  | 'migration_unfinished'
  /** A migration failed in its transaction: nothing of it was applied. */
  | 'migration_failed'
  /** A migration that cannot run in a transaction failed: part of it may be applied. */
  | 'migration_failed_partway'
  | 'database_not_empty'
  | 'migration_lock_timeout'
  | 'migration_file_missing'
  | 'migration_provider_mismatch';

export class MigrationError extends Error {
  constructor(
    readonly code: MigrationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'MigrationError';
    // Start-up prints an error's stack: for these the message is the whole story, and a call
    // stack under it would only bury what the operator has to do.
    this.stack = `${this.name}: ${message}`;
  }
}

/** A database error as one line: its message and, when it has one, the engine's code. */
export function describeDatabaseError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${error.message} (${code})` : error.message;
}

export function databaseNotEmpty(where: string, tables: string[]): MigrationError {
  const listed = tables.slice(0, 5).map((t) => `"${t}"`).join(', ') + (tables.length > 5 ? ', ...' : '');
  return new MigrationError(
    'database_not_empty',
    `The database at ${where} has tables (${listed}) but no _prisma_migrations table: Relais's migrations did not create it. ` +
      'Point DATABASE_URL at an empty (or new) database, or baseline this one by recording the migrations it already has ' +
      '(`npx prisma migrate resolve --applied <migration>`).',
  );
}

export function lockTimeout(where: string, seconds: number): MigrationError {
  return new MigrationError(
    'migration_lock_timeout',
    `Another process has been migrating the database at ${where} for more than ${seconds} s: start again once it is done.`,
  );
}

/** What to do about a migration that may be applied in part. */
export const resolveAdvice = (name: string): string =>
  'Part of it may be in the database: check what it left, then record the outcome with ' +
  `\`npx prisma migrate resolve --rolled-back ${name}\` (after undoing it) or ` +
  `\`npx prisma migrate resolve --applied ${name}\` (after completing it by hand), and start again.`;
