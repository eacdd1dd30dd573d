/**
 * The corpus of one-off meetups as people type them, in French and English. Every expected instant
 * is written out in UTC by hand: Paris is UTC+1 in winter and UTC+2 in summer, summer time running
 * from 29 March to 25 October 2026 and from 28 March to 31 October 2027 (at 01:00 UTC).
 */
import { describe, expect, it } from 'vitest';
import { monday, noteTexts, read } from './reading.ts';

type Row = [text: string, start: string, end?: string];

const iso = (instant: Date | null) => instant?.toISOString() ?? null;

async function expectRows(now: string, locale: 'fr' | 'en', rows: Row[], timeZone = 'Europe/Paris') {
  for (const [text, start, end] of rows) {
    const reading = await read(text, { now, locale, timeZone });
    expect([text, iso(reading.start), iso(reading.end)]).toEqual([text, start, end ?? null]);
    expect(reading.recurrence).toBeNull();
  }
}

describe('one-off meetups typed in French, asked on Monday 30 November 2026 at 10:00 in Paris', () => {
  it.each<Row>([
    ['jeudi 18h30', '2026-12-03T17:30:00.000Z'],
    ['5 décembre à 9h', '2026-12-05T08:00:00.000Z'],
    ['demain à 19h', '2026-12-01T18:00:00.000Z'],
    ['le 12/03 à 18h', '2027-03-12T17:00:00.000Z'],
    ['14 janvier 2027 18h30', '2027-01-14T17:30:00.000Z'],
    ['jeudi 1er avril 10h', '2027-04-01T08:00:00.000Z'],
    ['le 1er décembre à 10h', '2026-12-01T09:00:00.000Z'],
    ['mercredi 2 décembre 14h', '2026-12-02T13:00:00.000Z'],
    ['vendredi 4 décembre 2026 à 18h30', '2026-12-04T17:30:00.000Z'],
    ['4 déc. 18h30', '2026-12-04T17:30:00.000Z'],
    ['14/01/2027 18h', '2027-01-14T17:00:00.000Z'],
    ['1/4/2027 10h', '2027-04-01T08:00:00.000Z'],
    ['14.01.2027 18h', '2027-01-14T17:00:00.000Z'],
    ['14/01/27 18h', '2027-01-14T17:00:00.000Z'],
    ['2027-01-14 18:30', '2027-01-14T17:30:00.000Z'],
    ['2027-01-14T18:30', '2027-01-14T17:30:00.000Z'],
    ['31 décembre 23h', '2026-12-31T22:00:00.000Z'],
    ['29 février 2028 10h', '2028-02-29T09:00:00.000Z'],
    ['18h30', '2026-11-30T17:30:00.000Z'],
    ['9h', '2026-12-01T08:00:00.000Z'],
    ['midi', '2026-11-30T11:00:00.000Z'],
    ['5 décembre 2027 à midi', '2027-12-05T11:00:00.000Z'],
    ['minuit', '2026-11-30T23:00:00.000Z'],
    ['demain 18 h 30', '2026-12-01T17:30:00.000Z'],
    ['demain à 18 heures', '2026-12-01T17:00:00.000Z'],
    ['aujourd’hui 18h', '2026-11-30T17:00:00.000Z'],
    ['ce soir 20h', '2026-11-30T19:00:00.000Z'],
    ['ce soir 8h', '2026-11-30T19:00:00.000Z'],
    ['demain matin 9h', '2026-12-01T08:00:00.000Z'],
    ['demain après-midi 3h', '2026-12-01T14:00:00.000Z'],
    ['cet après-midi 15h', '2026-11-30T14:00:00.000Z'],
    ['jeudi prochain 18h30', '2026-12-03T17:30:00.000Z'],
    ['ce jeudi 10h', '2026-12-03T09:00:00.000Z'],
    ['après-demain 10h', '2026-12-02T09:00:00.000Z'],
    ['dans 2 heures', '2026-11-30T11:00:00.000Z'],
    ['dans 1h30', '2026-11-30T10:30:00.000Z'],
    ['dans 3 jours à 18h', '2026-12-03T17:00:00.000Z'],
    ['dans une semaine à 10h', '2026-12-07T09:00:00.000Z'],
    ['5 déc 18h30 UTC', '2026-12-05T18:30:00.000Z'],
    ['5 déc 18h30 GMT+2', '2026-12-05T16:30:00.000Z'],
    ['2027-01-14T18:30:00+01:00', '2027-01-14T17:30:00.000Z'],
    ['2027-01-14T18:30:00Z', '2027-01-14T18:30:00.000Z'],
  ])('%s', async (text, start) => {
    await expectRows(monday, 'fr', [[text, start]]);
  });

  it.each<Row>([
    ['de 9h à 17h', '2026-12-01T08:00:00.000Z', '2026-12-01T16:00:00.000Z'],
    ['14h-16h', '2026-11-30T13:00:00.000Z', '2026-11-30T15:00:00.000Z'],
    ['demain 14h–16h', '2026-12-01T13:00:00.000Z', '2026-12-01T15:00:00.000Z'],
    ['18:00-20:00', '2026-11-30T17:00:00.000Z', '2026-11-30T19:00:00.000Z'],
    ['demain 9h jusqu’à 17h', '2026-12-01T08:00:00.000Z', '2026-12-01T16:00:00.000Z'],
    ['le 15 mai 2027 de 14h à 16h', '2027-05-15T12:00:00.000Z', '2027-05-15T14:00:00.000Z'],
    ['14/01/2027 de 9h à 17h', '2027-01-14T08:00:00.000Z', '2027-01-14T16:00:00.000Z'],
    ['jeudi 14 janvier 2027 de 9h à 17h', '2027-01-14T08:00:00.000Z', '2027-01-14T16:00:00.000Z'],
    ['jeudi 14 janvier 2027, 9 h – 17 h', '2027-01-14T08:00:00.000Z', '2027-01-14T16:00:00.000Z'],
    ['entre 14h et 16h demain', '2026-12-01T13:00:00.000Z', '2026-12-01T15:00:00.000Z'],
    ['de 14 à 16h demain', '2026-12-01T13:00:00.000Z', '2026-12-01T15:00:00.000Z'],
    ['demain 14-16h', '2026-12-01T13:00:00.000Z', '2026-12-01T15:00:00.000Z'],
    ['de 22h à minuit demain', '2026-12-01T21:00:00.000Z', '2026-12-01T23:00:00.000Z'],
    ['demain de midi à 14h', '2026-12-01T11:00:00.000Z', '2026-12-01T13:00:00.000Z'],
    ['demain 14h pendant 2h', '2026-12-01T13:00:00.000Z', '2026-12-01T15:00:00.000Z'],
    ['demain 14h pendant 1h30', '2026-12-01T13:00:00.000Z', '2026-12-01T14:30:00.000Z'],
    ['demain 14h durant une heure et demie', '2026-12-01T13:00:00.000Z', '2026-12-01T14:30:00.000Z'],
    ['demain 23h pendant 2h', '2026-12-01T22:00:00.000Z', '2026-12-02T00:00:00.000Z'],
  ])('%s (with an end)', async (text, start, end) => {
    await expectRows(monday, 'fr', [[text, start, end]]);
  });
});

