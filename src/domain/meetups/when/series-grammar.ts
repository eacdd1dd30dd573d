import type { Locale } from '../../../i18n/translate.ts';
import { refuse } from './fail.ts';
import { nthLabel, weekdayName } from './format.ts';
import type { Scan } from './text.ts';

/** How a series repeats, as read; ./series.ts turns it into an RRULE. */
export interface SeriesPattern {
  freq: 'DAILY' | 'WEEKLY' | 'MONTHLY';
  interval: number;
  /** ISO weekdays, 1 (Monday) to 7. */
  weekdays: number[];
  /** With MONTHLY and one weekday: 1–5, or -1 for the last. */
  nth: number | null;
  monthDay: number | null;
  written: string;
}

const weekdayWords: Record<string, number> = {
  lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6, dimanche: 7,
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};
const weekday = String.raw`(?:${Object.keys(weekdayWords).join('|')})s?`;
const weekdays = String.raw`(?<days>${weekday}(?:\s?(?:,|et|and)\s?${weekday})*)`;
const ordinal = String.raw`(?<ord>1er|1re|1ère|premiers?|premières?|deuxièmes?|secondes?|seconds?|troisièmes?|quatrièmes?|cinquièmes?|derniers?|dernières?|first|second|third|fourth|fifth|last|\d{1,2}(?:e|es|ème|èmes|eme|emes|st|nd|rd|th))`;
const count = String.raw`(?<n>\d{1,2}|deux|trois|quatre|two|three|four|other)`;
const monthDay = String.raw`(?<md>1er|premier|\d{1,2})(?:st|nd|rd|th)?`;

const ordinalWords: Record<string, number> = {
  premier: 1, premiers: 1, première: 1, premières: 1, '1er': 1, '1re': 1, '1ère': 1, first: 1,
  deuxième: 2, deuxièmes: 2, second: 2, seconds: 2, seconde: 2, secondes: 2,
  troisième: 3, troisièmes: 3, third: 3, quatrième: 4, quatrièmes: 4, fourth: 4, cinquième: 5, cinquièmes: 5, fifth: 5,
  dernier: -1, derniers: -1, dernière: -1, dernières: -1, last: -1,
};
const countWords: Record<string, number> = { deux: 2, two: 2, other: 2, trois: 3, three: 3, quatre: 4, four: 4 };

const each = String.raw`(?:tous les|toutes les|chaque)`;
const ofEachMonth = String.raw`(?:de chaque mois|de tous les mois|chaque mois|du mois)`;
const rules: { pattern: RegExp; read: (groups: Record<string, string | undefined>) => Omit<SeriesPattern, 'written'> }[] = [
  { pattern: new RegExp(String.raw`${each}\s${ordinal}\s${weekdays}\s${ofEachMonth}`), read: (g) => nthWeekday(g) },
  { pattern: new RegExp(String.raw`(?:${each}\s)?les?\s${ordinal}\s${weekdays}\s${ofEachMonth}`), read: (g) => nthWeekday(g) },
  { pattern: new RegExp(String.raw`${each}\s(?:les\s)?${count}?\s?mois,?\s(?:le\s)?${ordinal}\s${weekdays}`), read: (g) => nthWeekday(g) },
  { pattern: new RegExp(String.raw`${each}\s${count}?\s?mois,?\sle\s${monthDay}`), read: (g) => monthly(g) },
  { pattern: new RegExp(String.raw`le\s${monthDay}\s(?:de chaque mois|de tous les mois|chaque mois)`), read: (g) => monthly(g) },
  { pattern: new RegExp(String.raw`tous les (?<fortnight>15|quinze|14|quatorze) jours(?:,?\s(?:le\s)?${weekdays})?`), read: (g) => weekly(g, 2) },
  { pattern: new RegExp(String.raw`(?:tous les (?<n>\d{1,3}) jours|tous les jours|chaque jour)`), read: (g) => daily(g) },
  { pattern: new RegExp(String.raw`un\s(?<days>${weekday})\ssur\s${count}`), read: (g) => weekly(g, countOf(g.n)) },
  { pattern: new RegExp(String.raw`(?:toutes les\s${count}\ssemaines|toutes les semaines|chaque semaine),?\s(?:le\s)?${weekdays}`), read: (g) => weekly(g, countOf(g.n)) },
  { pattern: new RegExp(String.raw`${each}\s${weekdays}`), read: (g) => weekly(g, 1) },
  { pattern: new RegExp(String.raw`every\s${ordinal}\s${weekdays}\sof\s(?:the|each|every)\smonth`), read: (g) => nthWeekday(g) },
  { pattern: new RegExp(String.raw`(?:on\s)?the\s${ordinal}\s${weekdays}\sof\s(?:each|every)\smonth`), read: (g) => nthWeekday(g) },
  { pattern: new RegExp(String.raw`(?:every|each)\s(?:${count}\s)?months?\son\sthe\s${ordinal}\s${weekdays}`), read: (g) => nthWeekday(g) },
  { pattern: new RegExp(String.raw`(?:every|each)\s(?:${count}\s)?months?\son\sthe\s${monthDay}`), read: (g) => monthly(g) },
  { pattern: new RegExp(String.raw`(?:on\s)?the\s${monthDay}\sof\s(?:each|every)\smonth`), read: (g) => monthly(g) },
  { pattern: new RegExp(String.raw`monthly\son\sthe\s${monthDay}`), read: (g) => monthly(g) },
  { pattern: new RegExp(String.raw`(?:every day|daily|every (?<n>\d{1,3}) days)`), read: (g) => daily(g) },
  { pattern: new RegExp(String.raw`every\s(?:other|2nd|second)\s(?<days>${weekday})(?!\s(?:of|in)\s)`), read: (g) => weekly(g, 2) },
  { pattern: new RegExp(String.raw`(?:every\s${count}\sweeks|every week|weekly),?\son\s${weekdays}`), read: (g) => weekly(g, countOf(g.n)) },
  { pattern: new RegExp(String.raw`(?:every|each)\s${weekdays}`), read: (g) => weekly(g, 1) },
];

