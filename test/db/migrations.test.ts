// Relais's migration runner (src/db/migrations.ts) on real SQLite and PostgreSQL databases,
// against what the Prisma CLI (through the engine bridge) writes and reads.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.ts';
import { migrateToLatest, migrationStatus, MigrationError } from '../../src/db/migrations.ts';
import { adminQuery, emptyDatabase, engines, type Engine } from '../support/test-database.ts';
import { prisma, root, run } from './run-prisma.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function newUrl(engine: Engine, options: { create?: boolean } = {}): Promise<string> {
  const { url, drop } = await emptyDatabase(engine, options);
  cleanups.push(drop);
  return url;
}

const committedDir = (engine: Engine) => path.join(root, engine === 'sqlite' ? 'prisma/migrations' : 'prisma/postgres/migrations');
const committedNames = (engine: Engine) => fs.readdirSync(committedDir(engine)).filter((n) => !n.endsWith('.toml')).sort();

/** A copy of the committed migrations, less the last `drop` ones, plus `extra` ({ name: sql }). */
function migrationsCopy(engine: Engine, extra: Record<string, string> = {}, drop = 0): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-migrations-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(committedDir(engine), dir, { recursive: true });
  for (const name of committedNames(engine).slice(committedNames(engine).length - drop)) fs.rmSync(path.join(dir, name), { recursive: true });
  for (const [name, sql] of Object.entries(extra)) writeMigration(dir, name, sql);
  return dir;
}

function writeMigration(dir: string, name: string, sql: string): void {
  fs.mkdirSync(path.join(dir, name), { recursive: true });
  fs.writeFileSync(path.join(dir, name, 'migration.sql'), sql);
}

/** Runs SQL on the database of `url` with the engine's own driver; returns the rows of the last statement. */
async function sql(url: string, script: string): Promise<Record<string, unknown>[]> {
  if (url.startsWith('file:')) {
    const db = new Database(url.slice('file:'.length));
    try {
      const statement = /^\s*(SELECT|PRAGMA)\b/i.test(script) ? db.prepare(script) : undefined;
      if (statement) return statement.all() as Record<string, unknown>[];
      db.exec(script);
      return [];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(script);
    return (Array.isArray(result) ? result.at(-1)! : result).rows;
  } finally {
    await client.end();
  }
}

const tableExists = async (url: string, name: string) =>
  (await sql(url, url.startsWith('file:') ? `SELECT name FROM sqlite_master WHERE type = 'table' AND name = '${name}'` : `SELECT relname FROM pg_class WHERE relname = '${name}'`)).length > 0;

const history = (url: string) => sql(url, `SELECT * FROM "_prisma_migrations" ORDER BY migration_name`);

/** Every schema object, as the database describes it, to compare two databases. */
async function schemaOf(url: string, engine: Engine): Promise<unknown> {
  if (engine === 'sqlite') return sql(url, `SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name`);
  return {
    columns: await sql(url, `SELECT table_name, column_name, data_type, character_maximum_length, column_default, is_nullable
      FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`),
    indexes: await sql(url, `SELECT tablename, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY indexname`),
    constraints: await sql(url, `SELECT conrelid::regclass::text AS tbl, conname, pg_get_constraintdef(oid) AS def
      FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY conname`),
  };
}

async function refusal(promise: Promise<unknown>): Promise<MigrationError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MigrationError);
  return error as MigrationError;
}

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const EXTRA = '20991231000000_extra';

