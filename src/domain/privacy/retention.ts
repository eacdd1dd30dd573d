import type { Clock } from '../../core/clock.ts';
import type { Logger } from '../../core/logger.ts';
import type { Db } from '../../db/client.ts';
import { DRAFT_DAYS } from '../meetups/service.ts';

const DAY = 86_400_000;
/** Slack redelivers for an hour at most and a Matrix replay covers one sync batch: a month is ample. */
export const INBOUND_DAYS = 30;
/** Sent messages are kept a week, for operators looking into what went out. */
export const OUTBOUND_DAYS = 7;
const EVERY = 6 * 3_600_000;

export interface Purged {
  rsvps: number;
  tips: number;
  gestures: number;
  messages: number;
  /** Meetup previews never published. */
  drafts: number;
}

/** How long what people removed is kept: answers to meetups after they ended, tips after they were hidden (0 keeps them). */
export interface RetentionDays {
  rsvpDays: number;
  tipDays: number;
}

/**
 * Deletes the answers to meetups that ended more than `rsvpDays` days ago (0 keeps them), the tips
 * hidden (deleted, withdrawn) more than `tipDays` days ago — with their tags, votes and flags — the
 * gestures and messages old enough that no platform will deliver them again, and meetup drafts
 * their organizers left unpublished.
 */
export async function purgeExpired(db: Db, now: Date, { rsvpDays, tipDays }: RetentionDays): Promise<Purged> {
  let rsvps = 0;
  if (rsvpDays > 0) {
    const cutoff = new Date(now.getTime() - rsvpDays * DAY);
    const ended = { OR: [{ endsAt: { lt: cutoff } }, { endsAt: null, startsAt: { lt: cutoff } }] };
    rsvps = (await db.rsvp.deleteMany({ where: { meetup: ended } })).count;
  }
  const tips = tipDays > 0 ? (await db.tip.deleteMany({ where: { status: 'hidden', hiddenAt: { lt: new Date(now.getTime() - tipDays * DAY) } } })).count : 0;
  const gestures = (await db.inbound.deleteMany({ where: { status: 'done', createdAt: { lt: new Date(now.getTime() - INBOUND_DAYS * DAY) } } })).count;
  const messages = (await db.outbound.deleteMany({ where: { status: { in: ['sent', 'failed'] }, createdAt: { lt: new Date(now.getTime() - OUTBOUND_DAYS * DAY) } } })).count;
  const drafts = (await db.meetup.deleteMany({ where: { status: 'draft', createdAt: { lt: new Date(now.getTime() - DRAFT_DAYS * DAY) } } })).count;
  return { rsvps, tips, gestures, messages, drafts };
}

/** Purges at start and every six hours; several processes doing it at once delete the same rows, harmlessly. */
export function startRetention(deps: { db: Db; clock: Clock; logger: Logger } & RetentionDays): { stop(): Promise<void> } {
  const { db, clock, logger } = deps;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = purgeExpired(db, clock.now(), deps).then(
      (purged) => {
        if (purged.rsvps || purged.tips || purged.gestures || purged.messages || purged.drafts) logger.info(purged, 'expired personal data deleted');
      },
      (error: unknown) => logger.warn({ err: error }, 'retention purge failed; it will run again'),
    );
  };
  run();
  const timer = setInterval(run, EVERY);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
