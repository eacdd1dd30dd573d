import { parseArgs } from 'node:util';
import type { CliCommand } from './command.ts';
import { loadConfig } from '../config.ts';
import { RelaisError } from '../core/errors.ts';
import { plainText } from '../core/plain-text.ts';
import { openDatabase } from '../db/client.ts';
import { participantsCard, participantsCsv, participantsOf } from '../domain/meetups/participants.ts';
import { getMeetup } from '../domain/meetups/service.ts';
import { translator } from '../i18n/translate.ts';

export const participantsUsage = `Usage: relais participants <meetup number> [--csv]

  --csv   names and answers only, one line each (going, then the waitlist in order, maybe, not going)

Who answered a meetup, by display name, in RELAIS_LOCALE; the same list organizers get with
/meetup participants in the chat. It only reads.`;

/** `relais participants`: who comes to a meetup, from the command line (a CSV to redirect to a file). Returns what it prints. */
export async function runParticipants(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<string> {
  const { values, positionals } = parseArgs({ args: argv, options: { csv: { type: 'boolean', default: false } }, allowPositionals: true, strict: true });
  const [id, ...extra] = positionals;
  if (!id || !/^\d{1,9}$/.test(id) || extra.length) throw new Error(`A meetup number is expected.\n\n${participantsUsage}`);
  const config = loadConfig(env);
  const t = translator(config.RELAIS_LOCALE);
  // Reading never migrates: an older database is shown as it is.
  const database = await openDatabase(config.DATABASE_URL, { migrate: false });
  try {
    const meetup = await getMeetup(database.db, Number(id));
    const people = await participantsOf(database.db, meetup.id);
    if (values.csv) return participantsCsv(people, t).trimEnd();
    return plainText(participantsCard(meetup, people, { t, locale: config.RELAIS_LOCALE, csvCommand: `npx relais participants ${meetup.id} --csv` }));
  } catch (error) {
    // An unknown number is told as the chat tells it, not as an error code.
    if (error instanceof RelaisError) throw new Error(t(error.userMessage, error.params));
    throw error;
  } finally {
    await database.close();
  }
}

export const participantsCommand: CliCommand = {
  help: 'who answered a meetup (<number> [--csv])',
  async handler(argv, env) {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(`${participantsUsage}\n`);
      return 0;
    }
    process.stdout.write(`${await runParticipants(argv, env)}\n`);
    return 0;
  },
};
