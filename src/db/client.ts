// Opens Relais's database: SQLite (better-sqlite3) or PostgreSQL (pg), through the Prisma client
// generated for that engine, after applying pending migrations (migrations.ts).
// The client, driver and adapter of the engine in use are the only ones loaded (dynamic imports):
// each generated client and driver left unused would stay resident for the life of the process.
import fs from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '../generated/sqlite/client.ts';
import { migrateToLatest } from './migrations.ts';
import { oneAtATime } from './one-writer.ts';
import { engineOf, maskUrl, sqliteFile, type Engine } from './engine.ts';

export type { Engine };
export { engineOf, maskUrl };
/** Both generated clients have the same API (same models); code is typed against the SQLite one. */
export type Db = PrismaClient;

export interface OpenDatabase {
  db: Db;
  engine: Engine;
  close(): Promise<void>;
}

const SQLITE_BUSY_TIMEOUT_MS = 5000;

export async function openDatabase(url: string, opts: { migrate?: boolean } = {}): Promise<OpenDatabase> {
  const engine = engineOf(url);
  try {
    if (engine === 'sqlite') {
      const file = sqliteFile(url);
      if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
      if (opts.migrate ?? true) await migrateToLatest(`file:${file}`);
      const [{ PrismaClient }, { PrismaBetterSqlite3 }] = await Promise.all([
        import('../generated/sqlite/client.ts'), import('@prisma/adapter-better-sqlite3'),
      ]);
      const db = new PrismaClient({ adapter: oneAtATime(new PrismaBetterSqlite3({ url: `file:${file}`, timeout: SQLITE_BUSY_TIMEOUT_MS })) });
      // WAL: readers never block the writer; busy_timeout: wait for a lock instead of failing
      // (several Relais processes may share the file); foreign keys: enforce onDelete rules.
      await db.$queryRawUnsafe('PRAGMA journal_mode = WAL');
      // synchronous = NORMAL: with WAL, a commit no longer waits for an fsync (only checkpoints
      // do), and every commit still survives a crash or kill of the process — only a power cut or
      // an OS crash can lose the last commits, never corrupt the file. Each commit with FULL costs
      // an fsync while, better-sqlite3 being synchronous, the whole event loop waits.
      await db.$queryRawUnsafe('PRAGMA synchronous = NORMAL');
      await db.$queryRawUnsafe(`PRAGMA busy_timeout = ${SQLITE_BUSY_TIMEOUT_MS}`);
      await db.$queryRawUnsafe('PRAGMA foreign_keys = ON');
      return { db, engine, close: () => db.$disconnect() };
    }
    if (opts.migrate ?? true) await migrateToLatest(url);
    const [{ PrismaClient: PostgresPrismaClient }, { PrismaPg }] = await Promise.all([
      import('../generated/postgres/client.ts'), import('@prisma/adapter-pg'),
    ]);
    const schema = /[?&]schema=([^&#]*)/.exec(url)?.[1];
    const adapter = new PrismaPg({ connectionString: url }, schema ? { schema: decodeURIComponent(schema) } : undefined);
    const db = new PostgresPrismaClient({ adapter }) as unknown as Db;
    await db.$connect();
    return { db, engine, close: () => db.$disconnect() };
  } catch (e) {
    // Driver and engine errors may quote the URL: never let the password out.
    if (e instanceof Error) e.message = e.message.split(url).join(maskUrl(url));
    throw e;
  }
}
