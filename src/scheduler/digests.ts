import { channelRefOf, type ChannelRecord } from '../domain/directory.ts';
import { buildDigest, DigestCache, isEmptyDigest } from '../domain/summaries/digest.ts';
import { digestCard, type DigestKind } from '../domain/summaries/digest-card.ts';
import { translator } from '../i18n/translate.ts';
import type { Clock } from '../core/clock.ts';
import type { Tx } from '../db/transaction.ts';
import type { Outgoing } from '../delivery/outgoing.ts';
import type { Effect } from '../delivery/worker.ts';
import type { CoreConfig } from '../config.ts';
import { errorCode } from '../ops/metrics.ts';
import { deliverOnce, isSettled, type DeliveryOutcome } from './claim.ts';
import { summaryClaim } from './claim-tables.ts';
import { graceMs, type DeliveryContext } from './context.ts';
import { currentWindow, latestOccurrence, manualPeriod, type Occurrence } from './occurrences.ts';

type DigestOccurrence = Pick<Occurrence, 'period' | 'at' | 'since'>;

/**
 * The channel's digest card for a window, or undefined when it is empty and the channel skips
 * empty digests. Channels rendered with the same cache share the contents built for their scope.
 */
export async function renderDigest(deps: { db: Tx; config: Pick<CoreConfig, 'RELAIS_PUBLIC_URL'> }, channel: ChannelRecord, window: { since: Date; until: Date }, kind: DigestKind, cache?: DigestCache) {
  const { db, config } = deps;
  const digest = await buildDigest(db, channel, window, cache);
  if (channel.digestSkipEmpty && isEmptyDigest(digest)) return undefined;
  return digestCard(digest, { t: translator(channel.locale), locale: channel.locale, timeZone: channel.timezone, kind, publicUrl: config.RELAIS_PUBLIC_URL });
}

/** Posts one channel's digest for one period, at most once; too late (beyond the catch-up window), it is recorded as missed. */
export function deliverDigest(ctx: DeliveryContext, channel: ChannelRecord, occurrence: DigestOccurrence, kind: DigestKind, cache?: DigestCache): Promise<DeliveryOutcome> {
  const { db, clock, messenger, config } = ctx.deps;
  const ref = channelRefOf(channel);
  return deliverOnce({
    table: summaryClaim(db, channel.id, occurrence.period),
    key: `digest:${channel.id}:${occurrence.period}`,
    idempotent: messenger.adapterFor(ref.platform).idempotentPosts === true,
    owner: ctx.owner,
    clock,
    timing: ctx.timing,
    dueAt: occurrence.at,
    onTime: clock.now().getTime() - occurrence.at.getTime() <= graceMs(config),
    prepare: () => renderDigest(ctx.deps, channel, { since: occurrence.since, until: occurrence.at }, kind, cache),
    post: async (card, options) => (await messenger.post(ref, card, options)).messageId,
  });
}

/**
 * /summary now: the digest so far, under a period key of its own (one per channel and minute),
 * decided in the caller's transaction and posted by the outbox once it commits.
 */
export async function queueDigestNow(deps: { db: Tx; config: Pick<CoreConfig, 'RELAIS_PUBLIC_URL'>; clock: Clock; owner: string }, out: Outgoing, channel: ChannelRecord): Promise<'posted' | 'skipped' | 'settled'> {
  const now = deps.clock.now();
  const period = manualPeriod(channel.timezone, now);
  if (await deps.db.summary.findUnique({ where: { channelId_period: { channelId: channel.id, period } } })) return 'settled';
  const card = await renderDigest(deps, channel, { since: currentWindow(channel, now).since, until: now }, 'manual');
  const row = await deps.db.summary.create({ data: { channelId: channel.id, period, status: card ? 'posting' : 'skipped', claimedBy: deps.owner, dueAt: now } });
  if (!card) return 'skipped';
  await out.post(channelRefOf(channel), card, { kind: 'summary', id: row.id });
  return 'posted';
}

/** What a digest posted through the outbox records. */
export const summaryEffect: Effect = {
  async posted(tx, { id, messageId, now }) {
    await tx.summary.update({ where: { id }, data: { status: 'posted', messageId, postedAt: now, leaseUntil: null } });
  },
  async failed(tx, id) {
    await tx.summary.update({ where: { id }, data: { status: 'missed', leaseUntil: null } });
    return undefined;
  },
};

/** Every scheduled digest now due in the channels this process serves. */
export async function runDigests(ctx: DeliveryContext): Promise<void> {
  const { db, clock, messenger, logger, metrics } = ctx.deps;
  const now = clock.now();
  const channels = await db.channel.findMany({
    where: { platform: { in: messenger.platforms }, digestFrequency: { in: ['weekly', 'daily'] } },
    orderBy: { id: 'asc' },
  });
  const due = channels.flatMap((channel) => {
    const occurrence = latestOccurrence(channel, now);
    return occurrence ? [{ channel, occurrence }] : [];
  });
  if (due.length === 0) return;
  const rows = await db.summary.findMany({
    where: { channelId: { in: due.map(({ channel }) => channel.id) }, period: { in: [...new Set(due.map(({ occurrence }) => occurrence.period))] } },
    select: { channelId: true, period: true, status: true },
  });
  const settled = new Set(rows.filter(isSettled).map((row) => `${row.channelId}/${row.period}`));
  const cache = new DigestCache();
  for (const { channel, occurrence } of due) {
    if (settled.has(`${channel.id}/${occurrence.period}`)) continue;
    const kind = channel.digestFrequency === 'daily' ? 'daily' : 'weekly';
    try {
      const outcome = await deliverDigest(ctx, channel, occurrence, kind, cache);
      metrics.claim('digest', outcome);
      logger.info({ channelId: channel.id, period: occurrence.period, outcome }, 'digest');
    } catch (error) {
      metrics.claim('digest', 'failed');
      metrics.error('scheduler', errorCode(error));
      logger.error({ err: error, channelId: channel.id, period: occurrence.period }, 'could not post a digest; it will be tried again');
    }
  }
}
