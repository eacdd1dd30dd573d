// `relais publish mediawiki [--dry-run] [--force]`: publishes the knowledge base to the network's
// wiki once and says, page by page, what it did (or, with --dry-run, what it would do).
import { parseArgs } from 'node:util';
import type { CliCommand } from './command.ts';
import { loadConfig } from '../config.ts';
import { wikiConfig } from '../publish/mediawiki/config.ts';
import { systemClock } from '../core/clock.ts';
import { RelaisError } from '../core/errors.ts';
import { openDatabase } from '../db/client.ts';
import { translate, translator } from '../i18n/translate.ts';
import type { PageReport } from '../publish/mediawiki/publish.ts';

export const publishUsage = `Usage: relais publish mediawiki [--dry-run] [--force]

  --dry-run  print what would change on each page (a diff) and edit nothing
  --force    also overwrite pages people edited since Relais's last edit

Publishes to RELAIS_WIKI_API_URL as RELAIS_WIKI_USER (a bot password), under RELAIS_WIKI_PREFIX.`;

const dryLabels = { created: 'wiki.report.wouldCreate', updated: 'wiki.report.wouldUpdate', retired: 'wiki.report.wouldRetire' } as const;

function line(page: PageReport, dryRun: boolean, t: ReturnType<typeof translator>): string {
  const label = dryRun && page.outcome in dryLabels ? t(dryLabels[page.outcome as keyof typeof dryLabels]) : t(`wiki.report.${page.outcome}`);
  return `${label.padEnd(18)} ${page.title}${page.reason ? ` — ${page.reason}` : ''}\n${page.diff ? `${page.diff}\n` : ''}`;
}

export const publishCommand: CliCommand = {
  help: 'publish the knowledge base to the network’s MediaWiki (mediawiki [--dry-run] [--force])',
  async handler(argv, env) {
    if (argv.includes('--help') || argv.includes('-h')) {
      process.stdout.write(`${publishUsage}\n`);
      return 0;
    }
    const { values, positionals } = parseArgs({ args: argv, options: { 'dry-run': { type: 'boolean' }, force: { type: 'boolean' } }, allowPositionals: true, strict: true });
    if (positionals.length !== 1 || positionals[0] !== 'mediawiki') throw new Error(`expected "mediawiki".\n\n${publishUsage}`);
    // The wiki client (mwn) and the diff are loaded by this command only, not by every `relais` command.
    const { publishToWiki, reportTotals } = await import('../publish/mediawiki/publish.ts');
    const config = loadConfig(env, [wikiConfig]);
    const t = translator(config.RELAIS_LOCALE);
    const dryRun = Boolean(values['dry-run']);
    const database = await openDatabase(config.DATABASE_URL);
    try {
      const report = await publishToWiki(
        { db: database.db, config, clock: systemClock },
        { dryRun, force: Boolean(values.force), onPage: (page) => process.stdout.write(line(page, dryRun, t)) },
      );
      process.stdout.write(`${reportTotals(report, config.RELAIS_LOCALE)}\n${dryRun ? `${t('wiki.report.dryRun')}\n` : ''}`);
      return 0;
    } catch (error) {
      if (!(error instanceof RelaisError)) throw error;
      process.stderr.write(`relais publish: ${translate(config.RELAIS_LOCALE, error.userMessage, error.params)}\n`);
      return 1;
    } finally {
      await database.close();
    }
  },
};
