import { DateTime } from 'luxon';
import type { Card, CardField, Rich } from '../../core/card.ts';
import { localeOr, type Translate } from '../../i18n/translate.ts';
import { rsvpEmoji } from './rsvp.ts';
import type { MeetupView } from './service.ts';
import { describeWhen, type WhenRead } from './when/index.ts';

export interface MeetupRenderOptions {
  t: Translate;
  locale: string;
  /** The reader's channel timezone: the time is also given in it when it differs from the meetup's. */
  timeZone: string;
  publicUrl?: string | undefined;
}

type Timed = Pick<MeetupView, 'startsAt' | 'endsAt' | 'timezone'>;

/** A stored meetup as a reading of "when": what the preview showed, read back. */
export const readingOf = (meetup: Timed): WhenRead => ({ start: meetup.startsAt, end: meetup.endsAt, timeZone: meetup.timezone, recurrence: null, notes: [] });

/**
 * "jeudi 14 janvier 2027, 9 h – 17 h (heure de Paris)", in the zone the organizer meant; followed by
 * the same in the reader's zone when its clocks read otherwise then ("… · 4 h – 12 h (heure de la Guadeloupe)").
 */
export function whenText(meetup: Timed, locale: string, readerZone?: string, reading: WhenRead = readingOf(meetup)): string {
  const lang = localeOr(locale, 'fr');
  const text = describeWhen(reading, lang);
  const offset = (zone: string) => DateTime.fromJSDate(meetup.startsAt, { zone }).offset;
  if (!readerZone || readerZone === meetup.timezone || !DateTime.local().setZone(readerZone).isValid || offset(readerZone) === offset(meetup.timezone)) return text;
  return `${text} · ${describeWhen({ ...reading, timeZone: readerZone }, lang)}`;
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
  if (meetup.onlineUrl) pieces.push(...(pieces.length ? [' · '] : []), `${t('meetupFlow.online')} : `, { link: meetup.onlineUrl, label: t('meetups.onlineLink') });
  return pieces.length ? pieces : [t('meetups.placeTbd')];
}

/** When, where, seats and answers; `reading` (a preview's) may say more than the stored meetup, e.g. how it repeats. */
export function meetupFields(meetup: MeetupView, options: MeetupRenderOptions & { reading?: WhenRead }): CardField[] {
  const { t } = options;
  const list: CardField[] = [
    { label: t('meetups.when'), value: [whenText(meetup, options.locale, options.timeZone, options.reading)] },
    { label: t('meetups.where'), value: whereValue(meetup, t) },
  ];
  if (meetup.capacity !== null) {
    const full = meetup.counts.going >= meetup.capacity ? ` · ${t('meetupFlow.full')}` : '';
    list.push({ label: t('meetups.capacity'), value: [`${t('meetups.seats', { taken: meetup.counts.going, capacity: meetup.capacity })}${full}`] });
  }
  list.push({ label: t('meetups.answers'), value: [countsLine(meetup, t)] });
  return list;
}

export function meetupLine(meetup: MeetupView, options: MeetupRenderOptions): Rich {
  const where = [meetup.place, meetup.onlineUrl ? options.t('meetupFlow.online') : null].filter(Boolean).join(' · ');
  return [
    { strong: `#${meetup.id}` },
    ` ${meetup.title} — ${whenText(meetup, options.locale, options.timeZone)}${where ? ` — ${where}` : ''}`,
    ` · ${countsLine(meetup, options.t)}`,
  ];
}

export function meetupListCard(title: string, meetups: MeetupView[], options: MeetupRenderOptions & { footer?: Rich }): Card {
  return {
    locale: options.locale,
    header: [title],
    ...(meetups.length ? { items: meetups.map((meetup) => meetupLine(meetup, options)) } : { body: [[options.t('meetups.none')]] }),
    ...(options.footer ? { footer: options.footer } : {}),
  };
}
