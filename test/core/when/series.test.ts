/**
 * Series: how they are read (RRULE, first date, wall time, duration, end) and how they expand.
 * Occurrences keep the organizer's wall time in Paris: 10:00 is 09:00 UTC in winter and 08:00 UTC
 * in summer (summer time: 29 March–25 October 2026, 28 March–31 October 2027, changes at 01:00 UTC).
 */
import { describe, expect, it } from 'vitest';
import { occurrencesBetween, readUntil, type Recurrence, type WhenRead } from '../../../src/domain/meetups/when/index.ts';
import { translate } from '../../../src/i18n/translate.ts';
import { monday, noteTexts, read } from './reading.ts';

const starts = (series: WhenRead, from: string, to: string) =>
  occurrencesBetween(series.recurrence as Recurrence, series.timeZone, new Date(from), new Date(to)).map((occurrence) => occurrence.start.toISOString());

describe('series typed in French and English', () => {
  it.each([
    ['tous les mardis à 10h', 'fr', 'FREQ=WEEKLY;BYDAY=TU', '2026-12-01', '10:00', null, '2026-12-01T09:00:00.000Z'],
    ['chaque jeudi 18h30', 'fr', 'FREQ=WEEKLY;BYDAY=TH', '2026-12-03', '18:30', null, '2026-12-03T17:30:00.000Z'],
    ['tous les mardis et jeudis de 18h à 20h', 'fr', 'FREQ=WEEKLY;BYDAY=TU,TH', '2026-12-01', '18:00', 120, '2026-12-01T17:00:00.000Z'],
    ['tous les 15 jours le mardi 10h', 'fr', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '2026-12-01', '10:00', null, '2026-12-01T09:00:00.000Z'],
    ['un mardi sur deux 18h', 'fr', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '2026-12-01', '18:00', null, '2026-12-01T17:00:00.000Z'],
    ['toutes les 3 semaines le vendredi 12h', 'fr', 'FREQ=WEEKLY;INTERVAL=3;BYDAY=FR', '2026-12-04', '12:00', null, '2026-12-04T11:00:00.000Z'],
    ['tous les 2e mardis du mois 10h-12h', 'fr', 'FREQ=MONTHLY;BYDAY=2TU', '2026-12-08', '10:00', 120, '2026-12-08T09:00:00.000Z'],
    ['le premier jeudi de chaque mois à 18h30', 'fr', 'FREQ=MONTHLY;BYDAY=1TH', '2026-12-03', '18:30', null, '2026-12-03T17:30:00.000Z'],
    ['tous les derniers vendredis du mois 17h', 'fr', 'FREQ=MONTHLY;BYDAY=-1FR', '2026-12-25', '17:00', null, '2026-12-25T16:00:00.000Z'],
    ['tous les mois le 5 à 9h', 'fr', 'FREQ=MONTHLY;BYMONTHDAY=5', '2026-12-05', '09:00', null, '2026-12-05T08:00:00.000Z'],
    ['le 1er de chaque mois 9h pendant 1h30', 'fr', 'FREQ=MONTHLY;BYMONTHDAY=1', '2026-12-01', '09:00', 90, '2026-12-01T08:00:00.000Z'],
    ['tous les jours à 9h', 'fr', 'FREQ=DAILY', '2026-12-01', '09:00', null, '2026-12-01T08:00:00.000Z'],
    ['every Tuesday at 10am', 'en', 'FREQ=WEEKLY;BYDAY=TU', '2026-12-01', '10:00', null, '2026-12-01T09:00:00.000Z'],
    ['every other Tuesday 6pm', 'en', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '2026-12-01', '18:00', null, '2026-12-01T17:00:00.000Z'],
    ['every first Thursday of the month at 18:30', 'en', 'FREQ=MONTHLY;BYDAY=1TH', '2026-12-03', '18:30', null, '2026-12-03T17:30:00.000Z'],
    ['every last Friday of the month 5pm', 'en', 'FREQ=MONTHLY;BYDAY=-1FR', '2026-12-25', '17:00', null, '2026-12-25T16:00:00.000Z'],
    ['every month on the 5th at 9am for 2 hours', 'en', 'FREQ=MONTHLY;BYMONTHDAY=5', '2026-12-05', '09:00', 120, '2026-12-05T08:00:00.000Z'],
  ] as const)('%s', async (text, locale, rrule, firstDate, wallTime, durationMinutes, start) => {
    const series = await read(text, { now: monday, locale });
    expect(series.recurrence).toEqual({ rrule, firstDate, until: null, wallTime, durationMinutes });
    expect(series.start.toISOString()).toBe(start);
    expect(series.end?.toISOString() ?? null).toBe(durationMinutes === null ? null : new Date(Date.parse(start) + durationMinutes * 60_000).toISOString());
  });

  it('starts at the first occurrence after now: typed on a Tuesday after 10:00, next Tuesday', async () => {
    const series = await read('tous les mardis à 10h', { now: '2026-12-01T09:30:00Z' });
    expect(series.start.toISOString()).toBe('2026-12-08T09:00:00.000Z');
  });

  it('"un mardi sur deux" typed on a Wednesday starts six days later, not thirteen', async () => {
    const series = await read('un mardi sur deux 18h', { now: '2026-12-02T09:00:00Z' });
    expect(starts(series, '2026-12-01T00:00:00Z', '2027-01-10T00:00:00Z')).toEqual([
      '2026-12-08T17:00:00.000Z', '2026-12-22T17:00:00.000Z', '2027-01-05T17:00:00.000Z',
    ]);
  });

  it('an end and a start date, in the text or on their own', async () => {
    const series = await read('tous les 2e mardis du mois 10h-12h jusqu’au 30 juin 2027', { now: monday });
    expect(series.recurrence).toEqual({
      rrule: 'FREQ=MONTHLY;BYDAY=2TU', firstDate: '2026-12-08', until: new Date('2027-06-30T21:59:59.000Z'), wallTime: '10:00', durationMinutes: 120,
    });
    expect(starts(series, '2026-11-30T00:00:00Z', '2028-01-01T00:00:00Z')).toEqual([
      '2026-12-08T09:00:00.000Z', '2027-01-12T09:00:00.000Z', '2027-02-09T09:00:00.000Z', '2027-03-09T09:00:00.000Z',
      '2027-04-13T08:00:00.000Z', '2027-05-11T08:00:00.000Z', '2027-06-08T08:00:00.000Z',
    ]);
    const english = await read('every Tuesday 10am until June 30', { now: monday, locale: 'en' });
    expect(english.recurrence?.until?.toISOString()).toBe('2027-06-30T21:59:59.000Z');
    const starting = await read('tous les mardis 10h à partir du 12 janvier 2027', { now: monday });
    expect([starting.recurrence?.firstDate, starting.start.toISOString()]).toEqual(['2027-01-12', '2027-01-12T09:00:00.000Z']);
    const options = { now: new Date(monday), timeZone: 'Europe/Paris', locale: 'fr' as const };
    expect((await readUntil('jusqu’au 30 juin 2027', options)).toISOString()).toBe('2027-06-30T21:59:59.000Z');
    expect((await readUntil('30/06/2027', options)).toISOString()).toBe('2027-06-30T21:59:59.000Z');
    expect((await readUntil('until June 30', { ...options, locale: 'en' })).toISOString()).toBe('2027-06-30T21:59:59.000Z');
    expect((await readUntil('31 décembre', { ...options, timeZone: 'Indian/Reunion' })).toISOString()).toBe('2026-12-31T19:59:59.000Z');
  });
});

