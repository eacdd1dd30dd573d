// In-process migrations with the same WASM engine as the CLI bridge: Relais applies pending
// migrations at start without spawning the Prisma CLI (fast, and no binary download).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { engineOf, maskUrl, createAdapterFactory, sqlitePath } from './adapters.mjs';

export { engineOf, maskUrl, createAdapterFactory };

const prismaDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const layout = {
  sqlite: { schema: path.join(prismaDir, 'schema.prisma'), migrations: path.join(prismaDir, 'migrations') },
  postgres: { schema: path.join(prismaDir, 'postgres', 'schema.prisma'), migrations: path.join(prismaDir, 'postgres', 'migrations') },
};
export const migrationsDirOf = (url) => layout[engineOf(url)].migrations;
export const schemaPathOf = (url) => layout[engineOf(url)].schema;

/** The migrations directory as the engine wants it (what the CLI sends as `migrationsList`). */
export function readMigrationsList(baseDir) {
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  const dirs = fs.existsSync(baseDir) ? fs.readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()) : [];
  const migrationDirectories = dirs
    .map((d) => {
      const file = path.join(baseDir, d.name, 'migration.sql');
      let content;
      try {
        content = { tag: 'ok', value: fs.readFileSync(file, 'utf8') };
      } catch (e) {
        content = { tag: 'error', value: e.message };
      }
      return { path: d.name, migrationFile: { path: 'migration.sql', content } };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}

const noFilter = { externalTables: [], externalEnums: [] };

// The WASM schema engine is loaded only when there is something to do (most starts find the
// database up to date), and one instance per call is closed after: a long-running Relais keeps
// none of it.
const loadEngine = () => import('./engine.mjs');

async function withEngine(url, fn) {
  const { openEngine } = await loadEngine();
  const schema = schemaPathOf(url);
  const engine = await openEngine({ url, datamodels: [[schema, fs.readFileSync(schema, 'utf8')]] });
  try {
    return await fn(engine, readMigrationsList(migrationsDirOf(url)));
  } catch (e) {
    // Engine errors may quote the URL; never let a password out.
    if (e && typeof e.message === 'string') e.message = e.message.split(url).join(maskUrl(url));
    throw e;
  } finally {
    await engine.close();
  }
}

const APPLIED_SQL = `SELECT migration_name, finished_at IS NOT NULL AS done FROM "_prisma_migrations" WHERE rolled_back_at IS NULL`;

/**
 * True when every migration on disk is recorded as applied and none failed, read straight from
 * `_prisma_migrations`. Starting the WASM engine costs ~0.3 s; at Relais start this is the usual case.
 */
async function alreadyUpToDate(url, names) {
  let rows;
  try {
    if (engineOf(url) === 'sqlite') {
      const file = sqlitePath(url);
      if (!fs.existsSync(file)) return false;
      const db = new Database(file, { readonly: true, fileMustExist: true });
      try {
        rows = db.prepare(APPLIED_SQL).all();
      } finally {
        db.close();
      }
    } else {
      const { default: pg } = await import('pg');
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        rows = (await c.query(APPLIED_SQL)).rows;
      } finally {
        await c.end();
      }
    }
  } catch {
    return false; // no database or no migrations table yet: let the engine handle it
  }
  if (rows.some((r) => !r.done)) return false;
  const applied = new Set(rows.map((r) => r.migration_name));
  return names.every((n) => applied.has(n));
}

/** Applies pending migrations (creating the database if needed); returns the names applied. */
export async function migrateToLatest(databaseUrl) {
  const names = readMigrationsList(migrationsDirOf(databaseUrl)).migrationDirectories.map((d) => d.path);
  if (await alreadyUpToDate(databaseUrl, names)) return { applied: [] };
  if (engineOf(databaseUrl) === 'sqlite') fs.mkdirSync(path.dirname(sqlitePath(databaseUrl)), { recursive: true });
  const { canConnect, createDatabase } = await loadEngine();
  try {
    await canConnect(databaseUrl);
  } catch (e) {
    if (e?.code !== 'P1003') throw e;
    await createDatabase(databaseUrl);
  }
  return withEngine(databaseUrl, async (engine, migrationsList) => {
    const { appliedMigrationNames } = await engine.applyMigrations({ migrationsList, filters: noFilter });
    return { applied: appliedMigrationNames };
  });
}

/** What `prisma migrate status` reports, as data. */
export async function migrationStatus(databaseUrl) {
  return withEngine(databaseUrl, async (engine, migrationsList) => {
    const d = await engine.diagnoseMigrationHistory({ migrationsList, optInToShadowDatabase: false, filters: noFilter });
    const local = migrationsList.migrationDirectories.map((m) => m.path);
    const h = d.history;
    const pending = h?.diagnostic === 'databaseIsBehind' || h?.diagnostic === 'historiesDiverge' ? h.unappliedMigrationNames : [];
    const unknown = h?.diagnostic === 'migrationsDirectoryIsBehind' || h?.diagnostic === 'historiesDiverge' ? h.unpersistedMigrationNames : [];
    return {
      engine: engineOf(databaseUrl),
      migrations: local,
      pending,
      unknown,
      failed: d.failedMigrationNames,
      edited: d.editedMigrationNames,
      hasMigrationsTable: d.hasMigrationsTable,
      upToDate: h === null && d.failedMigrationNames.length === 0,
    };
  });
}
