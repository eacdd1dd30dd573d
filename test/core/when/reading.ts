import { RelaisError } from '../../../src/core/errors.ts';
import { readWhen, type WhenRead } from '../../../src/domain/meetups/when/index.ts';
import { translate, type Locale } from '../../../src/i18n/translate.ts';

export interface Reading {
  now: string;
  locale?: Locale;
  timeZone?: string;
}

/** Monday 30 November 2026, 10:00 in Paris (winter time, UTC+1). */
export const monday = '2026-11-30T09:00:00Z';

export const read = (text: string, { now, locale = 'fr', timeZone = 'Europe/Paris' }: Reading): Promise<WhenRead> =>
  readWhen(text, { now: new Date(now), timeZone, locale });

/** The message a person gets when `reading` is refused, in `locale`. */
export async function refusal(reading: () => Promise<unknown>, locale: Locale = 'fr'): Promise<string> {
  try {
    await reading();
  } catch (error) {
    if (error instanceof RelaisError && error.code === 'invalid_argument') return translate(locale, error.userMessage, error.params);
    throw error;
  }
  throw new Error('expected a refusal, got a reading');
}

export const noteTexts = (read: WhenRead, locale: Locale = 'fr') => read.notes.map((note) => translate(locale, note.key, note.params));
