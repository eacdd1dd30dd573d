import { isUniqueViolation } from '../db/errors.ts';
import type { Tx } from '../db/transaction.ts';
import { outgoing } from '../delivery/outgoing.ts';
import { announce } from '../domain/meetups/announce.ts';
import { announceToFollowers } from '../domain/meetups/follow.ts';
import { addOccurrence, seriesChannels, seriesDates, type SeriesRecord } from '../domain/meetups/series.ts';
import type { Occurrence } from '../domain/meetups/when/index.ts';
import type { DeliveryContext } from './context.ts';

const DAY = 24 * 3600_000;

/**
 * Each published series' dates coming within its `announceDaysAhead` become meetups, announced in
 * every channel the series is announced in. Exactly once whatever the number of processes: the
 * date's meetup is unique per (series, date) and is created in the same transaction as its
 * announcements and their posts (outbox rows with keys derived from the date), so a process that
 * loses the race rolls everything back, and a crash leaves either all of it or nothing.
 */
export async function runSeries(ctx: DeliveryContext): Promise<void> {
  const { db, clock, logger } = ctx.deps;
  const now = clock.now();
  const all = await db.meetupSeries.findMany({ where: { status: 'scheduled' }, orderBy: { id: 'asc' } });
  for (const series of all) {
    const dates = seriesDates(series, now, new Date(now.getTime() + series.announceDaysAhead * DAY));
    for (const date of dates) {
      await announceDate(ctx, series, date).catch((error: unknown) => {
        if (!isUniqueViolation(error)) logger.error({ err: error, seriesId: series.id }, 'could not announce a series date');
      });
    }
  }
}

/** 'created', or 'exists' when this date already is a meetup (made here, by another process, or cancelled). */
export async function announceDate(ctx: DeliveryContext, series: SeriesRecord, date: Occurrence): Promise<'created' | 'exists'> {
  const { db, renderAnnouncement, outbox } = ctx.deps;
  const created: number[] = [];
  const outcome = await db.$transaction(async (tx: Tx) => {
    const existing = await tx.meetup.findUnique({ where: { seriesId_occurrenceStart: { seriesId: series.id, occurrenceStart: date.start } } });
    if (existing) return 'exists' as const;
    const channels = await seriesChannels(tx, series.id);
    const meetup = await addOccurrence(tx, series, date);
    const out = outgoing(tx, { key: `series:${series.id}:${date.start.toISOString()}` }, created);
    for (const channel of channels) await announce(tx, out, renderAnnouncement, meetup.id, channel);
    // Channels that began following the series' network since its last date get this one too.
    await announceToFollowers(tx, out, renderAnnouncement, meetup);
    return 'created' as const;
  });
  if (created.length) outbox?.kick(created);
  return outcome;
}
