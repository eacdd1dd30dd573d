// The database layer: full-text search objects, the engine bridge's fixes (SQLite reset, shadow
// databases, "char" columns) and the one-source-of-truth schema. Migrations: migrations.test.ts.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createAdapterFactory } from '../../prisma/engine-bridge/index.mjs';
import { openEngine } from '../../prisma/engine-bridge/engine.mjs';
import { SQLITE_TIP_SEARCH_TRIGGERS } from '../../prisma/engine-bridge/fts.mjs';
import { expectedPostgresSchema, postgresSchemaPath } from '../../prisma/derive-postgres-schema.ts';
import { maskUrl, openDatabase, type Db, type Engine } from '../../src/db/client.ts';
import { migrateToLatest } from '../../src/db/migrations.ts';
import { SEARCH_VERSION } from '../../src/domain/tips/search-index.ts';
import { adminQuery, createTestDatabase, emptyDatabase, engines } from '../support/test-database.ts';
import { withDatabase } from '../support/postgres-server.ts';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups) await c();
});

/** An empty database (not migrated). */
async function emptyUrl(engine: Engine): Promise<string> {
  const { url, drop } = await emptyDatabase(engine);
  cleanups.push(drop);
  return url;
}

async function newTip(db: Db, searchText: string): Promise<number> {
  const author = await db.member.create({
    data: { platform: 'console', workspace: 'local', externalId: crypto.randomUUID(), displayName: 'Ana', person: { create: {} } },
  });
  const tip = await db.tip.create({ data: { title: 't', text: 'x', searchText, searchVersion: SEARCH_VERSION, authorId: author.id } });
  return tip.id;
}

