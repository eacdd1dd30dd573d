import { parseArgs } from 'node:util';
import type { CliCommand } from './command.ts';
import { loadConfig } from '../config.ts';
import { systemClock, type Clock } from '../core/clock.ts';
import { plainText } from '../core/plain-text.ts';
import { openDatabase, type Db } from '../db/client.ts';
import { renderDigest } from '../scheduler/digests.ts';
import { currentWindow } from '../scheduler/occurrences.ts';

export const summaryUsage = `Usage: relais summary --channel <id> [--dry-run]

  --channel <id>  the channel: its number in Relais, or its platform id (C0123…, !room:example.org)
  --dry-run       print only the digest, not the channel's delivery history

Prints, as plain text, the digest the channel's next scheduled post would contain now, then its
latest recorded deliveries. It never posts: posting is the running Relais's job.`;

async function findChannel(db: Db, id: string) {
  const channel = /^\d+$/.test(id)
    ? await db.channel.findUnique({ where: { id: Number(id) } })
    : await db.channel.findFirst({ where: { externalId: id }, orderBy: { id: 'asc' } });
  if (!channel) throw new Error(`No channel "${id}" in this database.\n\n${summaryUsage}`);
  return channel;
}

/** `relais summary`: a channel's digest as text, from the command line. Returns what it prints. */
export async function runSummary(argv: string[], env: NodeJS.ProcessEnv = process.env, clock: Clock = systemClock): Promise<string> {
  const { values } = parseArgs({ args: argv, options: { channel: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } }, strict: true });
  if (!values.channel) throw new Error(`--channel is required.\n\n${summaryUsage}`);
  const config = loadConfig(env);
  // Reading never migrates: an older database is shown as it is.
  const database = await openDatabase(config.DATABASE_URL, { migrate: false });
  try {
    const channel = await findChannel(database.db, values.channel);
    const now = clock.now();
    const card = await renderDigest({ db: database.db, config }, { ...channel, digestSkipEmpty: false }, currentWindow(channel, now), channel.digestFrequency === 'daily' ? 'daily' : 'weekly');
    const text = plainText(card!);
    if (values['dry-run']) return text;
    const history = await database.db.summary.findMany({ where: { channelId: channel.id }, orderBy: { id: 'desc' }, take: 5 });
    const lines = history.map((row) => `  ${row.period}  ${row.status}${row.postedAt ? `  ${row.postedAt.toISOString()}` : ''}${row.messageId ? `  ${row.messageId}` : ''}`);
    return [text, '', `Deliveries (latest first):`, ...(lines.length ? lines : ['  none yet'])].join('\n');
  } finally {
    await database.close();
  }
}

export const summaryCommand: CliCommand = {
  help: "print a channel's digest as plain text (--channel <id> [--dry-run])",
  async handler(argv, env) {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(`${summaryUsage}\n`);
      return 0;
    }
    process.stdout.write(`${await runSummary(argv, env)}\n`);
    return 0;
  },
};