describe('one-off meetups typed in English, same Monday', () => {
  it.each<Row>([
    ['Dec 5 6:30pm', '2026-12-05T17:30:00.000Z'],
    ['thursday 6pm', '2026-12-03T17:00:00.000Z'],
    ['January 14, 2027 6:30pm', '2027-01-14T17:30:00.000Z'],
    ['December 2nd at 2pm', '2026-12-02T13:00:00.000Z'],
    ['2 December 2026 2pm', '2026-12-02T13:00:00.000Z'],
    ['next Thursday 6pm', '2026-12-03T17:00:00.000Z'],
    ['tomorrow 9am', '2026-12-01T08:00:00.000Z'],
    ['today 6pm', '2026-11-30T17:00:00.000Z'],
    ['6:30pm', '2026-11-30T17:30:00.000Z'],
    ['6pm', '2026-11-30T17:00:00.000Z'],
    ['noon tomorrow', '2026-12-01T11:00:00.000Z'],
    ['Dec 31 11:59pm', '2026-12-31T22:59:00.000Z'],
    ['in 2 days at 6pm', '2026-12-02T17:00:00.000Z'],
    ['in an hour', '2026-11-30T10:00:00.000Z'],
    ['14/01/2027 9am', '2027-01-14T08:00:00.000Z'],
    ['01/14/2027 9am', '2027-01-14T08:00:00.000Z'],
    ['12/12/2027 9am', '2027-12-12T08:00:00.000Z'],
    ['tomorrow evening 7pm', '2026-12-01T18:00:00.000Z'],
    ['10h', '2026-12-01T09:00:00.000Z'],
  ])('%s', async (text, start) => {
    await expectRows(monday, 'en', [[text, start]]);
  });

  it.each<Row>([
    ['9am to 5pm', '2026-12-01T08:00:00.000Z', '2026-12-01T16:00:00.000Z'],
    ['tomorrow 9am until 5pm', '2026-12-01T08:00:00.000Z', '2026-12-01T16:00:00.000Z'],
    ['tomorrow from 9am to 5pm', '2026-12-01T08:00:00.000Z', '2026-12-01T16:00:00.000Z'],
    ['tomorrow 9-11am', '2026-12-01T08:00:00.000Z', '2026-12-01T10:00:00.000Z'],
    ['tomorrow 10 to 2pm', '2026-12-01T09:00:00.000Z', '2026-12-01T13:00:00.000Z'],
    ['tomorrow 2pm for 2 hours', '2026-12-01T13:00:00.000Z', '2026-12-01T15:00:00.000Z'],
    ['tomorrow 2pm for 90 minutes', '2026-12-01T13:00:00.000Z', '2026-12-01T14:30:00.000Z'],
    ['Thursday, January 14, 2027, 9:00 AM – 5:00 PM', '2027-01-14T08:00:00.000Z', '2027-01-14T16:00:00.000Z'],
  ])('%s (with an end)', async (text, start, end) => {
    await expectRows(monday, 'en', [[text, start, end]]);
  });
});

