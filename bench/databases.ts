import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openDatabase, type Engine } from '../src/db/client.ts';
import { startPostgres, withDatabase } from '../test/support/postgres-server.ts';

export interface BenchDatabases {
  /** A fresh, migrated, empty database of `engine`, named `name`. */
  create(engine: Engine, name: string): Promise<string>;
  close(): Promise<void>;
}

/** Throwaway databases: SQLite files in a temp dir, and a PostgreSQL cluster started for the run (as the tests do). */
export async function benchDatabases(): Promise<BenchDatabases> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-bench-'));
  const server = process.env.TEST_DATABASE_URL ? { url: process.env.TEST_DATABASE_URL, stop() {} } : await startPostgres();
  return {
    async create(engine, name) {
      let url: string;
      if (engine === 'sqlite') url = `file:${path.join(dir, `${name}.db`)}`;
      else {
        const admin = new pg.Client({ connectionString: server.url });
        await admin.connect();
        await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await admin.query(`CREATE DATABASE "${name}"`);
        await admin.end();
        url = withDatabase(server.url, name);
      }
      const { close } = await openDatabase(url);
      await close();
      return url;
    },
    async close() {
      server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
