// Types for index.mjs (plain JS so the CLI bridge runs under bare node, without tsx).
export type Engine = 'sqlite' | 'postgres';

export function readMigrationsList(baseDir: string): unknown;
export function createAdapterFactory(
  url: string,
  opts?: { shadowDatabaseUrl?: string; baseDir?: string },
): {
  engine: Engine;
  close(): Promise<void>;
  factory: { connect(): Promise<any>; connectToShadowDb(): Promise<any> };
};
