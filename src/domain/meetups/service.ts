import type { Prisma } from '../../generated/sqlite/client.ts';
import { atomically, type Tx } from '../../db/transaction.ts';
import { notFound, RelaisError } from '../../core/errors.ts';
import type { MemberRecord } from '../directory.ts';
import { promoteFromWaitlist } from './rsvp.ts';

export const meetupInclude = { organizer: true, network: true } satisfies Prisma.MeetupInclude;
export type MeetupRecord = Prisma.MeetupGetPayload<{ include: typeof meetupInclude }>;

export interface RsvpCounts {
  going: number;
  maybe: number;
  declined: number;
  waitlisted: number;
}

export interface MeetupView extends MeetupRecord {
  counts: RsvpCounts;
}

export interface NewMeetup {
  title: string;
  description?: string | null;
  startsAt: Date;
  endsAt?: Date | null;
  timezone: string;
  place?: string | null;
  onlineUrl?: string | null;
  capacity?: number | null;
  organizerId: number;
  networkId: number | null;
  channelId: number | null;
}

const emptyCounts = (): RsvpCounts => ({ going: 0, maybe: 0, declined: 0, waitlisted: 0 });

/** RSVP counts of several meetups in one query. */
export async function countRsvpsOf(db: Pick<Tx, 'rsvp'>, meetupIds: number[]): Promise<Map<number, RsvpCounts>> {
  const counts = new Map(meetupIds.map((id) => [id, emptyCounts()]));
  if (meetupIds.length === 0) return counts;
  const groups = await db.rsvp.groupBy({
    by: ['meetupId', 'status', 'waitlisted'],
    where: { meetupId: { in: meetupIds } },
    _count: { _all: true },
  });
  for (const group of groups) {
    const tally = counts.get(group.meetupId)!;
    const n = group._count._all;
    if (group.status === 'going') tally[group.waitlisted ? 'waitlisted' : 'going'] += n;
    else if (group.status === 'maybe' || group.status === 'declined') tally[group.status] += n;
  }
  return counts;
}

export async function countRsvps(db: Pick<Tx, 'rsvp'>, meetupId: number): Promise<RsvpCounts> {
  return (await countRsvpsOf(db, [meetupId])).get(meetupId)!;
}

/** Meetups with their RSVP counts attached. */
export async function withCounts<M extends { id: number }>(db: Pick<Tx, 'rsvp'>, meetups: M[]): Promise<(M & { counts: RsvpCounts })[]> {
  const counts = await countRsvpsOf(db, meetups.map((meetup) => meetup.id));
  return meetups.map((meetup) => ({ ...meetup, counts: counts.get(meetup.id)! }));
}

export async function createMeetup(db: Tx, meetup: NewMeetup): Promise<MeetupRecord> {
  return db.meetup.create({ data: meetup, include: meetupInclude });
}

export async function getMeetup(db: Tx, id: number): Promise<MeetupView> {
  const meetup = await db.meetup.findUnique({ where: { id }, include: meetupInclude });
  if (!meetup) throw notFound('meetup', id);
  return { ...meetup, counts: await countRsvps(db, id) };
}

export async function upcomingMeetups(db: Tx, options: { now: Date; until?: Date; networkId?: number | null; limit: number }): Promise<MeetupView[]> {
  const meetups = await db.meetup.findMany({
    where: {
      status: 'scheduled',
      startsAt: { gte: options.now, ...(options.until ? { lte: options.until } : {}) },
      ...(options.networkId ? { networkId: options.networkId } : {}),
    },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: options.limit,
    include: meetupInclude,
  });
  return withCounts(db, meetups);
}

export type MeetupChanges = Partial<Pick<NewMeetup, 'title' | 'description' | 'startsAt' | 'timezone' | 'place' | 'onlineUrl' | 'capacity'>>;

/**
 * An edit is a new version of the meetup: SEQUENCE (for calendars) and the announcement revision
 * move on. A larger capacity seats people from the waitlist, who are returned to be told.
 */
export async function editMeetup(db: Tx, id: number, changes: MeetupChanges): Promise<{ meetup: MeetupRecord; promoted: MemberRecord[] }> {
  const current = await getMeetup(db, id);
  if (current.status === 'cancelled') throw new RelaisError('conflict', 'meetups.errors.cancelled', { id });
  return atomically(db, async (tx) => {
    const meetup = await tx.meetup.update({
      where: { id },
      data: { ...changes, sequence: { increment: 1 }, revision: { increment: 1 } },
      include: meetupInclude,
    });
    const promoted = changes.capacity !== undefined ? await promoteFromWaitlist(tx, id, meetup.capacity) : [];
    return { meetup, promoted };
  });
}

/** Cancels and returns who had said "going" (they are told). */
export async function cancelMeetup(db: Tx, id: number): Promise<{ meetup: MeetupRecord; going: MemberRecord[] }> {
  return atomically(db, async (tx) => {
    const current = await tx.meetup.findUnique({ where: { id } });
    if (!current) throw notFound('meetup', id);
    if (current.status === 'cancelled') throw new RelaisError('conflict', 'meetups.errors.cancelled', { id });
    const meetup = await tx.meetup.update({
      where: { id },
      data: { status: 'cancelled', sequence: { increment: 1 }, revision: { increment: 1 } },
      include: meetupInclude,
    });
    const rsvps = await tx.rsvp.findMany({ where: { meetupId: id, status: 'going' }, include: { member: true } });
    return { meetup, going: rsvps.map((rsvp) => rsvp.member) };
  });
}
