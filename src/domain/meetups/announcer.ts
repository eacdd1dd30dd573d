import type { Card } from '../../core/card.ts';
import type { Logger } from '../../core/logger.ts';
import type { Messenger } from '../../core/messenger.ts';
import type { Db } from '../../db/client.ts';
import { errorCode, type Metrics } from '../../ops/metrics.ts';
import { channelRefOf, type ChannelRecord } from '../directory.ts';
import { getMeetup, type MeetupView } from './service.ts';

/** How a meetup's announcement reads for one channel or person (declared with its buttons in src/interactions). */
export type RenderAnnouncement = (meetup: MeetupView, reader: Pick<ChannelRecord, 'locale' | 'timezone'>) => Card;

export interface AnnouncerDeps {
  db: Db;
  messenger: Messenger;
  logger: Logger;
  render: RenderAnnouncement;
  metrics: Metrics;
}

export interface AnnouncerTiming {
  /** Wait this long after a change before editing, so a burst becomes one edit. */
  coalesceMs: number;
  /** Never edit the same meetup's announcements more often than this (Slack: ~1 message/s/channel). */
  minIntervalMs: number;
  /** How often to look for changes made by other Relais processes. */
  sweepMs: number;
}

const defaultTiming: AnnouncerTiming = { coalesceMs: 300, minIntervalMs: 1000, sweepMs: 5000 };

/**
 * Keeps every copy of every announcement current. Each change bumps Meetup.revision in the
 * database; posted copies whose renderedRevision lags are re-rendered, coalesced per meetup.
 * Changes made by another process (an RSVP on Matrix while this process serves Slack) are found by
 * a periodic sweep, so the database, not memory, says what is out of date. Posting the first copy
 * is the outbox's job (src/domain/meetups/announce.ts); edits are idempotent and state-driven, so
 * they need no outbox of their own.
 */
export class Announcer {
  private readonly timers = new Map<number, NodeJS.Timeout>();
  private readonly lastEdit = new Map<number, number>();
  private readonly running = new Set<Promise<void>>();
  /** The latest refresh of each meetup: the next one waits for it, so an older render never lands last. */
  private readonly latest = new Map<number, Promise<void>>();
  private sweeper: NodeJS.Timeout | undefined;
  private readonly timing: AnnouncerTiming;

  constructor(private readonly deps: AnnouncerDeps, timing: Partial<AnnouncerTiming> = {}) {
    this.timing = { ...defaultTiming, ...timing };
  }

  /** Something about this meetup changed: schedule one coalesced edit of its announcements. */
  changed(meetupId: number): void {
    if (this.timers.has(meetupId)) return;
    const since = Date.now() - (this.lastEdit.get(meetupId) ?? 0);
    const delay = Math.max(this.timing.coalesceMs, this.timing.minIntervalMs - since);
    this.timers.set(meetupId, setTimeout(() => {
      this.timers.delete(meetupId);
      this.lastEdit.set(meetupId, Date.now());
      const run: Promise<void> = (this.latest.get(meetupId) ?? Promise.resolve())
        .then(() => this.refresh(meetupId))
        .finally(() => {
          this.running.delete(run);
          if (this.latest.get(meetupId) === run) this.latest.delete(meetupId);
        });
      this.latest.set(meetupId, run);
      this.running.add(run);
    }, delay));
  }

  /** Re-renders the posted copies, on platforms this process serves, that lag behind the meetup's revision. */
  async refresh(meetupId: number): Promise<void> {
    const { db, messenger, logger, render, metrics } = this.deps;
    try {
      const meetup = await getMeetup(db, meetupId);
      const stale = await db.announcement.findMany({
        where: { meetupId, messageId: { not: null }, renderedRevision: { lt: meetup.revision }, channel: { platform: { in: messenger.platforms } } },
        include: { channel: true },
      });
      for (const announcement of stale) {
        const { platform } = announcement.channel;
        await messenger.update(channelRefOf(announcement.channel), announcement.messageId!, render(meetup, announcement.channel)).catch((error: unknown) => {
          metrics.message(platform, 'edit', 'failed');
          throw error;
        });
        metrics.message(platform, 'edit', 'sent');
        await db.announcement.updateMany({
          where: { id: announcement.id, renderedRevision: { lt: meetup.revision } },
          data: { renderedRevision: meetup.revision },
        });
      }
    } catch (error) {
      metrics.error('announcement', errorCode(error));
      logger.error({ err: error, meetupId }, 'could not update announcements');
    }
  }

  /** Finds meetups changed elsewhere whose copies here are stale. */
  async sweep(): Promise<void> {
    const { db, messenger } = this.deps;
    const rows = await db.$queryRaw<{ meetupId: number }[]>`
      SELECT DISTINCT a."meetupId" AS "meetupId" FROM "Announcement" a
      JOIN "Meetup" m ON m.id = a."meetupId"
      WHERE a."renderedRevision" < m.revision AND a."messageId" IS NOT NULL`;
    if (rows.length === 0) return;
    const served = await db.announcement.findMany({
      where: { meetupId: { in: rows.map((row) => Number(row.meetupId)) }, channel: { platform: { in: messenger.platforms } } },
      select: { meetupId: true },
      distinct: ['meetupId'],
    });
    for (const { meetupId } of served) this.changed(meetupId);
  }

  start(): void {
    this.sweeper = setInterval(() => {
      this.sweep().catch((error: unknown) => this.deps.logger.warn({ err: error }, 'announcement sweep failed'));
    }, this.timing.sweepMs);
    this.sweeper.unref();
  }

  /** Waits until scheduled edits have run (for shutdown and tests). */
  async flush(): Promise<void> {
    while (this.timers.size || this.running.size) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      await Promise.all(this.running);
    }
  }

  async stop(): Promise<void> {
    if (this.sweeper) clearInterval(this.sweeper);
    await this.flush();
  }
}
