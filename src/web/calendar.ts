import ical, { escape, ICalEventStatus } from 'ical-generator';
import type { SeriesRecord } from '../domain/meetups/series.ts';
import type { MeetupView } from '../domain/meetups/service.ts';
import { descriptionOf, UNSAID_LENGTH_MS, type CalendarOptions } from './calendar-parts.ts';
import { seriesEvents } from './series-calendar.ts';

export type { CalendarOptions } from './calendar-parts.ts';

/** The same UID for a meetup in every feed and for ever, so clients update rather than duplicate. */
export function meetupUid(meetupId: number, publicUrl?: string): string {
  return `meetup-${meetupId}@${publicUrl ? new URL(publicUrl).host : 'relais'}`;
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
export function meetupCalendar(meetups: MeetupView[], options: CalendarOptions & { series?: SeriesRecord[] }): string {
  const calendar = ical({ name: escape(options.name, false), prodId: { company: 'Relais', product: 'Relais', language: 'FR' }, ttl: 60 * 60 });
  const series = new Map((options.series ?? []).map((one) => [one.id, one]));
  for (const one of series.values()) seriesEvents(calendar, one, meetups.filter((meetup) => meetup.seriesId === one.id), options);
  for (const meetup of meetups) {
    if (meetup.seriesId !== null && series.has(meetup.seriesId)) continue;
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
