import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { currentWindow, latestOccurrence, manualPeriod, type DigestSchedule } from '../../src/scheduler/occurrences.ts';

const paris = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/Paris' }).toJSDate();
const local = (date: Date) => DateTime.fromJSDate(date, { zone: 'Europe/Paris' }).toFormat("yyyy-MM-dd'T'HH:mmZZ");
const schedule = (overrides: Partial<DigestSchedule>): DigestSchedule => ({
  digestFrequency: 'weekly', digestWeekday: 1, digestTime: '09:00', timezone: 'Europe/Paris', ...overrides,
});

/** Every distinct occurrence seen by a clock ticking each `stepMinutes` from `from` to `to`. */
function seen(settings: DigestSchedule, from: string, to: string, stepMinutes = 15): string[] {
  const periods = new Map<string, string>();
  for (let t = paris(from).getTime(); t <= paris(to).getTime(); t += stepMinutes * 60_000) {
    const occurrence = latestOccurrence(settings, new Date(t));
    if (occurrence && occurrence.at.getTime() > paris(from).getTime()) periods.set(occurrence.period, local(occurrence.at));
  }
  return [...periods].map(([period, at]) => `${period} ${at}`);
}

describe('digest occurrences in Europe/Paris', () => {
  it('keeps a Monday 09:00 weekly digest at 09:00 local across the 2027 spring-forward week', () => {
    expect(seen(schedule({}), '2027-03-21T12:00', '2027-04-06T00:00')).toEqual([
      '2027-W12 2027-03-22T09:00+01:00',
      '2027-W13 2027-03-29T09:00+02:00',
      '2027-W14 2027-04-05T09:00+02:00',
    ]);
  });

  it('keeps a Monday 09:00 weekly digest at 09:00 local across the 2026 and 2027 fall-back weeks', () => {
    expect(seen(schedule({}), '2026-10-18T12:00', '2026-10-27T00:00')).toEqual([
      '2026-W43 2026-10-19T09:00+02:00',
      '2026-W44 2026-10-26T09:00+01:00',
    ]);
    expect(seen(schedule({}), '2027-10-24T12:00', '2027-11-02T00:00')).toEqual([
      '2027-W43 2027-10-25T09:00+02:00',
      '2027-W44 2027-11-01T09:00+01:00',
    ]);
  });

  it('has exactly one daily 09:00 per day around a DST change', () => {
    expect(seen(schedule({ digestFrequency: 'daily' }), '2027-03-27T12:00', '2027-03-30T00:00')).toEqual([
      '2027-03-28 2027-03-28T09:00+02:00',
      '2027-03-29 2027-03-29T09:00+02:00',
    ]);
  });

  it('runs a 02:30 daily digest at 03:30 on the spring-forward day, when 02:30 does not exist, and once', () => {
    expect(seen(schedule({ digestFrequency: 'daily', digestTime: '02:30' }), '2027-03-26T12:00', '2027-03-30T00:00', 5)).toEqual([
      '2027-03-27 2027-03-27T02:30+01:00',
      '2027-03-28 2027-03-28T03:30+02:00',
      '2027-03-29 2027-03-29T02:30+02:00',
    ]);
  });

  it('runs a 02:30 daily digest once on the fall-back day, at the second 02:30 (winter time)', () => {
    expect(seen(schedule({ digestFrequency: 'daily', digestTime: '02:30' }), '2026-10-24T12:00', '2026-10-27T00:00', 5)).toEqual([
      '2026-10-25 2026-10-25T02:30+01:00',
      '2026-10-26 2026-10-26T02:30+01:00',
    ]);
  });

  it('covers the week before, measured in local days (167 hours in the spring-forward week)', () => {
    const occurrence = latestOccurrence(schedule({}), paris('2027-03-29T10:00'))!;
    expect(local(occurrence.since)).toBe('2027-03-22T09:00+01:00');
    expect((occurrence.at.getTime() - occurrence.since.getTime()) / 3_600_000).toBe(167);
    expect(local(occurrence.next)).toBe('2027-04-05T09:00+02:00');
  });

  it('has no occurrence when the digest is off; previews then cover the last week', () => {
    const off = schedule({ digestFrequency: 'off' });
    expect(latestOccurrence(off, paris('2027-03-29T10:00'))).toBeUndefined();
    expect(local(currentWindow(off, paris('2027-03-29T10:00')).since)).toBe('2027-03-22T10:00+01:00');
  });

  it('names manual digests by the local minute', () => {
    expect(manualPeriod('Europe/Paris', paris('2027-03-29T10:07:42'))).toBe('manual:2027-03-29T10:07');
  });
});
