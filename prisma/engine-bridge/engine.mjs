// The WASM schema engine (@prisma/schema-engine-wasm) behind the method names of the native
// schema-engine's JSON-RPC API, plus the gaps the WASM build leaves when driven through
// driver adapters. Shared by the CLI bridge (bridge.mjs) and the in-process API (index.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import Database from 'better-sqlite3';
import * as bg from '@prisma/schema-engine-wasm/schema_engine_bg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { createAdapterFactory, engineOf, sqlitePath, withDatabase, databaseOf } from './adapters.mjs';
import pg from 'pg';

// The WASM code reports a panic's message here before trapping ("unreachable").
let lastPanic;
globalThis.PRISMA_WASM_PANIC_REGISTRY ??= { set_message: (m) => (lastPanic = m) };
export const takePanicMessage = () => [lastPanic, (lastPanic = undefined)][0];

let loaded = false;
/** The package targets bundlers (`import * as wasm from "x.wasm"`), which Node cannot load: instantiate it by hand. */
function loadWasm() {
  if (loaded) return bg;
  const require = createRequire(import.meta.url);
  const file = require.resolve('@prisma/schema-engine-wasm/schema_engine_bg').replace(/\.js$/, '.wasm');
  const instance = new WebAssembly.Instance(new WebAssembly.Module(fs.readFileSync(file)), { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  instance.exports.__wbindgen_start();
  loaded = true;
  return bg;
}

export const wasmVersion = () => loadWasm().version();

// Same DDL as the native engine's, so a database migrated either way looks the same.
const MIGRATIONS_TABLE = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" TEXT PRIMARY KEY NOT NULL, "checksum" TEXT NOT NULL, "finished_at" DATETIME,
    "migration_name" TEXT NOT NULL, "logs" TEXT, "rolled_back_at" DATETIME,
    "started_at" DATETIME NOT NULL DEFAULT current_timestamp, "applied_steps_count" INTEGER UNSIGNED NOT NULL DEFAULT 0)`,
  postgres: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id" VARCHAR(36) PRIMARY KEY NOT NULL, "checksum" VARCHAR(64) NOT NULL, "finished_at" TIMESTAMPTZ,
    "migration_name" VARCHAR(255) NOT NULL, "logs" TEXT, "rolled_back_at" TIMESTAMPTZ,
    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(), "applied_steps_count" INTEGER NOT NULL DEFAULT 0)`,
};

const isMissingMigrationsTable = (e) => e?.code === 'P1014' && /_prisma_migrations/.test(String(e.message));

/** Drops every schema object of a SQLite file (the WASM engine's reset only deletes rows). */
function resetSqliteFile(file) {
  if (file === ':memory:' || !fs.existsSync(file)) return;
  const db = new Database(file);
  try {
    db.pragma('foreign_keys = OFF');
    // Virtual tables first: dropping one drops its shadow tables; triggers and indexes go with their tables.
    for (let pass = 0; pass < 5; pass++) {
      const objs = db
        .prepare(`SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY (sql LIKE 'CREATE VIRTUAL%') DESC, type = 'table'`)
        .all();
      if (objs.length === 0) break;
      for (const o of objs) {
        const stillThere = db.prepare(`SELECT 1 FROM sqlite_master WHERE name = ?`).get(o.name);
        if (!stillThere) continue;
        const kind = o.type === 'view' ? 'VIEW' : o.type === 'trigger' ? 'TRIGGER' : o.type === 'index' ? 'INDEX' : 'TABLE';
        try {
          db.exec(`DROP ${kind} IF EXISTS "${o.name.replace(/"/g, '""')}"`);
        } catch {
          /* e.g. an FTS shadow table before its owner: the next pass gets it */
        }
      }
    }
    db.exec('VACUUM');
  } finally {
    db.close();
  }
}