async function search(db: Db, engine: Engine, word: string): Promise<number[]> {
  const rows =
    engine === 'sqlite'
      ? await db.$queryRawUnsafe<{ id: number | bigint }[]>(`SELECT rowid AS id FROM "TipSearch" WHERE "TipSearch" MATCH ? ORDER BY rowid`, word)
      : await db.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM "Tip" WHERE "searchVector" @@ to_tsquery('simple', $1) ORDER BY id`, word);
  return rows.map((r) => Number(r.id));
}

describe.each(engines)('full-text search and test databases (%s)', (engine) => {
  it('keeps the full-text index in sync with tips (insert, update, delete)', async () => {
    const t = await createTestDatabase(engine);
    try {
      if (engine === 'sqlite') {
        const objs = await t.db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE name = 'TipSearch' AND sql LIKE '%fts5%'`);
        expect(objs).toHaveLength(1);
      } else {
        const idx = await t.db.$queryRawUnsafe<{ indexdef: string }[]>(`SELECT indexdef FROM pg_indexes WHERE indexname = 'Tip_searchVector_idx'`);
        expect(idx[0]?.indexdef).toMatch(/USING gin \("searchVector"\) WITH \(fastupdate='?off'?\)/i);
      }
      // SQLite also counts the tips having each indexed word ('' counts the tips).
      const words = async () =>
        engine === 'sqlite' ? Object.fromEntries((await t.db.$queryRawUnsafe<{ word: string; docs: number }[]>(`SELECT word, docs FROM "TipSearchWord" WHERE docs > 0 ORDER BY word`)).map((row) => [row.word, Number(row.docs)])) : {};
      const id = await newTip(t.db, 'calendrier partage equipe equipe');
      expect(await search(t.db, engine, 'calendrier')).toEqual([id]);
      if (engine === 'sqlite') expect(await words()).toEqual({ '': 1, calendrier: 1, equipe: 1, partage: 1 });
      await t.db.tip.update({ where: { id }, data: { searchText: 'agenda commun' } });
      expect(await search(t.db, engine, 'calendrier')).toEqual([]);
      expect(await search(t.db, engine, 'agenda')).toEqual([id]);
      if (engine === 'sqlite') expect(await words()).toEqual({ '': 1, agenda: 1, commun: 1 });
      await t.db.tip.update({ where: { id }, data: { voteCount: 3 } });
      if (engine === 'sqlite') expect(await words()).toEqual({ '': 1, agenda: 1, commun: 1 });
      await t.db.tip.delete({ where: { id } });
      expect(await search(t.db, engine, 'agenda')).toEqual([]);
      expect(await words()).toEqual({});
    } finally {
      await t.close();
    }
  });

  it('gives fresh, separate databases', async () => {
    const [a, b] = await Promise.all([createTestDatabase(engine), createTestDatabase(engine)]);
    try {
      expect(a.url).not.toBe(b.url);
      await newTip(a.db, 'seulement ici');
      expect(await b.db.tip.count()).toBe(0);
      expect(await a.db.tip.count()).toBe(1);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});

describe('SQLite specifics', () => {
  it('ignores diacritics in search (unicode61 remove_diacritics 2)', async () => {
    const t = await createTestDatabase('sqlite');
    try {
      const id = await newTip(t.db, 'réunion café');
      expect(await search(t.db, 'sqlite', 'reunion')).toEqual([id]);
    } finally {
      await t.close();
    }
  });

  it('opens with WAL, a busy timeout and foreign keys on', async () => {
    const url = await emptyUrl('sqlite');
    const { db, close } = await openDatabase(url);
    try {
      const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>('PRAGMA journal_mode');
      const [fk] = await db.$queryRawUnsafe<{ foreign_keys: number | bigint }[]>('PRAGMA foreign_keys');
      const [busy] = await db.$queryRawUnsafe<{ timeout: number | bigint }[]>('PRAGMA busy_timeout');
      expect(mode?.journal_mode).toBe('wal');
      expect(Number(fk?.foreign_keys)).toBe(1);
      expect(Number(busy?.timeout)).toBeGreaterThan(0);
    } finally {
      await close();
    }
  });

  it('reset drops every table, FTS ones included (the WASM engine alone only deletes rows)', async () => {
    const url = await emptyUrl('sqlite');
    await migrateToLatest(url);
    const engine = await openEngine({ url });
    try {
      await engine.reset({ filter: { externalTables: [], externalEnums: [] } });
    } finally {
      await engine.close();
    }
    const db = new Database(url.slice('file:'.length), { readonly: true });
    const left = db.prepare(`SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'`).all();
    db.close();
    expect(left).toEqual([]);
  });
});

describe('engine bridge adapters', () => {
  it('puts the PostgreSQL shadow database in a temporary database, dropped afterwards', async () => {
    const url = await emptyUrl('postgres');
    await migrateToLatest(url);
    const adapters = createAdapterFactory(url);
    const shadow = await adapters.factory.connectToShadowDb();
    const q = { sql: 'SELECT current_database() AS db', args: [], argTypes: [] };
    const name = String((await shadow.queryRaw(q)).rows[0][0]);
    await adapters.close();
    expect(name).not.toBe(new URL(url).pathname.slice(1));
    expect(name).toMatch(/^prisma_shadow_/);
    const exists = await adminQuery(`SELECT 1 FROM pg_database WHERE datname = '${name}'`);
    expect(exists.rowCount).toBe(0);
  });

  it('refuses a shadowDatabaseUrl that is the main database', async () => {
    const url = withDatabase(inject('postgresAdminUrl'), 'relais_same');
    const adapters = createAdapterFactory(url, { shadowDatabaseUrl: url });
    await expect(adapters.factory.connectToShadowDb()).rejects.toThrow(/main database/);
    expect(() => createAdapterFactory('file:/tmp/x.db', { shadowDatabaseUrl: 'file:/tmp/x.db' })).toThrow(/main database/);
  });

  it('uses an in-memory shadow database for SQLite', async () => {
    const adapters = createAdapterFactory(await emptyUrl('sqlite'));
    const shadow = await adapters.factory.connectToShadowDb();
    const rows = (await shadow.queryRaw({ sql: 'PRAGMA database_list', args: [], argTypes: [] })).rows;
    await adapters.close();
    expect(rows[0][2]).toBe(''); // no file behind the shadow database
  });

  it('reads PostgreSQL "char" columns (oid 18), which the engine introspects', async () => {
    const adapters = createAdapterFactory(inject('postgresAdminUrl'));
    const conn = await adapters.factory.connect();
    const res = await conn.queryRaw({ sql: `SELECT 'p'::"char" AS c`, args: [], argTypes: [] });
    await adapters.close();
    expect(res.rows[0][0]).toBe('p');
  });
});

describe('one source of truth', () => {
  it('prisma/postgres/schema.prisma is derived from prisma/schema.prisma', () => {
    expect(fs.readFileSync(postgresSchemaPath, 'utf8'), 'run `npx tsx prisma/derive-postgres-schema.ts`').toBe(expectedPostgresSchema());
  });

  it('the latest SQLite migration that creates the search triggers creates those the migration generator restores', () => {
    const dir = path.resolve(import.meta.dirname, '../../prisma/migrations');
    const sql = fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, 'migration.sql'))).sort().map((d) => fs.readFileSync(path.join(dir, d, 'migration.sql'), 'utf8'));
    expect(sql.filter((text) => text.includes('CREATE TRIGGER "Tip_search_insert"')).at(-1)).toContain(SQLITE_TIP_SEARCH_TRIGGERS.trim());
  });

  it('never shows a password in a URL', () => {
    expect(maskUrl('postgresql://relais:s3cret@db:5432/relais')).toBe('postgresql://relais:***@db:5432/relais');
    expect(maskUrl('postgres://db/relais?password=s3cret&x=1')).toBe('postgres://db/relais?password=***&x=1');
  });

  it('does not leak the password when the database cannot be opened', async () => {
    const err = await openDatabase('postgresql://relais:s3cret@127.0.0.1:1/relais').catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect(String((err as Error).message) + String((err as Error).stack)).not.toContain('s3cret');
  });
});
