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
  /** The member's place on the waitlist (1 = next to get a seat), when waitlisted. */
  position: number | null;
  /** Others still waiting who are nearer a seat after this change, with their new place; they are told. */
  movedUp: WaitingMove[];
}

export interface WaitingMove {
  member: MemberRecord;
  position: number;
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
  // A draft is its organizer's alone until published: there is nothing to answer yet.
  if (meetup.status === 'draft') throw notFound('meetup', meetupId);
  if (meetup.status === 'cancelled') throw new RelaisError('conflict', 'meetups.errors.cancelled', { id: meetupId });
  return meetup;
}

/** Something every announcement shows changed: their copies are re-rendered (src/domain/meetups/announcer.ts). */
export async function bumpRevision(tx: Tx, meetupId: number): Promise<void> {
  await tx.meetup.update({ where: { id: meetupId }, data: { revision: { increment: 1 } } });
}

/** Who waits for a seat, first come first served: the order seats are given in. */
export async function waitingLine(tx: Tx, meetupId: number) {
  return tx.rsvp.findMany({
    where: { meetupId, status: 'going', waitlisted: true },
    orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }],
    include: { member: true },
  });
}

/** Those still waiting who moved nearer a seat between two looks at the line, with their new place. */
export function movesUp(before: Array<{ personId: number }>, after: Array<{ personId: number; member: MemberRecord }>, except?: number): WaitingMove[] {
  const was = new Map(before.map((rsvp, index) => [rsvp.personId, index]));
  return after.flatMap((rsvp, index) => {
    const earlier = was.get(rsvp.personId);
    return rsvp.personId !== except && earlier !== undefined && index < earlier ? [{ member: rsvp.member, position: index + 1 }] : [];
  });
}

/** Fills free seats from the waitlist, first come first served. */
export async function promoteFromWaitlist(tx: Tx, meetupId: number, capacity: number | null): Promise<MemberRecord[]> {
  const waiting = await waitingLine(tx, meetupId);
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
    const line = await waitingLine(tx, meetupId);
    const placeIn = (waiting: Array<{ personId: number }>) => {
      const index = waiting.findIndex((rsvp) => rsvp.personId === personId);
      return index === -1 ? null : index + 1;
    };
    if (status === (existing?.status ?? null)) {
      return { status, waitlisted: existing?.waitlisted ?? false, changed: false, promoted: [], position: placeIn(line), movedUp: [] };
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
    const after = await waitingLine(tx, meetupId);
    return { status, waitlisted, changed: true, promoted, position: placeIn(after), movedUp: movesUp(line, after, personId) };
  });
}
