import { DateTime, FixedOffsetZone } from 'luxon';
import type { Locale } from '../../../i18n/translate.ts';
import { readClock, type ClockRead, type ClockTime } from './clock.ts';
import { addDays, checkWeekday, compareDays, resolveDay, sortDays, weekdayDay, type SortedDays } from './days.ts';
import { note, refuse } from './fail.ts';
import { dayOf, formatDay, formatOffset, formatTime, wallOf } from './format.ts';
import { readIsoDateTime, readNumericDates } from './numeric-dates.ts';
import { readFromNow, type FromNow } from './relative.ts';
import { buildSeries } from './series.ts';
import { readSeriesPattern, type SeriesPattern } from './series-grammar.ts';
import { Scan } from './text.ts';
import type { CalendarDay, Note, WallTime, WhenOptions, WhenRead } from './types.ts';
import { readWordDates, type WeekdayClaim } from './word-dates.ts';
import { changeLabel, placeWallTime, readZone, zoneLabel } from './zone.ts';

/** Everything the readers found in the text, nothing left unread. */
interface Pieces {
  written: string;
  now: Date;
  locale: Locale;
  timeZone: string;
  /** Minutes east of UTC, when the text gives a fixed offset ("UTC", "+01:00"). */
  offset: number | null;
  today: CalendarDay;
  start: ClockTime | null;
  clock: ClockRead;
  fromNow: FromNow | null;
  days: SortedDays;
  weekdays: WeekdayClaim[];
}

/**
 * Reads when a meetup happens, as people type it in French or English: "jeudi 18h30",
 * "14/01/2027 de 9h à 17h", "next Thursday 6pm", "tous les 2e mardis du mois 10h-12h jusqu'au 30 juin 2027".
 * Every part of the text must be understood, and what cannot be used is refused with a message
 * saying why (RelaisError invalid_argument, key when.errors.*); what the reader chose is in `notes`.
 */
export async function readWhen(text: string, options: WhenOptions): Promise<WhenRead> {
  const scan = new Scan(text);
  const { locale, now } = options;
  const written = scan.display;
  if (!/[\p{L}\d]/u.test(written)) throw refuse('unreadable', { text: written });
  const zone = readZone(scan, options.timeZone);
  const iso = readIsoDateTime(scan);
  const series = readSeriesPattern(scan, locale);
  const fromNow = readFromNow(scan);
  const clock = readClock(scan, locale);
  const numeric = readNumericDates(scan, locale);
  const offset = iso?.offset ?? zone.offset?.minutes ?? null;
  const timeZone = series && offset === 0 ? 'UTC' : zone.timeZone;
  const today = dayOf(DateTime.fromJSDate(now, { zone: timeZone }));
  const words = await readWordDates(scan, { ...options, timeZone }, today);
  const days = sortDays([...(iso ? [iso.day] : []), ...numeric, ...words.days], scan);
  const leftover = scan.leftover();
  if (leftover.length) {
    const understood = [iso, series, fromNow, clock.start, clock.end, clock.duration, clock.period, zone.offset, ...numeric, ...words.days, ...words.weekdays];
    const somethingRead = understood.some(Boolean) || zone.timeZone !== options.timeZone;
    throw somethingRead ? refuse('unreadablePart', { part: leftover.join(' … '), text: written }) : refuse('unreadable', { text: written });
  }
  if (iso && clock.start) throw refuse('severalTimes', { times: `${iso.time.written}, ${clock.start.written}` });
  const pieces: Pieces = { written, now, locale, timeZone, offset, today, start: iso?.time ?? clock.start, clock, fromNow, days, weekdays: words.weekdays };
  return series ? readSeries(pieces, series) : readOneOff(pieces);
}

const wallOfTime = (time: ClockTime): WallTime => ({ hour: time.hour, minute: time.minute });
const endWallOf = (time: ClockTime): WallTime => (time.midnight ? { hour: 0, minute: 0, nextDay: true } : wallOfTime(time));

/** The end as a wall time after the start the same day (or midnight after it), else refused. */
function checkedEnd(start: WallTime, end: ClockTime, locale: Locale): WallTime {
  const wall = endWallOf(end);
  if (wall.nextDay) return wall;
  const startMinutes = start.hour * 60 + start.minute;
  const endMinutes = wall.hour * 60 + wall.minute;
  if (endMinutes < startMinutes) throw refuse('endBeforeStart', { end: formatTime(wall, locale), start: formatTime(start, locale) });
  if (endMinutes === startMinutes) throw refuse('endAtStart', { end: formatTime(wall, locale) });
  return wall;
}

/** A wall time placed in the zone (or at the written offset): a skipped time is refused, a repeated one said. */
function place(pieces: Pieces, day: CalendarDay, wall: WallTime, notes: Note[]): DateTime {
  const { locale, timeZone, offset } = pieces;
  if (offset !== null) {
    const local = DateTime.fromObject({ ...day, hour: wall.nextDay ? 0 : wall.hour, minute: wall.minute }, { zone: FixedOffsetZone.instance(offset) });
    return wall.nextDay ? local.plus({ days: 1 }) : local;
  }
  const placement = placeWallTime(day, wall, timeZone);
  if (placement.kind === 'exact') return placement.local;
  const common = {
    time: formatTime(wall, locale),
    date: formatDay(dayOf(placement.local), locale),
    zone: zoneLabel(timeZone, locale),
    change: changeLabel(placement.change, locale),
  };
  if (placement.kind === 'gap') throw refuse('dstGap', { ...common, after: formatTime(placement.firstAfter, locale) });
  notes.push(note('dstOverlap', { ...common, offset: formatOffset(placement.local.offset) }));
  return placement.local;
}

