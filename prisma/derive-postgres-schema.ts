// Derives prisma/postgres/schema.prisma from prisma/schema.prisma: Prisma cannot take the
// provider from the environment, so the PostgreSQL schema is a copy with another datasource
// provider and generator output, and the lines only PostgreSQL has: written in the source as
// comments starting `// postgres: ` (e.g. a tsvector column and its GIN index), uncommented here.
// Run: `tsx prisma/derive-postgres-schema.ts` (`--check` to only verify).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const sqliteSchemaPath = path.join(here, 'schema.prisma');
export const postgresSchemaPath = path.join(here, 'postgres', 'schema.prisma');

const HEADER = '// GENERATED from prisma/schema.prisma by prisma/derive-postgres-schema.ts: do not edit, edit the source and re-run.\n';

function replaceOnce(text: string, re: RegExp, by: string, what: string): string {
  if (!re.test(text)) throw new Error(`derive-postgres-schema: cannot find ${what} in prisma/schema.prisma`);
  return text.replace(re, by);
}

export function derivePostgresSchema(sqlite: string): string {
  let out = replaceOnce(sqlite, /(datasource\s+\w+\s*\{[^}]*?provider\s*=\s*)"sqlite"/, '$1"postgresql"', 'the sqlite datasource provider');
  out = replaceOnce(out, /(generator\s+client\s*\{[^}]*?output\s*=\s*)"[^"]*"/, '$1"../../src/generated/postgres"', 'the client generator output');
  out = out.replace(/^(\s*)\/\/ postgres: /gm, '$1');
  return HEADER + out;
}

export function expectedPostgresSchema(): string {
  return derivePostgresSchema(fs.readFileSync(sqliteSchemaPath, 'utf8'));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const expected = expectedPostgresSchema();
  const current = fs.existsSync(postgresSchemaPath) ? fs.readFileSync(postgresSchemaPath, 'utf8') : '';
  if (process.argv.includes('--check')) {
    if (current !== expected) {
      console.error('prisma/postgres/schema.prisma is out of date: run `npx tsx prisma/derive-postgres-schema.ts`.');
      process.exit(1);
    }
  } else if (current !== expected) {
    fs.mkdirSync(path.dirname(postgresSchemaPath), { recursive: true });
    fs.writeFileSync(postgresSchemaPath, expected);
    console.log('wrote prisma/postgres/schema.prisma');
  }
}
