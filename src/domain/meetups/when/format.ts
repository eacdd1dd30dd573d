import { DateTime } from 'luxon';
import { translate, type Locale } from '../../../i18n/translate.ts';
import type { CalendarDay, WallTime } from './types.ts';

/**
 * Dates and times as people write them: "jeudi 1er avril 2027", "14 h 30" / "Thursday, April 1, 2027",
 * "2:30 PM". Month and weekday names come from Intl, so an impossible day can still be named.
 */
const utcDay = ({ year, month, day }: CalendarDay) => DateTime.fromObject({ year, month, day }, { zone: 'UTC' });

export function formatDay(day: CalendarDay, locale: Locale, options: { weekday?: boolean } = {}): string {
  const text = utcDay(day).setLocale(locale).toLocaleString({
    ...(options.weekday === false ? {} : { weekday: 'long' }), day: 'numeric', month: 'long', year: 'numeric',
  });
  return locale === 'fr' ? text.replace(/(^|\s)1(?= )/, '$11er') : text;
}

function monthName(month: number, locale: Locale): string {
  return DateTime.fromObject({ year: 2000, month, day: 1 }, { zone: 'UTC' }).setLocale(locale).toLocaleString({ month: 'long' });
}

/** ISO weekday 1 (Monday) to 7. */
export function weekdayName(weekday: number, locale: Locale): string {
  return DateTime.fromObject({ year: 2024, month: 1, day: weekday }, { zone: 'UTC' }).setLocale(locale).toLocaleString({ weekday: 'long' });
}

/** "31 février", "29 février 2027" / "February 31", "February 29, 2027": for days that may not exist. */
export function formatDayMonth(day: number, month: number, year: number | null, locale: Locale): string {
  if (locale === 'fr') return `${day === 1 ? '1er' : day} ${monthName(month, locale)}${year === null ? '' : ` ${year}`}`;
  return `${monthName(month, locale)} ${day}${year === null ? '' : `, ${year}`}`;
}

export function formatTime({ hour, minute, nextDay }: WallTime, locale: Locale): string {
  const shown = nextDay ? 0 : hour;
  if (locale === 'fr') return minute === 0 ? `${shown} h` : `${shown} h ${String(minute).padStart(2, '0')}`;
  return DateTime.fromObject({ year: 2000, month: 1, day: 1, hour: shown, minute }, { zone: 'UTC' })
    .setLocale(locale)
    .toLocaleString({ hour: 'numeric', minute: '2-digit' })
    .replace(/\u202f/g, ' '); // ICU's narrow space before AM/PM: a plain one reads the same and is what people type
}

/** "UTC+2", "UTC−3:30", "UTC" */
export function formatOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const hours = Math.floor(Math.abs(minutes) / 60);
  const rest = Math.abs(minutes) % 60;
  return `UTC${sign}${hours}${rest ? `:${String(rest).padStart(2, '0')}` : ''}`;
}

export function dayOf(local: DateTime): CalendarDay {
  return { year: local.year, month: local.month, day: local.day };
}

export function wallOf(local: DateTime): WallTime {
  return { hour: local.hour, minute: local.minute };
}

export function listOf(items: string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

const nthNames: Record<number, 'first' | 'second' | 'third' | 'fourth' | 'fifth' | 'last'> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', [-1]: 'last' };

/** "2e" / "second", "derniers" / "last": the rank of a weekday in its month. */
export function nthLabel(nth: number, locale: Locale, plural = false): string {
  return translate(locale, `when.${plural ? 'nthPlural' : 'nth'}.${nthNames[nth] ?? 'other'}`, { n: nth });
}

/** "1er", "5" / "1st", "22nd": a day of the month. */
export function dayOrdinal(day: number, locale: Locale): string {
  const category = new Intl.PluralRules(locale, { type: 'ordinal' }).select(day);
  const key = category === 'one' ? 'st' : category === 'two' ? 'nd' : category === 'few' ? 'rd' : 'th';
  return translate(locale, `when.dayOrdinal.${key}`, { n: day });
}
