// Migrations on PostgreSQL, through a pg connection of their own. Like Prisma's schema engine:
// one session advisory lock (72707369, Prisma's number, so `prisma migrate deploy` and Relais
// exclude each other too) while migrating, and the schema of `?schema=` (else public).
// Unlike it, each migration and its `_prisma_migrations` row commit or roll back together.
import pg from 'pg';
import { maskUrl, postgresDatabaseOf, postgresSchemaOf, withPostgresDatabase } from './engine.ts';
import { databaseNotEmpty, lockTimeout } from './migration-errors.ts';
import type { HistoryRow, NewRow } from './migration-history.ts';
import { HISTORY_COLUMNS, LOCK_TIMEOUT_MS, type MigrationTarget } from './migration-target.ts';

const PRISMA_LOCK = 72707369;

// Prisma's own DDL for the table (sql-schema-connector, flavour/postgres.rs).
const CREATE_HISTORY = `CREATE TABLE _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
);
`;

const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
const codeOf = (error: unknown): unknown => (error as { code?: unknown }).code;
const DATABASE_MISSING = '3D000';
const LOCK_NOT_AVAILABLE = '55P03';

async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/** CREATE DATABASE from a maintenance database, as the engine does (another process may win the race). */
async function createDatabase(url: string, name: string): Promise<void> {
  for (const maintenance of ['postgres', 'template1']) {
    let admin: pg.Client;
    try {
      admin = await connect(withPostgresDatabase(url, maintenance));
    } catch (error) {
      if (codeOf(error) === DATABASE_MISSING) continue;
      throw error;
    }
    try {
      await admin.query(`CREATE DATABASE ${ident(name)}`);
    } catch (error) {
      // 42P04: it exists now; 23505: created at the same instant by another process.
      if (codeOf(error) !== '42P04' && codeOf(error) !== '23505') throw error;
    } finally {
      await admin.end();
    }
    return;
  }
}

/** A target on `url`; undefined when the database does not exist and `create` is false. */
export async function openPostgresTarget(url: string, { create }: { create: boolean }): Promise<MigrationTarget | undefined> {
  let client: pg.Client;
  try {
    client = await connect(url);
  } catch (error) {
    const name = postgresDatabaseOf(url);
    if (codeOf(error) !== DATABASE_MISSING || !name) throw error;
    if (!create) return undefined;
    await createDatabase(url, name);
    client = await connect(url);
  }
  const schema = postgresSchemaOf(url) ?? 'public';
  await client.query(`SET search_path TO ${ident(schema)}`);
  let locked = false;

  const rows = async (): Promise<HistoryRow[] | null> => {
    const present = await client.query(`SELECT to_regclass('_prisma_migrations') IS NOT NULL AS present`);
    if (!present.rows[0].present) return null;
    return (await client.query(`SELECT ${HISTORY_COLUMNS} FROM _prisma_migrations ORDER BY started_at`)).rows;
  };
  const insert = (row: NewRow) =>
    client.query(`INSERT INTO _prisma_migrations (${HISTORY_COLUMNS}) VALUES ($1, $2, $3, $4, NULL, NULL, $5, $6)`, [
      row.id,
      row.checksum,
      row.finishedAt,
      row.migrationName,
      row.startedAt,
      row.appliedStepsCount,
    ]);
  const transaction = async <T>(fn: () => Promise<T>): Promise<T> => {
    await client.query('BEGIN');
    try {
      const result = await fn();
      await client.query('COMMIT');
      return result;
    } catch (error) {
      // If the connection itself failed, ROLLBACK fails too: the first error is the one to tell.
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  };

  return {
    history: rows,
    async lock() {
      // lock_timeout bounds the wait for the advisory lock, then goes back to no limit: a
      // migration's DDL may have to wait for the transactions of running processes.
      await client.query(`SET lock_timeout = ${LOCK_TIMEOUT_MS}`);
      try {
        await client.query(`SELECT pg_advisory_lock(${PRISMA_LOCK})`);
      } catch (error) {
        if (codeOf(error) === LOCK_NOT_AVAILABLE) throw lockTimeout(maskUrl(url), LOCK_TIMEOUT_MS / 1000);
        throw error;
      } finally {
        await client.query('RESET lock_timeout');
      }
      locked = true;
    },
    async createHistory() {
      await transaction(async () => {
        if ((await rows()) !== null) return;
        const schemaExists = await client.query(`SELECT 1 FROM pg_namespace WHERE nspname = $1`, [schema]);
        if (schemaExists.rowCount === 0) await client.query(`CREATE SCHEMA ${ident(schema)}`);
        const tables = await client.query(
          `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE c.relkind = 'r' AND n.nspname = $1 ORDER BY c.relname`,
          [schema],
        );
        if (tables.rows.length > 0) throw databaseNotEmpty(maskUrl(url), tables.rows.map((t: { name: string }) => t.name));
        await client.query(CREATE_HISTORY);
      });
    },
    async applyInTransaction(script, { stillPending, row }) {
      return transaction(async () => {
        if (!stillPending((await rows()) ?? [])) return false;
        const startedAt = new Date();
        // No parameters: the simple query protocol, which runs every statement of the script.
        await client.query(script);
        await insert(row(startedAt));
        return true;
      });
    },
    async recordStart(row, stillPending) {
      return transaction(async () => {
        if (!stillPending((await rows()) ?? [])) return false;
        await insert(row);
        return true;
      });
    },
    async run(script) {
      try {
        await client.query(script);
      } catch (error) {
        // A transaction block the script opened is now aborted, and would refuse logging the
        // failure (prisma/prisma#15295). Without one, ROLLBACK only warns.
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    },
    async recordFinish(id, finishedAt) {
      await client.query(`UPDATE _prisma_migrations SET applied_steps_count = applied_steps_count + 1, finished_at = $1 WHERE id = $2`, [finishedAt, id]);
    },
    async recordFailure(id, logs) {
      await client.query(`UPDATE _prisma_migrations SET logs = $1 WHERE id = $2`, [logs, id]);
    },
    async close() {
      try {
        if (locked) await client.query(`SELECT pg_advisory_unlock(${PRISMA_LOCK})`);
      } finally {
        await client.end();
      }
    },
  };
}
