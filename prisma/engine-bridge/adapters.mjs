// Driver adapter factories for the WASM schema engine, with the fixes the stock adapters need
// to run migrations (each reproduced against Prisma 7.10.0):
//  - SQLite: relative `file:` paths are resolved here so every caller agrees on the file;
//    connections are tracked so they can be closed (the engine takes an EXCLUSIVE lock and never disposes).
//  - PostgreSQL: the engine's introspection reads "char" columns (oid 18), which adapter-pg
//    cannot map; its executeScript splits on every ";"; and its connectToShadowDb, when given a
//    connection string, reconnects to the MAIN database. The shadow database here is always a
//    separate one: the configured shadowDatabaseUrl, or a temporary database dropped afterwards.
import path from 'node:path';
import crypto from 'node:crypto';
import pg from 'pg';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaPg } from '@prisma/adapter-pg';

export function engineOf(url) {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  if (/^file:/i.test(url)) return 'sqlite';
  throw new Error(`Unsupported database URL scheme (expected file: or postgres://): ${maskUrl(url)}`);
}

/** The URL with any password replaced, safe for logs and error messages. */
export function maskUrl(url) {
  return String(url)
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*:)[^@/?#]*@/i, '$1***@')
    .replace(/([?&]password=)[^&#]*/i, '$1***');
}

/** Absolute path of a `file:` URL; relative paths are taken from baseDir (default: cwd). */
export function sqlitePath(url, baseDir = process.cwd()) {
  const p = url.replace(/^file:(\/\/)?/i, '').replace(/\?.*$/, '');
  if (p === ':memory:') return p;
  return path.resolve(baseDir, p);
}

/** Replaces the database name of a postgres URL (works for socket URLs without a host too). */
export function withDatabase(url, database) {
  const m = /^(postgres(?:ql)?:\/\/[^/?#]*)(\/[^?#]*)?(.*)$/i.exec(url);
  if (!m) throw new Error(`Not a PostgreSQL URL: ${maskUrl(url)}`);
  return `${m[1]}/${encodeURIComponent(database)}${m[3] ?? ''}`;
}

export function databaseOf(url) {
  const m = /^postgres(?:ql)?:\/\/[^/?#]*\/([^?#]*)/i.exec(url);
  return m && m[1] ? decodeURIComponent(m[1]) : undefined;
}

function schemaOf(url) {
  const m = /[?&]schema=([^&#]*)/.exec(url);
  return m ? decodeURIComponent(m[1]) : undefined;
}

// The engine replays migration scripts on the shadow database through executeRaw, which
// better-sqlite3 limits to one statement: run multi-statement, parameterless SQL with exec().
function patchSqliteQueryable(q) {
  const executeRaw = q.executeRaw.bind(q);
  q.executeRaw = async (query) => {
    if (query.args.length === 0) {
      try {
        q.client.prepare(query.sql);
      } catch (e) {
        if (!/more than one statement/.test(e?.message)) throw e;
        try {
          q.client.exec(query.sql);
        } catch (err) {
          q.onError(err);
        }
        return 0;
      }
    }
    return executeRaw(query);
  };
  return q;
}

function patchSqliteAdapter(adapter) {
  patchSqliteQueryable(adapter);
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...a) => patchSqliteQueryable(await start(...a));
  return adapter;
}

// adapter-pg throws on oid 18 ("char", e.g. pg_constraint.contype); pg parses it as text already.
const PG_CHAR = 18;
const PG_TEXT = 25;
function patchPgQueryable(q) {
  const performIO = q.performIO.bind(q);
  q.performIO = async (query) => {
    const res = await performIO(query);
    for (const f of res?.fields ?? []) if (f.dataTypeID === PG_CHAR) f.dataTypeID = PG_TEXT;
    return res;
  };
  return q;
}

function patchPgAdapter(adapter) {
  patchPgQueryable(adapter);
  const start = adapter.startTransaction.bind(adapter);
  adapter.startTransaction = async (...a) => patchPgQueryable(await start(...a));
  // One simple-protocol query runs the whole script: no naive split on ";" inside bodies or strings.
  adapter.executeScript = async (script) => {
    try {
      await adapter.underlyingDriver().query(script);
    } catch (e) {
      adapter.onError(e);
    }
  };
  return adapter;
}

async function pgAdmin(url, sql) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

// RELAIS_ENGINE_DEBUG=1: every statement the engine sends, as JSON log lines on stderr.
function traceQueries(q) {
  for (const m of ['queryRaw', 'executeRaw', 'executeScript']) {
    const orig = q[m]?.bind(q);
    if (!orig) continue;
    q[m] = async (arg) => {
      const sql = typeof arg === 'string' ? arg : arg.sql;
      process.stderr.write(JSON.stringify({ level: 'DEBUG', fields: { message: `${m}: ${sql.slice(0, 300)}` } }) + '\n');
      try {
        return await orig(arg);
      } catch (e) {
        process.stderr.write(JSON.stringify({ level: 'DEBUG', fields: { message: `${m} failed: ${e.message} ${JSON.stringify(e.cause ?? '')}` } }) + '\n');
        throw e;
      }
    };
  }
  return q;
}

const quoteIdent = (s) => `"${String(s).replace(/"/g, '""')}"`;

/**
 * A migration-aware adapter factory for `url`. `close()` disposes every connection it opened.
 * `shadowDatabaseUrl` is optional; it must never name the main database.
 */
export function createAdapterFactory(url, { shadowDatabaseUrl, baseDir } = {}) {
  const opened = new Set();
  const track = (adapter) => {
    if (process.env.RELAIS_ENGINE_DEBUG) traceQueries(adapter);
    opened.add(adapter);
    const dispose = adapter.dispose.bind(adapter);
    adapter.dispose = async () => {
      if (!opened.delete(adapter)) return;
      await dispose();
    };
    return adapter;
  };
  const close = async () => {
    for (const a of [...opened]) await a.dispose().catch(() => {});
  };

  if (engineOf(url) === 'sqlite') {
    const file = sqlitePath(url, baseDir);
    const shadow = shadowDatabaseUrl ? sqlitePath(shadowDatabaseUrl, baseDir) : ':memory:';
    if (shadow !== ':memory:' && shadow === file) throw new Error('The shadow database must not be the main database.');
    const inner = new PrismaBetterSqlite3({ url: `file:${file}` }, { shadowDatabaseUrl: `file:${shadow}` });
    return {
      engine: 'sqlite',
      file,
      close,
      factory: {
        provider: 'sqlite',
        adapterName: inner.adapterName,
        connect: async () => track(patchSqliteAdapter(await inner.connect())),
        connectToShadowDb: async () => track(patchSqliteAdapter(await inner.connectToShadowDb())),
      },
    };
  }

  const schema = schemaOf(url);
  const mainDb = databaseOf(url);
  const connectTo = async (u) => track(patchPgAdapter(await new PrismaPg({ connectionString: u }, schema ? { schema } : undefined).connect()));
  return {
    engine: 'postgres',
    close,
    factory: {
      provider: 'postgres',
      adapterName: '@prisma/adapter-pg',
      connect: () => connectTo(url),
      connectToShadowDb: async () => {
        if (shadowDatabaseUrl) {
          if (withDatabase(shadowDatabaseUrl, '') === withDatabase(url, '') && databaseOf(shadowDatabaseUrl) === mainDb) {
            throw new Error('shadowDatabaseUrl names the main database; refusing to use it as a shadow database.');
          }
          return connectTo(shadowDatabaseUrl);
        }
        const name = `prisma_shadow_${crypto.randomBytes(6).toString('hex')}`;
        await pgAdmin(url, `CREATE DATABASE ${quoteIdent(name)}`);
        const adapter = await connectTo(withDatabase(url, name));
        const dispose = adapter.dispose.bind(adapter);
        adapter.dispose = async () => {
          await dispose();
          await pgAdmin(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
        };
        return adapter;
      },
    },
  };
}