describe.each(engines)('the migration runner (%s)', (engine) => {
  it('migrates a new database (creating it) exactly as `prisma migrate deploy` does, and the CLI agrees', async () => {
    const byCli = await newUrl(engine, { create: true });
    const byRunner = await newUrl(engine); // not created yet: the runner creates it
    const deploy = await prisma(byCli, ['migrate', 'deploy']);
    expect(deploy.code, deploy.out).toBe(0);
    expect(await migrateToLatest(byRunner)).toEqual({ applied: committedNames(engine) });

    const cliRows = await history(byCli);
    const runnerRows = await history(byRunner);
    const form = (row: Record<string, unknown>) => ({
      migration_name: row.migration_name,
      checksum: row.checksum,
      applied_steps_count: row.applied_steps_count,
      logs: row.logs,
      rolled_back_at: row.rolled_back_at,
      // SQLite keeps the text the writer chose; PostgreSQL returns Dates.
      timestamps: [row.started_at, row.finished_at].map((t) => (typeof t === 'string' ? t.replace(/\d/g, '0') : t instanceof Date)),
    });
    expect(runnerRows.map(form)).toEqual(cliRows.map(form));
    for (const row of runnerRows) {
      expect(row.id).toMatch(uuid);
      expect(new Date(row.finished_at as string).getTime()).toBeGreaterThanOrEqual(new Date(row.started_at as string).getTime());
    }
    // Same tables, columns, indexes, triggers and constraints, `_prisma_migrations` included.
    expect(await schemaOf(byRunner, engine)).toEqual(await schemaOf(byCli, engine));

    const status = await prisma(byRunner, ['migrate', 'status']);
    expect(status.out).toMatch(/Database schema is up to date/);
    expect(status.code).toBe(0);
    // And the runner accepts what the CLI applied.
    expect(await migrateToLatest(byCli)).toEqual({ applied: [] });
    expect(await migrationStatus(byCli)).toMatchObject({ upToDate: true, applied: committedNames(engine) });
  });

  it('applies a pending migration, and only that one', async () => {
    const url = await newUrl(engine);
    await migrateToLatest(url);
    const dir = migrationsCopy(engine, { [EXTRA]: `CREATE TABLE "Extra" ("id" INTEGER NOT NULL PRIMARY KEY, "note" TEXT);\n` });
    expect(await migrationStatus(url, { migrationsDir: dir })).toMatchObject({ pending: [EXTRA], upToDate: false });

    expect(await migrateToLatest(url, { migrationsDir: dir })).toEqual({ applied: [EXTRA] });
    const { db, close } = await openDatabase(url);
    try {
      expect(await db.$executeRawUnsafe(`INSERT INTO "Extra" ("id", "note") VALUES (1, 'ok')`)).toBe(1);
    } finally {
      await close();
    }
    expect((await history(url)).map((r) => r.migration_name)).toEqual([...committedNames(engine), EXTRA]);
    expect(await migrationStatus(url, { migrationsDir: dir })).toMatchObject({ pending: [], upToDate: true });
    // Seen from the committed migrations, it is one this version does not know.
    expect(await migrationStatus(url)).toMatchObject({ unknown: [EXTRA], upToDate: false });
    expect(await migrateToLatest(url)).toEqual({ applied: [] });
  });

  it('refuses to go on when an applied migration was edited, naming it and what to do', async () => {
    const url = await newUrl(engine);
    const dir = migrationsCopy(engine);
    await migrateToLatest(url, { migrationsDir: dir });
    const last = committedNames(engine).at(-1)!;
    const file = path.join(dir, last, 'migration.sql');
    const original = fs.readFileSync(file, 'utf8');

    // Line endings changed by git are not an edit (Prisma compares both ways).
    fs.writeFileSync(file, original.replaceAll('\n', '\r\n'));
    expect(await migrateToLatest(url, { migrationsDir: dir })).toEqual({ applied: [] });

    fs.writeFileSync(file, `${original}\nCREATE TABLE "Sneaky" ("id" INTEGER);\n`);
    const error = await refusal(migrateToLatest(url, { migrationsDir: dir }));
    expect(error.code).toBe('migration_edited');
    expect(error.message).toContain(`Migration ${last} was applied to this database`);
    expect(error.message).toContain('git checkout --');
    expect(await migrationStatus(url, { migrationsDir: dir })).toMatchObject({ edited: [last], upToDate: false });
    expect(await tableExists(url, 'Sneaky')).toBe(false);
  });

  it('rolls back a migration that fails halfway, reports it, and applies it once fixed', async () => {
    const url = await newUrl(engine);
    await migrateToLatest(url);
    // A body with BEGIN/END (trigger, DO block) is not transaction control: the script stays in one transaction.
    const body =
      engine === 'sqlite'
        ? `CREATE TRIGGER "Half_insert" AFTER INSERT ON "Half" BEGIN SELECT 1; END;`
        : `DO $$ BEGIN PERFORM 1; END $$;`;
    const good = `CREATE TABLE "Half" ("id" INTEGER NOT NULL PRIMARY KEY);\nCREATE INDEX "Half_idx" ON "Half"("id");\n${body}\nINSERT INTO "Half" ("id") VALUES (1);\n`;
    const dir = migrationsCopy(engine, { [EXTRA]: `${good}INSERT INTO "Half" ("id") VALUES (1);\n` });

    const error = await refusal(migrateToLatest(url, { migrationsDir: dir }));
    expect(error.code).toBe('migration_failed');
    expect(error.message).toMatch(new RegExp(`^Migration ${EXTRA} failed and was rolled back`));
    expect(error.message).toMatch(/UNIQUE|duplicate key/i);
    // Nothing left: no table, no index, no row in the history.
    const objects =
      engine === 'sqlite'
        ? await sql(url, `SELECT name FROM sqlite_master WHERE name LIKE 'Half%'`)
        : await sql(url, `SELECT relname AS name FROM pg_class WHERE relname LIKE 'Half%'`);
    expect(objects).toEqual([]);
    expect((await history(url)).map((r) => r.migration_name)).toEqual(committedNames(engine));
    expect(await migrationStatus(url, { migrationsDir: dir })).toMatchObject({ pending: [EXTRA], failed: [] });

    writeMigration(dir, EXTRA, good);
    expect(await migrateToLatest(url, { migrationsDir: dir })).toEqual({ applied: [EXTRA] });
    expect(await sql(url, `SELECT count(*) AS n FROM "Half"`)).toEqual([{ n: engine === 'sqlite' ? 1 : '1' }]);
  });

  it('runs a migration that cannot run in a transaction as Prisma does, and blocks on its failure', async () => {
    const url = await newUrl(engine);
    await migrateToLatest(url);
    // SQLite refuses VACUUM in a transaction; PostgreSQL, CREATE INDEX CONCURRENTLY.
    const outside = engine === 'sqlite' ? 'VACUUM;\n' : 'CREATE INDEX CONCURRENTLY "Tip_title_idx" ON "Tip"("title");\n';
    const dir = migrationsCopy(engine, { '20991231000000_outside': outside });
    expect(await migrateToLatest(url, { migrationsDir: dir })).toEqual({ applied: ['20991231000000_outside'] });
    const [row] = (await history(url)).filter((r) => r.migration_name === '20991231000000_outside');
    expect(row).toMatchObject({ applied_steps_count: 1, logs: null, rolled_back_at: null });
    expect(row!.finished_at).not.toBeNull();

    const failing = engine === 'sqlite' ? 'VACUUM;\nINSERT INTO "Nowhere" VALUES (1);\n' : 'CREATE INDEX CONCURRENTLY "Nowhere_idx" ON "Nowhere"("id");\n';
    writeMigration(dir, '20991231000001_failing', failing);
    const error = await refusal(migrateToLatest(url, { migrationsDir: dir }));
    expect(error.code).toBe('migration_failed_partway');
    expect(error.message).toContain('20991231000001_failing');
    expect(error.message).toContain('cannot run in a transaction');
    const [failed] = (await history(url)).filter((r) => r.migration_name === '20991231000001_failing');
    expect(failed).toMatchObject({ finished_at: null, rolled_back_at: null, applied_steps_count: 0 });
    expect(String(failed!.logs)).toContain('Nowhere');

    // As Prisma: a failed migration blocks the next start until someone resolves it.
    const blocked = await refusal(migrateToLatest(url, { migrationsDir: dir }));
    expect(blocked.code).toBe('migration_unfinished');
    expect(blocked.message).toContain('Migration 20991231000001_failing started at');
    expect(blocked.message).toContain('npx prisma migrate resolve --rolled-back 20991231000001_failing');
    expect(await migrationStatus(url, { migrationsDir: dir })).toMatchObject({ failed: ['20991231000001_failing'], upToDate: false });
  });

  it('keeps existing rows through the vote-count migration (a table rebuild on SQLite) and counts the votes', async () => {
    const url = await newUrl(engine);
    const names = committedNames(engine);
    const from = names.findIndex((name) => name.endsWith('_tip_vote_count'));
    await migrateToLatest(url, { migrationsDir: migrationsCopy(engine, {}, names.length - from) });
    await sql(
      url,
      `INSERT INTO "Member" ("platform", "workspace", "externalId", "displayName") VALUES ('console', 'local', 'a', 'Ana'), ('console', 'local', 'b', 'Bo');
       INSERT INTO "Tip" ("title", "text", "authorId", "updatedAt") VALUES ('t1', 'x', 1, CURRENT_TIMESTAMP), ('t2', 'y', 2, CURRENT_TIMESTAMP);
       INSERT INTO "TipVote" ("tipId", "memberId") VALUES (1, 1), (1, 2), (2, 1);`,
    );
    expect(await migrateToLatest(url)).toEqual({ applied: names.slice(from) });
    // With foreign keys on in the transaction, dropping the old "Tip" would have cascaded to the votes.
    expect(await sql(url, `SELECT count(*) AS n FROM "TipVote"`)).toEqual([{ n: engine === 'sqlite' ? 3 : '3' }]);
    expect(await sql(url, `SELECT "id", "voteCount" FROM "Tip" ORDER BY "id"`)).toEqual([
      { id: 1, voteCount: 2 },
      { id: 2, voteCount: 1 },
    ]);
    if (engine === 'sqlite') expect(await sql(url, 'PRAGMA foreign_key_check')).toEqual([]);
  });

  it('two opens at once apply each migration once', async () => {
    const url = await newUrl(engine, { create: true });
    const opened = await Promise.all([openDatabase(url), openDatabase(url)]);
    await Promise.all(opened.map((o) => o.close()));
    expect((await history(url)).map((r) => r.migration_name)).toEqual(committedNames(engine));
  });

  it('refuses a database that has tables but no migration history, and changes nothing', async () => {
    const url = await newUrl(engine, { create: true });
    await sql(url, `CREATE TABLE "Someone" ("id" INTEGER)`);
    const error = await refusal(migrateToLatest(url));
    expect(error.code).toBe('database_not_empty');
    expect(error.message).toContain('"Someone"');
    expect(await migrationStatus(url)).toMatchObject({ hasMigrationsTable: false, pending: committedNames(engine) });
  });

  it('reports the status of a database that does not exist yet without creating it', async () => {
    const url = await newUrl(engine);
    expect(await migrationStatus(url)).toMatchObject({ engine, hasMigrationsTable: false, applied: [], pending: committedNames(engine), upToDate: false });
    if (engine === 'sqlite') expect(fs.existsSync(url.slice('file:'.length))).toBe(false);
    else expect((await adminQuery(`SELECT 1 FROM pg_database WHERE datname = '${new URL(url).pathname.slice(1)}'`)).rowCount).toBe(0);
  });
});

