import Database from 'better-sqlite3';
import { sqliteFile } from '../../src/db/engine.ts';
import type { Engine } from '../../src/db/client.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { tcpProxy, type TcpProxy } from './proxies.ts';

export interface Outage {
  database: TestDatabase;
  /** The DATABASE_URL to give Relais: through the proxy on PostgreSQL. */
  url: string;
  begin(): Promise<void>;
  end(): Promise<void>;
  close(): Promise<void>;
}

/**
 * A database that can be taken away. SQLite: another process holds the write lock (EXCLUSIVE),
 * so writes wait out busy_timeout and fail "database is locked". PostgreSQL: the server becomes
 * unreachable (connections refused, open ones reset).
 */
export async function outageOf(engine: Engine): Promise<Outage> {
  const database = await createTestDatabase(engine);
  if (engine === 'sqlite') {
    let holder: Database.Database | undefined;
    return {
      database,
      url: database.url,
      async begin() {
        holder = new Database(sqliteFile(database.url));
        holder.exec('BEGIN EXCLUSIVE');
      },
      async end() {
        holder?.exec('COMMIT');
        holder?.close();
        holder = undefined;
      },
      async close() {
        holder?.close();
        await database.close();
      },
    };
  }
  const target = new URL(database.url);
  const proxy: TcpProxy = await tcpProxy(target.hostname, Number(target.port));
  target.port = String(proxy.port);
  return {
    database,
    url: target.toString(),
    begin: () => proxy.cut(),
    end: () => proxy.restore(),
    async close() {
      await proxy.close();
      await database.close();
    },
  };
}
