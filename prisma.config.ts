// Prisma CLI configuration. One DATABASE_URL picks the engine: file: (SQLite, the default)
// or postgres(ql):// (PostgreSQL), each with its own derived schema and migration history.
import 'dotenv/config';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'prisma/config';
import { SQLITE_FTS_TABLES } from './prisma/engine-bridge/fts.mjs';

const root = path.dirname(fileURLToPath(import.meta.url));

// The CLI would download a native schema engine; this bridge runs the npm-shipped WASM one instead.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, 'prisma/engine-bridge/bridge.mjs');

const url = process.env.DATABASE_URL || 'file:./data/relais.db';
const postgres = /^postgres(ql)?:\/\//i.test(url);

// Relative SQLite paths are relative to the project root, whatever the cwd of the CLI.
function sqliteUrl(u: string): string {
  const file = path.resolve(root, u.replace(/^file:/i, '').replace(/\?.*$/, ''));
  fs.mkdirSync(path.dirname(file), { recursive: true });
  return `file:${file}`;
}

// Full-text search objects are hand-written SQL in the migrations (see prisma/migrations/*_init):
// declaring them external keeps `migrate diff`/`migrate dev` from proposing to drop them.
const ftsTables = postgres ? [] : SQLITE_FTS_TABLES;

export default defineConfig({
  experimental: { externalTables: true },
  tables: { external: ftsTables },
  schema: postgres ? 'prisma/postgres/schema.prisma' : 'prisma/schema.prisma',
  migrations: { path: postgres ? 'prisma/postgres/migrations' : 'prisma/migrations' },
  datasource: {
    url: postgres ? url : sqliteUrl(url),
    ...(process.env.SHADOW_DATABASE_URL ? { shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL } : {}),
  },
});