describe('the migration runner on PostgreSQL', () => {
  it('waits for `prisma migrate`’s advisory lock, then finds the work done', async () => {
    const url = await newUrl('postgres', { create: true });
    const holder = new pg.Client({ connectionString: url });
    await holder.connect();
    try {
      await holder.query('SELECT pg_advisory_lock(72707369)');
      const waiting = migrateToLatest(url);
      // Until the runner is seen waiting for the lock (PostgreSQL lists the wait in pg_locks).
      const waits = `SELECT count(*)::int AS n FROM pg_locks WHERE locktype = 'advisory' AND objid = 72707369 AND NOT granted`;
      while ((await holder.query(waits)).rows[0].n === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await tableExists(url, '_prisma_migrations')).toBe(false);
      await holder.query('SELECT pg_advisory_unlock(72707369)');
      expect(await waiting).toEqual({ applied: committedNames('postgres') });
    } finally {
      await holder.end();
    }
  });
});

describe('`npx relais migrate`', () => {
  it('applies pending migrations, and `migrate status` reports them and what would stop a start', async () => {
    const url = await newUrl('sqlite');
    const env = { ...process.env, DATABASE_URL: url };
    const relais = (args: string[]) =>
      run('npx', ['relais', ...args], { cwd: root, env }).then(
        ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
        (e: { code: number; stdout: string; stderr: string }) => e,
      );
    const before = await relais(['migrate', 'status']);
    expect(before.stdout).toContain(`Not yet applied:\n${committedNames('sqlite').map((n) => `  ${n}\n`).join('')}`);
    expect(before.code).toBe(1);
    const migrate = await relais(['migrate']);
    expect(migrate.stdout).toBe(`Applied to ${url}:\n${committedNames('sqlite').map((n) => `  ${n}\n`).join('')}`);
    const after = await relais(['migrate', 'status']);
    expect(after.stdout).toMatch(/Database schema is up to date\.\n$/);
    expect(after.code).toBe(0);

    const last = committedNames('sqlite').at(-1)!;
    await sql(url, `UPDATE "_prisma_migrations" SET checksum = '${'0'.repeat(64)}' WHERE migration_name = '${last}'`);
    const edited = await relais(['migrate', 'status']);
    expect(edited.stdout).toContain(`Edited after being applied:\n  ${last}\n`);
    expect(edited.stdout).toContain(`Relais will not migrate nor start on it: Migration ${last} was applied to this database`);
    expect(edited.code).toBe(1);
    const refused = await relais(['migrate']);
    expect(refused.stderr).toMatch(new RegExp(`^relais migrate: Migration ${last} was applied to this database`));
    expect(refused.code).toBe(1);
  });
});
