import type { Locale } from '../../../i18n/translate.ts';
import { refuse } from './fail.ts';
import { formatTime } from './format.ts';
import type { Scan } from './text.ts';

/**
 * Times of day, ranges and durations, read by a grammar of our own rather than by chrono: chrono's
 * English parser reads "10h" as "in ten hours" and drops hours it cannot read ("25h") without a word.
 * Here a number followed by h is always a clock time; a duration needs its own word ("pendant 2h",
 * "for 2 hours"), and a time from now too ("dans 2h", read in ./relative.ts).
 */
export interface ClockTime {
  hour: number;
  minute: number;
  style: 'h' | 'colon' | 'meridiem' | 'word' | 'bare';
  /** minuit, midnight, 0h, 00:00, 12am, 24h: the start of a day, or as an end the end of it. */
  midnight: boolean;
  written: string;
}

export type Period = 'morning' | 'afternoon' | 'evening';

export interface ClockRead {
  start: ClockTime | null;
  end: ClockTime | null;
  duration: { minutes: number; written: string } | null;
  /** "ce soir", "demain matin", "tomorrow morning": when `today`, the day is today. */
  period: { period: Period; today: boolean; written: string } | null;
}

const letter = 'a-zà-ÿœæ';
const atomPattern = new RegExp(
  String.raw`(?<![\d:.,])(?:(?<fh>\d{1,2})\s?(?:heures?|h)(?:\s?(?<fm>\d{2})(?:\s?min)?)?(?![${letter}\d])` +
    String.raw`|(?<eh>\d{1,2})(?:[:.](?<em>\d{2}))?\s?(?<ap>[ap])\.?m\.?(?![${letter}])` +
    String.raw`|(?<ch>\d{1,2}):(?<cm>\d{2})(?::00)?(?![\d:]))` +
    String.raw`|(?<![${letter}'])(?<!apr[eè]s-)(?<word>midi|minuit|noon|midnight)(?![${letter}])`,
  'g',
);
const separator = String.raw`(?<sep>-|à|a|to|till|until|jusqu'à|jusqu'a|et|and)`;
const joined = new RegExp(String.raw`^\s*${separator}\s*$`);
const lead = /(?<![a-zà-ÿ])(?<lead>de|from|entre|between)\s*$/;
/** "de 14 à 16h", "14-16h", "9-11am": without "de", only a dash or "to" makes "le 5 à 9h" a range. */
const bareStart = new RegExp(String.raw`(?:(?<![a-zà-ÿ])(?<lead>de|from|entre|between)\s+)?(?<![\d:.,/-])(?<bare>\d{1,2})\s*${separator}\s*$`);
const endMarker = /(?<![a-zà-ÿ])(?:jusqu'à|jusqu'a|until|till|up to)\s*$/;

const durationLead = /(?<![a-zà-ÿ])(?:pendant|durant|durée\s?:?|for|lasting)\s+/g;
const durationBody = new RegExp(
  String.raw`^(?:(?<h>\d{1,2})\s?(?:heures?|hours?|hrs?|h)(?:\s?(?:et\s|and\s)?(?<m>\d{1,2})\s?(?:minutes?|mins?|mn)?)?` +
    String.raw`|(?<mm>\d{1,4})\s?(?:minutes?|mins?|mn)` +
    String.raw`|(?<word>une heure et demie|une demi-heure|une heure|an hour and a half|half an hour|an hour|one hour))(?![${letter}\d])`,
);
const wordMinutes: Record<string, number> = {
  'une heure et demie': 90, 'une demi-heure': 30, 'une heure': 60, 'an hour and a half': 90, 'half an hour': 30, 'an hour': 60, 'one hour': 60,
};

const periodPattern = new RegExp(
  String.raw`(?<![${letter}'-])(?<today>ce |cet |this )?(?<word>matin|soir|après-midi|apres-midi|aprem|morning|afternoon|evening|tonight)(?![${letter}-])`,
  'g',
);
const periods: Record<string, Period> = {
  matin: 'morning', morning: 'morning', soir: 'evening', evening: 'evening', tonight: 'evening',
  'après-midi': 'afternoon', 'apres-midi': 'afternoon', aprem: 'afternoon', afternoon: 'afternoon',
};

function outOfRange(written: string): never {
  throw refuse('timeOutOfRange', { written });
}

function atomTime(groups: Record<string, string | undefined>, written: string): ClockTime {
  const { fh, fm, eh, em, ap, ch, cm, word } = groups;
  if (word) {
    const midnight = word === 'minuit' || word === 'midnight';
    return { hour: midnight ? 0 : 12, minute: 0, style: 'word', midnight, written };
  }
  if (eh !== undefined) {
    const hour = Number(eh);
    const minute = Number(em ?? 0);
    if (hour < 1 || hour > 12 || minute > 59) outOfRange(written);
    const hour24 = (hour % 12) + (ap === 'p' ? 12 : 0);
    return { hour: hour24, minute, style: 'meridiem', midnight: hour24 === 0 && minute === 0, written };
  }
  const hour = Number(fh ?? ch);
  const minute = Number(fm ?? cm ?? 0);
  if (hour > 24 || minute > 59 || (hour === 24 && minute > 0)) outOfRange(written);
  return { hour: hour % 24, minute, style: fh !== undefined ? 'h' : 'colon', midnight: hour % 24 === 0 && minute === 0, written };
}

