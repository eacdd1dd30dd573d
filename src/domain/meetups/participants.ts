import { stringify } from 'csv-stringify/sync';
import type { Card } from '../../core/card.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Translate } from '../../i18n/translate.ts';
import { rsvpEmoji } from './rsvp.ts';
import type { MeetupRecord } from './service.ts';

/** Who answered a meetup, by display name: the waitlist in the order seats are given. */
export interface Participants {
  going: string[];
  waitlist: string[];
  maybe: string[];
  declined: string[];
}

export async function participantsOf(db: Tx, meetupId: number): Promise<Participants> {
  const rsvps = await db.rsvp.findMany({ where: { meetupId }, include: { member: true }, orderBy: [{ updatedAt: 'asc' }, { id: 'asc' }] });
  const named = (keep: (rsvp: (typeof rsvps)[number]) => boolean) => rsvps.filter(keep).map((rsvp) => rsvp.member.displayName);
  return {
    going: named((rsvp) => rsvp.status === 'going' && !rsvp.waitlisted),
    waitlist: named((rsvp) => rsvp.status === 'going' && rsvp.waitlisted),
    maybe: named((rsvp) => rsvp.status === 'maybe'),
    declined: named((rsvp) => rsvp.status === 'declined'),
  };
}

/** For the organizer and moderators: each answer with its names and count, the waitlist numbered. */
export function participantsCard(meetup: MeetupRecord, people: Participants, options: { t: Translate; locale: string; csvCommand: string }): Card {
  const { t } = options;
  const names = (list: string[]) => (list.length ? list.join(', ') : t('meetupFlow.participants.nobody'));
  const seats = meetup.capacity === null ? '' : ` — ${t('meetups.seats', { taken: people.going.length, capacity: meetup.capacity })}`;
  return {
    locale: options.locale,
    header: [t('meetupFlow.participants.header', { id: meetup.id, title: meetup.title })],
    items: [
      [{ strong: `${rsvpEmoji.going} ${t('meetupFlow.participants.going', { count: people.going.length })}${seats}` }, ` : ${names(people.going)}`],
      ...(people.waitlist.length || meetup.capacity !== null
        ? [[{ strong: `⏳ ${t('meetupFlow.participants.waitlist', { count: people.waitlist.length })}` }, ` : ${people.waitlist.length ? people.waitlist.map((name, index) => `${index + 1}. ${name}`).join(', ') : t('meetupFlow.participants.nobody')}`]]
        : []),
      [{ strong: `${rsvpEmoji.maybe} ${t('meetupFlow.participants.maybe', { count: people.maybe.length })}` }, ` : ${names(people.maybe)}`],
      [{ strong: `${rsvpEmoji.declined} ${t('meetupFlow.participants.declined', { count: people.declined.length })}` }, ` : ${names(people.declined)}`],
    ],
    footer: [t('meetupFlow.participants.csvHint', { command: options.csvCommand })],
  };
}

/**
 * Names and answers only (no platform ids), going first, then the waitlist in order. Cells a
 * spreadsheet would run as formulas ("=…", "+…", "@…") are defused by csv-stringify.
 */
export function participantsCsv(people: Participants, t: Translate): string {
  const answer = (key: 'going' | 'waitlisted' | 'maybe' | 'declined') => t(`meetupFlow.participants.csv.${key}`);
  const rows = [
    ...people.going.map((name) => [name, answer('going')]),
    ...people.waitlist.map((name) => [name, answer('waitlisted')]),
    ...people.maybe.map((name) => [name, answer('maybe')]),
    ...people.declined.map((name) => [name, answer('declined')]),
  ];
  return stringify([[t('meetupFlow.participants.csv.name'), t('meetupFlow.participants.csv.answer')], ...rows], { escape_formulas: true, record_delimiter: 'unix' });
}