const words = (pattern: RegExp) => new RegExp(String.raw`(?<![a-zà-ÿ])(?:${pattern.source})(?![a-zà-ÿ])`, 'g');
const compiled = rules.map((rule) => ({ ...rule, pattern: words(rule.pattern) }));

function countOf(n: string | undefined): number {
  if (n === undefined) return 1;
  return countWords[n] ?? Number(n);
}

function weekdaysOf(days: string | undefined): number[] {
  const found = [...(days ?? '').matchAll(new RegExp(weekday, 'g'))].map((match) => weekdayWords[match[0].replace(/s$/, '')] ?? 0);
  return [...new Set(found)].sort((a, b) => a - b);
}

function ordinalOf(ord: string): number {
  return ordinalWords[ord] ?? Number.parseInt(ord, 10);
}

function nthWeekday(g: Record<string, string | undefined>): Omit<SeriesPattern, 'written'> {
  return { freq: 'MONTHLY', interval: countOf(g.n), weekdays: weekdaysOf(g.days), nth: ordinalOf(g.ord ?? ''), monthDay: null };
}

function monthly(g: Record<string, string | undefined>): Omit<SeriesPattern, 'written'> {
  const day = g.md === '1er' || g.md === 'premier' ? 1 : Number(g.md);
  return { freq: 'MONTHLY', interval: countOf(g.n), weekdays: [], nth: null, monthDay: day };
}

function weekly(g: Record<string, string | undefined>, interval: number): Omit<SeriesPattern, 'written'> {
  return { freq: 'WEEKLY', interval, weekdays: weekdaysOf(g.days), nth: null, monthDay: null };
}

function daily(g: Record<string, string | undefined>): Omit<SeriesPattern, 'written'> {
  return { freq: 'DAILY', interval: countOf(g.n), weekdays: [], nth: null, monthDay: null };
}

/** Reads (and takes) how the text repeats, if it does: "tous les mardis", "every last Friday of the month"… */
export function readSeriesPattern(scan: Scan, locale: Locale): SeriesPattern | null {
  const found: SeriesPattern[] = [];
  for (const rule of compiled) {
    for (const match of scan.matches(rule.pattern)) {
      const end = match.index + match[0].length;
      const written = scan.quote(match.index, end);
      if (/^every\s(?:2nd|second)\s/.test(match[0]) && !/other/.test(match[0])) {
        const [day = 2] = weekdaysOf(match.groups?.days);
        throw refuse('ambiguousSecond', { written, weekday: weekdayName(day, locale) });
      }
      found.push({ ...rule.read(match.groups ?? {}), written });
      scan.take(match.index, end);
    }
  }
  if (found.length > 1) throw refuse('severalSeries', { series: found.map((series) => series.written).join(', ') });
  const [series] = found;
  if (!series) return null;
  checkPattern(series, locale);
  return series;
}

function checkPattern(series: SeriesPattern, locale: Locale): void {
  const [day = 1] = series.weekdays;
  if (series.nth !== null && (series.nth === 0 || series.nth > 5 || series.nth < -1 || Number.isNaN(series.nth))) {
    throw refuse('noSuchNthWeekday', { ordinal: nthLabel(series.nth, locale), weekday: weekdayName(day, locale) });
  }
  if (series.monthDay !== null && (series.monthDay < 1 || series.monthDay > 31)) throw refuse('noSuchMonthDay', { day: series.monthDay });
  if (series.freq === 'WEEKLY' && series.weekdays.length === 0) throw refuse('seriesNeedsWeekday', { series: series.written });
  if (series.interval < 1 || series.interval > 52) throw refuse('unreadable', { text: series.written });
}
