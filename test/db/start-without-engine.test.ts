// `npm start` (src/main.ts, the console chat) opens and migrates its database without loading
// Prisma's schema engine nor its bridge (the modules a real start loads, seen by a loader hook),
// refuses to start, with one message, on a migration history it must not go on from, and
// migrates once when processes start together.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, migrationStatus } from '../../src/db/migrations.ts';
import { emptyDatabase, engines, type Engine } from '../support/test-database.ts';
import { root } from './run-prisma.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

const probe = path.join(root, 'test/db/probe/module-probe.mjs');
const schemaEngine = /@prisma\/schema-engine-wasm|prisma\/engine-bridge\//;

/** Runs `node [args]` under the module probe; returns its exit code, stderr and the modules it loaded. */
function node(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stderr: string; modules: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-probe-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  const out = path.join(dir, 'modules.txt');
  return new Promise((resolve, reject) => {
    const child = spawn('node', ['--import', probe, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, RELAIS_MODULE_PROBE: out, ...env },
      stdio: ['pipe', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr, modules: fs.existsSync(out) ? fs.readFileSync(out, 'utf8').split('\n').filter(Boolean) : [] }));
    child.stdin.end(); // the console chat ends with its input
  });
}

/** `npm start` on `url`, with no platform configured: the console chat, which stops at the end of its input. */
const start = (url: string) => node(['--import', 'tsx', 'src/main.ts'], { DATABASE_URL: url, PORT: '0' });

async function newUrl(engine: Engine): Promise<string> {
  const { url, drop } = await emptyDatabase(engine);
  cleanups.push(drop);
  return url;
}

/** The committed migrations less the last one. */
function allButLast(engine: Engine): string {
  const committed = path.join(root, engine === 'sqlite' ? 'prisma/migrations' : 'prisma/postgres/migrations');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-migrations-'));
  cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(committed, dir, { recursive: true });
  const last = fs.readdirSync(dir).filter((n) => !n.endsWith('.toml')).sort().at(-1)!;
  fs.rmSync(path.join(dir, last), { recursive: true });
  return dir;
}

describe('the module probe', () => {
  it('sees the schema engine when something loads it', async () => {
    const { code, modules } = await node(['--input-type=module', '-e', `await import('./prisma/engine-bridge/engine.mjs')`]);
    expect(code).toBe(0);
    expect(modules.filter((m) => schemaEngine.test(m)).length).toBeGreaterThan(0);
  });
});

describe.each(engines)('npm start without the schema engine (%s)', (engine) => {
  const driverAdapter = engine === 'sqlite' ? '@prisma/adapter-better-sqlite3' : '@prisma/adapter-pg';

  it('opens an up-to-date database', async () => {
    const url = await newUrl(engine);
    await migrateToLatest(url);
    const { code, stderr, modules } = await start(url);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(modules.some((m) => m.includes('/src/db/migrations.ts'))).toBe(true);
    expect(modules.some((m) => m.includes(driverAdapter))).toBe(true);
    expect(modules.filter((m) => schemaEngine.test(m))).toEqual([]);
  });

  it('applies a pending migration', async () => {
    const url = await newUrl(engine);
    await migrateToLatest(url, { migrationsDir: allButLast(engine) });
    expect((await migrationStatus(url)).pending).toHaveLength(1);
    const { code, stderr, modules } = await start(url);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(await migrationStatus(url)).toMatchObject({ pending: [], upToDate: true });
    expect(modules.filter((m) => schemaEngine.test(m))).toEqual([]);
  });

  it('refuses to start, with one message, when an applied migration no longer matches its file', async () => {
    const url = await newUrl(engine);
    await migrateToLatest(url);
    const last = fs.readdirSync(path.join(root, engine === 'sqlite' ? 'prisma/migrations' : 'prisma/postgres/migrations')).filter((n) => !n.endsWith('.toml')).sort().at(-1)!;
    // The database remembers another script than the file now holds: the file was edited after.
    const tamper = `UPDATE "_prisma_migrations" SET checksum = '${'0'.repeat(64)}' WHERE migration_name = '${last}'`;
    if (engine === 'sqlite') {
      const db = new Database(url.slice('file:'.length));
      db.exec(tamper);
      db.close();
    } else {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(tamper);
      await client.end();
    }
    const { code, stderr, modules } = await start(url);
    expect(code).toBe(1);
    const file = path.join(engine === 'sqlite' ? 'prisma/migrations' : 'prisma/postgres/migrations', last, 'migration.sql');
    expect(stderr).toBe(
      `Relais could not start: MigrationError: Migration ${last} was applied to this database, but ${file} has changed since. ` +
        `An applied migration must stay as it was applied: restore the file (\`git checkout -- ${file}\`) and put the change in a new migration (\`npm run db:migrate:dev\`).\n`,
    );
    expect(modules.filter((m) => schemaEngine.test(m))).toEqual([]);
  });

  it('two processes opening a new database at once apply each migration once', async () => {
    const url = await newUrl(engine); // not created: both processes try to
    const open = `import { openDatabase } from './src/db/client.ts'; const d = await openDatabase(process.env.DATABASE_URL); await d.close();`;
    const both = await Promise.all([1, 2].map(() => node(['--import', 'tsx', '--input-type=module', '-e', open], { DATABASE_URL: url })));
    expect(both.map((p) => [p.code, p.stderr])).toEqual([
      [0, ''],
      [0, ''],
    ]);
    const status = await migrationStatus(url);
    expect(status).toMatchObject({ upToDate: true });
    expect((await migrationHistory(url)).sort()).toEqual(status.migrations);
  });
});

/** The migration names recorded in `_prisma_migrations`, one per row. */
async function migrationHistory(url: string): Promise<string[]> {
  const select = `SELECT migration_name FROM "_prisma_migrations"`;
  if (url.startsWith('file:')) {
    const db = new Database(url.slice('file:'.length), { readonly: true });
    try {
      return (db.prepare(select).all() as { migration_name: string }[]).map((r) => r.migration_name);
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(select)).rows.map((r: { migration_name: string }) => r.migration_name);
  } finally {
    await client.end();
  }
}