describe('the offset of the meetup day, not of today, across the DST changes of Paris', () => {
  it('spring 2027 (Sunday 28 March, 2:00 → 3:00), asked in winter', async () => {
    await expectRows('2027-03-20T09:00:00Z', 'fr', [
      ['samedi 27 mars 2027 18h30', '2027-03-27T17:30:00.000Z'],
      ['dimanche 28 mars 2027 1h30', '2027-03-28T00:30:00.000Z'],
      ['dimanche 28 mars 2027 3h', '2027-03-28T01:00:00.000Z'],
      ['dimanche 28 mars 2027 18h30', '2027-03-28T16:30:00.000Z'],
      ['le 28 mars 2027 de 1h à 4h', '2027-03-28T00:00:00.000Z', '2027-03-28T02:00:00.000Z'],
      ['samedi 27 mars 2027 23h pendant 4h', '2027-03-27T22:00:00.000Z', '2027-03-28T02:00:00.000Z'],
    ]);
    await expectRows('2027-03-20T09:00:00Z', 'en', [['March 29 2027 9am', '2027-03-29T07:00:00.000Z']]);
  });

  it('autumn 2027 (Sunday 31 October, 3:00 → 2:00), asked in summer', async () => {
    await expectRows('2027-10-25T09:00:00Z', 'fr', [
      ['samedi 30 octobre 2027 18h30', '2027-10-30T16:30:00.000Z'],
      ['dimanche 31 octobre 2027 1h30', '2027-10-30T23:30:00.000Z'],
      ['dimanche 31 octobre 2027 2h30', '2027-10-31T00:30:00.000Z'],
      ['dimanche 31 octobre 2027 3h', '2027-10-31T02:00:00.000Z'],
      ['dimanche 31 octobre 2027 18h30', '2027-10-31T17:30:00.000Z'],
      ['lundi 1er novembre 2027 9h', '2027-11-01T08:00:00.000Z'],
    ]);
    await expectRows('2027-10-25T09:00:00Z', 'en', [['Sunday, October 31, 2027 2:30am', '2027-10-31T00:30:00.000Z']]);
  });

  it('spring and autumn 2026 (29 March, 25 October)', async () => {
    await expectRows('2026-03-20T09:00:00Z', 'fr', [
      ['samedi 28 mars 2026 10h', '2026-03-28T09:00:00.000Z'],
      ['dimanche 29 mars 2026 10h', '2026-03-29T08:00:00.000Z'],
    ]);
    await expectRows('2026-10-20T09:00:00Z', 'fr', [
      ['samedi 24 octobre 18h30', '2026-10-24T16:30:00.000Z'],
      ['dimanche 25 octobre 2h30', '2026-10-25T00:30:00.000Z'],
      ['lundi 26 octobre 18h30', '2026-10-26T17:30:00.000Z'],
    ]);
  });

  it('says which of the two 2:30 was taken on the night clocks go back', async () => {
    const french = await read('dimanche 31 octobre 2027 2h30', { now: '2027-10-25T09:00:00Z' });
    expect(noteTexts(french)).toEqual([
      '2 h 30 existe deux fois le dimanche 31 octobre 2027 à l’heure de Paris (passage à l’heure d’hiver) : j’ai retenu la première, en UTC+2.',
    ]);
    const english = await read('Sunday, October 31, 2027 2:30am', { now: '2027-10-25T09:00:00Z', locale: 'en' });
    expect(noteTexts(english, 'en')).toEqual([
      '2:30 AM happens twice on Sunday, October 31, 2027 in Paris time (clocks go back): I took the first one, at UTC+2.',
    ]);
  });
});

