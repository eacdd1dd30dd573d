import { DateTime } from 'luxon';
import rrulePackage from 'rrule';
import { translate, type Locale } from '../../../i18n/translate.ts';
import { dayOf, dayOrdinal, formatDay, formatTime, listOf, nthLabel, wallOf, weekdayName } from './format.ts';
import type { Recurrence, WhenRead } from './types.ts';
import { zoneLabel } from './zone.ts';

const { RRule } = rrulePackage;
type WeekdayStr = Parameters<typeof rrulePackage.Weekday.fromStr>[0];
const dayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * What a reading means, for a preview: "jeudi 14 janvier 2027, 9 h – 17 h (heure de Paris)",
 * "tous les 2e mardis du mois, 10 h – 12 h (heure de Paris), à partir du mardi 12 janvier 2027, jusqu’au 30 juin 2027".
 */
export function describeWhen(read: WhenRead, locale: Locale): string {
  const zone = zoneLabel(read.timeZone, locale);
  if (!read.recurrence) return translate(locale, 'when.describe.oneOff', { ...oneOffParts(read, locale), zone });
  const { recurrence } = read;
  const start = DateTime.fromISO(`${recurrence.firstDate}T${recurrence.wallTime}`, { zone: 'UTC' });
  const end = recurrence.durationMinutes === null ? null : start.plus({ minutes: recurrence.durationMinutes });
  const description = translate(locale, 'when.describe.seriesFrom', {
    series: seriesPhrase(recurrence, locale),
    times: timesOf(start, end, locale),
    zone,
    first: formatDay(dayOf(start), locale),
  });
  if (!recurrence.until) return description;
  const until = dayOf(DateTime.fromJSDate(recurrence.until, { zone: read.timeZone }));
  return translate(locale, 'when.describe.until', { description, until: formatDay(until, locale, { weekday: false }) });
}

function oneOffParts(read: WhenRead, locale: Locale) {
  const start = DateTime.fromJSDate(read.start, { zone: read.timeZone });
  const end = read.end ? DateTime.fromJSDate(read.end, { zone: read.timeZone }) : null;
  return { date: formatDay(dayOf(start), locale), times: timesOf(start, end, locale) };
}

/** A one-off as readWhen reads it back in its zone: "jeudi 14 janvier 2027, 9 h – 17 h" (what a command to change it starts from). */
export function writtenWhen(read: Pick<WhenRead, 'start' | 'end' | 'timeZone'>, locale: Locale): string {
  return translate(locale, 'when.describe.oneOffWritten', oneOffParts({ ...read, recurrence: null, notes: [] }, locale));
}

/** An end as readEnd reads it back: "17 h" the day it starts, else "vendredi 15 janvier 2027, 17 h". */
export function writtenEnd(read: Pick<WhenRead, 'start' | 'end' | 'timeZone'>, locale: Locale): string | null {
  if (!read.end) return null;
  const start = DateTime.fromJSDate(read.start, { zone: read.timeZone });
  const end = DateTime.fromJSDate(read.end, { zone: read.timeZone });
  const time = formatTime(wallOf(end), locale);
  return end.hasSame(start, 'day') ? time : `${formatDay(dayOf(end), locale)}, ${time}`;
}

function timesOf(start: DateTime, end: DateTime | null, locale: Locale): string {
  const startTime = formatTime(wallOf(start), locale);
  if (!end) return startTime;
  const sameDay = end.hasSame(start, 'day');
  const atMidnight = end.hour === 0 && end.minute === 0 && end.minus({ days: 1 }).hasSame(start, 'day');
  const endTime = sameDay
    ? formatTime(wallOf(end), locale)
    : atMidnight
      ? translate(locale, 'when.describe.midnight')
      : `${formatDay(dayOf(end), locale)}, ${formatTime(wallOf(end), locale)}`;
  return translate(locale, 'when.describe.range', { start: startTime, end: endTime });
}

/** "tous les 2e mardis du mois" / "every second Tuesday of the month", from the RRULE itself. */
export function seriesPhrase(recurrence: Pick<Recurrence, 'rrule'>, locale: Locale): string {
  const options = RRule.parseString(recurrence.rrule);
  const interval = options.interval ?? 1;
  const byDay = [options.byweekday ?? []].flat().map((day) => (typeof day === 'object' ? day : rrulePackage.Weekday.fromStr(typeof day === 'number' ? dayCodes[day] as WeekdayStr : day)));
  const weekdays = byDay.map((day) => weekdayName(day.weekday + 1, locale));
  const [monthDay] = [options.bymonthday ?? []].flat();
  const each = (weekday: string) => translate(locale, 'when.series.weekdayEach', { weekday });
  switch (options.freq) {
    case RRule.DAILY:
      return interval === 1 ? translate(locale, 'when.series.daily') : translate(locale, 'when.series.everyNDays', { n: interval });
    case RRule.WEEKLY:
      if (interval === 1) return translate(locale, 'when.series.weekly', { weekdays: listOf(weekdays.map(each), locale) });
      if (interval === 2 && weekdays.length === 1) return translate(locale, 'when.series.everyOtherWeek', { weekday: weekdays[0] ?? '' });
      return translate(locale, 'when.series.everyNWeeks', { n: interval, weekdays: listOf(weekdays, locale) });
    default: {
      const [first] = byDay;
      const weekday = weekdays[0] ?? '';
      if (first?.n && interval === 1) return translate(locale, 'when.series.nthWeekday', { ordinal: nthLabel(first.n, locale, true), weekday });
      if (first?.n) return translate(locale, 'when.series.nthWeekdayEveryNMonths', { ordinal: nthLabel(first.n, locale), weekday, n: interval });
      const day = dayOrdinal(monthDay ?? 1, locale);
      return interval === 1 ? translate(locale, 'when.series.monthDay', { day }) : translate(locale, 'when.series.monthDayEveryNMonths', { n: interval, day });
    }
  }
}
