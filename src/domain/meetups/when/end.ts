import { DateTime } from 'luxon';
import { RelaisError } from '../../../core/errors.ts';
import { readClock } from './clock.ts';
import { resolveDay } from './days.ts';
import { note, refuse } from './fail.ts';
import { dayOf, formatDay, formatOffset, formatTime, wallOf } from './format.ts';
import { readNumericDates } from './numeric-dates.ts';
import { Scan } from './text.ts';
import type { Note, WhenOptions } from './types.ts';
import { readWordDates } from './word-dates.ts';
import { changeLabel, placeWallTime, zoneLabel } from './zone.ts';

export interface EndOptions extends WhenOptions {
  /** The meetup's start: the end is on its day unless the text names another, and must come after it. */
  start: Date;
}

export interface EndRead {
  end: Date;
  notes: Note[];
}

/** "jeudi 14 janvier 2027, 9 h" / "Thursday, January 14, 2027, 9:00 AM": an instant as the messages write it. */
const written = (local: DateTime, options: WhenOptions) => `${formatDay(dayOf(local), options.locale)}, ${formatTime(wallOf(local), options.locale)}`;

/** Longer than this is no meetup but several: one a session. */
const LONGEST_DAYS = 7;

function checkedAfterStart(end: DateTime, options: EndOptions): void {
  const start = DateTime.fromJSDate(options.start, { zone: options.timeZone });
  if (end.toMillis() === start.toMillis()) throw refuse('endAtStart', { end: formatTime(wallOf(end), options.locale) });
  const sameDay = end.hasSame(start, 'day');
  const show = (local: DateTime) => (sameDay ? formatTime(wallOf(local), options.locale) : written(local, options));
  if (end < start) throw refuse('endBeforeStart', { end: show(end), start: show(start) });
  if (end.diff(start, 'days').days > LONGEST_DAYS) throw refuse('endTooLate', { end: show(end), start: show(start) });
}

/**
 * The end of a meetup typed on its own (`/meetup edit <n°> fin 17h`): a time on the day it starts
 * ("17h", "17:30", "5pm", "minuit" for the end of that day), or on another day ("15 janvier 17h").
 * Refused, like readWhen's, with what was understood: a time that does not exist that day, an end
 * that is not after the start, anything left unread.
 */
export async function readEnd(text: string, options: EndOptions): Promise<EndRead> {
  const scan = new Scan(text);
  const unreadable = () => refuse('endUnreadable', { text: scan.display });
  const clock = readClock(scan, options.locale);
  if (!clock.start || clock.end || clock.duration || clock.period) throw unreadable();
  const startLocal = DateTime.fromJSDate(options.start, { zone: options.timeZone });
  const startDay = dayOf(startLocal);
  const numeric = readNumericDates(scan, options.locale);
  const words = await readWordDates(scan, options, startDay);
  const [claim, ...more] = [...numeric, ...words.days];
  if (scan.leftover().length || more.length || words.weekdays.length) throw unreadable();
  const day = claim ? resolveDay(claim, startDay, options.locale, startDay) : startDay;
  const time = clock.start;
  const wall = time.midnight && time.style === 'word' ? { hour: 0, minute: 0, nextDay: true } : { hour: time.hour, minute: time.minute };
  const placement = placeWallTime(day, wall, options.timeZone);
  const common = {
    time: formatTime(wall, options.locale),
    date: formatDay(dayOf(placement.local), options.locale),
    zone: zoneLabel(options.timeZone, options.locale),
    change: placement.kind === 'exact' ? '' : changeLabel(placement.change, options.locale),
  };
  if (placement.kind === 'gap') throw refuse('dstGap', { ...common, after: formatTime(placement.firstAfter, options.locale) });
  const notes = placement.kind === 'overlap' ? [note('dstOverlap', { ...common, offset: formatOffset(placement.local.offset) })] : [];
  checkedAfterStart(placement.local, options);
  return { end: placement.local.toJSDate(), notes };
}

/** How long a meetup lasts, typed on its own (`/meetup edit <n°> durée 2h`): "2h", "1h30", "90 minutes", "une heure". */
export function readDuration(text: string, options: Pick<EndOptions, 'start' | 'locale'>): Date {
  const scan = new Scan(`durée ${text}`);
  const unreadable = () => refuse('durationUnreadable', { text: text.trim() });
  let clock: ReturnType<typeof readClock>;
  try {
    clock = readClock(scan, options.locale);
  } catch (error) {
    // Its messages would quote the word put in front of the text: say it about what was typed.
    if (error instanceof RelaisError) throw unreadable();
    throw error;
  }
  if (!clock.duration || clock.start || clock.end || clock.period || scan.leftover().length) throw unreadable();
  return new Date(options.start.getTime() + clock.duration.minutes * 60_000);
}