describe('expanded across the DST changes, on the wall time', () => {
  it('every Tuesday 10:00 in Paris: 09:00 UTC in winter, 08:00 UTC from 30 March 2027', async () => {
    const series = await read('tous les mardis à 10h', { now: '2027-03-01T09:00:00Z' });
    expect(starts(series, '2027-03-01T00:00:00Z', '2027-04-10T00:00:00Z')).toEqual([
      '2027-03-02T09:00:00.000Z', '2027-03-09T09:00:00.000Z', '2027-03-16T09:00:00.000Z', '2027-03-23T09:00:00.000Z',
      '2027-03-30T08:00:00.000Z', '2027-04-06T08:00:00.000Z',
    ]);
  });

  it('and back to 09:00 UTC after 31 October 2027', async () => {
    const series = await read('every Tuesday at 10am', { now: '2027-10-18T09:00:00Z', locale: 'en' });
    expect(starts(series, '2027-10-18T00:00:00Z', '2027-11-10T00:00:00Z')).toEqual([
      '2027-10-19T08:00:00.000Z', '2027-10-26T08:00:00.000Z', '2027-11-02T09:00:00.000Z', '2027-11-09T09:00:00.000Z',
    ]);
  });

  it('across the 2026 changes too (29 March, 25 October)', async () => {
    const series = await read('tous les lundis 9h', { now: '2026-03-16T07:00:00Z' });
    expect(starts(series, '2026-03-16T00:00:00Z', '2026-04-01T00:00:00Z')).toEqual([
      '2026-03-16T08:00:00.000Z', '2026-03-23T08:00:00.000Z', '2026-03-30T07:00:00.000Z',
    ]);
    expect(starts(series, '2026-10-19T00:00:00Z', '2026-11-03T00:00:00Z')).toEqual([
      '2026-10-19T07:00:00.000Z', '2026-10-26T08:00:00.000Z', '2026-11-02T08:00:00.000Z',
    ]);
  });

  it('a wall time the spring change skips moves an hour on that day; a repeated one is the first; both are said', async () => {
    const series = await read('tous les dimanches 2h30', { now: '2027-03-15T09:00:00Z' });
    const occurrences = occurrencesBetween(series.recurrence as Recurrence, 'Europe/Paris', new Date('2027-03-20T00:00:00Z'), new Date('2027-04-05T00:00:00Z'));
    expect(occurrences.map((occurrence) => occurrence.start.toISOString())).toEqual([
      '2027-03-21T01:30:00.000Z', '2027-03-28T01:30:00.000Z', '2027-04-04T00:30:00.000Z',
    ]);
    expect(occurrences.map((occurrence) => occurrence.notes.map((note) => translate('fr', note.key, note.params)))).toEqual([
      [], ['Le dimanche 28 mars 2027, 2 h 30 n’existe pas à l’heure de Paris (passage à l’heure d’été) : ce jour-là, la rencontre est à 3 h 30.'], [],
    ]);
    expect(starts(series, '2027-10-20T00:00:00Z', '2027-11-08T00:00:00Z')).toEqual([
      '2027-10-24T00:30:00.000Z', '2027-10-31T00:30:00.000Z', '2027-11-07T01:30:00.000Z',
    ]);
    expect(noteTexts(series)).toEqual([
      'Le dimanche 28 mars 2027, 2 h 30 n’existe pas à l’heure de Paris (passage à l’heure d’été) : ce jour-là, la rencontre est à 3 h 30.',
      'Le dimanche 31 octobre 2027, 2 h 30 existe deux fois à l’heure de Paris (passage à l’heure d’hiver) : la rencontre est à la première, en UTC+2.',
    ]);
  });

  it('keeps the duration of each occurrence', async () => {
    const series = await read('tous les 2e mardis du mois 10h-12h', { now: '2027-02-01T09:00:00Z' });
    const occurrences = occurrencesBetween(series.recurrence as Recurrence, 'Europe/Paris', new Date('2027-03-01T00:00:00Z'), new Date('2027-05-01T00:00:00Z'));
    expect(occurrences.map((occurrence) => [occurrence.start.toISOString(), occurrence.end?.toISOString()])).toEqual([
      ['2027-03-09T09:00:00.000Z', '2027-03-09T11:00:00.000Z'],
      ['2027-04-13T08:00:00.000Z', '2027-04-13T10:00:00.000Z'],
    ]);
  });
});

