/**
 * Any text at all: either a reading that makes sense (a start after now, an end after the start,
 * a preview) or a refusal with a complete message — never another error, never a placeholder left.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RelaisError } from '../../../src/core/errors.ts';
import { describeWhen, occurrencesBetween, readWhen } from '../../../src/domain/meetups/when/index.ts';
import { translate } from '../../../src/i18n/translate.ts';
import { hostileText } from '../../hostile/corpus.ts';
import { monday } from './reading.ts';

const vocabulary = [
  'tous les', 'chaque', 'mardis', 'jeudi', 'every', 'other', 'Tuesday', 'le', 'premier', '2e', '5e', 'dernier', 'du mois', 'of the month',
  'de chaque mois', 'un mardi sur deux', 'tous les 15 jours', 'tous les mois le', '31', 'jusqu’au', 'until', 'à partir du', 'starting',
  'de', 'à', '-', '–', 'to', 'entre', 'et', 'jusqu’à', 'pendant', 'for', 'dans', 'in', '2h', '18h30', '9h', '24h', '25h', '0h', '12am',
  '6pm', '6:30pm', '18:00', 'midi', 'minuit', 'noon', 'midnight', 'demain', 'tomorrow', 'aujourd’hui', 'ce soir', 'matin', 'après-demain',
  '14/01/2027', '30/02/2027', '05/12', '2027-03-28', '2027-10-31T02:30:00+02:00', '28 mars 2027', '31 octobre 2027', '31 février',
  'Feb 30', 'January 14, 2027', 'UTC', 'GMT+2', 'America/Montreal', 'Mars/Olympus', '2 heures', '1h30', 'une heure', ',', '(', ')',
];
const whenText = fc.oneof(
  { weight: 3, arbitrary: fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 8 }).map((words) => words.join(' ')) },
  { weight: 1, arbitrary: hostileText },
);

describe('any text is read or refused with a message', () => {
  it.each(['fr', 'en'] as const)('in %s', async (locale) => {
    const now = new Date(monday);
    await fc.assert(
      fc.asyncProperty(whenText, async (text) => {
        try {
          const read = await readWhen(text, { now, timeZone: 'Europe/Paris', locale });
          expect(read.start.getTime()).toBeGreaterThan(now.getTime());
          if (read.end) expect(read.end.getTime()).toBeGreaterThan(read.start.getTime());
          expect(describeWhen(read, locale)).not.toMatch(/\{\w+\}|undefined|NaN|Invalid/);
          for (const note of read.notes) expect(translate(locale, note.key, note.params)).not.toMatch(/\{\w+\}|undefined|NaN/);
          if (read.recurrence) {
            const year = occurrencesBetween(read.recurrence, read.timeZone, now, new Date(now.getTime() + 366 * 24 * 3600_000));
            expect(year[0]?.start).toEqual(read.start);
            expect(year.every((occurrence, index) => index === 0 || occurrence.start > (year[index - 1] as typeof occurrence).start)).toBe(true);
          }
        } catch (error) {
          if (!(error instanceof RelaisError) || error.code !== 'invalid_argument') throw error;
          // What the person typed is quoted back as it is; around it, every placeholder is filled.
          const typed = Object.values(error.params).filter((value): value is string => typeof value === 'string');
          const message = typed.reduce((shown, value) => shown.split(value).join(''), translate(locale, error.userMessage, error.params));
          expect(message).not.toMatch(/\{\w+\}|undefined|NaN|Invalid DateTime/);
        }
      }),
      { numRuns: 400 },
    );
  });
});
