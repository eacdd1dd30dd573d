// A fresh, fully migrated database per call, on either engine, for tests. SQLite: a copy of the
// run's migrated template file in a temp dir; PostgreSQL: CREATE DATABASE ... TEMPLATE on the
// server started by the globalSetup (postgres-server.ts), dropped at close().
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Db, type Engine } from '../../src/db/client.ts';
import { withDatabase } from './postgres-server.ts';

export type { Db, Engine };
export const engines: Engine[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  db: Db;
  url: string;
  engine: Engine;
  close(): Promise<void>;
}

/** One statement as the test server's administrator (CREATE/DROP DATABASE, catalog checks). */
export async function adminQuery(sql: string): Promise<pg.QueryResult> {
  const client = new pg.Client({ connectionString: inject('postgresAdminUrl') });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * A database with nothing in it, not even migrations: a new SQLite file, or a new PostgreSQL
 * database name (created now with `create`, else left for the code under test to create).
 */
export async function emptyDatabase(engine: Engine, options: { create?: boolean } = {}): Promise<{ url: string; drop(): Promise<void> }> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-empty-'));
    return { url: `file:${path.join(dir, 'empty.db')}`, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `relais_e_${crypto.randomBytes(5).toString('hex')}`;
  if (options.create) await adminQuery(`CREATE DATABASE "${name}"`);
  return {
    url: withDatabase(inject('postgresAdminUrl'), name),
    drop: async () => void (await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)),
  };
}

export async function createTestDatabase(engine: Engine): Promise<TestDatabase> {
  if (engine === 'sqlite') {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-test-'));
    const file = path.join(dir, 'relais.db');
    fs.copyFileSync(inject('sqliteTemplateFile'), file);
    const url = `file:${file}`;
    const { db } = await openDatabase(url);
    return {
      db,
      url,
      engine,
      async close() {
        await db.$disconnect();
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const name = `relais_t_${crypto.randomBytes(6).toString('hex')}`;
  // 55006: the template is briefly "being accessed by other users" when creates overlap; retry.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE "${name}" TEMPLATE "${inject('postgresTemplateDb')}"`);
      break;
    } catch (e) {
      if ((e as { code?: string }).code !== '55006' || attempt >= 20) throw e;
      await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
    }
  }
  const url = withDatabase(inject('postgresAdminUrl'), name);
  const { db } = await openDatabase(url);
  return {
    db,
    url,
    engine,
    async close() {
      await db.$disconnect();
      await adminQuery(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}
