import { randomBytes } from 'node:crypto';
import type { Tx } from '../../db/transaction.ts';
import { meetupInclude, withCounts, type MeetupView } from '../meetups/service.ts';

/** A meetup in someone's own calendar, with their answer. */
export interface PersonalMeetup extends MeetupView {
  answer: 'going' | 'maybe';
  waitlisted: boolean;
}

/** 32 random bytes, URL-safe: the feed's address is its only key, so it must not be guessed. */
const newToken = () => randomBytes(32).toString('base64url');

/** The secret of the person's calendar feed, made on first use; `reset` replaces it (the old address stops working). */
export async function calendarToken(db: Tx, personId: number, reset = false): Promise<string> {
  const person = await db.person.findUniqueOrThrow({ where: { id: personId } });
  if (person.calendarToken && !reset) return person.calendarToken;
  const token = newToken();
  await db.person.update({ where: { id: personId }, data: { calendarToken: token } });
  return token;
}

/**
 * The meetups the person answered going or maybe (through any of their identities), started since
 * `since` or later, soonest first; undefined when no person has this secret.
 */
export async function personalMeetups(db: Tx, where: { token: string } | { personId: number }, since: Date): Promise<PersonalMeetup[] | undefined> {
  const person = 'token' in where ? await db.person.findUnique({ where: { calendarToken: where.token } }) : { id: where.personId };
  if (!person) return undefined;
  const answers = await db.rsvp.findMany({
    where: { personId: person.id, status: { in: ['going', 'maybe'] }, meetup: { status: { in: ['scheduled', 'cancelled'] }, startsAt: { gte: since } } },
    include: { meetup: { include: meetupInclude } },
    orderBy: [{ meetup: { startsAt: 'asc' } }, { meetupId: 'asc' }],
  });
  const meetups = await withCounts(db, answers.map((answer) => answer.meetup));
  return meetups.map((meetup, index) => ({ ...meetup, answer: answers[index]!.status as 'going' | 'maybe', waitlisted: answers[index]!.waitlisted }));
}
