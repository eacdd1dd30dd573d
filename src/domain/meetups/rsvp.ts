import { notFound, RelaisError } from '../../core/errors.ts';
import { atomically, type Tx } from '../../db/transaction.ts';
import type { MemberRecord } from '../directory.ts';
import { personIdOf } from '../people/identities.ts';

export const rsvpStatuses = ['going', 'maybe', 'declined'] as const;
export type RsvpStatus = (typeof rsvpStatuses)[number];
export type RsvpSource = 'reaction' | 'button' | 'command';

/** Each answer's emoji: the reactions that answer an announcement, and how counts are shown. */
export const rsvpEmoji: Record<RsvpStatus, string> = { going: '✅', maybe: '🤔', declined: '❌' };

export interface RsvpOutcome {
  /** The member's answer after the change; null when withdrawn. */
  status: RsvpStatus | null;
  waitlisted: boolean;
  /** Whether anything changed (a repeated click changes nothing). */
  changed: boolean;
  /** People moved from the waitlist to "going" by this change; they are told. */
  promoted: MemberRecord[];
}

/**
 * Takes the meetup's row lock for the rest of the transaction without changing the row: on
 * PostgreSQL, concurrent answers to one meetup (from any process) queue up behind it, so the
 * capacity check below cannot be raced; SQLite serialises writers anyway.
 */
async function lockMeetup(tx: Tx, meetupId: number) {
  const locked = await tx.$executeRaw`UPDATE "Meetup" SET "revision" = "revision" WHERE "id" = ${meetupId}`;
  if (locked === 0) throw notFound('meetup', meetupId);
  const meetup = await tx.meetup.findUniqueOrThrow({ where: { id: meetupId } });
  if (meetup.status === 'cancelled') throw new RelaisError('conflict', 'meetups.errors.cancelled', { id: meetupId });
  return meetup;
}

/** Something every announcement shows changed: their copies are re-rendered (src/domain/meetups/announcer.ts). */
export async function bumpRevision(tx: Tx, meetupId: number): Promise<void> {
  await tx.meetup.update({ where: { id: meetupId }, data: { revision: { increment: 1 } } });
}

/** Fills free seats from the waitlist, first come first served. */
export async function promoteFromWaitlist(tx: Tx, meetupId: number, capacity: number | null): Promise<MemberRecord[]> {
  const waiting = await tx.rsvp.findMany({
    where: { meetupId, status: 'going', waitlisted: true },
    orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
    include: { member: true },
  });
  if (waiting.length === 0) return [];
  const seated = await tx.rsvp.count({ where: { meetupId, status: 'going', waitlisted: false } });
  const free = capacity === null ? waiting.length : Math.max(0, capacity - seated);
  const promoted = waiting.slice(0, free);
  if (promoted.length) await tx.rsvp.updateMany({ where: { id: { in: promoted.map((rsvp) => rsvp.id) } }, data: { waitlisted: false } });
  return promoted.map((rsvp) => rsvp.member);
}

/**
 * Sets (or, with status null, withdraws) one member's answer, with waitlist and promotion,
 * atomically. The answer is their person's: given from another linked identity, it changes the
 * same answer (and seat), and that identity becomes the one told about it. Giving the answer one already gave changes nothing, not even the revision: no
 * announcement is edited for it.
 */
export async function setRsvp(db: Tx, meetupId: number, memberId: number, status: RsvpStatus | null, source: RsvpSource, now: Date): Promise<RsvpOutcome> {
  return atomically(db, async (tx) => {
    const meetup = await lockMeetup(tx, meetupId);
    if (meetup.startsAt <= now) throw new RelaisError('conflict', 'meetups.errors.started', { id: meetupId });
    const personId = await personIdOf(tx, memberId);
    const existing = await tx.rsvp.findUnique({ where: { meetupId_personId: { meetupId, personId } } });
    if (status === (existing?.status ?? null)) {
      return { status, waitlisted: existing?.waitlisted ?? false, changed: false, promoted: [] };
    }
    const wasSeated = existing?.status === 'going' && !existing.waitlisted;
    let waitlisted = false;
    if (status === null) {
      await tx.rsvp.delete({ where: { id: existing!.id } });
    } else {
      if (status === 'going' && meetup.capacity !== null) {
        const seated = await tx.rsvp.count({ where: { meetupId, status: 'going', waitlisted: false } });
        waitlisted = seated >= meetup.capacity;
      }
      await tx.rsvp.upsert({
        where: { meetupId_personId: { meetupId, personId } },
        create: { meetupId, memberId, personId, status, waitlisted, source },
        update: { memberId, status, waitlisted, source },
      });
    }
    const promoted = wasSeated ? await promoteFromWaitlist(tx, meetupId, meetup.capacity) : [];
    await bumpRevision(tx, meetupId);
    return { status, waitlisted, changed: true, promoted };
  });
}
