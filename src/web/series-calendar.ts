import type { ICalCalendar } from 'ical-generator';
import { ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import { tzlib_get_ical_block } from 'timezones-ical-library';
import type { SeriesRecord } from '../domain/meetups/series.ts';
import type { MeetupView } from '../domain/meetups/service.ts';
import { descriptionOf, UNSAID_LENGTH_MS, type CalendarOptions } from './calendar-parts.ts';

/** One UID per series, for ever: its dates are one event with a rule, not one event each. */
export function seriesUid(seriesId: number, publicUrl?: string): string {
  return `series-${seriesId}@${publicUrl ? new URL(publicUrl).host : 'relais'}`;
}

const local = (instant: Date, zone: string) => DateTime.fromJSDate(instant, { zone });
const basic = (instant: DateTime) => instant.toFormat("yyyyMMdd'T'HHmmss");

/** A date that is no longer what the rule and the series say: it is written as an override of its date. */
function overridden(meetup: MeetupView, series: SeriesRecord): boolean {
  const length = meetup.endsAt ? (meetup.endsAt.getTime() - meetup.startsAt.getTime()) / 60_000 : null;
  return meetup.startsAt.getTime() !== meetup.occurrenceStart?.getTime() || meetup.sequence > 0 || length !== series.durationMinutes
    || meetup.title !== series.title || meetup.place !== series.place || meetup.onlineUrl !== series.onlineUrl || meetup.description !== series.description;
}

/**
 * A series as calendars want it (RFC 5545, 3.8.5): one VEVENT whose DTSTART/DTEND are wall times
 * in the organizer's zone (TZID, with its VTIMEZONE from the tz database), so that 10:00 stays
 * 10:00 on both sides of a DST change in Thunderbird, Outlook and Apple Calendar; its RRULE (UNTIL
 * in UTC, as 3.3.10 requires with a TZID start); an EXDATE for each cancelled date; and for each
 * date edited or moved, a VEVENT of the same UID with the RECURRENCE-ID of the date it replaces.
 */
export function seriesEvents(calendar: ICalCalendar, series: SeriesRecord, dates: MeetupView[], options: CalendarOptions): void {
  const zone = series.timezone;
  calendar.timezone({ name: zone, generator: (tz) => tzlib_get_ical_block(tz)[0] ?? null });
  const uid = seriesUid(series.id, options.publicUrl);
  const start = DateTime.fromISO(`${series.firstDate}T${series.wallTime}`, { zone });
  const minutes = series.durationMinutes;
  const until = series.until ? `;UNTIL=${DateTime.fromJSDate(series.until, { zone: 'UTC' }).toFormat("yyyyMMdd'T'HHmmss'Z'")}` : '';
  const cancelled = dates.filter((date) => date.status === 'cancelled' && date.occurrenceStart);
  const exdates = cancelled.map((date) => basic(local(date.occurrenceStart!, zone)));
  const [first] = dates;
  calendar.createEvent({
    id: uid,
    sequence: 0,
    stamp: series.updatedAt,
    created: series.createdAt,
    lastModified: series.updatedAt,
    timezone: zone,
    start,
    end: start.plus({ minutes: minutes ?? UNSAID_LENGTH_MS / 60_000 }),
    repeating: `RRULE:${series.rrule}${until}${exdates.length ? `\r\nEXDATE;TZID=${zone}:${exdates.join(',')}` : ''}`,
    summary: series.title,
    description: first ? descriptionOf({ ...first, description: series.description, onlineUrl: series.onlineUrl, endsAt: minutes === null ? null : first.endsAt }, options.t) : series.description,
    location: series.place ?? series.onlineUrl ?? null,
    url: first ? `${options.baseUrl}/meetups/${first.id}` : null,
    status: series.status === 'cancelled' && !dates.some((date) => date.status === 'scheduled') ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
  });
  for (const date of dates) {
    if (date.status === 'cancelled' || !date.occurrenceStart || !overridden(date, series)) continue;
    calendar.createEvent({
      id: uid,
      recurrenceId: local(date.occurrenceStart, zone),
      sequence: date.sequence,
      stamp: date.updatedAt,
      lastModified: date.updatedAt,
      timezone: zone,
      start: local(date.startsAt, zone),
      end: local(date.endsAt ?? new Date(date.startsAt.getTime() + UNSAID_LENGTH_MS), zone),
      summary: date.title,
      description: descriptionOf(date, options.t),
      location: date.place ?? date.onlineUrl ?? null,
      url: `${options.baseUrl}/meetups/${date.id}`,
      status: ICalEventStatus.CONFIRMED,
    });
  }
}
