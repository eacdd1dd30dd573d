// Scheduled publication to the wiki (RELAIS_WIKI_SCHEDULE): once per day or ISO week in
// RELAIS_TIMEZONE, whatever the number of processes and restarts, through the same claims as
// digests. It runs beside the digest and reminder ticks, never inside them: a slow or absent wiki
// must not hold up chat work.
import { DateTime } from 'luxon';
import type { Db } from '../db/client.ts';
import type { PublishOptions } from '../publish/mediawiki/publish.ts';
import { wikiSettings, type WikiConfig } from '../publish/mediawiki/config.ts';
import type { Config } from '../config.ts';
import { errorCode } from '../ops/metrics.ts';
import { deliverOnce, isSettled, type ClaimTable, type DeliveryOutcome } from './claim.ts';
import type { DeliveryContext } from './context.ts';

/** A publication of hundreds of pages takes minutes; another process takes a claim over only after this. */
const LEASE_MS = 30 * 60_000;
const FIRST_RETRY_MS = 60_000;
const MAX_RETRY_MS = 60 * 60_000;

/** After `failures` failed attempts: 1 minute, then twice as long each time, at most an hour. */
export const retryDelayMs = (failures: number) => Math.min(FIRST_RETRY_MS * 2 ** failures, MAX_RETRY_MS);

/** The period a publication is for ("2026-12-01", "2026-W49") and when it fell due (its start). */
export function wikiPeriod(schedule: 'daily' | 'weekly', timeZone: string, now: Date): { period: string; dueAt: Date } {
  const local = DateTime.fromJSDate(now, { zone: timeZone });
  const start = local.startOf(schedule === 'daily' ? 'day' : 'week');
  return { period: schedule === 'daily' ? start.toISODate()! : start.toFormat("kkkk-'W'WW"), dueAt: start.toJSDate() };
}

/** The WikiPublication row of one period. */
export function wikiPublicationClaim(db: Db, period: string): ClaimTable {
  return {
    find: () => db.wikiPublication.findUnique({ where: { period } }),
    insert: (fields) => db.wikiPublication.create({ data: { period, ...fields } }),
    update: async (where, fields) => (await db.wikiPublication.updateMany({ where, data: fields })).count,
  };
}

/**
 * Publishes this period's pages unless it is done or another process is at it; a failure (the
 * wiki down, maxlag, rate limits) releases the claim for a retry after a growing delay and is logged.
 */
export async function publishScheduled(ctx: DeliveryContext, options: Pick<PublishOptions, 'connection'> = {}): Promise<DeliveryOutcome | 'failed' | undefined> {
  const { db, clock, config, logger, metrics } = ctx.deps;
  const schedule = (config as Config & Partial<WikiConfig>).RELAIS_WIKI_SCHEDULE ?? 'off';
  if (schedule === 'off' || !wikiSettings(config)) return undefined;
  // Loaded only once a schedule asks for it: the wiki client (mwn) and the diff are not start-up's.
  const { publishToWiki, reportTotals } = await import('../publish/mediawiki/publish.ts');
  const { period, dueAt } = wikiPeriod(schedule, config.RELAIS_TIMEZONE, clock.now());
  const row = await db.wikiPublication.findUnique({ where: { period } });
  if (row && isSettled(row)) return 'settled';
  const failures = row?.failures ?? 0;
  let totals: string | undefined;
  try {
    const outcome = await deliverOnce({
      table: wikiPublicationClaim(db, period),
      key: `wiki:${period}`,
      // The work is done in prepare(); "posting" sends nothing.
      idempotent: false,
      owner: ctx.owner,
      clock,
      timing: { leaseMs: LEASE_MS, retryMs: retryDelayMs(failures) },
      dueAt,
      onTime: true,
      // Publishing twice changes nothing (unchanged pages are not edited), so the work is done in
      // prepare(), where a process that dies is taken over once its lease runs out, rather than in
      // post(), where it would be settled as uncertain and the period left half-published.
      prepare: async () => (totals = reportTotals(await publishToWiki(ctx.deps, options), config.RELAIS_LOCALE)),
      post: async (done) => done,
    });
    metrics.claim('wiki', outcome);
    if (outcome === 'posted') logger.info({ period, totals }, 'published to the wiki');
    return outcome;
  } catch (error) {
    metrics.claim('wiki', 'failed');
    metrics.error('scheduler', errorCode(error));
    await db.wikiPublication.updateMany({ where: { period }, data: { failures: { increment: 1 } } });
    logger.warn({ err: error, period, failures: failures + 1, retryInMs: retryDelayMs(failures) }, 'could not publish to the wiki; it will be tried again');
    return 'failed';
  }
}

/** One publication at a time per process, started by the scheduler's tick and never awaited by it. */
export class WikiSchedule {
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly ctx: DeliveryContext,
    private readonly options: Pick<PublishOptions, 'connection'> = {},
  ) {}

  tick(): Promise<unknown> {
    this.running ??= publishScheduled(this.ctx, this.options)
      .catch((error: unknown) => this.ctx.deps.logger.error({ err: error }, 'wiki publication tick failed'))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }

  /** Waits for the publication in progress, so no page is cut off on shutdown. */
  async stop(): Promise<void> {
    await this.running;
  }
}
