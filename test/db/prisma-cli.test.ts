// The Prisma CLI itself, offline, through the WASM engine bridge, on throwaway databases.
import pg from 'pg';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { adminQuery, emptyDatabase, engines, type Engine } from '../support/test-database.ts';
import { prisma } from './run-prisma.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

async function throwaway(engine: Engine): Promise<string> {
  const { url, drop } = await emptyDatabase(engine, { create: true });
  cleanups.push(drop);
  return url;
}

const schemaOf = (engine: Engine) => (engine === 'sqlite' ? 'prisma/schema.prisma' : 'prisma/postgres/schema.prisma');
const migrationsOf = (engine: Engine) => (engine === 'sqlite' ? 'prisma/migrations' : 'prisma/postgres/migrations');

// Each CLI run costs a couple of seconds: the scenarios run side by side on their own databases.
describe.concurrent.each(engines)('prisma CLI through the engine bridge (%s)', (engine) => {
  it('status, deploy, diff and reset work offline', async () => {
    const url = await throwaway(engine);

    const before = await prisma(url, ['migrate', 'status']);
    expect(before.out).toMatch(/not yet been applied/);
    expect(before.code).toBe(1);

    const deploy = await prisma(url, ['migrate', 'deploy']);
    expect(deploy.out).toMatch(/successfully applied/);
    expect(deploy.code).toBe(0);

    const after = await prisma(url, ['migrate', 'status']);
    expect(after.out).toMatch(/Database schema is up to date/);
    expect(after.code).toBe(0);

    // The committed migrations produce exactly the schema (hand-written FTS objects ignored).
    const sync = await prisma(url, ['migrate', 'diff', '--from-migrations', migrationsOf(engine), '--to-schema', schemaOf(engine), '--exit-code']);
    expect(sync.out, 'run `npm run db:migrate:dev` after changing prisma/schema.prisma').toMatch(/No difference detected|empty migration/);
    expect(sync.code).toBe(0);

    const live = await prisma(url, ['migrate', 'diff', '--from-config-datasource', '--to-schema', schemaOf(engine), '--exit-code']);
    expect(live.code, live.out).toBe(0);

    const reset = await prisma(url, ['migrate', 'reset', '--force']);
    expect(reset.code, reset.out).toBe(0);
    const again = await prisma(url, ['migrate', 'status']);
    expect(again.out).toMatch(/Database schema is up to date/);
    for (const r of [before, deploy, after, sync, live, reset, again]) expect(r.out).not.toMatch(/binaries\.prisma\.sh|Downloading/i);
  }, 180_000); // seven CLI runs in a row: over a minute on a busy machine
});

describe.concurrent('prisma CLI specifics', () => {
  it('reset through the CLI recreates the SQLite FTS objects from the migrations', async () => {
    const url = await throwaway('sqlite');
    expect((await prisma(url, ['migrate', 'deploy'])).code).toBe(0);
    expect((await prisma(url, ['migrate', 'reset', '--force'])).code).toBe(0);
    const db = new Database(url.slice('file:'.length), { readonly: true });
    const names = db.prepare(`SELECT name FROM sqlite_master WHERE name LIKE 'TipSearch%' OR name LIKE 'Tip_search_%'`).all();
    db.close();
    expect(names.length).toBeGreaterThanOrEqual(4);
  });

  it('the shadow database of `migrate diff --from-migrations` is a temporary one, never the main database', async () => {
    const url = await throwaway('postgres');
    const res = await prisma(url, ['migrate', 'diff', '--from-migrations', migrationsOf('postgres'), '--to-schema', schemaOf('postgres'), '--exit-code']);
    expect(res.code, res.out).toBe(0);
    // The main database was not touched: migrations were replayed elsewhere.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const tables = await client.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`);
    await client.end();
    expect(tables.rows[0].n).toBe(0);
  });
});