/** "9-11am", "10 to 2pm": a start without am/pm takes its end's, unless that puts it after the end. */
function inheritMeridiem(start: ClockTime, end: ClockTime): ClockTime {
  if (end.style !== 'meridiem' || (start.style !== 'bare' && start.style !== 'colon') || start.hour > 12) return start;
  const hour = (start.hour % 12) + (end.hour >= 12 ? 12 : 0);
  return hour * 60 + start.minute < end.hour * 60 + end.minute ? { ...start, hour } : start;
}

function readDuration(scan: Scan): ClockRead['duration'] {
  let found: ClockRead['duration'] = null;
  for (const match of scan.matches(durationLead)) {
    const after = scan.rest().slice(match.index + match[0].length);
    const body = durationBody.exec(after);
    const phrase = () => scan.quote(match.index, match.index + match[0].length + (/^\S+(?:\s+\S+){0,2}/.exec(after)?.[0].length ?? 0));
    if (!body?.groups) throw refuse('unsupportedDuration', { phrase: phrase() });
    const { h, m, mm, word } = body.groups;
    const minutes = word ? (wordMinutes[word] ?? 0) : mm ? Number(mm) : Number(h) * 60 + Number(m ?? 0);
    if (minutes < 1 || minutes > 24 * 60 || Number(m ?? 0) > 59) throw refuse('unsupportedDuration', { phrase: phrase() });
    const end = match.index + match[0].length + body[0].length;
    if (found) throw refuse('severalTimes', { times: `${found.written}, ${scan.quote(match.index, end)}` });
    found = { minutes, written: scan.quote(match.index, end) };
    scan.take(match.index, end);
  }
  return found;
}

function readPeriod(scan: Scan): ClockRead['period'] {
  const [match] = scan.matches(periodPattern);
  if (!match?.groups?.word) return null;
  scan.take(match.index, match.index + match[0].length);
  const word = match.groups.word;
  return { period: periods[word] as Period, today: Boolean(match.groups.today) || word === 'tonight', written: match[0].trim() };
}

/** Reads (and takes) the durations, times and ranges of `scan`. At most one start and one end. */
export function readClock(scan: Scan, locale: Locale): ClockRead {
  const duration = readDuration(scan);
  const period = readPeriod(scan);
  const rest = scan.rest();
  const singles: ClockTime[] = [];
  const ranges: [ClockTime, ClockTime][] = [];
  const ends: ClockTime[] = [];
  let pending: { time: ClockTime; index: number } | null = null;
  let cursor = 0;
  for (const match of rest.matchAll(atomPattern)) {
    const end = match.index + match[0].length;
    const time = atomTime(match.groups ?? {}, scan.quote(match.index, end));
    const before = rest.slice(cursor, match.index);
    const link = pending ? joined.exec(before)?.groups?.sep : undefined;
    const pendingLead = pending ? lead.exec(rest.slice(0, pending.index)) : null;
    const bare = bareStart.exec(before);
    if (pending && link && (!['et', 'and'].includes(link) || ['entre', 'between'].includes(pendingLead?.groups?.lead ?? ''))) {
      singles.splice(singles.indexOf(pending.time), 1);
      ranges.push([inheritMeridiem(pending.time, time), time]);
      scan.take(pendingLead ? pendingLead.index : pending.index, end);
      pending = null;
    } else if (endMarker.test(before)) {
      ends.push(time);
      scan.take(cursor + (endMarker.exec(before)?.index ?? 0), end);
      pending = null;
    } else if (bare?.groups?.bare && (bare.groups.lead || ['-', 'to'].includes(bare.groups.sep ?? ''))) {
      const hour = Number(bare.groups.bare);
      const written = bare[0].trim();
      if (hour > 24) outOfRange(written);
      const start: ClockTime = { hour: hour % 24, minute: 0, style: 'bare', midnight: hour % 24 === 0, written: bare.groups.bare };
      ranges.push([inheritMeridiem(start, time), time]);
      scan.take(cursor + bare.index, end);
      pending = null;
    } else {
      singles.push(time);
      scan.take(match.index, end);
      pending = { time, index: match.index };
    }
    cursor = end;
  }
  const starts = [...singles, ...ranges.map(([start]) => start)];
  const allEnds = [...ends, ...ranges.map(([, end]) => end)];
  if (starts.length > 1 || allEnds.length > 1) {
    throw refuse('severalTimes', { times: [...singles, ...ranges.flat(), ...ends].map((time) => time.written).join(', ') });
  }
  const read: ClockRead = { start: starts[0] ?? null, end: allEnds[0] ?? null, duration, period };
  if (read.end && duration) throw refuse('endAndDuration', { end: read.end.written, duration: duration.written });
  return period ? withPeriod(read, period.period, locale) : read;
}

/** "8h ce soir" is 20:00; "20h ce matin" cannot be. */
function withPeriod(read: ClockRead, period: Period, locale: Locale): ClockRead {
  const later = (time: ClockTime | null) =>
    time && period !== 'morning' && time.style !== 'meridiem' && time.hour >= 1 && time.hour < 12 ? { ...time, hour: time.hour + 12 } : time;
  const shifted = { ...read, start: later(read.start), end: later(read.end) };
  if (period === 'morning' && shifted.start && shifted.start.hour >= 12) {
    throw refuse('periodMismatch', { time: formatTime(shifted.start, locale), period: { key: `when.periods.${period}` } });
  }
  return shifted;
}
