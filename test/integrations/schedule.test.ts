/**
 * Scheduled publication (RELAIS_WIKI_SCHEDULE) to a real MediaWiki: a wiki that goes down in the
 * middle, or answers with its rate limits, is retried with a growing delay and reported in the
 * logs, and what it already has is not edited again; two Relais processes on one database
 * publish each period once.
 */
import { pino } from 'pino';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addTip } from '../../src/domain/tips/service.ts';
import { createNetwork } from '../../src/domain/networks/service.ts';
import { ensureMember } from '../../src/domain/directory.ts';
import { defaultClaimTiming } from '../../src/scheduler/claim.ts';
import { publishScheduled } from '../../src/scheduler/wiki.ts';
import type { SchedulerDeps } from '../../src/scheduler/context.ts';
import { spawnRelais, type RelaisProcess } from '../faults/child.ts';
import { httpFaults, type HttpFaults, type HttpRule } from '../faults/proxies.ts';
import { waitUntil } from '../faults/wait.ts';
import { FakeSlackWebApi } from '../fakes/slack-web-api.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/test-database.ts';
import { seedKnowledgeBase } from './support/knowledge-base.ts';
import { startWiki, type TestWiki } from './support/mediawiki.ts';

const connection = { retryPauseMs: 100, timeoutMs: 20_000 };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Relais's services with a logger whose lines the test reads. */
function withLogs(services: SchedulerDeps) {
  const logs: { level: number; msg: string; err?: { message: string }; failures?: number; retryInMs?: number; totals?: string }[] = [];
  const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  return { services: { ...services, logger }, logs };
}

/** The wiki's page histories, as revision ids, for the titles Relais records. */
async function revisionsOf(wiki: TestWiki, titles: string[]) {
  return Object.fromEntries(await Promise.all(titles.map(async (title) => [title, (await wiki.history(title)).map((revision) => revision.revid)])));
}

describe('scheduled publication, with a wiki that is down or busy', () => {
  let h: Harness | undefined;
  let wiki: TestWiki | undefined;
  let faults: HttpFaults | undefined;
  afterEach(async () => {
    await h?.close();
    await faults?.close();
    await wiki?.stop();
    h = faults = wiki = undefined;
  });

  it('retries a wiki that went down mid-publication with a growing delay, logs it, and never edits a page twice', async () => {
    wiki = await startWiki();
    faults = await httpFaults(wiki.apiUrl);
    h = await createHarness('sqlite', { env: { ...wiki.env, RELAIS_WIKI_API_URL: `${faults.url}/api.php`, RELAIS_WIKI_SCHEDULE: 'daily' }, schedule: false });
    await seedKnowledgeBase(h);
    const { services, logs } = withLogs(h.scheduling);
    const ctx = { deps: services, owner: 'relais-a', timing: defaultClaimTiming };
    const { db } = services;

    // The wiki answers the login and two edits, then only 503s (POSTs are the login and the edits).
    let posts = 0;
    const outage: HttpRule = { match: (line) => line === 'POST /api.php' && ++posts > 3, times: Infinity, answer: 503 };
    faults.add(outage);
    expect(await publishScheduled(ctx, { connection })).toBe('failed');
    const half = await db.wikiPage.findMany({ orderBy: { title: 'asc' } });
    expect(half).toHaveLength(2);
    // What Relais recorded is exactly what the wiki has: nothing half-published.
    for (const page of half) expect((await wiki.history(page.title)).map((revision) => revision.revid)).toEqual([page.revisionId]);
    expect(await db.wikiPublication.findUniqueOrThrow({ where: { period: '2026-11-30' } })).toMatchObject({ status: 'claimed', failures: 1, leaseUntil: new Date('2026-11-30T09:01:00Z') });
    expect(logs.at(-1)).toMatchObject({ level: 40, msg: 'could not publish to the wiki; it will be tried again', failures: 1, retryInMs: 60_000 });
    expect(logs.at(-1)?.err?.message).toContain('wiki unreachable');

    // Before the delay is over, nobody calls the wiki.
    const calls = faults.seen.length;
    h.clock.advance(30_000);
    expect(await publishScheduled(ctx, { connection })).toBe('busy');
    expect(faults.seen).toHaveLength(calls);

    // Still down after the delay: the next one is twice as long.
    h.clock.advance(31_000);
    expect(await publishScheduled(ctx, { connection })).toBe('failed');
    expect(logs.at(-1)).toMatchObject({ level: 40, failures: 2, retryInMs: 120_000 });
    expect(await db.wikiPage.count()).toBe(2);

    outage.times = 0;
    h.clock.advance(121_000);
    expect(await publishScheduled(ctx, { connection })).toBe('posted');
    const pages = await db.wikiPage.findMany();
    expect(pages).toHaveLength(6);
    const histories = await revisionsOf(wiki, pages.map((page) => page.title));
    for (const page of pages) expect(histories[page.title], page.title).toEqual([page.revisionId]);
    expect(logs.at(-1)).toMatchObject({ level: 30, msg: 'published to the wiki', totals: `4 créées, 0 mise à jour, 2 inchangées, 0 ignorée, 0 retirée sur ${faults.url}/api.php` });
    expect(await db.wikiPublication.findUniqueOrThrow({ where: { period: '2026-11-30' } })).toMatchObject({ status: 'posted', claimedBy: 'relais-a' });

    // Once a day: done for today, and tomorrow's finds nothing to change.
    const seen = faults.seen.length;
    expect(await publishScheduled(ctx, { connection })).toBe('settled');
    expect(faults.seen).toHaveLength(seen);
    h.clock.set('2026-11-30T23:30:00Z');
    expect(await publishScheduled(ctx, { connection })).toBe('posted');
    expect(await revisionsOf(wiki, pages.map((page) => page.title))).toEqual(histories);
    expect((await db.wikiPublication.findMany()).map((row) => [row.period, row.status])).toEqual([['2026-11-30', 'posted'], ['2026-12-01', 'posted']]);
  });

  it('comes back after the wiki’s rate limit, edit by edit', async () => {
    wiki = await startWiki({
      settings: "$wgMainCacheType = CACHE_DB;\n$wgGroupPermissions['bot']['noratelimit'] = false;\n$wgRateLimits['edit']['user'] = [ 2, 2 ];",
    });
    h = await createHarness('sqlite', { env: { ...wiki.env, RELAIS_WIKI_SCHEDULE: 'weekly' }, schedule: false });
    await seedKnowledgeBase(h);
    const { services, logs } = withLogs(h.scheduling);
    const ctx = { deps: services, owner: 'relais-a', timing: defaultClaimTiming };

    const outcomes: string[] = [];
    for (let attempt = 0; attempt < 12 && outcomes.at(-1) !== 'posted'; attempt++) {
      const outcome = await publishScheduled(ctx, { connection });
      outcomes.push(String(outcome));
      if (outcome === 'failed') {
        // The wiki's window is in real seconds; Relais's delay on its (test) clock.
        await sleep(2_100);
        h.clock.advance(logs.at(-1)!.retryInMs! + 1_000);
      }
    }
    expect(outcomes.at(-1)).toBe('posted');
    expect(outcomes.filter((outcome) => outcome === 'failed').length).toBeGreaterThanOrEqual(2);
    const busy = logs.filter((line) => line.level === 40);
    expect(busy.length).toBe(outcomes.length - 1);
    for (const line of busy) expect(line.err?.message).toBe('wiki busy: ratelimited');
    const pages = await services.db.wikiPage.findMany();
    expect(pages).toHaveLength(6);
    for (const page of pages) expect((await wiki.history(page.title)).map((revision) => revision.revid), page.title).toEqual([page.revisionId]);
    expect((await services.db.wikiPublication.findMany()).map((row) => [row.period, row.status])).toEqual([['2026-W49', 'posted']]);
  });
});

