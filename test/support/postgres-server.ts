// vitest globalSetup: one PostgreSQL server for the whole run. Uses TEST_DATABASE_URL when set;
// otherwise starts a throwaway cluster from Debian's binaries and stops it at teardown.
// Tests get the admin URL through inject('postgresAdminUrl'). No PostgreSQL => the run fails.
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
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

function findBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb'))) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  if (!versions[0]) {
    throw new Error('PostgreSQL binaries not found under /usr/lib/postgresql/*/bin: install them (apt-get install -y postgresql, as .ci/run does) or set TEST_DATABASE_URL.');
  }
  return path.join(root, versions[0], 'bin');
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

/** Runs a PostgreSQL binary; as root, as the `postgres` user (initdb/postgres refuse to run as root). */
function run(bin: string, args: string[]): string {
  const asRoot = process.getuid?.() === 0;
  const [cmd, argv] = asRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export async function startPostgres(): Promise<{ url: string; stop(): void }> {
  const bin = findBinDir();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'relais-pg-'));
  const data = path.join(dir, 'data');
  if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:', dir]);
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
