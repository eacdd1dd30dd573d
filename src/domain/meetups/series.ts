import { DateTime } from 'luxon';
import type { Prisma } from '../../generated/sqlite/client.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Locale } from '../../i18n/translate.ts';
import { meetupInclude, type MeetupRecord, type NewMeetup } from './service.ts';
import { formatDay, formatTime, dayOf, wallOf } from './when/format.ts';
import { occurrencesBetween, type Note, type Occurrence, type Recurrence, type WhenRead } from './when/index.ts';

export type SeriesRecord = Prisma.MeetupSeriesGetPayload<object>;

/** How far ahead an occurrence is created and announced, unless the series says otherwise. */
export const DEFAULT_ANNOUNCE_DAYS = 7;

/** The reading of "when" a stored series is: what its preview, list line and calendar describe. */
export const recurrenceOf = (series: Pick<SeriesRecord, 'rrule' | 'firstDate' | 'until' | 'wallTime' | 'durationMinutes'>): Recurrence => ({
  rrule: series.rrule,
  firstDate: series.firstDate,
  until: series.until,
  wallTime: series.wallTime,
  durationMinutes: series.durationMinutes,
});

export const seriesReading = (series: SeriesRecord, start: Date): WhenRead => ({
  start,
  end: series.durationMinutes === null ? null : new Date(start.getTime() + series.durationMinutes * 60_000),
  timeZone: series.timezone,
  recurrence: recurrenceOf(series),
  notes: [],
});

/**
 * A series and its first occurrence, both drafts unless `status` says scheduled: the first
 * occurrence is previewed and published as any meetup, and publishing it publishes the series.
 */
export async function createSeries(
  db: Tx,
  meetup: NewMeetup & { recurrence: Recurrence; announceDaysAhead?: number },
): Promise<{ series: SeriesRecord; first: MeetupRecord }> {
  const { recurrence, announceDaysAhead, ...occurrence } = meetup;
  const series = await db.meetupSeries.create({
    data: {
      ...recurrence,
      timezone: occurrence.timezone,
      announceDaysAhead: announceDaysAhead ?? DEFAULT_ANNOUNCE_DAYS,
      status: occurrence.status ?? 'scheduled',
      title: occurrence.title,
      description: occurrence.description ?? null,
      place: occurrence.place ?? null,
      onlineUrl: occurrence.onlineUrl ?? null,
      capacity: occurrence.capacity ?? null,
      reminderOffsets: occurrence.reminderOffsets ?? null,
      membersOnly: occurrence.membersOnly ?? false,
      organizerId: occurrence.organizerId,
      networkId: occurrence.networkId,
      channelId: occurrence.channelId,
    },
  });
  const first = await db.meetup.create({
    data: { ...occurrence, seriesId: series.id, occurrenceStart: occurrence.startsAt },
    include: meetupInclude,
  });
  return { series, first };
}

/** The series' dates starting in [from, to), as its rule gives them (cancelled or moved occurrences included). */
export function seriesDates(series: SeriesRecord, from: Date, to: Date, locale: Locale = 'fr'): Occurrence[] {
  return occurrencesBetween(recurrenceOf(series), series.timezone, from, to, locale);
}

/** The next `count` dates from `from`, within a year and a bit (a monthly rule on the 31st skips months). */
export function nextDates(series: SeriesRecord, from: Date, count: number, locale: Locale = 'fr'): Occurrence[] {
  return seriesDates(series, from, new Date(from.getTime() + 400 * 24 * 3600_000), locale).slice(0, count);
}

/** "mardi 12 janvier 2027, 10 h": one occurrence as a preview or a list names it. */
export function occurrenceLabel(start: Date, timeZone: string, locale: Locale): string {
  const local = DateTime.fromJSDate(start, { zone: timeZone });
  return `${formatDay(dayOf(local), locale)}, ${formatTime(wallOf(local), locale)}`;
}

/**
 * The months of a monthly series' coming year that have no occurrence ("le 5e mardi" in a month
 * without one, "le 31" in a 30-day month), named, so the preview says so rather than letting people wonder.
 */
export function skippedMonths(recurrence: Recurrence, timeZone: string, from: Date, locale: Locale): Note[] {
  if (!/FREQ=MONTHLY/.test(recurrence.rrule) || /INTERVAL=/.test(recurrence.rrule)) return [];
  const year = occurrencesBetween(recurrence, timeZone, from, new Date(from.getTime() + 366 * 24 * 3600_000), locale);
  const first = year[0];
  const last = year.at(-1);
  if (!first || !last) return [];
  const month = (date: Date) => DateTime.fromJSDate(date, { zone: timeZone }).startOf('month');
  const seen = new Set(year.map((occurrence) => month(occurrence.start).toISODate()));
  const skipped: string[] = [];
  for (let cursor = month(first.start); cursor <= month(last.start); cursor = cursor.plus({ months: 1 })) {
    if (!seen.has(cursor.toISODate())) skipped.push(cursor.setLocale(locale).toLocaleString({ month: 'long', year: 'numeric' }));
  }
  return skipped.length ? [{ key: 'series.notes.skippedMonths', params: { months: skipped.join(', ') } }] : [];
}

