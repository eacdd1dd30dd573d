import type { Locale } from '../../../i18n/translate.ts';
import type { ClockTime } from './clock.ts';
import { refuse } from './fail.ts';
import { formatDayMonth } from './format.ts';
import type { Scan } from './text.ts';

/**
 * A day as written, before it is known to exist ("31 février" is a claim, and refused later with
 * the year it was meant in). `year` null: not written. `weekday` (ISO 1–7): written beside it.
 */
export interface DayClaim {
  day: number;
  month: number;
  year: number | null;
  weekday: number | null;
  index: number;
  end: number;
  written: string;
}

const isoDateTime = /(?<![\d-])(?<y>\d{4})-(?<mo>\d{2})-(?<d>\d{2})t(?<h>\d{2}):(?<mi>\d{2})(?::\d{2}(?:\.\d+)?)?(?<offset>z|[+-]\d{2}(?::?\d{2})?)?(?![\d:])/g;
const yearFirst = /(?<![\d/.-])(?<y>\d{4})(?<sep>[-/])(?<mo>\d{1,2})\k<sep>(?<d>\d{1,2})(?![\d/.-])/g;
const dayOrMonthFirst = /(?<![\d/.:-])(?<a>\d{1,2})(?<sep>[/.])(?<b>\d{1,2})(?:\k<sep>(?<y>\d{4}|\d{2}))?(?![\d/.:])/g;

/** "2027-01-14T18:30:00+01:00": a day, a time and maybe an offset, in one token. */
export function readIsoDateTime(scan: Scan): { day: DayClaim; time: ClockTime; offset: number | null } | null {
  const [match] = scan.matches(isoDateTime);
  if (!match?.groups) return null;
  const { y, mo, d, h, mi, offset } = match.groups;
  const end = match.index + match[0].length;
  const written = scan.quote(match.index, end);
  const hour = Number(h);
  const minute = Number(mi);
  if (hour > 23 || minute > 59) throw refuse('timeOutOfRange', { written });
  if (Number(mo) < 1 || Number(mo) > 12) throw refuse('impossibleMonth', { written, month: Number(mo) });
  scan.take(match.index, end);
  const day: DayClaim = { day: Number(d), month: Number(mo), year: Number(y), weekday: null, index: match.index, end, written };
  return { day, time: { hour, minute, style: 'colon', midnight: hour === 0 && minute === 0, written }, offset: offset ? offsetMinutes(offset) : null };
}

/** "z", "+01:00", "-0330", "+2" → minutes east of UTC. */
function offsetMinutes(offset: string): number {
  if (offset === 'z') return 0;
  const [, sign, hours, minutes] = /^([+-])(\d{1,2})(?::?(\d{2}))?$/.exec(offset) ?? [];
  return (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes ?? 0));
}

/**
 * ISO days (2027-01-14) and slashed ones: day first in French (14/01/2027), and in English too when
 * only one order can be a date; "05/12/2027" read in English could be either, and is refused.
 */
export function readNumericDates(scan: Scan, locale: Locale): DayClaim[] {
  const claims: DayClaim[] = [];
  for (const match of scan.matches(yearFirst)) {
    const { y, mo, d } = match.groups ?? {};
    const end = match.index + match[0].length;
    const written = scan.quote(match.index, end);
    if (Number(mo) < 1 || Number(mo) > 12) throw refuse('impossibleMonth', { written, month: Number(mo) });
    claims.push({ day: Number(d), month: Number(mo), year: Number(y), weekday: null, index: match.index, end, written });
    scan.take(match.index, end);
  }
  for (const match of scan.matches(dayOrMonthFirst)) {
    const { a, b, y, sep } = match.groups ?? {};
    if (sep === '.' && y === undefined) continue; // "18.30" is not a day
    const end = match.index + match[0].length;
    const written = scan.quote(match.index, end);
    const year = y === undefined ? null : y.length === 2 ? 2000 + Number(y) : Number(y);
    const [day, month] = dayAndMonth(Number(a), Number(b), year, written, locale);
    claims.push({ day, month, year, weekday: null, index: match.index, end, written });
    scan.take(match.index, end);
  }
  return claims;
}

function dayAndMonth(first: number, second: number, year: number | null, written: string, locale: Locale): [number, number] {
  const monthFirst = locale === 'en' && second > 12 && first >= 1 && first <= 12;
  if (locale === 'en' && first <= 12 && second <= 12 && first !== second && first >= 1 && second >= 1) {
    const asMonthFirst = formatDayMonth(second, first, year, locale);
    const asDayFirst = formatDayMonth(first, second, year, locale);
    throw refuse('ambiguousSlashDate', { written, first: asMonthFirst, second: asDayFirst, example: asDayFirst });
  }
  const [day, month] = monthFirst ? [second, first] : [first, second];
  if (month < 1 || month > 12) throw refuse('impossibleMonth', { written, month });
  return [day, month];
}
