import { describe, expect, it } from 'vitest';
import { RelaisError } from '../../src/core/errors.ts';
import { describeOffsets, parseReminderOffsets, reminderOffsets, writtenOffsets } from '../../src/domain/meetups/reminder-offsets.ts';
import { translate } from '../../src/i18n/translate.ts';

describe('reminders before a meetup, as organizers type them', () => {
  it.each([
    ['2j,1h', '2880,60'],
    ['2 jours, 1 heure', '2880,60'],
    ['1h, 2j', '2880,60'],
    ['2d,1h', '2880,60'],
    ['30min', '30'],
    ['1 j et 30 min', '1440,30'],
    ['1h,60min', '60'],
    ['aucun', ''],
    ['none', ''],
    ['défaut', null],
  ])('%s', (text, stored) => {
    expect(parseReminderOffsets(text)).toBe(stored);
  });

  it.each(['demain', '2 semaines', '0h', '31j', '2j,', 'h'])('refuses %s, saying how to write them', (text) => {
    try {
      parseReminderOffsets(text);
      throw new Error('expected a refusal');
    } catch (error) {
      expect(error).toBeInstanceOf(RelaisError);
      expect(translate('fr', (error as RelaisError).userMessage, (error as RelaisError).params)).toContain('par exemple « 2j,1h »');
    }
  });

  it('reads them back, in words and as they can be typed again', () => {
    const offsets = reminderOffsets({ reminderOffsets: '2880,60,30' }, [1440]);
    expect(describeOffsets(offsets, 'fr')).toBe('2 jours, 1 heure et 30 minutes');
    expect(describeOffsets(offsets, 'en')).toBe('2 days, 1 hour, and 30 minutes');
    expect(parseReminderOffsets(writtenOffsets(offsets, 'fr'))).toBe('2880,60,30');
    expect(parseReminderOffsets(writtenOffsets(offsets, 'en'))).toBe('2880,60,30');
  });
});
