import { describe, expect, it } from 'vitest';
import { parseWhen } from '../../src/domain/meetups/parse-when.ts';

const paris = (now: string, text: string, locale = 'fr') => parseWhen(text, { now: new Date(now), timeZone: 'Europe/Paris', locale });

describe('natural-language dates, French and English, in the channel timezone', () => {
  it.each([
    ['jeudi 18h30', '2026-12-03T17:30:00.000Z'],
    ['5 décembre à 9h', '2026-12-05T08:00:00.000Z'],
    ['demain à 19h', '2026-12-01T18:00:00.000Z'],
    ['Dec 5 6:30pm', '2026-12-05T17:30:00.000Z'],
    ['thursday 6pm', '2026-12-03T17:00:00.000Z'],
    ['le 12/03 à 18h', '2027-03-12T17:00:00.000Z'],
  ])('%s', async (text, expected) => {
    expect((await paris('2026-11-30T09:00:00Z', text)).start.toISOString()).toBe(expected);
  });

  it('uses the offset of the meetup date, not of today, across spring-forward (2027-03-28)', async () => {
    // Asked in winter (UTC+1) for dates around the change to summer time (UTC+2).
    expect((await paris('2027-03-20T09:00:00Z', 'samedi 27 mars 2027 18h30')).start.toISOString()).toBe('2027-03-27T17:30:00.000Z');
    expect((await paris('2027-03-20T09:00:00Z', 'dimanche 28 mars 2027 18h30')).start.toISOString()).toBe('2027-03-28T16:30:00.000Z');
    expect((await paris('2027-03-20T09:00:00Z', 'March 29 2027 9am', 'en')).start.toISOString()).toBe('2027-03-29T07:00:00.000Z');
  });

  it('uses the offset of the meetup date across fall-back (2026-10-25)', async () => {
    expect((await paris('2026-10-20T09:00:00Z', 'samedi 24 octobre 18h30')).start.toISOString()).toBe('2026-10-24T16:30:00.000Z');
    expect((await paris('2026-10-20T09:00:00Z', 'lundi 26 octobre 18h30')).start.toISOString()).toBe('2026-10-26T17:30:00.000Z');
  });

  it('resolves relative days in the channel timezone, not the server one', async () => {
    // 23:30 UTC on Monday is already Tuesday in Paris: "demain" is Wednesday.
    expect((await paris('2026-11-30T23:30:00Z', 'demain 10h')).start.toISOString()).toBe('2026-12-02T09:00:00.000Z');
  });

  it('honours a zone written in the text, and an explicit UTC', async () => {
    const montreal = await paris('2026-11-30T09:00:00Z', 'Dec 5 6:30pm America/Montreal', 'en');
    expect([montreal.start.toISOString(), montreal.timeZone]).toEqual(['2026-12-05T23:30:00.000Z', 'America/Montreal']);
    expect((await paris('2026-11-30T09:00:00Z', '5 déc 18h30 UTC')).start.toISOString()).toBe('2026-12-05T18:30:00.000Z');
  });

  it.each([
    ['jeudi', 'meetups.errors.missingTime'],
    ['un de ces jours', 'meetups.errors.unreadableDate'],
    ['1er janvier 2020 10h', 'meetups.errors.pastDate'],
  ])('rejects %s with a reason', async (text, key) => {
    await expect(paris('2026-11-30T09:00:00Z', text)).rejects.toThrow(expect.objectContaining({ userMessage: key }));
  });
});
