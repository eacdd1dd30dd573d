import type { Card, CardField, Rich } from '../../core/card.ts';
import type { Translate } from '../../i18n/translate.ts';
import { rsvpEmoji } from './rsvp.ts';
import type { MeetupView } from './service.ts';

export interface MeetupRenderOptions {
  t: Translate;
  locale: string;
  /** The reader's channel timezone (platforms that can will show each reader their own). */
  timeZone: string;
  publicUrl?: string | undefined;
}

export function calendarUrl(meetupId: number, publicUrl?: string): string | undefined {
  return publicUrl ? `${publicUrl.replace(/\/$/, '')}/meetups/${meetupId}.ics` : undefined;
}

export function countsLine(meetup: MeetupView, t: Translate): string {
  const { going, maybe, declined, waitlisted } = meetup.counts;
  const parts = [`${rsvpEmoji.going} ${t('meetups.going', { count: going })}`, `${rsvpEmoji.maybe} ${t('meetups.maybe', { count: maybe })}`, `${rsvpEmoji.declined} ${t('meetups.declined', { count: declined })}`];
  if (waitlisted) parts.push(`⏳ ${t('meetups.waitlisted', { count: waitlisted })}`);
  return parts.join(' · ');
}

function whereValue(meetup: MeetupView, t: Translate): Rich {
  const pieces: Rich = [];
  if (meetup.place) pieces.push(meetup.place);
  if (meetup.onlineUrl) pieces.push(...(pieces.length ? [' · '] : []), { link: meetup.onlineUrl, label: t('meetups.onlineLink') });
  return pieces.length ? pieces : [t('meetups.placeTbd')];
}

export function meetupFields(meetup: MeetupView, options: MeetupRenderOptions): CardField[] {
  const { t } = options;
  const list: CardField[] = [
    { label: t('meetups.when'), value: [{ date: meetup.startsAt, timeZone: options.timeZone }] },
    { label: t('meetups.where'), value: whereValue(meetup, t) },
  ];
  if (meetup.capacity !== null) {
    list.push({ label: t('meetups.capacity'), value: [t('meetups.seats', { taken: meetup.counts.going, capacity: meetup.capacity })] });
  }
  list.push({ label: t('meetups.answers'), value: [countsLine(meetup, t)] });
  return list;
}

export function meetupLine(meetup: MeetupView, options: MeetupRenderOptions): Rich {
  return [
    { strong: `#${meetup.id}` },
    ` ${meetup.title} — `,
    { date: meetup.startsAt, timeZone: options.timeZone },
    ` · ${countsLine(meetup, options.t)}`,
  ];
}

export function meetupListCard(title: string, meetups: MeetupView[], options: MeetupRenderOptions): Card {
  return {
    locale: options.locale,
    header: [title],
    ...(meetups.length ? { items: meetups.map((meetup) => meetupLine(meetup, options)) } : { body: [[options.t('meetups.none')]] }),
  };
}
