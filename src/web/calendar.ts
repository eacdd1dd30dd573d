import ical, { ICalEventStatus } from 'ical-generator';
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

function descriptionOf(meetup: MeetupView, t: Translate): string {
  return [
    meetup.description,
    meetup.onlineUrl ? t('web.calendar.online', { url: meetup.onlineUrl }) : undefined,
    t('web.calendar.organizedBy', { name: meetup.organizer.displayName }),
  ]
    .filter(Boolean)
    .join('\n\n');
}

/**
 * An RFC 5545 calendar of meetups. Times are written in UTC (instants are stored in UTC and
 * the organizer's zone only decides the wall-clock time they typed), which every client shows
 * in its own zone without needing a VTIMEZONE. SEQUENCE is the meetup's edit count and a
 * cancellation stays in the feed as STATUS:CANCELLED, so subscribed calendars follow both.
 */
export function meetupCalendar(meetups: MeetupView[], options: CalendarOptions): string {
  const calendar = ical({ name: options.name, prodId: { company: 'Relais', product: 'Relais', language: 'FR' }, ttl: 60 * 60 });
  for (const meetup of meetups) {
    const page = `${options.baseUrl}/meetups/${meetup.id}`;
    calendar.createEvent({
      id: meetupUid(meetup.id, options.publicUrl),
      sequence: meetup.sequence,
      stamp: meetup.updatedAt,
      created: meetup.createdAt,
      lastModified: meetup.updatedAt,
      start: meetup.startsAt,
      end: meetup.endsAt,
      summary: meetup.title,
      description: descriptionOf(meetup, options.t),
      location: meetup.place ?? meetup.onlineUrl ?? null,
      url: page,
      status: meetup.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
      ...(meetup.network ? { categories: [{ name: meetup.network.name }] } : {}),
    });
  }
  return calendar.toString();
}
