import { DateTime } from 'luxon';
import { plainText } from '../../src/core/plain-text.ts';
import type { Scheduler } from '../../src/scheduler/scheduler.ts';
import type { Harness } from '../support/harness.ts';

export const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' }).toJSDate();
export const parisTime = (date: Date) => DateTime.fromJSDate(date, { zone: 'Europe/Paris' }).toFormat("yyyy-MM-dd'T'HH:mmZZ");

export const moderator = (channel = '!room:example.org') => ({ moderator: true, channel });
export const admin = (channel = '!room:example.org') => ({ user: '@admin:example.org', channel });

/** Ticks the scheduler every `stepMinutes` of the harness clock, from now until `until` included. */
export async function tickUntil(h: Harness, scheduler: Scheduler, until: Date, stepMinutes = 30): Promise<void> {
  while (h.clock.now() <= until) {
    await scheduler.tick();
    h.clock.advance(stepMinutes * 60_000);
  }
}

/** What the platform received as channel posts, as people read them, per channel. */
export function postsIn(h: Harness, channel = '!room:example.org'): string[] {
  return h.adapter.of('post').filter((entry) => entry.target === channel && entry.card).map((entry) => plainText(entry.card!));
}

export const directs = (h: Harness, user: string) =>
  h.adapter.of('direct').filter((entry) => entry.target === user && entry.card).map((entry) => plainText(entry.card!));

/** The digest deliveries of a channel as an operator reads them in the database. */
export async function summaries(h: Harness, externalId = '!room:example.org') {
  const channel = await h.db.channel.findFirstOrThrow({ where: { externalId } });
  const rows = await h.db.summary.findMany({ where: { channelId: channel.id }, orderBy: { id: 'asc' } });
  return rows.map((row) => ({ period: row.period, status: row.status, postedAt: row.postedAt ? parisTime(row.postedAt) : null }));
}