describe.each(engines)('two Relais processes with RELAIS_WIKI_SCHEDULE (%s)', (engine) => {
  let wiki: TestWiki;
  beforeAll(async () => {
    wiki = await startWiki();
  });
  afterAll(() => wiki?.stop());
  let database: TestDatabase | undefined;
  let slack: FakeSlackWebApi | undefined;
  let counter: HttpFaults | undefined;
  const processes: RelaisProcess[] = [];
  afterEach(async () => {
    for (const relais of processes.splice(0)) await relais.kill();
    await counter?.close();
    await slack?.close();
    await database?.close();
  });

  it('publish each period once', async () => {
    database = await createTestDatabase(engine);
    const { db } = database;
    const network = await createNetwork(db, 'cartes', 'Cartes et territoires');
    const author = await ensureMember(db, { platform: 'slack', workspace: 'T0', externalId: 'U0ANA', displayName: 'Ana' });
    for (const text of ['Utilisez le calendrier partagé #outils', 'Les fonds de carte de l’IGN sont ouverts #cartes']) {
      await addTip(db, { text, author, channelId: null, networkId: network.id, createdAt: new Date('2026-11-29T10:00:00Z') });
    }
    slack = await FakeSlackWebApi.start();
    // Between Relais and the wiki, to count what the wiki is asked.
    counter = await httpFaults(wiki.apiUrl);
    const prefix = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const env = {
      ...wiki.env, RELAIS_WIKI_API_URL: `${counter.url}/api.php`, RELAIS_WIKI_PREFIX: `${prefix}/`, RELAIS_WIKI_SCHEDULE: 'daily', DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: slack.botToken, SLACK_SIGNING_SECRET: 'wiki-signing-secret', SLACK_API_URL: `${slack.origin}/api/`, FAULT_NOW: '2026-11-30T09:00:00Z',
    };
    processes.push(...(await Promise.all([spawnRelais(env), spawnRelais(env)])));
    const published = async () => (await db.wikiPublication.findUnique({ where: { period: '2026-11-30' } }))?.status === 'posted';
    await waitUntil(published, 'the publication of 2026-11-30', 60_000);
    for (const relais of processes.splice(0)) await relais.stop();

    expect(await db.wikiPublication.count()).toBe(1);
    const pages = await db.wikiPage.findMany();
    expect(pages.map((page) => page.title).sort()).toEqual(['Astuces', 'Rencontres', 'Réseaux/cartes', 'Étiquettes/cartes', 'Étiquettes/outils'].map((suffix) => `${prefix}/${suffix}`).sort());
    for (const page of pages) expect((await wiki.history(page.title)).map((revision) => revision.revid), page.title).toEqual([page.revisionId]);
    // One login and five edits: the other process never even logged in.
    expect(counter.seen.filter((line) => line === 'POST /api.php')).toHaveLength(1 + 5);
  });
});
