import type * as Chrono from 'chrono-node';
import { DateTime } from 'luxon';
import type { Locale } from '../../../i18n/translate.ts';
import { refuse } from './fail.ts';
import type { DayClaim } from './numeric-dates.ts';
import type { Scan } from './text.ts';
import type { CalendarDay, WhenOptions } from './types.ts';

/** A weekday on its own ("jeudi", "next Thursday"): which date it is depends on the time and on now. */
export interface WeekdayClaim {
  /** ISO, 1 (Monday) to 7. */
  weekday: number;
  modifier: 'next' | 'last' | null;
  index: number;
  end: number;
  written: string;
}

export interface WordDates {
  days: DayClaim[];
  weekdays: WeekdayClaim[];
}

/** chrono's locale data is large (about 0.5 s and 20 MiB to load): loaded on the first date to read. */
let chronoModule: Promise<typeof Chrono> | undefined;
const loadChrono = () => (chronoModule ??= import('chrono-node'));

/**
 * Only chrono's parsers of days written in words: times, durations and numeric dates have readers
 * of our own (./clock.ts, ./relative.ts, ./numeric-dates.ts) that refuse what they cannot read.
 */
const wordParsers: Record<Locale, string[]> = {
  fr: ['FRCasualDateParser', 'FRMonthNameLittleEndianParser', 'FRWeekdayParser'],
  en: ['ENCasualDateParser', 'ENMonthNameLittleEndianParser', 'ENMonthNameMiddleEndianParser', 'ENWeekdayParser'],
};
/** Words chrono misses: it reads "après-demain" as "demain". */
const dayAfterTomorrow: Record<Locale, RegExp> = { fr: /après-demain|apres-demain/i, en: /(?:the )?day after tomorrow/i };

const configured = new Map<Locale, Chrono.Chrono>();
const isInvalidDateFilter = (refiner: Chrono.Refiner) => refiner.constructor.name === 'UnlikelyFormatFilter';

function parserFor(chrono: typeof Chrono, locale: Locale): Chrono.Chrono {
  let parser = configured.get(locale);
  if (!parser) {
    const configuration = locale === 'fr' ? chrono.fr.createCasualConfiguration() : chrono.en.configuration.createCasualConfiguration();
    const parsers = configuration.parsers.filter((candidate) => wordParsers[locale].includes(candidate.constructor.name));
    // A chrono upgrade renaming its parsers or its filter must fail the tests, not quietly read fewer dates.
    if (parsers.length !== wordParsers[locale].length || !configuration.refiners.some(isInvalidDateFilter)) {
      throw new Error(`chrono-node: expected the parsers ${wordParsers[locale].join(', ')} and the refiner UnlikelyFormatFilter`);
    }
    parser = new chrono.Chrono({ parsers, refiners: configuration.refiners });
    configured.set(locale, parser);
  }
  return parser;
}

const isoWeekday = (chronoWeekday: number) => (chronoWeekday === 0 ? 7 : chronoWeekday);

function claimOf(result: Chrono.ParsedResult): DayClaim {
  const weekday = result.start.get('weekday');
  return {
    day: result.start.get('day') ?? 0,
    month: result.start.get('month') ?? 0,
    year: result.start.isCertain('year') ? result.start.get('year') : null,
    weekday: result.start.isCertain('weekday') && weekday !== null ? isoWeekday(weekday) : null,
    index: result.index,
    end: result.index + result.text.length,
    written: result.text.trim(),
  };
}

function readIn(chrono: typeof Chrono, locale: Locale, text: string, options: WhenOptions, today: CalendarDay): WordDates {
  const parser = parserFor(chrono, locale).clone();
  parser.parsers.push({
    pattern: () => dayAfterTomorrow[locale],
    extract: () => {
      const day = DateTime.fromObject(today, { zone: 'UTC' }).plus({ days: 2 });
      return { year: day.year, month: day.month, day: day.day };
    },
  });
  // chrono's filter drops the days that do not exist ("31 février", "Feb 30 2027"): just before it, they are kept
  // as claims, to be refused with a reason.
  const impossible: DayClaim[] = [];
  parser.refiners.splice(parser.refiners.findIndex(isInvalidDateFilter), 0, {
    refine: (_context, results) => {
      for (const result of results) {
        if (result.start.isCertain('day') && !result.start.isValidDate()) impossible.push(claimOf(result));
      }
      return results;
    },
  });
  const offset = DateTime.fromJSDate(options.now, { zone: options.timeZone }).offset;
  const read: WordDates = { days: [], weekdays: [] };
  for (const result of parser.parse(text, { instant: options.now, timezone: offset })) {
    const end = result.index + result.text.length;
    const written = result.text.trim();
    if (result.end) throw refuse('severalDates', { dates: written });
    const weekday = result.start.get('weekday');
    if (result.start.isCertain('day')) {
      read.days.push(claimOf(result));
    } else if (result.start.isCertain('weekday') && !result.start.isCertain('month') && weekday !== null) {
      const modifier = /prochain|next/i.test(written) ? 'next' : /dernier|last|past/i.test(written) ? 'last' : null;
      read.weekdays.push({ weekday: isoWeekday(weekday), modifier, index: result.index, end, written });
    }
  }
  for (const claim of impossible.sort((a, b) => b.end - b.index - (a.end - a.index))) {
    if (![...read.days, ...read.weekdays].some((found) => claim.index < found.end && found.index < claim.end)) read.days.push(claim);
  }
  return read;
}

/**
 * Days in words, in the reader's language first, then in the other one: the reading that leaves
 * the least unread text wins, and its days are taken from `scan`.
 */
export async function readWordDates(scan: Scan, options: WhenOptions, today: CalendarDay): Promise<WordDates> {
  const text = scan.rest();
  if (!/[a-zà-ÿ]/.test(text)) return { days: [], weekdays: [] };
  const chrono = await loadChrono();
  const other: Locale = options.locale === 'fr' ? 'en' : 'fr';
  const readings = [options.locale, other].map((locale) => {
    const read = readIn(chrono, locale, text, options, today);
    const spans = [...read.days, ...read.weekdays];
    const trial = scan.clone();
    for (const span of spans) trial.take(span.index, span.end);
    return { read, spans, unread: trial.leftover().join('').length };
  });
  const best = readings.reduce((kept, candidate) => (candidate.unread < kept.unread ? candidate : kept));
  for (const span of best.spans) scan.take(span.index, span.end);
  return best.read;
}
