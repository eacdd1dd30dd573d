import type { Db } from '../../db/client.ts';
import type { Services } from '../../services.ts';

const DAY = 86_400_000;
/** Slack redelivers for an hour at most and a Matrix replay covers one sync batch: a month is ample. */
export const PROCESSED_EVENT_DAYS = 30;
const EVERY = 6 * 3_600_000;

export interface Purged {
  rsvps: number;
  processedEvents: number;
}

/**
 * Deletes the answers to meetups that ended more than `rsvpDays` days ago (0 keeps them), and the
 * deduplication keys old enough that no platform will deliver their event again.
 */
export async function purgeExpired(db: Db, now: Date, rsvpDays: number): Promise<Purged> {
  let rsvps = 0;
  if (rsvpDays > 0) {
    const cutoff = new Date(now.getTime() - rsvpDays * DAY);
    const ended = { OR: [{ endsAt: { lt: cutoff } }, { endsAt: null, startsAt: { lt: cutoff } }] };
    rsvps = (await db.rsvp.deleteMany({ where: { meetup: ended } })).count;
  }
  const processedEvents = (await db.processedEvent.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - PROCESSED_EVENT_DAYS * DAY) } } })).count;
  return { rsvps, processedEvents };
}

/** Purges at start and every six hours; several processes doing it at once delete the same rows, harmlessly. */
export function startRetention(services: Pick<Services, 'db' | 'clock' | 'config' | 'logger'>): { stop(): Promise<void> } {
  const { db, clock, config, logger } = services;
  let running: Promise<unknown> = Promise.resolve();
  const run = () => {
    running = purgeExpired(db, clock.now(), config.RELAIS_RSVP_RETENTION_DAYS).then(
      (purged) => {
        if (purged.rsvps || purged.processedEvents) logger.info(purged, 'expired personal data deleted');
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
