import { DateTime } from 'luxon';
import type { Locale } from '../../../i18n/translate.ts';
import { refuse } from './fail.ts';
import { dayOf, formatDay, wallOf } from './format.ts';
import { buildSeries, type SeriesRead } from './series.ts';
import type { SeriesPattern } from './series-grammar.ts';
import type { CalendarDay } from './types.ts';

/**
 * How a form (Slack's modal) offers a meetup to repeat: each rule is taken from the date picked —
 * its weekday, its rank in the month, its day of the month — so the form needs no second date.
 */
export const repeatChoices = ['none', 'weekly', 'fortnightly', 'monthlyWeekday', 'monthlyLastWeekday', 'monthlyDay'] as const;
export type RepeatChoice = (typeof repeatChoices)[number];

function patternOf(choice: Exclude<RepeatChoice, 'none'>, day: CalendarDay): SeriesPattern {
  const weekday = DateTime.fromObject(day, { zone: 'UTC' }).weekday;
  const base = { interval: 1, weekdays: [weekday], nth: null, monthDay: null, written: choice };
  switch (choice) {
    case 'weekly':
      return { ...base, freq: 'WEEKLY' };
    case 'fortnightly':
      return { ...base, freq: 'WEEKLY', interval: 2 };
    case 'monthlyWeekday':
      return { ...base, freq: 'MONTHLY', nth: Math.ceil(day.day / 7) };
    case 'monthlyLastWeekday':
      return { ...base, freq: 'MONTHLY', nth: -1 };
    case 'monthlyDay':
      return { ...base, freq: 'MONTHLY', weekdays: [], monthDay: day.day };
  }
}

/**
 * The series starting at `start` (picked in `timeZone`) and repeating as chosen, until the end of
 * `untilDay`. Refused when the date picked is not one of the rule's dates (a "last Tuesday" that is
 * not the month's last): the series would silently start on another day.
 */
export function pickedSeries(
  choice: Exclude<RepeatChoice, 'none'>,
  start: Date,
  durationMinutes: number | null,
  options: { now: Date; timeZone: string; locale: Locale; untilDay: CalendarDay | null },
): SeriesRead {
  const local = DateTime.fromJSDate(start, { zone: options.timeZone });
  const day = dayOf(local);
  const today = dayOf(DateTime.fromJSDate(options.now, { zone: options.timeZone }));
  const read = buildSeries(patternOf(choice, day), wallOf(local), durationMinutes, { ...options, today, fromDay: day });
  if (read.first.start.getTime() !== start.getTime()) {
    const first = dayOf(DateTime.fromJSDate(read.first.start, { zone: options.timeZone }));
    throw refuse('pickedNotInSeries', { date: formatDay(day, options.locale), first: formatDay(first, options.locale) });
  }
  return read;
}