describe('months without the day asked for are skipped, and said', () => {
  it('the 31st: only the seven months that have one', async () => {
    const series = await read('tous les mois le 31 à 9h', { now: '2026-12-31T12:00:00Z' });
    expect(series.start.toISOString()).toBe('2027-01-31T08:00:00.000Z');
    expect(starts(series, '2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z')).toEqual([
      '2027-01-31T08:00:00.000Z', '2027-03-31T07:00:00.000Z', '2027-05-31T07:00:00.000Z', '2027-07-31T07:00:00.000Z',
      '2027-08-31T07:00:00.000Z', '2027-10-31T08:00:00.000Z', '2027-12-31T08:00:00.000Z',
    ]);
    expect(noteTexts(series)).toEqual(['Les mois qui n’ont pas de 31 sont sautés.']);
  });

  it('the 5th Tuesday: March, June, August and November 2027', async () => {
    const series = await read('tous les 5e mardis du mois 10h', { now: '2027-01-01T09:00:00Z' });
    expect(series.recurrence?.rrule).toBe('FREQ=MONTHLY;BYDAY=5TU');
    expect(starts(series, '2027-01-01T00:00:00Z', '2028-01-01T00:00:00Z')).toEqual([
      '2027-03-30T08:00:00.000Z', '2027-06-29T08:00:00.000Z', '2027-08-31T08:00:00.000Z', '2027-11-30T09:00:00.000Z',
    ]);
    expect(noteTexts(series)).toEqual(['Les mois sans 5e mardi sont sautés.']);
    expect(noteTexts(await read('every fifth Tuesday of the month 10am', { now: '2027-01-01T09:00:00Z', locale: 'en' }), 'en')).toEqual([
      'Months without a fifth Tuesday are skipped.',
    ]);
  });

  it('the last Friday of each month, whatever its length', async () => {
    const series = await read('every last Friday of the month 5pm', { now: monday, locale: 'en' });
    expect(starts(series, '2026-12-01T00:00:00Z', '2027-05-01T00:00:00Z')).toEqual([
      '2026-12-25T16:00:00.000Z', '2027-01-29T16:00:00.000Z', '2027-02-26T16:00:00.000Z', '2027-03-26T16:00:00.000Z', '2027-04-30T15:00:00.000Z',
    ]);
  });
});

