import path from 'node:path';

// Which database engine a DATABASE_URL names, and how to show a URL without its password.
export type Engine = 'sqlite' | 'postgres';

export function engineOf(url: string): Engine {
  if (/^postgres(ql)?:\/\//i.test(url)) return 'postgres';
  if (/^file:/i.test(url)) return 'sqlite';
  throw new Error(`DATABASE_URL must start with file: (SQLite) or postgres:// (PostgreSQL), got ${maskUrl(url)}`);
}

/** The URL with any password replaced by ***, safe for logs and error messages. */
export function maskUrl(url: string): string {
  return String(url)
    .replace(/^([a-z][a-z0-9+.-]*:\/\/[^:/?#@]*:)[^@/?#]*@/i, '$1***@')
    .replace(/([?&]password=)[^&#]*/i, '$1***');
}

/** Absolute path of a SQLite `file:` URL; relative paths are taken from the current directory. */
export function sqliteFile(url: string): string {
  const p = url.replace(/^file:(\/\/)?/i, '').replace(/\?.*$/, '');
  return p === ':memory:' ? p : path.resolve(p);
}

const POSTGRES_URL = /^(postgres(?:ql)?:\/\/[^/?#]*)(?:\/([^?#]*))?(.*)$/i;

/** The database a PostgreSQL URL names, if it names one. */
export function postgresDatabaseOf(url: string): string | undefined {
  return decodeURIComponent(POSTGRES_URL.exec(url)?.[2] ?? '') || undefined;
}

/** The same PostgreSQL URL on another database of the server. */
export function withPostgresDatabase(url: string, database: string): string {
  const [, server, , rest] = POSTGRES_URL.exec(url) ?? [];
  if (server === undefined) throw new Error(`Not a PostgreSQL URL: ${maskUrl(url)}`);
  return `${server}/${encodeURIComponent(database)}${rest ?? ''}`;
}

/** The schema a PostgreSQL URL selects with `?schema=` (Prisma's parameter), if any. */
export function postgresSchemaOf(url: string): string | undefined {
  const value = /[?&]schema=([^&#]*)/.exec(url)?.[1];
  return value ? decodeURIComponent(value) : undefined;
}
