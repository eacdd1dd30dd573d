import { describe, expect, it } from 'vitest';
import { reminderOffsets } from '../../src/domain/meetups/reminder-offsets.ts';
import { dueReminders } from '../../src/scheduler/reminders.ts';
import { timeLeft } from '../../src/scheduler/reminder-card.ts';

const start = new Date('2026-12-03T17:00:00Z');
const at = (iso: string) => new Date(iso);
const hours = (n: number) => n * 3_600_000;

describe('reminder due times', () => {
  it('uses the meetup’s own offsets, else the configured ones', () => {
    expect(reminderOffsets({ reminderOffsets: null }, [1440, 60])).toEqual([1440, 60]);
    expect(reminderOffsets({ reminderOffsets: '120, 15' }, [1440, 60])).toEqual([120, 15]);
    expect(reminderOffsets({ reminderOffsets: '' }, [1440, 60])).toEqual([]);
  });

  it('is due from start minus offset, and only the latest due one may still be posted', () => {
    expect(dueReminders(start, [1440, 60], at('2026-12-02T16:59:00Z'), hours(6))).toEqual([]);
    expect(dueReminders(start, [1440, 60], at('2026-12-02T17:00:00Z'), hours(6))).toEqual([
      { offsetMinutes: 1440, dueAt: at('2026-12-02T17:00:00Z'), onTime: true },
    ]);
    expect(dueReminders(start, [120, 60], at('2026-12-03T16:10:00Z'), hours(6))).toEqual([
      { offsetMinutes: 60, dueAt: at('2026-12-03T16:00:00Z'), onTime: true },
      { offsetMinutes: 120, dueAt: at('2026-12-03T15:00:00Z'), onTime: false },
    ]);
  });

  it('is too late beyond the catch-up window or once the meetup has started', () => {
    expect(dueReminders(start, [1440], at('2026-12-02T23:01:00Z'), hours(6))[0]?.onTime).toBe(false);
    expect(dueReminders(start, [60], at('2026-12-03T17:00:00Z'), hours(6))[0]?.onTime).toBe(false);
  });

  it('says the time left in the reader’s language', () => {
    expect(timeLeft(1440, 'fr')).toBe('dans 24 heures');
    expect(timeLeft(60, 'en')).toBe('in 1 hour');
    expect(timeLeft(3 * 1440, 'en')).toBe('in 3 days');
    expect(timeLeft(20, 'fr')).toBe('dans 20 minutes');
  });
});
