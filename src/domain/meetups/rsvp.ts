import type { Prisma } from '../../generated/sqlite/client.ts';
import type { Db } from '../../db/client.ts';
import { notFound, RelaisError } from '../../core/errors.ts';
import type { MemberRecord } from '../directory.ts';

export const rsvpStatuses = ['going', 'maybe', 'declined'] as const;
export type RsvpStatus = (typeof rsvpStatuses)[number];
export type RsvpSource = 'reaction' | 'button' | 'command';

type Tx = Prisma.TransactionClient;

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
 * Opens the meetup's transaction by bumping its revision: on PostgreSQL that UPDATE locks the
 * meetup row, so concurrent answers for the same meetup (from any process) queue up and the
 * capacity check below cannot be raced; SQLite serialises writers anyway.
 */
async function lockMeetup(tx: Tx, meetupId: number) {
  const meetup = await tx.meetup.update({ where: { id: meetupId }, data: { revision: { increment: 1 } } }).catch((error: unknown) => {
    if ((error as { code?: string }).code === 'P2025') throw notFound('meetup', meetupId);
    throw error;
  });
  if (meetup.status === 'cancelled') throw new RelaisError('conflict', 'meetups.errors.cancelled', { id: meetupId });
  return meetup;
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

/** Sets (or, with status null, withdraws) one member's answer, with waitlist and promotion, atomically. */
export async function setRsvp(db: Db, meetupId: number, memberId: number, status: RsvpStatus | null, source: RsvpSource, now: Date): Promise<RsvpOutcome> {
  return db.$transaction(async (tx) => {
    const meetup = await lockMeetup(tx, meetupId);
    if (meetup.startsAt <= now) throw new RelaisError('conflict', 'meetups.errors.started', { id: meetupId });
    const existing = await tx.rsvp.findUnique({ where: { meetupId_memberId: { meetupId, memberId } } });
    const wasSeated = existing?.status === 'going' && !existing.waitlisted;

    if (status === (existing?.status ?? null)) {
      return { status, waitlisted: existing?.waitlisted ?? false, changed: false, promoted: [] };
    }
    let waitlisted = false;
    if (status === null) {
      await tx.rsvp.delete({ where: { id: existing!.id } });
    } else {
      if (status === 'going' && meetup.capacity !== null) {
        const seated = await tx.rsvp.count({ where: { meetupId, status: 'going', waitlisted: false } });
        waitlisted = seated >= meetup.capacity;
      }
      await tx.rsvp.upsert({
        where: { meetupId_memberId: { meetupId, memberId } },
        create: { meetupId, memberId, status, waitlisted, source },
        update: { status, waitlisted, source },
      });
    }
    const promoted = wasSeated ? await promoteFromWaitlist(tx, meetupId, meetup.capacity) : [];
    return { status, waitlisted, changed: true, promoted };
  });
}