async function resetPostgres(url) {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const schema = (/[?&]schema=([^&#]*)/.exec(url)?.[1] ?? 'public').replace(/"/g, '""');
    await c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE; CREATE SCHEMA "${schema}"`);
  } finally {
    await c.end();
  }
}

/**
 * Opens the WASM engine on `url`. `datamodels` are [path, content] pairs (may be empty).
 * Returns an object whose methods are the JSON-RPC method names; `close()` releases connections.
 */
export async function openEngine({ url, shadowDatabaseUrl, datamodels = [], baseDir, log = () => {} }) {
  const wasm = loadWasm();
  const kind = engineOf(url);
  // The engine panics without a schema file; commands like `migrate diff` send none.
  if (datamodels.length === 0) {
    datamodels = [['schema.prisma', `datasource db {\n  provider = "${kind === 'sqlite' ? 'sqlite' : 'postgresql'}"\n}\n`]];
  }
  let adapters, engine, bound;
  const start = async () => {
    adapters = createAdapterFactory(url, { shadowDatabaseUrl, baseDir });
    bound = bindMigrationAwareSqlAdapterFactory(adapters.factory);
    engine = await wasm.SchemaEngine.new({ datamodels }, log, bound);
  };
  // Driver errors reach the engine as "External error id#N"; the real one waits in the registry.
  const explain = (e) => {
    if (e && typeof e.message === 'string') {
      e.message = e.message.replace(/External error id#(\d+)/g, (m, id) => {
        const err = bound?.errorRegistry?.consumeError(Number(id))?.error;
        const cause = err?.cause ?? err;
        const detail = cause?.originalMessage ?? cause?.message ?? err?.message;
        return detail ? `${m}: ${detail}` : m;
      });
    }
    return e;
  };
  const stop = async () => {
    try {
      engine.free();
    } catch {
      /* already freed */
    }
    await adapters.close();
  };
  await start();

  const withMigrationsTable = async (fn) => {
    try {
      return await fn();
    } catch (e) {
      if (!isMissingMigrationsTable(e)) throw e;
      await runScript(MIGRATIONS_TABLE[kind]);
      return fn();
    }
  };
  // Through the adapter's executeScript: the engine's own path runs only the first statement on SQLite.
  const runScript = async (script, target = url) => {
    const other = target === url ? adapters : createAdapterFactory(target, { baseDir });
    const conn = await other.factory.connect();
    try {
      await conn.executeScript(script);
    } finally {
      await conn.dispose();
      if (other !== adapters) await other.close();
    }
  };

  const methods = {
    version: () => engine.version(),
    getDatabaseVersion: () => engine.version(),
    ensureConnectionValidity: (p) => engine.ensureConnectionValidity(p ?? {}),
    applyMigrations: (p) => withMigrationsTable(() => engine.applyMigrations(p)),
    markMigrationApplied: (p) => withMigrationsTable(() => engine.markMigrationApplied(p)),
    markMigrationRolledBack: (p) => withMigrationsTable(() => engine.markMigrationRolledBack(p)),
    async diagnoseMigrationHistory(p) {
      try {
        return await engine.diagnoseMigrationHistory(p);
      } catch (e) {
        if (!isMissingMigrationsTable(e)) throw e;
        // What the native engine answers for a database that was never migrated.
        const names = p.migrationsList.migrationDirectories.map((d) => d.path);
        return {
          editedMigrationNames: [],
          failedMigrationNames: [],
          hasMigrationsTable: false,
          history: names.length ? { diagnostic: 'databaseIsBehind', unappliedMigrationNames: names } : null,
        };
      }
    },
    devDiagnostic: (p) => withMigrationsTable(() => engine.devDiagnostic(p)),
    createMigration: (p) => withMigrationsTable(() => engine.createMigration(p)),
    evaluateDataLoss: (p) => withMigrationsTable(() => engine.evaluateDataLoss(p)),
    diff: (p) => engine.diff(p),
    schemaPush: (p) => engine.schemaPush(p),
    introspect: (p) => engine.introspect(p),
    introspectSql: (p) => engine.introspectSql(p),
    debugPanic: () => engine.debugPanic(),
    async dbExecute(p) {
      const target = p.datasourceType?.tag === 'url' ? p.datasourceType.url : url;
      await runScript(p.script, target);
      return null;
    },
    async reset() {
      // Drop everything, not just rows, on a connection of our own (the engine's may hold an
      // exclusive lock), then start a fresh engine: `migrate reset` goes on to apply migrations.
      await stop();
      if (kind === 'sqlite') resetSqliteFile(sqlitePath(url, baseDir));
      else await resetPostgres(url);
      await start();
      return null;
    },
    createDatabase: (p) => createDatabase(p?.datasource?.tag === 'ConnectionString' ? p.datasource.url : url, baseDir),
    close: stop,
  };
  for (const [name, fn] of Object.entries(methods)) {
    if (name !== 'close') methods[name] = async (p) => fn(p).catch((e) => Promise.reject(explain(e)));
  }
  return methods;
}

/** A user-facing error with the native engine's code (the CLI prints "P1001: ..." and so on). */
const userError = (code, message) => Object.assign(new Error(message), { code });

function pgError(e, url) {
  const db = databaseOf(url) ?? 'postgres';
  const where = /@([^/?#]*)/.exec(url)?.[1] || 'localhost';
  if (e?.code === '3D000') return userError('P1003', `Database \`${db}\` does not exist on the database server at \`${where}\`.`);
  if (e?.code === '28P01' || e?.code === '28000') return userError('P1000', `Authentication failed against database server at \`${where}\`, the provided database credentials are not valid.`);
  if (['ECONNREFUSED', 'ENOTFOUND', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOENT'].includes(e?.code)) return userError('P1001', `Can't reach database server at \`${where}\``);
  return e;
}

/** `schema-engine cli can-connect-to-database`. A missing SQLite file is fine: opening creates it. */
export async function canConnect(url) {
  if (engineOf(url) === 'sqlite') return;
  const c = new pg.Client({ connectionString: url });
  try {
    await c.connect();
  } catch (e) {
    throw pgError(e, url);
  } finally {
    await c.end().catch(() => {});
  }
}

async function onMaintenanceDb(url, sql) {
  const c = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  try {
    await c.connect();
    await c.query(sql);
  } catch (e) {
    throw pgError(e, url);
  } finally {
    await c.end().catch(() => {});
  }
}

export async function createDatabase(url, baseDir) {
  if (engineOf(url) === 'sqlite') {
    const file = sqlitePath(url, baseDir);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    new Database(file).close();
    return { databaseName: path.basename(file) };
  }
  const name = databaseOf(url);
  await onMaintenanceDb(url, `CREATE DATABASE "${String(name).replace(/"/g, '""')}"`);
  return { databaseName: name };
}

export async function dropDatabase(url, baseDir) {
  if (engineOf(url) === 'sqlite') {
    const file = sqlitePath(url, baseDir);
    for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) fs.rmSync(f, { force: true });
    return;
  }
  await onMaintenanceDb(url, `DROP DATABASE IF EXISTS "${String(databaseOf(url)).replace(/"/g, '""')}" WITH (FORCE)`);
}
