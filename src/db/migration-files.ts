// The committed migrations of one engine, and their checksums computed exactly as Prisma's
// schema engine does (schema-connector/src/checksum.rs), so that rows written here and rows
// written by `prisma migrate` agree.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Engine } from './engine.ts';
import { MigrationError } from './migration-errors.ts';

export interface MigrationFile {
  /** The directory name, e.g. 20261129091807_init: the order and the identity of a migration. */
  name: string;
  /** Path of its migration.sql, for messages. */
  file: string;
  script: string;
  /** What Prisma records in `_prisma_migrations.checksum` for this script. */
  checksum: string;
}

/**
 * The project's prisma/ folder, the nearest above this file: two levels up from the sources
 * (src/db/), three from the compiled code (dist/src/db/), which `npm start` runs.
 */
function findPrismaDir(): string {
  for (let dir = path.dirname(fileURLToPath(import.meta.url)); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'prisma', 'schema.prisma'))) return path.join(dir, 'prisma');
    if (path.dirname(dir) === dir) throw new Error(`prisma/schema.prisma not found above ${fileURLToPath(import.meta.url)}: Relais runs from its project folder`);
  }
}

const prismaDir = findPrismaDir();
const committedDirs: Record<Engine, string> = {
  sqlite: path.join(prismaDir, 'migrations'),
  postgres: path.join(prismaDir, 'postgres', 'migrations'),
};
// The provider Prisma writes in migration_lock.toml for each engine.
const lockProviders: Record<Engine, string> = { sqlite: 'sqlite', postgres: 'postgresql' };

export const migrationsDirOf = (engine: Engine): string => committedDirs[engine];

/** The migrations in `dir` (default: the committed ones of `engine`), in name order, as Prisma orders them. */
export function readMigrations(engine: Engine, dir = migrationsDirOf(engine)): MigrationFile[] {
  checkLockfile(engine, dir);
  const names = fs.existsSync(dir)
    ? fs.readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name)
    : [];
  // Byte order, like the engine's sort of directory names (not the locale's).
  names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return names.map((name) => {
    const file = path.join(dir, name, 'migration.sql');
    if (!fs.existsSync(file)) {
      throw new MigrationError('migration_file_missing', `${shown(path.join(dir, name))} has no migration.sql: restore it, or remove the directory if the migration was never applied anywhere.`);
    }
    const script = fs.readFileSync(file, 'utf8');
    return { name, file, script, checksum: checksumOf(script) };
  });
}

/** A path as short as it can be read: relative to the current directory when inside it. */
export function shown(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative && !relative.startsWith('..') ? relative : file;
}

function checkLockfile(engine: Engine, dir: string): void {
  const lockfile = path.join(dir, 'migration_lock.toml');
  if (!fs.existsSync(lockfile)) return;
  const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(fs.readFileSync(lockfile, 'utf8'))?.[1];
  if (provider && provider !== lockProviders[engine]) {
    throw new MigrationError(
      'migration_provider_mismatch',
      `${shown(dir)} holds ${provider} migrations, but the database is ${lockProviders[engine]}: check DATABASE_URL.`,
    );
  }
}

const sha256 = (script: string): Buffer => crypto.createHash('sha256').update(script, 'utf8').digest();

/** Lower-case hexadecimal SHA-256 of the script, as the engine's `render_checksum`. */
function checksumOf(script: string): string {
  return sha256(script).toString('hex');
}

/**
 * Whether `script` is the one recorded with `checksum`, as the engine's `script_matches_checksum`:
 * line endings may differ (git converts them), and checksums written by old engines dropped the
 * leading zero of each byte (prisma/prisma-engines#1887).
 */
export function matchesChecksum(script: string, checksum: string): boolean {
  const old = checksum.length > 0 && checksum.length !== 64;
  return [script, script.replaceAll('\r\n', '\n'), script.replaceAll('\n', '\r\n')].some((variant) => {
    const digest = sha256(variant);
    const rendered = old ? [...digest].map((byte) => byte.toString(16)).join('') : digest.toString('hex');
    return rendered === checksum;
  });
}
