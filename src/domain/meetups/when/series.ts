import { DateTime } from 'luxon';
import rrulePackage from 'rrule';
import type { Locale } from '../../../i18n/translate.ts';
import { compareDays, endOfDay, isoDay } from './days.ts';
import { note, refuse } from './fail.ts';
import { dayOf, formatDay, formatOffset, formatTime, nthLabel, wallOf, weekdayName } from './format.ts';
import type { SeriesPattern } from './series-grammar.ts';
import type { CalendarDay, Note, Occurrence, Recurrence, WallTime } from './types.ts';
import { changeLabel, placeWallTime, zoneLabel, type Placement } from './zone.ts';

const { RRule } = rrulePackage;

const dayCodes = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];

/**
 * rrule expands "floating" dates: the wall time written as if it were UTC. Each one is then placed
 * in the zone, so 10:00 stays 10:00 on both sides of a DST change.
 */
const floating = (day: CalendarDay, time: WallTime) => new Date(Date.UTC(day.year, day.month - 1, day.day, time.hour, time.minute));
const floatingDay = (date: Date): CalendarDay => ({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
const floatingOf = (instant: Date, zone: string) => {
  const local = DateTime.fromJSDate(instant, { zone });
  return floating(dayOf(local), wallOf(local));
};

function rruleOf(pattern: Pick<SeriesPattern, 'freq' | 'interval' | 'weekdays' | 'nth' | 'monthDay'>): string {
  const parts = [`FREQ=${pattern.freq}`];
  if (pattern.interval > 1) parts.push(`INTERVAL=${pattern.interval}`);
  if (pattern.weekdays.length) parts.push(`BYDAY=${pattern.weekdays.map((day) => `${pattern.nth ?? ''}${dayCodes[day - 1]}`).join(',')}`);
  if (pattern.monthDay !== null) parts.push(`BYMONTHDAY=${pattern.monthDay}`);
  return parts.join(';');
}

const wallTimeOf = (recurrence: Pick<Recurrence, 'wallTime'>): WallTime => {
  const [hour = 0, minute = 0] = recurrence.wallTime.split(':').map(Number);
  return { hour, minute };
};

const ruleFor = (rrule: string, firstDay: CalendarDay, wall: WallTime) => new RRule({ ...RRule.parseString(rrule), dtstart: floating(firstDay, wall) });

function placementNotes(placement: Placement, day: CalendarDay, wall: WallTime, zone: string, locale: Locale): Note[] {
  if (placement.kind === 'exact') return [];
  const common = { date: formatDay(day, locale), time: formatTime(wall, locale), zone: zoneLabel(zone, locale), change: changeLabel(placement.change, locale) };
  if (placement.kind === 'gap') return [note('seriesDstGap', { ...common, shifted: formatTime(wallOf(placement.local), locale) })];
  return [note('seriesDstOverlap', { ...common, offset: formatOffset(placement.local.offset) })];
}

/**
 * The occurrences starting in [from, to), each at the series' wall time in `timeZone`. A wall time
 * a DST change skips is read with the offset before the change (2:30 becomes 3:30), a repeated one
 * is its first occurrence (RFC 5545, 3.3.5); both are said in the occurrence's notes, in `locale`.
 */
export function occurrencesBetween(recurrence: Recurrence, timeZone: string, from: Date, to: Date, locale: Locale = 'fr'): Occurrence[] {
  const wall = wallTimeOf(recurrence);
  const [year = 0, month = 1, day = 1] = recurrence.firstDate.split('-').map(Number);
  const rule = ruleFor(recurrence.rrule, { year, month, day }, wall);
  const margin = 2 * 24 * 3600_000; // offsets are at most a day: the floating window is widened, then cut exactly
  const floatingFrom = new Date(floatingOf(from, timeZone).getTime() - margin);
  const floatingTo = new Date(floatingOf(to, timeZone).getTime() + margin);
  const occurrences: Occurrence[] = [];
  for (const date of rule.between(floatingFrom, floatingTo, true)) {
    const occurrenceDay = floatingDay(date);
    const placement = placeWallTime(occurrenceDay, wall, timeZone);
    const start = placement.local.toJSDate();
    if (start < from || start >= to || (recurrence.until && start > recurrence.until)) continue;
    occurrences.push({
      start,
      end: recurrence.durationMinutes === null ? null : new Date(start.getTime() + recurrence.durationMinutes * 60_000),
      notes: placementNotes(placement, occurrenceDay, wall, timeZone, locale),
    });
  }
  return occurrences;
}

export interface SeriesRead {
  recurrence: Recurrence;
  first: Occurrence;
  notes: Note[];
}

/** The series a pattern describes, starting with its first occurrence after `now` (and on or after `fromDay`). */
export function buildSeries(
  pattern: SeriesPattern,
  wall: WallTime,
  durationMinutes: number | null,
  options: { now: Date; timeZone: string; locale: Locale; today: CalendarDay; fromDay: CalendarDay | null; untilDay: CalendarDay | null },
): SeriesRead {
  const { now, timeZone, locale, today } = options;
  const rrule = rruleOf(pattern);
  const startDay = options.fromDay && compareDays(options.fromDay, today) > 0 ? options.fromDay : today;
  // The first date comes from the rule without its interval: "un mardi sur deux" typed on a Wednesday starts next
  // Tuesday, not in thirteen days. It is the first on or after startDay whose time is still ahead.
  const probe = ruleFor(rruleOf({ ...pattern, interval: 1 }), startDay, wall);
  const isAhead = (date: Date) => placeWallTime(floatingDay(date), wall, timeZone).local.toMillis() > now.getTime();
  let candidate = probe.after(floating(startDay, wall), true);
  while (candidate && !isAhead(candidate)) candidate = probe.after(candidate);
  if (!candidate) throw new Error(`series without occurrence: ${rrule}`);
  const firstDay = floatingDay(candidate);
  const until = options.untilDay ? endOfDay(options.untilDay, timeZone) : null;
  if (until && until.getTime() <= now.getTime()) throw refuse('untilPast', { until: formatDay(options.untilDay as CalendarDay, locale, { weekday: false }) });
  if (options.untilDay && compareDays(firstDay, options.untilDay) > 0) {
    throw refuse('untilBeforeFirst', { until: formatDay(options.untilDay, locale, { weekday: false }), first: formatDay(firstDay, locale) });
  }
  const recurrence: Recurrence = {
    rrule,
    firstDate: isoDay(firstDay),
    until,
    wallTime: `${String(wall.hour).padStart(2, '0')}:${String(wall.minute).padStart(2, '0')}`,
    durationMinutes,
  };
  const firstStart = placeWallTime(firstDay, wall, timeZone).local.toJSDate();
  const year = occurrencesBetween(recurrence, timeZone, firstStart, new Date(firstStart.getTime() + 366 * 24 * 3600_000), locale);
  const [first] = year;
  if (!first) throw new Error(`series without occurrence: ${rrule}`);
  return { recurrence, first, notes: [...skippedMonths(pattern, locale), ...year.flatMap((occurrence) => occurrence.notes)] };
}

/** RRULE skips the months without the day asked for; people are told. */
function skippedMonths(pattern: SeriesPattern, locale: Locale): Note[] {
  const [day = 1] = pattern.weekdays;
  if (pattern.nth === 5) return [note('skippedNthWeekday', { ordinal: nthLabel(5, locale), weekday: weekdayName(day, locale) })];
  if (pattern.monthDay !== null && pattern.monthDay >= 29) return [note('skippedMonthDay', { day: pattern.monthDay })];
  return [];
}
