import { DateTime } from 'luxon';
import { readClock } from './clock.ts';
import { endOfDay, resolveDay, weekdayDay } from './days.ts';
import { refuse } from './fail.ts';
import { dayOf } from './format.ts';
import { readNumericDates } from './numeric-dates.ts';
import { Scan } from './text.ts';
import type { WhenOptions } from './types.ts';
import { readWordDates } from './word-dates.ts';

const lead = /^(?:jusqu'au|jusqu'à|jusqu'a|until|till|through|up to)\s(?:le\s|the\s)?/;

/**
 * When a series ends, given on its own ("jusqu'au 30 juin 2027", "30/06/2027", "until June 30"):
 * the last second of that day in `timeZone`, the form of `Recurrence.until`.
 */
export async function readUntil(text: string, options: WhenOptions): Promise<Date> {
  const scan = new Scan(text);
  const marker = lead.exec(scan.text);
  if (marker) scan.take(0, marker[0].length);
  const clock = readClock(scan, options.locale);
  if (clock.start || clock.end || clock.duration) throw refuse('untilWithTime');
  const claims = readNumericDates(scan, options.locale);
  const today = dayOf(DateTime.fromJSDate(options.now, { zone: options.timeZone }));
  const words = await readWordDates(scan, options, today);
  const [claim, ...more] = [...claims, ...words.days];
  const [weekday] = words.weekdays;
  if (scan.leftover().length || more.length || (claim ? weekday : !weekday)) throw refuse('untilUnreadable', { text: scan.display });
  const day = claim ? resolveDay(claim, today, options.locale) : weekdayDay(weekday as NonNullable<typeof weekday>, today, () => true);
  return endOfDay(day, options.timeZone);
}
