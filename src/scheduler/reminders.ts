import type { SendOptions } from '../core/adapter.ts';
import type { Card } from '../core/card.ts';
import { channelRefOf, userRefOf } from '../domain/directory.ts';
import { reminderOffsets } from '../domain/meetups/reminder-offsets.ts';
import { getMeetup } from '../domain/meetups/service.ts';
import { errorCode } from '../ops/metrics.ts';
import { deliverOnce, isSettled } from './claim.ts';
import { reminderClaim, targetKey, type ReminderTarget } from './claim-tables.ts';
import { graceMs, type DeliveryContext } from './context.ts';
import { reminderCard } from './reminder-card.ts';


export interface DueReminder {
  offsetMinutes: number;
  dueAt: Date;
  /** Still worth posting; otherwise it is recorded as missed. */
  onTime: boolean;
}

/**
 * The reminders whose time has come, computed from the current start (an edited start moves
 * them), latest first. Only the latest can be posted — after downtime, "in 1 hour" supersedes
 * "in 24 hours" — and only before the start and within the catch-up window.
 */
export function dueReminders(startsAt: Date, offsets: readonly number[], now: Date, graceMs: number): DueReminder[] {
  return [...new Set(offsets)]
    .map((offsetMinutes) => ({ offsetMinutes, dueAt: new Date(startsAt.getTime() - offsetMinutes * 60_000) }))
    .filter((reminder) => reminder.dueAt <= now)
    .sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime())
    .map((reminder, index) => ({
      ...reminder,
      onTime: index === 0 && now < startsAt && now.getTime() - reminder.dueAt.getTime() <= graceMs,
    }));
}

interface Recipient {
  target: ReminderTarget;
  locale: string;
  timeZone: string;
  /** Posts where the platform makes one key appear once, even after a crash. */
  idempotent: boolean;
  /** Sends the card and returns the message id ('direct' for private messages, which have none here). */
  send(card: Card, options: SendOptions): Promise<string>;
}

/** The channels the meetup was announced in, and (when asked for) the people going, on platforms this process serves. */
async function recipientsOf(ctx: DeliveryContext, meetup: Meetup, privately: boolean): Promise<Recipient[]> {
  const { db, messenger, config } = ctx.deps;
  const idempotent = (platform: string) => messenger.adapterFor(platform).idempotentPosts === true;
  const channels = meetup.announcements.map(({ channel }): Recipient => ({
    target: { channelId: channel.id },
    locale: channel.locale,
    timeZone: channel.timezone,
    idempotent: idempotent(channel.platform),
    send: async (card, options) => (await messenger.post(channelRefOf(channel), card, options)).messageId,
  }));
  if (!privately || !config.RELAIS_REMINDER_DM) return channels;
  const canWrite = new Set(messenger.all.filter((adapter) => adapter.sendDirect).map((adapter) => adapter.platform as string));
  // Those who turned reminders off for themselves (/relais reminders off) get none.
  const going = await db.rsvp.findMany({ where: { meetupId: meetup.id, status: 'going', waitlisted: false, person: { reminderDMs: true } }, include: { member: true }, orderBy: { id: 'asc' } });
  const people = going.filter(({ member }) => canWrite.has(member.platform)).map(({ member }): Recipient => ({
    target: { memberId: member.id },
    locale: config.RELAIS_LOCALE,
    timeZone: meetup.timezone,
    idempotent: idempotent(member.platform),
    send: async (card, options) => {
      await messenger.direct(userRefOf(member), card, options);
      return 'direct';
    },
  }));
  return [...channels, ...people];
}

type Meetup = Awaited<ReturnType<typeof candidateMeetups>>[number];

/** Scheduled meetups that may have a reminder due: starting soon, or with reminders of their own. */
function candidateMeetups(ctx: DeliveryContext, now: Date) {
  const { db, messenger, config } = ctx.deps;
  const horizonMs = Math.max(0, ...config.RELAIS_REMINDER_OFFSETS) * 60_000;
  return db.meetup.findMany({
    where: {
      status: 'scheduled',
      startsAt: { gt: new Date(now.getTime() - graceMs(ctx.deps.config)) },
      OR: [{ startsAt: { lte: new Date(now.getTime() + horizonMs) } }, { reminderOffsets: { not: null } }],
    },
    include: { announcements: { where: { channel: { platform: { in: messenger.platforms } } }, include: { channel: true } } },
    orderBy: { id: 'asc' },
  });
}

function deliverReminder(ctx: DeliveryContext, meetupId: number, reminder: DueReminder, recipient: Recipient) {
  const { db, clock, renderAnnouncement } = ctx.deps;
  return deliverOnce({
    table: reminderClaim(db, meetupId, reminder.offsetMinutes, recipient.target),
    key: `reminder:${meetupId}:${reminder.offsetMinutes}:${targetKey(recipient.target)}:${reminder.dueAt.toISOString()}`,
    idempotent: recipient.idempotent,
    owner: ctx.owner,
    clock,
    timing: ctx.timing,
    dueAt: reminder.dueAt,
    onTime: reminder.onTime,
    rearm: true,
    prepare: async () => {
      const meetup = await getMeetup(db, meetupId);
      if (meetup.status !== 'scheduled') return undefined;
      return reminderCard(meetup, renderAnnouncement, { locale: recipient.locale, timeZone: recipient.timeZone, now: clock.now() });
    },
    post: (card, options) => recipient.send(card, options),
  });
}

/** Every meetup reminder now due, in the channels and to the people this process serves. */
export async function runReminders(ctx: DeliveryContext): Promise<void> {
  const { db, clock, config, logger, metrics } = ctx.deps;
  const now = clock.now();
  const grace = graceMs(config);
  const due = (await candidateMeetups(ctx, now)).flatMap((meetup) => {
    const reminders = dueReminders(meetup.startsAt, reminderOffsets(meetup, config.RELAIS_REMINDER_OFFSETS), now, grace);
    return reminders.length ? [{ meetup, reminders }] : [];
  });
  if (due.length === 0) return;
  const rows = await db.reminderDelivery.findMany({ where: { meetupId: { in: due.map(({ meetup }) => meetup.id) } } });
  const known = new Map(rows.map((row) => [`${row.meetupId}/${row.offsetMinutes}/${row.target}`, row]));
  for (const { meetup, reminders } of due) {
    const recipients = await recipientsOf(ctx, meetup, reminders.some((reminder) => reminder.onTime));
    for (const reminder of reminders) {
      for (const recipient of recipients) {
        // A private reminder that is no longer on time leaves no trace: there is nothing to show for it.
        if (!reminder.onTime && 'memberId' in recipient.target) continue;
        const row = known.get(`${meetup.id}/${reminder.offsetMinutes}/${targetKey(recipient.target)}`);
        if (row && isSettled(row) && row.dueAt >= reminder.dueAt) continue;
        try {
          const outcome = await deliverReminder(ctx, meetup.id, reminder, recipient);
          metrics.claim('reminder', outcome);
          logger.info({ meetupId: meetup.id, offset: reminder.offsetMinutes, target: targetKey(recipient.target), outcome }, 'reminder');
        } catch (error) {
          metrics.claim('reminder', 'failed');
          metrics.error('scheduler', errorCode(error));
          logger.error({ err: error, meetupId: meetup.id, target: targetKey(recipient.target) }, 'could not send a reminder; it will be tried again');
        }
      }
    }
  }
}
