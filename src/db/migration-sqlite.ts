// Migrations on a SQLite file, through a better-sqlite3 connection of their own, closed before
// the Prisma client opens the file. Each migration is one BEGIN IMMEDIATE transaction (the
// write lock: a second process waits, then finds the migration applied), run synchronously so
// that nothing else in this process can run between its BEGIN and its COMMIT.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseNotEmpty, lockTimeout } from './migration-errors.ts';
import type { HistoryRow, NewRow } from './migration-history.ts';
import { HISTORY_COLUMNS, LOCK_TIMEOUT_MS, type MigrationTarget } from './migration-target.ts';

// Prisma's own DDL for the table (sql-schema-connector, flavour/sqlite.rs), whitespace included:
// SQLite keeps the text, and a database migrated here reads the same as one migrated by the CLI.
const CREATE_HISTORY = `CREATE TABLE "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
);
`;

/** How the engine (through the better-sqlite3 adapter) writes a timestamp: ISO 8601, milliseconds, +00:00. */
const timestamp = (date: Date): string => date.toISOString().replace(/Z$/, '+00:00');

/** A target on `file`; undefined when the file does not exist and `create` is false. */
export function openSqliteTarget(file: string, { create }: { create: boolean }): MigrationTarget | undefined {
  if (!create && !fs.existsSync(file)) return undefined;
  if (create && file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: LOCK_TIMEOUT_MS, readonly: !create, fileMustExist: !create });

  const hasHistory = () => db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get() !== undefined;
  const rows = (): HistoryRow[] | null =>
    hasHistory() ? (db.prepare(`SELECT ${HISTORY_COLUMNS} FROM "_prisma_migrations" ORDER BY started_at`).all() as HistoryRow[]) : null;
  const insert = (row: NewRow) =>
    db
      .prepare(`INSERT INTO "_prisma_migrations" (${HISTORY_COLUMNS}) VALUES (?, ?, ?, ?, NULL, NULL, ?, ?)`)
      .run(row.id, row.checksum, row.finishedAt && timestamp(row.finishedAt), row.migrationName, timestamp(row.startedAt), row.appliedStepsCount);
  /** BEGIN IMMEDIATE ... COMMIT around `fn`, rolled back if it throws. */
  const immediate = <T>(fn: () => T): T => {
    try {
      return db.transaction(fn).immediate();
    } catch (error) {
      if ((error as { code?: unknown }).code === 'SQLITE_BUSY') throw lockTimeout(file, LOCK_TIMEOUT_MS / 1000);
      throw error;
    }
  };

  return {
    async history() {
      return rows();
    },
    async lock() {},
    async createHistory() {
      immediate(() => {
        if (hasHistory()) return;
        const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`).all() as { name: string }[]).map((t) => t.name);
        if (tables.length > 0) throw databaseNotEmpty(file, tables);
        db.exec(CREATE_HISTORY);
      });
    },
    async applyInTransaction(script, { foreignKeysOff, stillPending, row }) {
      // Outside the transaction: inside one, SQLite ignores this pragma.
      const foreignKeys = db.pragma('foreign_keys', { simple: true });
      if (foreignKeysOff) db.pragma('foreign_keys = OFF');
      try {
        return immediate(() => {
          if (!stillPending(rows() ?? [])) return false;
          const startedAt = new Date();
          db.exec(script);
          if (foreignKeysOff) assertForeignKeysHold(db);
          insert(row(startedAt));
          return true;
        });
      } finally {
        if (foreignKeysOff) db.pragma(`foreign_keys = ${Number(foreignKeys)}`);
      }
    },
    async recordStart(row, stillPending) {
      return immediate(() => {
        if (!stillPending(rows() ?? [])) return false;
        insert(row);
        return true;
      });
    },
    async run(script) {
      try {
        db.exec(script);
      } catch (error) {
        // A transaction the script opened and its failure left open: close it before logging the failure.
        if (db.inTransaction) db.exec('ROLLBACK');
        throw error;
      }
    },
    async recordFinish(id, finishedAt) {
      db.prepare(`UPDATE "_prisma_migrations" SET applied_steps_count = applied_steps_count + 1, finished_at = ? WHERE id = ?`).run(timestamp(finishedAt), id);
    },
    async recordFailure(id, logs) {
      db.prepare(`UPDATE "_prisma_migrations" SET logs = ? WHERE id = ?`).run(logs, id);
    },
    async close() {
      db.close();
    },
  };
}

/** What foreign keys would have refused while they were off (SQLite's step 10 for altering a table). */
function assertForeignKeysHold(db: Database.Database): void {
  const broken = db.pragma('foreign_key_check') as { table: string; rowid: number | null; parent: string }[];
  const [first] = broken;
  if (first) {
    throw new Error(
      `it leaves ${broken.length} row(s) whose foreign key points to no row (first: "${first.table}" rowid ${first.rowid} → "${first.parent}")`,
    );
  }
}