describe('occurrencesBetween on a stored series', () => {
  const stored: Recurrence = { rrule: 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TH', firstDate: '2027-03-18', until: new Date('2027-04-30T21:59:59Z'), wallTime: '18:30', durationMinutes: 60 };

  it('expands from its first date, every other week, until its end, in [from, to)', () => {
    const occurrences = occurrencesBetween(stored, 'Europe/Paris', new Date('2027-01-01T00:00:00Z'), new Date('2028-01-01T00:00:00Z'));
    expect(occurrences.map((occurrence) => [occurrence.start.toISOString(), occurrence.end?.toISOString()])).toEqual([
      ['2027-03-18T17:30:00.000Z', '2027-03-18T18:30:00.000Z'],
      ['2027-04-01T16:30:00.000Z', '2027-04-01T17:30:00.000Z'],
      ['2027-04-15T16:30:00.000Z', '2027-04-15T17:30:00.000Z'],
      ['2027-04-29T16:30:00.000Z', '2027-04-29T17:30:00.000Z'],
    ]);
    expect(occurrencesBetween(stored, 'Europe/Paris', new Date('2027-04-01T16:30:00Z'), new Date('2027-04-15T16:30:00Z')).map((o) => o.start.toISOString())).toEqual([
      '2027-04-01T16:30:00.000Z',
    ]);
  });

  it('in another zone, on that zone’s wall time', () => {
    const reunion = occurrencesBetween(stored, 'Indian/Reunion', new Date('2027-03-01T00:00:00Z'), new Date('2027-04-02T00:00:00Z'));
    expect(reunion.map((occurrence) => occurrence.start.toISOString())).toEqual(['2027-03-18T14:30:00.000Z', '2027-04-01T14:30:00.000Z']);
  });
});