/** What a series' preview adds to its first date's: the next dates, the months it skips, how its dates are announced. */
export function seriesPreviewNotes(recurrence: Recurrence, timeZone: string, from: Date, announceDays: number, locale: Locale): Note[] {
  const dates = occurrencesBetween(recurrence, timeZone, from, new Date(from.getTime() + 400 * 24 * 3600_000), locale).slice(0, 5);
  return [
    { key: 'series.preview.nextDates', params: { dates: dates.map((date) => occurrenceLabel(date.start, timeZone, locale)).join(' ; ') } },
    ...skippedMonths(recurrence, timeZone, from, locale),
    { key: 'series.preview.announced', params: { days: announceDays } },
  ];
}

export interface SeriesListing {
  series: SeriesRecord;
  /** The coming dates, cancelled ones left out, moved ones where they moved; `meetupId` once the date is a meetup. */
  next: { start: Date; meetupId: number | null }[];
}

/** The published series with dates ahead (of one network, or all), each with its next `count` dates. */
export async function upcomingSeries(db: Tx, options: { now: Date; networkId?: number | null; count: number }): Promise<SeriesListing[]> {
  const all = await db.meetupSeries.findMany({
    where: { status: 'scheduled', ...(options.networkId ? { networkId: options.networkId } : {}) },
    include: { meetups: { where: { occurrenceStart: { gte: new Date(options.now.getTime() - 7 * 24 * 3600_000) } } } },
    orderBy: { id: 'asc' },
  });
  const listings: SeriesListing[] = [];
  for (const { meetups, ...series } of all) {
    const byRule = new Map(meetups.map((meetup) => [meetup.occurrenceStart?.getTime(), meetup]));
    const next: SeriesListing['next'] = [];
    // A few more rule dates than asked, for the cancelled ones left out.
    for (const date of nextDates(series, options.now, options.count + 5)) {
      const meetup = byRule.get(date.start.getTime());
      if (meetup?.status === 'cancelled') continue;
      next.push({ start: meetup?.startsAt ?? date.start, meetupId: meetup?.id ?? null });
    }
    // A date moved later than now from before it still counts.
    for (const meetup of meetups) {
      if (meetup.status === 'scheduled' && meetup.occurrenceStart && meetup.occurrenceStart < options.now && meetup.startsAt >= options.now) next.push({ start: meetup.startsAt, meetupId: meetup.id });
    }
    next.sort((a, b) => a.start.getTime() - b.start.getTime());
    if (next.length) listings.push({ series, next: next.slice(0, options.count) });
  }
  return listings;
}

/** The series' next date as a meetup, made from what the series holds (its title, place, seats, reminders…). */
export async function addOccurrence(db: Tx, series: SeriesRecord, date: Occurrence): Promise<MeetupRecord> {
  return db.meetup.create({
    data: {
      title: series.title,
      description: series.description,
      startsAt: date.start,
      endsAt: date.end,
      timezone: series.timezone,
      place: series.place,
      onlineUrl: series.onlineUrl,
      capacity: series.capacity,
      reminderOffsets: series.reminderOffsets,
      membersOnly: series.membersOnly,
      organizerId: series.organizerId,
      networkId: series.networkId,
      channelId: series.channelId,
      status: 'scheduled',
      seriesId: series.id,
      occurrenceStart: date.start,
    },
    include: meetupInclude,
  });
}

/** Where a series is announced: every channel one of its dates was announced in. */
export async function seriesChannels(db: Tx, seriesId: number) {
  const announcements = await db.announcement.findMany({
    where: { meetup: { seriesId } },
    distinct: ['channelId'],
    include: { channel: true },
    orderBy: { channelId: 'asc' },
  });
  return announcements.map((announcement) => announcement.channel);
}

/** This date and the series' later ones that are meetups already, not cancelled, in order. */
export async function thisAndFollowing(db: Tx, meetup: Pick<MeetupRecord, 'id' | 'seriesId' | 'occurrenceStart'>): Promise<MeetupRecord[]> {
  if (meetup.seriesId === null || meetup.occurrenceStart === null) return [];
  return db.meetup.findMany({
    where: { seriesId: meetup.seriesId, occurrenceStart: { gte: meetup.occurrenceStart }, status: 'scheduled' },
    orderBy: { occurrenceStart: 'asc' },
    include: meetupInclude,
  });
}

/** The series has no dates from this one on: it ends the second before (or is cancelled if this was its first). */
export async function endSeriesBefore(db: Tx, meetup: Pick<MeetupRecord, 'seriesId' | 'occurrenceStart'>): Promise<void> {
  if (meetup.seriesId === null || meetup.occurrenceStart === null) return;
  const earlier = await db.meetup.count({ where: { seriesId: meetup.seriesId, occurrenceStart: { lt: meetup.occurrenceStart }, status: 'scheduled' } });
  await db.meetupSeries.update({
    where: { id: meetup.seriesId },
    data: earlier ? { until: new Date(meetup.occurrenceStart.getTime() - 1000) } : { status: 'cancelled' },
  });
}

export type SeriesTemplate = Partial<Pick<SeriesRecord, 'title' | 'description' | 'place' | 'onlineUrl' | 'capacity' | 'reminderOffsets' | 'membersOnly' | 'durationMinutes'>>;

/** What the series' dates to come are created with, from now on. */
export async function changeSeries(db: Tx, seriesId: number, template: SeriesTemplate): Promise<void> {
  await db.meetupSeries.update({ where: { id: seriesId }, data: template });
}
