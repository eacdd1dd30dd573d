/**
 * parseWhen, what /meetup create and /meetup edit call: the reading of ../when, for one meetup.
 * (The intent of the former test/core/parse-when.test.ts, whose cases live on in one-off.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../../src/domain/meetups/parse-when.ts';
import { monday, refusal } from './reading.ts';

const paris = (text: string, locale: 'fr' | 'en' = 'fr', now = monday) => parseWhen(text, { now: new Date(now), timeZone: 'Europe/Paris', locale });

describe('parseWhen, for a single meetup', () => {
  it('reads a one-off with its end and zone', async () => {
    const read = await paris('jeudi 18h30-20h');
    expect([read.start.toISOString(), read.end?.toISOString(), read.timeZone, read.recurrence]).toEqual([
      '2026-12-03T17:30:00.000Z', '2026-12-03T19:00:00.000Z', 'Europe/Paris', null,
    ]);
  });

  it('refuses a series rather than creating its first date as a one-off, and says what to type instead', async () => {
    expect(await refusal(() => paris('tous les mardis à 10h'))).toBe(
      '« tous les mardis à 10h » décrit une série : tous les mardis, 10 h (heure de Paris), à partir du mardi 1er décembre 2026. '
        + 'Une rencontre déjà créée ne devient pas une série : créez-la comme nouvelle série (commande « meetup create »), ou donnez une seule date, par exemple « mardi 1er décembre 2026 10 h ».',
    );
    expect(await refusal(() => paris('every Tuesday at 10am', 'en'), 'en')).toBe(
      '“every Tuesday at 10am” is a series: every Tuesday, 10:00 AM (Paris time), starting Tuesday, December 1, 2026. '
        + 'A meetup already created does not become a series: create it as a new series (the “meetup create” command), or give one date, e.g. “Tuesday, December 1, 2026 10:00 AM”.',
    );
  });

  it('the date it suggests instead can be typed back', async () => {
    expect((await paris('mardi 1er décembre 2026 10 h')).start.toISOString()).toBe('2026-12-01T09:00:00.000Z');
    expect((await paris('Tuesday, December 1, 2026 10:00 AM', 'en')).start.toISOString()).toBe('2026-12-01T09:00:00.000Z');
  });

  it.each([
    ['jeudi', 'J’ai compris le jeudi 3 décembre 2026, mais pas l’heure : ajoutez-la, par exemple « 18h30 ».'],
    ['un de ces jours', 'Je ne comprends pas la date « un de ces jours ». Écrivez par exemple « jeudi 18h30 », « 5 décembre à 9h » ou « 14/01/2027 de 9h à 17h ».'],
    ['1er janvier 2020 10h', 'Le mercredi 1er janvier 2020 à 10 h est déjà passé.'],
  ])('refuses %s with a reason', async (text, message) => {
    expect(await refusal(() => paris(text))).toBe(message);
  });
});
