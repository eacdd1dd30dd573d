import { DateTime } from 'luxon';
import type { Locale } from '../../../i18n/translate.ts';
import { refuse } from './fail.ts';
import { formatDay, formatDayMonth, weekdayName } from './format.ts';
import type { DayClaim } from './numeric-dates.ts';
import type { Scan } from './text.ts';
import type { CalendarDay } from './types.ts';
import type { WeekdayClaim } from './word-dates.ts';

export const calendar = (day: CalendarDay) => DateTime.fromObject(day, { zone: 'UTC' });
export const compareDays = (a: CalendarDay, b: CalendarDay) => calendar(a).toMillis() - calendar(b).toMillis();
export const addDays = (day: CalendarDay, days: number): CalendarDay => {
  const moved = calendar(day).plus({ days });
  return { year: moved.year, month: moved.month, day: moved.day };
};
export const isoDay = (day: CalendarDay) => calendar(day).toISODate() ?? '';
const weekdayOf = (day: CalendarDay) => calendar(day).weekday;

function impossibleDate(day: number, month: number, year: number, locale: Locale): Error {
  // "31 février" never exists; "29 février 2027" does not exist that year.
  const someYear = DateTime.fromObject({ year: 2024, month, day }, { zone: 'UTC' }).isValid;
  return refuse('impossibleDate', { date: formatDayMonth(day, month, someYear ? year : null, locale) });
}

/**
 * The day a claim names: without a year, the next time that day comes (today included), so that
 * "30 novembre 8h" typed on 30 November at noon is refused as past rather than moved a year on.
 */
export function resolveDay(claim: Pick<DayClaim, 'day' | 'month' | 'year' | 'weekday'>, today: CalendarDay, locale: Locale, notBefore = today): CalendarDay {
  const sameYear = claim.year ?? notBefore.year;
  const beforeStart = claim.month < notBefore.month || (claim.month === notBefore.month && claim.day < notBefore.day);
  const year = claim.year ?? (beforeStart ? sameYear + 1 : sameYear);
  const day = { year, month: claim.month, day: claim.day };
  if (!calendar(day).isValid) throw impossibleDate(claim.day, claim.month, year, locale);
  if (claim.weekday !== null) checkWeekday(day, claim.weekday, locale);
  return day;
}

export function checkWeekday(day: CalendarDay, written: number, locale: Locale): void {
  const actual = weekdayOf(day);
  if (actual !== written) {
    throw refuse('weekdayMismatch', { date: formatDay(day, locale, { weekday: false }), actual: weekdayName(actual, locale), written: weekdayName(written, locale) });
  }
}

/** The next such weekday: today if the meetup is still ahead, a week on for "prochain"/"next" on that very day. */
export function weekdayDay(claim: WeekdayClaim, today: CalendarDay, isAhead: (day: CalendarDay) => boolean): CalendarDay {
  const delta = (claim.weekday - weekdayOf(today) + 7) % 7;
  if (claim.modifier === 'last') return addDays(today, delta === 0 ? -7 : delta - 7);
  const day = addDays(today, delta === 0 && claim.modifier === 'next' ? 7 : delta);
  return isAhead(day) ? day : addDays(day, 7);
}

/** The last second of a day in a zone: a series "until 30 June" may still meet that evening. */
export function endOfDay(day: CalendarDay, zone: string): Date {
  return DateTime.fromObject({ ...day, hour: 23, minute: 59, second: 59 }, { zone }).toJSDate();
}

const untilMarker = /(?<![a-zà-ÿ])(?:jusqu'au|jusqu'à|jusqu'a|until|till|through|up to)\s(?:le\s|the\s)?$/;
const fromMarker = /(?<![a-zà-ÿ])(?:à partir du|à partir de|a partir du|a partir de|dès le|des le|depuis le|starting(?: on| from)?|beginning(?: on)?|from)\s(?:le\s|the\s)?$/;

export interface SortedDays {
  plain: DayClaim[];
  from: DayClaim[];
  until: DayClaim[];
}

/** Days introduced by "jusqu'au"/"until" end a series; by "à partir du"/"starting" they start it. */
export function sortDays(claims: DayClaim[], scan: Scan): SortedDays {
  const sorted: SortedDays = { plain: [], from: [], until: [] };
  const rest = scan.rest();
  for (const claim of claims) {
    const before = `${rest.slice(0, claim.index).trimEnd()} `;
    const until = untilMarker.exec(before);
    const from = until ? null : fromMarker.exec(before);
    const marker = until ?? from;
    if (marker) scan.take(marker.index, claim.index);
    (until ? sorted.until : from ? sorted.from : sorted.plain).push(claim);
  }
  return sorted;
}
