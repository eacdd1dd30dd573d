import { channelRefOf, type ChannelRecord } from '../domain/directory.ts';
import { buildDigest, DigestCache, isEmptyDigest } from '../domain/summaries/digest.ts';
import { digestCard, type DigestKind } from '../domain/summaries/digest-card.ts';
import { translator } from '../i18n/translate.ts';
import type { Services } from '../services.ts';
import { deliverOnce, isSettled, type DeliveryOutcome } from './claim.ts';
import { summaryClaim } from './claim-tables.ts';
import { graceMs, type DeliveryContext } from './context.ts';
import { currentWindow, latestOccurrence, manualPeriod, type Occurrence } from './occurrences.ts';

type DigestOccurrence = Pick<Occurrence, 'period' | 'at' | 'since'>;

/**
 * The channel's digest card for a window, or undefined when it is empty and the channel skips
 * empty digests. Channels rendered with the same cache share the contents built for their scope.
 */
export async function renderDigest(services: Pick<Services, 'db' | 'config'>, channel: ChannelRecord, window: { since: Date; until: Date }, kind: DigestKind, cache?: DigestCache) {
  const { db, config } = services;
  const digest = await buildDigest(db, channel, window, cache);
  if (channel.digestSkipEmpty && isEmptyDigest(digest)) return undefined;
  return digestCard(digest, { t: translator(channel.locale), locale: channel.locale, timeZone: channel.timezone, kind, publicUrl: config.RELAIS_PUBLIC_URL });
}

/** Posts one channel's digest for one period, at most once; too late (beyond the catch-up window), it is recorded as missed. */
export function deliverDigest(ctx: DeliveryContext, channel: ChannelRecord, occurrence: DigestOccurrence, kind: DigestKind, cache?: DigestCache): Promise<DeliveryOutcome> {
  const { db, clock, messenger } = ctx.services;
  return deliverOnce({
    table: summaryClaim(db, channel.id, occurrence.period),
    owner: ctx.owner,
    clock,
    timing: ctx.timing,
    dueAt: occurrence.at,
    onTime: clock.now().getTime() - occurrence.at.getTime() <= graceMs(ctx.services),
    prepare: () => renderDigest(ctx.services, channel, { since: occurrence.since, until: occurrence.at }, kind, cache),
    post: async (card) => (await messenger.post(channelRefOf(channel), card)).messageId,
  });
}

/** /summary now: the digest so far, under a period key of its own (one per channel and minute). */
export function deliverDigestNow(ctx: DeliveryContext, channel: ChannelRecord): Promise<DeliveryOutcome> {
  const now = ctx.services.clock.now();
  const { since } = currentWindow(channel, now);
  return deliverDigest(ctx, channel, { period: manualPeriod(channel.timezone, now), at: now, since }, 'manual');
}

/** Every scheduled digest now due in the channels this process serves. */
export async function runDigests(ctx: DeliveryContext): Promise<void> {
  const { db, clock, messenger, logger } = ctx.services;
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
      logger.info({ channelId: channel.id, period: occurrence.period, outcome }, 'digest');
    } catch (error) {
      logger.error({ err: error, channelId: channel.id, period: occurrence.period }, 'could not post a digest; it will be tried again');
    }
  }
}
