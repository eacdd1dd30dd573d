// Types for engine.mjs: the WASM schema engine under the native JSON-RPC method names.
type Method = (params?: any) => Promise<any>;
export interface BridgedEngine {
  version: Method;
  applyMigrations: Method;
  diagnoseMigrationHistory: Method;
  markMigrationApplied: Method;
  markMigrationRolledBack: Method;
  createMigration: Method;
  devDiagnostic: Method;
  evaluateDataLoss: Method;
  diff: Method;
  dbExecute: Method;
  schemaPush: Method;
  introspect: Method;
  reset: Method;
  createDatabase: Method;
  ensureConnectionValidity: Method;
  close(): Promise<void>;
}
export function openEngine(opts: {
  url: string;
  shadowDatabaseUrl?: string;
  datamodels?: [string, string][];
  baseDir?: string;
  log?: (line: string) => void;
}): Promise<BridgedEngine>;
export function canConnect(url: string): Promise<void>;
export function createDatabase(url: string, baseDir?: string): Promise<{ databaseName: string }>;
export function dropDatabase(url: string, baseDir?: string): Promise<void>;
export function wasmVersion(): string;
export function takePanicMessage(): string | undefined;
