// `relais migrate`: apply pending migrations to DATABASE_URL; `relais migrate status`: list them.
// The same runner as at start (src/db/migrations.ts): no Prisma CLI nor schema engine needed on
// the server, and it agrees with `prisma migrate status`.
import { maskUrl } from '../db/engine.ts';
import { migrateToLatest, migrationStatus } from '../db/migrations.ts';
import type { CliCommand } from './command.ts';
import { DEFAULT_DATABASE_URL } from '../config.ts';

export const migrateCommand: CliCommand = {
  help: 'apply pending database migrations to DATABASE_URL; `migrate status` lists them',
  async handler(argv, env) {
    const url = env.DATABASE_URL || DEFAULT_DATABASE_URL;
    const where = maskUrl(url);
    if (argv[0] === 'status') {
      const s = await migrationStatus(url);
      process.stdout.write(`${s.migrations.length} migration(s) for ${s.engine} at ${where}\n`);
      if (s.pending.length) process.stdout.write(`Not yet applied:\n${s.pending.map((n) => `  ${n}\n`).join('')}`);
      if (s.failed.length) process.stdout.write(`Failed (started, never finished):\n${s.failed.map((n) => `  ${n}\n`).join('')}`);
      if (s.unknown.length) process.stdout.write(`Applied but missing here:\n${s.unknown.map((n) => `  ${n}\n`).join('')}`);
      if (s.edited.length) process.stdout.write(`Edited after being applied:\n${s.edited.map((n) => `  ${n}\n`).join('')}`);
      if (s.refusal) process.stdout.write(`Relais will not migrate nor start on it: ${s.refusal}\n`);
      if (s.upToDate) process.stdout.write('Database schema is up to date.\n');
      return s.upToDate ? 0 : 1;
    }
    if (argv.length > 0) throw new Error(`unexpected argument "${argv[0]}" (usage: relais migrate [status])`);
    const { applied } = await migrateToLatest(url);
    process.stdout.write(
      applied.length ? `Applied to ${where}:\n${applied.map((n) => `  ${n}\n`).join('')}` : `Database at ${where} is already up to date.\n`,
    );
    return 0;
  },
};
