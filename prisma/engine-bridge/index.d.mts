// Types for index.mjs (plain JS so the CLI bridge runs under bare node, without tsx).
export type Engine = 'sqlite' | 'postgres';

export interface MigrationStatus {
  engine: Engine;
  /** Migration directories on disk, in order. */
  migrations: string[];
  /** On disk but not applied to the database. */
  pending: string[];
  /** Applied to the database but missing on disk. */
  unknown: string[];
  failed: string[];
  /** Applied, but the file changed since. */
  edited: string[];
  hasMigrationsTable: boolean;
  upToDate: boolean;
}

export function engineOf(url: string): Engine;
export function maskUrl(url: string): string;
export function migrationsDirOf(url: string): string;
export function schemaPathOf(url: string): string;
export function migrateToLatest(databaseUrl: string): Promise<{ applied: string[] }>;
export function migrationStatus(databaseUrl: string): Promise<MigrationStatus>;
export function readMigrationsList(baseDir: string): unknown;
export function createAdapterFactory(
  url: string,
  opts?: { shadowDatabaseUrl?: string; baseDir?: string },
): {
  engine: Engine;
  close(): Promise<void>;
  factory: { connect(): Promise<any>; connectToShadowDb(): Promise<any> };
};