describe('days relative to now are days in the channel’s zone', () => {
  it('23:30 UTC on Monday is already Tuesday in Paris: "demain" is Wednesday', async () => {
    await expectRows('2026-11-30T23:30:00Z', 'fr', [['demain 10h', '2026-12-02T09:00:00.000Z']]);
  });

  it('overseas zones: Réunion (UTC+4), Nouméa (UTC+11, already evening), Cayenne (UTC−3)', async () => {
    await expectRows(monday, 'fr', [['demain 18h', '2026-12-01T14:00:00.000Z']], 'Indian/Reunion');
    await expectRows(monday, 'fr', [['demain 9h', '2026-11-30T22:00:00.000Z']], 'Pacific/Noumea');
    await expectRows(monday, 'fr', [['demain 18h', '2026-12-01T21:00:00.000Z']], 'America/Cayenne');
  });

  it('"jeudi" on a Thursday is today while the time is ahead, else next week; "jeudi prochain" is next week', async () => {
    const thursdayMorning = '2026-12-03T08:00:00Z';
    await expectRows(thursdayMorning, 'fr', [
      ['jeudi 18h30', '2026-12-03T17:30:00.000Z'],
      ['jeudi 8h', '2026-12-10T07:00:00.000Z'],
      ['jeudi prochain 18h30', '2026-12-10T17:30:00.000Z'],
    ]);
    await expectRows(thursdayMorning, 'en', [['next Thursday 6pm', '2026-12-10T17:00:00.000Z']]);
  });
});

describe('zones and offsets written in the text', () => {
  it('a zone named in the text replaces the channel’s', async () => {
    const montreal = await read('Dec 5 6:30pm America/Montreal', { now: monday, locale: 'en' });
    expect([montreal.start.toISOString(), montreal.timeZone]).toEqual(['2026-12-05T23:30:00.000Z', 'America/Montreal']);
  });

  it('an offset is honoured and said in the channel’s time', async () => {
    const utc = await read('5 déc 18h30 UTC', { now: monday });
    expect(utc.timeZone).toBe('Europe/Paris');
    expect(noteTexts(utc)).toEqual(['Heure donnée en UTC : 19 h 30 à l’heure de Paris.']);
  });

  it('says the date it took when none was written, and what midnight means', async () => {
    expect(noteTexts(await read('9h', { now: monday }))).toEqual(['Sans date, j’ai retenu le mardi 1er décembre 2026.']);
    expect(noteTexts(await read('demain minuit', { now: monday }))).toEqual(['Minuit est compris comme le début du mardi 1er décembre 2026 (0 h).']);
  });
});
