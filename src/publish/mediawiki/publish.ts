// One publication of the knowledge base to the wiki. Each page is compared with what Relais last
// wrote there (WikiPage rows) and with the page's latest revision on the wiki: unchanged pages
// are not edited, pages a person edited since are left alone unless forced, and pages whose tag
// or network disappeared are blanked with a note. Every page is recorded as soon as the wiki has
// it, so a publication cut short (the wiki went down) is finished by the next one without
// editing twice what was already done.
import { createHash } from 'node:crypto';
import { structuredPatch } from 'diff';
import type { Config } from '../../config.ts';
import type { Clock } from '../../core/clock.ts';
import { RelaisError } from '../../core/errors.ts';
import type { Db } from '../../db/client.ts';
import { translator, type MessageKey, type MessageParams } from '../../i18n/translate.ts';
import { connectWiki, type WikiClient, type WikiConnection, type WikiRevision } from './client.ts';
import { wikiSettings } from './config.ts';
import { buildPages, loadWikiSource, retiredText, type WikiPageDraft } from './pages.ts';

export type PageOutcome = 'created' | 'updated' | 'unchanged' | 'skipped' | 'retired';

export interface PageReport {
  title: string;
  outcome: PageOutcome;
  /** Why a page was skipped, in the network's language. */
  reason?: string;
  /** Dry runs: what the edit would change, as a unified diff. */
  diff?: string;
}

export interface PublishOptions {
  dryRun?: boolean;
  /** Overwrite pages people edited since Relais's last edit (and recreate pages they deleted). */
  force?: boolean;
  /** Called as each page is settled, so a long publication can be followed (and a cut one still says what it did). */
  onPage?: (page: PageReport) => void;
  /** Overrides of the connection (tests: shorter pauses). */
  connection?: Partial<WikiConnection>;
}

export interface PublishDeps {
  db: Db;
  config: Config;
  clock: Clock;
}

export interface PublishReport {
  wiki: string;
  dryRun: boolean;
  pages: PageReport[];
}

interface Target extends WikiPageDraft {
  status: 'published' | 'retired';
}

const hashOf = (text: string) => createHash('sha256').update(text).digest('hex');
/** MediaWiki trims trailing whitespace when it saves a page. */
const sameText = (revision: WikiRevision, text: string) => revision.content === text.trimEnd();

/** The hunks of a unified diff (the page's title is printed beside it). */
function diffOf(before: string, after: string): string {
  const { hunks } = structuredPatch('wiki', 'Relais', before ? `${before}\n` : '', `${after.trimEnd()}\n`, '', '', { context: 2 });
  // An empty side starts at line 0, as diff(1) writes it.
  const range = (start: number, lines: number) => `${lines ? start : start - 1},${lines}`;
  return hunks.map((hunk) => [`@@ -${range(hunk.oldStart, hunk.oldLines)} +${range(hunk.newStart, hunk.newLines)} @@`, ...hunk.lines].join('\n')).join('\n');
}

/** As MediaWiki's API etiquette asks: who calls, and where to find them. */
export const userAgent = (config: Config) => `Relais (${config.RELAIS_PUBLIC_URL ?? 'self-hosted'}) mwn`;

type Decision =
  | { action: 'unchanged' }
  | { action: 'skip'; key: MessageKey; params?: MessageParams }
  | { action: 'edit'; base: WikiRevision | undefined }
  | { action: 'forget' };

/** What to do with one page, from what Relais last wrote there and what the wiki holds now. */
function decide(target: Target, current: WikiRevision | undefined, state: { contentHash: string; revisionId: number } | undefined, wikiUser: string, force: boolean): Decision {
  if (!current) {
    // A retired page someone deleted: exactly what the note asked for.
    if (target.status === 'retired') return { action: 'forget' };
    if (state && !force) return { action: 'skip', key: 'wiki.report.reasons.deleted' };
    return { action: 'edit', base: undefined };
  }
  const ours = state ? current.revid === state.revisionId || current.user === wikiUser : current.user === wikiUser;
  if (state?.contentHash === hashOf(target.text) && current.revid === state.revisionId) return { action: 'unchanged' };
  if (sameText(current, target.text)) return { action: 'unchanged' };
  if (!ours && !force) {
    return { action: 'skip', key: state ? 'wiki.report.reasons.humanEdit' : 'wiki.report.reasons.foreign', params: { user: current.user } };
  }
  return { action: 'edit', base: current };
}

