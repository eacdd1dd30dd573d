// What the development tools take from the bridge besides the CLI stand-in (bridge.mjs): the
// migrations directory in the shape the engine wants (migrate-dev.ts), and the adapter factory.
// Relais itself applies migrations without any of this (src/db/migrations.ts).
import fs from 'node:fs';
import path from 'node:path';

export { createAdapterFactory } from './adapters.mjs';

/** The migrations directory as the engine wants it (what the CLI sends as `migrationsList`). */
export function readMigrationsList(baseDir) {
  const lockPath = path.join(baseDir, 'migration_lock.toml');
  const dirs = fs.existsSync(baseDir) ? fs.readdirSync(baseDir, { withFileTypes: true }).filter((d) => d.isDirectory()) : [];
  const migrationDirectories = dirs
    .map((d) => {
      const file = path.join(baseDir, d.name, 'migration.sql');
      let content;
      try {
        content = { tag: 'ok', value: fs.readFileSync(file, 'utf8') };
      } catch (e) {
        content = { tag: 'error', value: e.message };
      }
      return { path: d.name, migrationFile: { path: 'migration.sql', content } };
    })
    .sort((a, b) => a.path.localeCompare(b.path));
  return {
    baseDir,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories,
  };
}
