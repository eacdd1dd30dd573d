import ical, { escape, ICalEventStatus } from 'ical-generator';
import type { MeetupView } from '../domain/meetups/service.ts';
import type { Translate } from '../i18n/translate.ts';

export interface CalendarOptions {
  name: string;
  t: Translate;
  /** Where the meetup pages live, e.g. https://relais.example.org (no trailing slash). */
  baseUrl: string;
  /** RELAIS_PUBLIC_URL: its host makes the UIDs; without it UIDs end in @relais. */
  publicUrl?: string | undefined;
}

/** The same UID for a meetup in every feed and for ever, so clients update rather than duplicate. */
export function meetupUid(meetupId: number, publicUrl?: string): string {
  return `meetup-${meetupId}@${publicUrl ? new URL(publicUrl).host : 'relais'}`;
}

/** How long calendars show a meetup whose organizer gave no end: said in its description. */
const UNSAID_LENGTH_MS = 60 * 60_000;

function descriptionOf(meetup: MeetupView, t: Translate): string {
  return [
    meetup.description,
    meetup.onlineUrl ? t('web.calendar.online', { url: meetup.onlineUrl }) : undefined,
    meetup.endsAt ? undefined : t('meetupFlow.web.noEnd'),
    t('web.calendar.organizedBy', { name: meetup.organizer.displayName }),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/**
 * An RFC 5545 calendar of meetups. Times are written in UTC (instants are stored in UTC and
 * the organizer's zone only decides the wall-clock time they typed), which every client shows
 * in its own zone without needing a VTIMEZONE. SEQUENCE is the meetup's edit count and a
 * cancellation stays in the feed as STATUS:CANCELLED, so subscribed calendars follow both. Every
 * event has a DTEND (an hour after the start when none was given, which its description says).
 * ical-generator escapes event texts but writes the calendar's NAME and X-WR-CALNAME as given (a
 * meetup's title, in its own feed): escaped here, so no line break or comma in it makes a property.
 * The feed ends with CRLF, as every line of it must (RFC 5545, 3.1).
 */
export function meetupCalendar(meetups: MeetupView[], options: CalendarOptions): string {
  const calendar = ical({ name: escape(options.name, false), prodId: { company: 'Relais', product: 'Relais', language: 'FR' }, ttl: 60 * 60 });
  for (const meetup of meetups) {
    const page = `${options.baseUrl}/meetups/${meetup.id}`;
    calendar.createEvent({
      id: meetupUid(meetup.id, options.publicUrl),
      sequence: meetup.sequence,
      stamp: meetup.updatedAt,
      created: meetup.createdAt,
      lastModified: meetup.updatedAt,
      start: meetup.startsAt,
      end: meetup.endsAt ?? new Date(meetup.startsAt.getTime() + UNSAID_LENGTH_MS),
      summary: meetup.title,
      description: descriptionOf(meetup, options.t),
      location: meetup.place ?? meetup.onlineUrl ?? null,
      url: page,
      status: meetup.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(meetup.network ? { categories: [{ name: meetup.network.name }] } : {}),
    });
  }
  return `${calendar.toString()}\r\n`;
}