/** Publishes every page once (or, with dryRun, says what would change); throws when the wiki cannot be used at all. */
export async function publishToWiki(deps: PublishDeps, options: PublishOptions = {}): Promise<PublishReport> {
  const { db, config, clock } = deps;
  const settings = wikiSettings(config);
  if (!settings) throw new RelaisError('usage', 'wiki.errors.notConfigured');
  const t = translator(config.RELAIS_LOCALE);
  const client: WikiClient = await connectWiki({
    apiUrl: settings.apiUrl, user: settings.user, password: settings.password, userAgent: userAgent(config), ...options.connection,
  });
  const pageOptions = {
    locale: config.RELAIS_LOCALE, timeZone: config.RELAIS_TIMEZONE, prefix: settings.prefix, publicUrl: config.RELAIS_PUBLIC_URL,
    license: settings.license, categoryNamespace: client.categoryNamespace,
  };
  const drafts = buildPages(await loadWikiSource(db), { ...pageOptions, now: clock.now() });
  const states = new Map((await db.wikiPage.findMany({ where: { wiki: settings.apiUrl } })).map((state) => [state.title, state]));
  const wanted = new Set(drafts.map((draft) => draft.title));
  const targets: Target[] = [
    ...drafts.map((draft): Target => ({ ...draft, status: 'published' })),
    ...[...states.values()]
      .filter((state) => !wanted.has(state.title))
      .map((state): Target => ({ title: state.title, kind: state.kind as Target['kind'], subject: state.subject, status: 'retired', text: retiredText(state, pageOptions) })),
  ];
  const { readAt, pages } = await client.read(targets.map((target) => target.title));

  const report: PublishReport = { wiki: settings.apiUrl, dryRun: Boolean(options.dryRun), pages: [] };
  const settle = (page: PageReport) => {
    report.pages.push(page);
    options.onPage?.(page);
  };
  for (const target of targets) {
    const current = pages.get(target.title);
    const state = states.get(target.title);
    const decision = decide(target, current, state, client.user, Boolean(options.force));
    const record = (revisionId: number) =>
      db.wikiPage.upsert({
        where: { wiki_title: { wiki: settings.apiUrl, title: target.title } },
        create: { wiki: settings.apiUrl, title: target.title, kind: target.kind, subject: target.subject, status: target.status, contentHash: hashOf(target.text), revisionId },
        update: { kind: target.kind, subject: target.subject, status: target.status, contentHash: hashOf(target.text), revisionId },
      });
    if (decision.action === 'forget') {
      if (!options.dryRun) await db.wikiPage.delete({ where: { wiki_title: { wiki: settings.apiUrl, title: target.title } } });
      continue;
    }
    if (decision.action === 'skip') {
      settle({ title: target.title, outcome: 'skipped', reason: t(decision.key, decision.params) });
      continue;
    }
    if (decision.action === 'unchanged') {
      // Same text, but not known as ours yet (a new database, or an edit recorded nowhere): remember it.
      if (!options.dryRun && current && (state?.revisionId !== current.revid || state.contentHash !== hashOf(target.text) || state.status !== target.status)) await record(current.revid);
      settle({ title: target.title, outcome: 'unchanged' });
      continue;
    }
    const outcome: PageOutcome = target.status === 'retired' ? 'retired' : decision.base ? 'updated' : 'created';
    if (options.dryRun) {
      settle({ title: target.title, outcome, diff: diffOf(decision.base?.content ?? '', target.text) });
      continue;
    }
    const summary = t(outcome === 'retired' ? 'wiki.summary.retire' : outcome === 'created' ? 'wiki.summary.create' : 'wiki.summary.update');
    const result = await client.edit({ title: target.title, text: target.text, summary, base: decision.base, readAt });
    if ('code' in result) {
      settle({ title: target.title, outcome: 'skipped', reason: t(`wiki.report.reasons.${result.outcome}`, { code: result.code }) });
      continue;
    }
    await record(result.revid);
    settle({ title: target.title, outcome: result.outcome === 'nochange' ? 'unchanged' : outcome });
  }
  return report;
}

/** "created 3, updated 1, …" in the network's language. */
export function reportTotals(report: PublishReport, locale: string): string {
  const t = translator(locale);
  const count = (outcome: PageOutcome) => t(`wiki.report.counts.${outcome}`, { count: report.pages.filter((page) => page.outcome === outcome).length });
  return t('wiki.report.totals', {
    created: count('created'), updated: count('updated'), unchanged: count('unchanged'), skipped: count('skipped'), retired: count('retired'), wiki: report.wiki,
  });
}
