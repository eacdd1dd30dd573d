/** The end of a meetup typed on its own (`/meetup edit <n°> fin …`, `durée …`), read against its start. */
import { describe, expect, it } from 'vitest';
import { readDuration, readEnd } from '../../../src/domain/meetups/when/index.ts';
import { monday, noteTexts, refusal } from './reading.ts';

const start = new Date('2027-01-14T08:00:00Z'); // Thursday 14 January 2027, 9:00 in Paris
const end = (text: string, locale: 'fr' | 'en' = 'fr', at = start) => readEnd(text, { now: new Date(monday), timeZone: 'Europe/Paris', locale, start: at });

describe('an end typed on its own', () => {
  it.each([
    ['17h', '2027-01-14T16:00:00.000Z'],
    ['17:30', '2027-01-14T16:30:00.000Z'],
    ['17 h 30', '2027-01-14T16:30:00.000Z'],
    ['minuit', '2027-01-14T23:00:00.000Z'],
    ['15 janvier 17h', '2027-01-15T16:00:00.000Z'],
    ['vendredi 15 janvier 2027, 17 h', '2027-01-15T16:00:00.000Z'],
    ['15/01/2027 10h', '2027-01-15T09:00:00.000Z'],
  ])('fr: %s', async (text, instant) => {
    expect((await end(text)).end.toISOString()).toBe(instant);
  });

  it.each([
    ['5pm', '2027-01-14T16:00:00.000Z'],
    ['5:30 PM', '2027-01-14T16:30:00.000Z'],
    ['midnight', '2027-01-14T23:00:00.000Z'],
    ['January 15 5pm', '2027-01-15T16:00:00.000Z'],
  ])('en: %s', async (text, instant) => {
    expect((await end(text, 'en')).end.toISOString()).toBe(instant);
  });

  it.each([
    ['8h', 'La fin (8 h) est avant le début (9 h).'],
    ['9h', 'La fin (9 h) est à la même heure que le début.'],
    ['13 janvier 17h', 'La fin (jeudi 13 janvier 2028, 17 h) est plus d’une semaine après le début (jeudi 14 janvier 2027, 9 h) : pour plusieurs séances, créez une rencontre par séance.'],
    ['13/01/2027 17h', 'La fin (mercredi 13 janvier 2027, 17 h) est avant le début (jeudi 14 janvier 2027, 9 h).'],
    ['25h', '« 25h » n’est pas une heure : les heures vont de 0 à 23 et les minutes de 00 à 59.'],
    ['bientôt', 'Je ne comprends pas la fin « bientôt » : écrivez une heure, par exemple « 17h », « 17h30 » ou « 15 janvier 17h », ou « aucune » pour l’enlever.'],
    ['de 14h à 16h', 'Je ne comprends pas la fin « de 14h à 16h » : écrivez une heure, par exemple « 17h », « 17h30 » ou « 15 janvier 17h », ou « aucune » pour l’enlever.'],
    ['31 février 10h', 'Le 31 février n’existe pas.'],
  ])('refuses %s', async (text, message) => {
    expect(await refusal(() => end(text))).toBe(message);
  });

  it('refuses an end the change to summer time skips, and says which of the repeated hours it took in autumn', async () => {
    const spring = new Date('2027-03-28T00:00:00Z'); // Sunday 28 March 2027, 1:00 in Paris
    expect(await refusal(() => end('2h30', 'fr', spring))).toBe('2 h 30 n’existe pas le dimanche 28 mars 2027 à l’heure de Paris (passage à l’heure d’été) : choisissez 3 h ou plus tard.');
    const autumn = new Date('2027-10-30T23:30:00Z'); // Sunday 31 October 2027, 1:30 in Paris (summer time)
    const read = await end('2h30', 'fr', autumn);
    expect(read.end.toISOString()).toBe('2027-10-31T00:30:00.000Z');
    expect(noteTexts({ start: autumn, end: read.end, timeZone: 'Europe/Paris', recurrence: null, notes: read.notes })).toEqual([
      '2 h 30 existe deux fois le dimanche 31 octobre 2027 à l’heure de Paris (passage à l’heure d’hiver) : j’ai retenu la première, en UTC+2.',
    ]);
  });
});

describe('a duration typed on its own', () => {
  it.each([
    ['2h', '2027-01-14T10:00:00.000Z'],
    ['1h30', '2027-01-14T09:30:00.000Z'],
    ['90 minutes', '2027-01-14T09:30:00.000Z'],
    ['une heure et demie', '2027-01-14T09:30:00.000Z'],
    ['2 hours', '2027-01-14T10:00:00.000Z'],
  ])('%s', (text, instant) => {
    expect(readDuration(text, { start, locale: 'fr' }).toISOString()).toBe(instant);
  });

  it.each(['2 jours', '30h', 'longtemps', '17h à 18h'])('refuses %s', async (text) => {
    expect(await refusal(async () => readDuration(text, { start, locale: 'fr' }))).toBe(`Je ne comprends pas la durée « ${text} » : écrivez par exemple « 2h », « 1h30 » ou « 90 minutes » (24 heures au plus), ou « aucune » pour l’enlever.`);
  });
});
