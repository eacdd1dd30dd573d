import type { Prisma } from '../../generated/sqlite/client.ts';
import { atomically, type Tx } from '../../db/transaction.ts';
import { notFound, RelaisError } from '../../core/errors.ts';
import type { MemberRecord } from '../directory.ts';
import { movesUp, promoteFromWaitlist, waitingLine, type WaitingMove } from './rsvp.ts';

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
  /** A date of a series: the series' RRULE, which its card names ("une date de la série : tous les mardis"). */
  seriesRule?: string | null;
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
  /** draft: previewed by its organizer, published later (or never); scheduled by default. */
  status?: 'draft' | 'scheduled';
  reminderOffsets?: string | null;
  membersOnly?: boolean;
}

/** Meetups anyone may see, cancelled ones included (readers and calendars must learn of a cancellation): not drafts. */
export const visibleMeetups = { status: { in: ['scheduled', 'cancelled'] } };

/** A draft not published within this many days is deleted (src/domain/privacy/retention.ts). */
export const DRAFT_DAYS = 7;

/** The changes people who answered are told of, and every copy of the announcement shows. */
export const noticeFields = ['when', 'end', 'where'] as const;
export type NoticeField = (typeof noticeFields)[number];

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

/** Any meetup, drafts included: for its organizer, the announcer and the scheduler. */
export async function getMeetup(db: Tx, id: number): Promise<MeetupView> {
  const meetup = await db.meetup.findUnique({ where: { id }, include: meetupInclude });
  if (!meetup) throw notFound('meetup', id);
  const series = meetup.seriesId === null ? null : await db.meetupSeries.findUnique({ where: { id: meetup.seriesId }, select: { rrule: true } });
  return { ...meetup, counts: await countRsvps(db, id), seriesRule: series?.rrule ?? null };
}

/** A meetup as everyone may see it: a draft is not found, except by whoever `mayDraft` lets see it. */
export async function publicMeetup(db: Tx, id: number, mayDraft: (meetup: MeetupRecord) => boolean = () => false): Promise<MeetupView> {
  const meetup = await getMeetup(db, id);
  if (meetup.status === 'draft' && !mayDraft(meetup)) throw notFound('meetup', id);
  return meetup;
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

export type MeetupChanges = Partial<Pick<NewMeetup, 'title' | 'description' | 'startsAt' | 'endsAt' | 'timezone' | 'place' | 'onlineUrl' | 'capacity' | 'reminderOffsets' | 'membersOnly'>>;

export interface Edited {
  before: MeetupRecord;
  meetup: MeetupRecord;
  /** What changed that people who answered are told of (nothing for a draft: nobody answered it). */
  noticed: NoticeField[];
  /** People a larger capacity seated from the waitlist, and those it moved nearer a seat: they are told. */
  promoted: MemberRecord[];
  movedUp: WaitingMove[];
}

/** Which of the noticed fields differ between two versions of a meetup; a move keeping its length is no change of end. */
function noticedChanges(before: MeetupRecord, after: MeetupRecord): NoticeField[] {
  const length = (meetup: MeetupRecord) => (meetup.endsAt ? meetup.endsAt.getTime() - meetup.startsAt.getTime() : null);
  return noticeFields.filter((field) => {
    if (field === 'when') return before.startsAt.getTime() !== after.startsAt.getTime() || before.timezone !== after.timezone;
    if (field === 'end') return length(before) !== length(after);
    return before.place !== after.place || before.onlineUrl !== after.onlineUrl;
  });
}

/** "when,where" + "end" = "when,end,where": what the announcement says changed since it was published. */
const amendedWith = (amended: string | null, noticed: NoticeField[]) => {
  const all = new Set([...(amended?.split(',').filter(Boolean) ?? []), ...noticed]);
  return noticeFields.filter((field) => all.has(field)).join(',') || null;
};

/**
 * An edit of a published meetup is a new version: SEQUENCE (for calendars) and the announcement
 * revision move on, and what changed of when and where is recorded for the announcements to say.
 * A draft is only rewritten. A larger capacity seats people from the waitlist, who are returned to be told.
 */
export async function editMeetup(db: Tx, id: number, changes: MeetupChanges): Promise<Edited> {
  const before = await getMeetup(db, id);
  if (before.status === 'cancelled') throw new RelaisError('conflict', 'meetups.errors.cancelled', { id });
  const published = before.status !== 'draft';
  return atomically(db, async (tx) => {
    const line = await waitingLine(tx, id);
    let meetup = await tx.meetup.update({
      where: { id },
      data: { ...changes, ...(published ? { sequence: { increment: 1 }, revision: { increment: 1 } } : {}) },
      include: meetupInclude,
    });
    const noticed = published ? noticedChanges(before, meetup) : [];
    if (noticed.length) {
      meetup = await tx.meetup.update({ where: { id }, data: { amended: amendedWith(before.amended, noticed) }, include: meetupInclude });
    }
    const promoted = changes.capacity !== undefined ? await promoteFromWaitlist(tx, id, meetup.capacity) : [];
    const movedUp = promoted.length ? movesUp(line, await waitingLine(tx, id)) : [];
    return { before, meetup, noticed, promoted, movedUp };
  });
}

/** A draft becomes a meetup others can see and answer; the caller announces it. */
export async function publishMeetup(db: Tx, id: number, now: Date): Promise<MeetupRecord> {
  const meetup = await getMeetup(db, id);
  if (meetup.status !== 'draft') throw new RelaisError('conflict', 'meetupFlow.errors.alreadyPublished', { id });
  if (meetup.startsAt <= now) throw new RelaisError('conflict', 'meetups.errors.started', { id });
  // A series is previewed through its first date: publishing that publishes the series.
  if (meetup.seriesId !== null) await db.meetupSeries.update({ where: { id: meetup.seriesId }, data: { status: 'scheduled' } });
  return db.meetup.update({ where: { id }, data: { status: 'scheduled' }, include: meetupInclude });
}

/** Who answered going (seated or waiting) or maybe: the people told when a meetup changes or is cancelled. */
export async function peopleToTell(db: Tx, meetupId: number): Promise<MemberRecord[]> {
  const rsvps = await db.rsvp.findMany({ where: { meetupId, status: { in: ['going', 'maybe'] } }, include: { member: true }, orderBy: { id: 'asc' } });
  return rsvps.map((rsvp) => rsvp.member);
}

/**
 * Cancels and returns who is to be told: those who said going (seated or waiting) or maybe. A draft
 * nobody else saw is simply dropped (`discarded`).
 */
export async function cancelMeetup(db: Tx, id: number): Promise<{ meetup: MeetupRecord; told: MemberRecord[]; discarded: boolean }> {
  return atomically(db, async (tx) => {
    const current = await tx.meetup.findUnique({ where: { id }, include: meetupInclude });
    if (!current) throw notFound('meetup', id);
    if (current.status === 'cancelled') throw new RelaisError('conflict', 'meetups.errors.cancelled', { id });
    if (current.status === 'draft') {
      // A draft series has only this first date: both go.
      if (current.seriesId !== null) await tx.meetupSeries.delete({ where: { id: current.seriesId } });
      else await tx.meetup.delete({ where: { id } });
      return { meetup: current, told: [], discarded: true };
    }
    const meetup = await tx.meetup.update({
      where: { id },
      data: { status: 'cancelled', sequence: { increment: 1 }, revision: { increment: 1 } },
      include: meetupInclude,
    });
    return { meetup, told: await peopleToTell(tx, id), discarded: false };
  });
}