function severalDates(...written: (string | undefined)[]): Error {
  return refuse('severalDates', { dates: written.filter(Boolean).join(', ') });
}

function readOneOff(pieces: Pieces): WhenRead {
  const { now, locale, today, clock, fromNow, days, weekdays, start: startTime } = pieces;
  const notes: Note[] = [];
  const [untilClaim] = days.until;
  if (untilClaim) throw refuse('untilWithoutSeries', { until: formatDay(resolveDay(untilClaim, today, locale), locale, { weekday: false }) });
  const claims = [...days.plain, ...days.from];
  if (claims.length > 1 || weekdays.length > 1 || (fromNow && claims.length + weekdays.length > 0)) {
    throw severalDates(...claims.map((claim) => claim.written), ...weekdays.map((claim) => claim.written), fromNow?.written);
  }

  let start: DateTime;
  let day: CalendarDay | null = null;
  if (fromNow && 'minutes' in fromNow) {
    if (startTime) throw refuse('severalTimes', { times: `${fromNow.written}, ${startTime.written}` });
    const minute = Math.floor(now.getTime() / 60_000 + fromNow.minutes) * 60_000;
    start = DateTime.fromMillis(minute, { zone: pieces.timeZone });
    day = dayOf(start);
  } else {
    const [claim] = claims;
    if (claim) day = resolveDay(claim, today, locale);
    if (fromNow) day = addDays(today, fromNow.days);
    if (clock.period?.today) {
      if (day && compareDays(day, today) !== 0) throw severalDates(claim?.written ?? fromNow?.written, clock.period.written);
      day = today;
    }
    const [weekday] = weekdays;
    if (weekday && day) checkWeekday(day, weekday.weekday, locale);
    if (!startTime) {
      if (clock.end) throw refuse('endWithoutStart', { end: formatTime(endWallOf(clock.end), locale), written: clock.end.written });
      if (clock.duration) throw refuse('durationWithoutStart', { duration: clock.duration.written });
      const understood = day ?? (weekday ? weekdayDay(weekday, today, () => true) : null);
      if (understood) throw refuse('missingTime', { date: formatDay(understood, locale) });
      throw refuse('unreadable', { text: pieces.written });
    }
    const wall = wallOfTime(startTime);
    const isAhead = (candidate: CalendarDay) => place(pieces, candidate, wall, []).toMillis() > now.getTime();
    if (!day && weekday) day = weekdayDay(weekday, today, isAhead);
    if (!day) {
      day = isAhead(today) ? today : addDays(today, 1);
      notes.push(note('dateImplied', { date: formatDay(day, locale) }));
    }
    if (startTime.style === 'word' && startTime.midnight) notes.push(note('midnightStart', { date: formatDay(day, locale) }));
    start = place(pieces, day, wall, notes);
  }

  let end: DateTime | null = null;
  if (clock.end) end = place(pieces, day, checkedEnd(wallOf(start), clock.end, locale), notes);
  if (clock.duration) end = start.plus({ minutes: clock.duration.minutes });
  if (start.toMillis() <= now.getTime()) {
    const local = start.setZone(pieces.timeZone);
    throw refuse('pastDate', { date: formatDay(dayOf(local), locale), time: formatTime(wallOf(local), locale) });
  }
  const local = start.setZone(pieces.timeZone);
  if (pieces.offset !== null && local.toFormat('yyyy-MM-dd HH:mm') !== start.toFormat('yyyy-MM-dd HH:mm')) {
    const time = formatTime(wallOf(local), locale);
    const sameDay = compareDays(dayOf(local), dayOf(start)) === 0;
    notes.push(note('fixedOffset', {
      offset: formatOffset(pieces.offset),
      local: sameDay ? time : `${formatDay(dayOf(local), locale)}, ${time}`,
      zone: zoneLabel(pieces.timeZone, locale),
    }));
  }
  return { start: start.toJSDate(), end: end?.toJSDate() ?? null, timeZone: pieces.timeZone, recurrence: null, notes };
}

function readSeries(pieces: Pieces, series: SeriesPattern): WhenRead {
  const { now, locale, today, clock, days, timeZone } = pieces;
  const stray = days.plain[0]?.written ?? pieces.weekdays[0]?.written ?? pieces.fromNow?.written ?? (clock.period?.today ? clock.period.written : undefined);
  if (stray) throw refuse('seriesDateWithoutFrom', { series: series.written, date: stray });
  if (days.from.length > 1 || days.until.length > 1) throw severalDates(...[...days.from, ...days.until].map((claim) => claim.written));
  if (pieces.offset !== null && pieces.offset !== 0) throw refuse('seriesWithOffset', { offset: formatOffset(pieces.offset) });
  if (!pieces.start) {
    if (clock.end) throw refuse('endWithoutStart', { end: formatTime(endWallOf(clock.end), locale), written: clock.end.written });
    throw refuse('missingSeriesTime', { series: series.written });
  }
  const wall = wallOfTime(pieces.start);
  let durationMinutes: number | null = clock.duration?.minutes ?? null;
  if (clock.end) {
    const end = checkedEnd(wall, clock.end, locale);
    durationMinutes = (end.nextDay ? 24 * 60 : end.hour * 60 + end.minute) - (wall.hour * 60 + wall.minute);
  }
  const [fromClaim] = days.from;
  const [untilClaim] = days.until;
  const fromDay = fromClaim ? resolveDay(fromClaim, today, locale) : null;
  const untilDay = untilClaim ? resolveDay(untilClaim, today, locale, fromDay ?? today) : null;
  const built = buildSeries(series, wall, durationMinutes, { now, timeZone, locale, today, fromDay, untilDay });
  return { start: built.first.start, end: built.first.end, timeZone, recurrence: built.recurrence, notes: built.notes };
}
