// `npm run db:migrate:dev -- [--name <name>]`: after editing prisma/schema.prisma, derives the
// PostgreSQL schema and writes one new migration per engine (same name in both histories), from
// the difference between each history and the schema. Offline: the WASM engine diffs by replaying
// the history on a shadow database (SQLite: in memory; PostgreSQL: a temporary database on
// MIGRATE_DATABASE_URL / a postgres DATABASE_URL, else on a throwaway local server).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { openEngine } from './engine.mjs';
import { readMigrationsList } from './index.mjs';
import { SQLITE_FTS_TABLES, SQLITE_TIP_SEARCH_TRIGGERS } from './fts.mjs';
import { expectedPostgresSchema, postgresSchemaPath, sqliteSchemaPath } from '../derive-postgres-schema.ts';

const prismaDir = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** The SQL the history is missing, or '' when the schema adds nothing. */
async function pendingSql(url: string, schemaPath: string, migrationsDir: string, externalTables: string[]): Promise<string> {
  const engine = await openEngine({ url, datamodels: [[schemaPath, fs.readFileSync(schemaPath, 'utf8')]] });
  try {
    const { stdout } = await engine.diff({
      from: { tag: 'migrations', ...(readMigrationsList(migrationsDir) as object) },
      to: { tag: 'schemaDatamodel', files: [{ path: schemaPath, content: fs.readFileSync(schemaPath, 'utf8') }] },
      script: true,
      exitCode: null,
      filters: { externalTables, externalEnums: [] },
    });
    const sql = String(stdout ?? '');
    const meaningful = sql.split('\n').some((line) => line.trim() && !line.trim().startsWith('--'));
    return meaningful ? sql : '';
  } finally {
    await engine.close();
  }
}

/** SQLite rebuilds a table to alter it: re-create the search triggers if "Tip" was rebuilt. */
function keepTipSearch(sql: string): string {
  if (!/DROP TABLE "Tip";/.test(sql)) return sql;
  return `${sql}\n-- "Tip" was rebuilt: restore the full-text search triggers and re-index.\n${SQLITE_TIP_SEARCH_TRIGGERS}\nINSERT INTO "TipSearch" ("TipSearch") VALUES ('rebuild');\n`;
}

async function postgresServer(): Promise<{ url: string; stop(): void }> {
  const given = [process.env.MIGRATE_DATABASE_URL, process.env.DATABASE_URL].find((u) => u && /^postgres(ql)?:\/\//.test(u));
  if (given) return { url: given, stop() {} };
  const { startPostgres } = await import('../../test/support/postgres-server.ts');
  return startPostgres();
}

function timestamp(): string {
  return new Date().toISOString().replace(/\D/g, '').slice(0, 14);
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { name: { type: 'string' } }, allowPositionals: true });
  const name = (values.name ?? positionals[0] ?? 'migration').toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '');

  fs.writeFileSync(postgresSchemaPath, expectedPostgresSchema());

  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-migrate-dev-'));
  const server = await postgresServer();
  let sqlite: string;
  let postgres: string;
  try {
    sqlite = await pendingSql(`file:${path.join(tmp, 'scratch.db')}`, sqliteSchemaPath, path.join(prismaDir, 'migrations'), SQLITE_FTS_TABLES);
    postgres = await pendingSql(server.url, postgresSchemaPath, path.join(prismaDir, 'postgres', 'migrations'), []);
  } finally {
    server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  }

  if (!sqlite && !postgres) {
    console.log('The schema and both migration histories agree: no migration to create.');
    return;
  }
  const dirName = `${timestamp()}_${name}`;
  for (const [dir, sql] of [
    [path.join(prismaDir, 'migrations'), sqlite ? keepTipSearch(sqlite) : ''],
    [path.join(prismaDir, 'postgres', 'migrations'), postgres],
  ] as const) {
    if (!sql) continue;
    fs.mkdirSync(path.join(dir, dirName), { recursive: true });
    fs.writeFileSync(path.join(dir, dirName, 'migration.sql'), sql);
    console.log(`wrote ${path.relative(process.cwd(), path.join(dir, dirName, 'migration.sql'))}`);
  }
  console.log('Review the SQL, then commit prisma/schema.prisma, prisma/postgres/schema.prisma and both migrations.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
