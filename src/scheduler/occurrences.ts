import { DateTime } from 'luxon';

/** A channel's digest settings, as Channel stores them. */
export interface DigestSchedule {
  /** weekly | daily | off */
  digestFrequency: string;
  /** ISO weekday, 1 = Monday */
  digestWeekday: number;
  /** HH:MM on the wall clock of `timezone` */
  digestTime: string;
  timezone: string;
}

/** One scheduled digest: its period key, when it is due, and the window it covers. */
export interface Occurrence {
  /** "2027-W13" (ISO week) or "2027-03-29" (day), in the channel's timezone: one digest per key. */
  period: string;
  at: Date;
  /** The occurrence before this one: the digest covers [since, at). */
  since: Date;
  /** The occurrence after this one. */
  next: Date;
}

/**
 * The wall-clock time `time` on a calendar day in the day's zone. A time that does not exist that
 * day (02:30 when clocks jump from 02:00 to 03:00) moves forward by the gap, to 03:30; a time that
 * exists twice (02:30 when clocks go back) is the second one, in winter time. Either way a day has
 * exactly one instant for it.
 */
function instantOn(day: DateTime, time: string): DateTime {
  const [hour = 0, minute = 0] = time.split(':').map(Number);
  return DateTime.fromObject({ year: day.year, month: day.month, day: day.day, hour, minute }, { zone: day.zone });
}

/**
 * The latest scheduled digest at or before `now`, computed on calendar days in the channel's
 * timezone (so a Monday-09:00 digest stays at 09:00 local across DST changes); undefined when the
 * digest is off or the settings are not usable.
 */
export function latestOccurrence(schedule: DigestSchedule, now: Date): Occurrence | undefined {
  const weekly = schedule.digestFrequency === 'weekly';
  if (!weekly && schedule.digestFrequency !== 'daily') return undefined;
  const local = DateTime.fromJSDate(now, { zone: schedule.timezone });
  if (!local.isValid) return undefined;
  const step = weekly ? { weeks: 1 } : { days: 1 };
  let day = (weekly ? local.set({ weekday: schedule.digestWeekday as 1 }) : local).startOf('day');
  if (instantOn(day, schedule.digestTime) > local) day = day.minus(step);
  return {
    period: weekly ? day.toFormat("kkkk-'W'WW") : day.toISODate()!,
    at: instantOn(day, schedule.digestTime).toJSDate(),
    since: instantOn(day.minus(step), schedule.digestTime).toJSDate(),
    next: instantOn(day.plus(step), schedule.digestTime).toJSDate(),
  };
}

/**
 * What the next scheduled digest would cover if it ran at `now`: from the latest occurrence
 * (a week or a day back when digests are off) to now. Used by preview and "now".
 */
export function currentWindow(schedule: DigestSchedule, now: Date): { since: Date; until: Date } {
  const latest = latestOccurrence(schedule, now);
  if (latest) return { since: latest.at, until: now };
  return { since: DateTime.fromJSDate(now, { zone: schedule.timezone }).minus({ weeks: 1 }).toJSDate(), until: now };
}

/** The period key of a digest asked for by hand: one per channel and minute. */
export function manualPeriod(timezone: string, now: Date): string {
  return `manual:${DateTime.fromJSDate(now, { zone: timezone }).toFormat("yyyy-MM-dd'T'HH:mm")}`;
}
