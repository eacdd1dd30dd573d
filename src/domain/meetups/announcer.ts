import type { Config } from '../../config.ts';
import type { Card } from '../../core/card.ts';
import type { Clock } from '../../core/clock.ts';
import { RelaisError } from '../../core/errors.ts';
import type { Messenger } from '../../core/messenger.ts';
import type { Db } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { translator } from '../../i18n/translate.ts';
import type { Logger } from '../../logger.ts';
import { channelRefOf, type ChannelRecord, type MemberRecord, userRefOf } from '../directory.ts';
import { getMeetup, type MeetupView } from './service.ts';
import { announcementCard, rsvpEmoji } from './view.ts';

export interface AnnouncerDeps {
  db: Db;
  messenger: Messenger;
  clock: Clock;
  logger: Logger;
  config: Pick<Config, 'RELAIS_PUBLIC_URL'>;
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
 * Posts meetup announcements and keeps every copy current. Each change bumps Meetup.revision in
 * the database; copies whose renderedRevision lags are re-rendered, coalesced per meetup. Changes
 * made by another process (say, an RSVP on Matrix while this process serves Slack) are found by a
 * periodic sweep, so the database, not memory, says what is out of date.
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

  render(meetup: MeetupView, channel: ChannelRecord): Card {
    const locale = channel.locale;
    return announcementCard(meetup, { t: translator(locale), locale, timeZone: channel.timezone, publicUrl: this.deps.config.RELAIS_PUBLIC_URL });
  }

  /** Posts the meetup in a channel (once per channel) and seeds the RSVP reactions. */
  async announce(meetupId: number, channel: ChannelRecord): Promise<string> {
    const { db, messenger } = this.deps;
    const meetup = await getMeetup(db, meetupId);
    if (meetup.status === 'cancelled') throw new RelaisError('conflict', 'meetups.errors.cancelled', { id: meetupId });
    const existing = await db.announcement.findUnique({ where: { meetupId_channelId: { meetupId, channelId: channel.id } } });
    if (existing) throw new RelaisError('conflict', 'meetups.errors.alreadyAnnounced', { id: meetupId });
    const ref = channelRefOf(channel);
    const { messageId } = await messenger.post(ref, this.render(meetup, channel));
    try {
      await db.announcement.create({ data: { meetupId, channelId: channel.id, messageId, renderedRevision: meetup.revision } });
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw new RelaisError('conflict', 'meetups.errors.alreadyAnnounced', { id: meetupId });
    }
    await messenger.addReactions(ref, messageId, Object.values(rsvpEmoji)).catch((error: unknown) => {
      this.deps.logger.warn({ err: error, meetupId }, 'could not seed RSVP reactions');
    });
    return messageId;
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

  /** Re-renders the copies on platforms this process serves that lag behind the meetup's revision. */
  async refresh(meetupId: number): Promise<void> {
    const { db, messenger, logger } = this.deps;
    try {
      const meetup = await getMeetup(db, meetupId);
      const stale = await db.announcement.findMany({
        where: { meetupId, renderedRevision: { lt: meetup.revision }, channel: { platform: { in: messenger.platforms } } },
        include: { channel: true },
      });
      for (const announcement of stale) {
        await messenger.update(channelRefOf(announcement.channel), announcement.messageId, this.render(meetup, announcement.channel));
        await db.announcement.updateMany({
          where: { id: announcement.id, renderedRevision: { lt: meetup.revision } },
          data: { renderedRevision: meetup.revision },
        });
      }
    } catch (error) {
      logger.error({ err: error, meetupId }, 'could not update announcements');
    }
  }

  /** Finds meetups changed elsewhere whose copies here are stale. */
  async sweep(): Promise<void> {
    const { db, messenger } = this.deps;
    const rows = await db.$queryRaw<{ meetupId: number }[]>`
      SELECT DISTINCT a."meetupId" AS "meetupId" FROM "Announcement" a
      JOIN "Meetup" m ON m.id = a."meetupId"
      WHERE a."renderedRevision" < m.revision`;
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

  /** Tells people privately (where the platform allows); failures are logged, never thrown. */
  async tell(members: MemberRecord[], card: (member: MemberRecord) => Card): Promise<void> {
    for (const member of members) {
      await this.deps.messenger.direct(userRefOf(member), card(member)).catch((error: unknown) => {
        this.deps.logger.warn({ err: error, memberId: member.id }, 'could not send a direct message');
      });
    }
  }
}
