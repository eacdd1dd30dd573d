import { DateTime } from 'luxon';
import { z } from 'zod';

const weekdays: Record<string, number> = {
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
  lundi: 1, mardi: 2, mercredi: 3, jeudi: 4, vendredi: 5, samedi: 6, dimanche: 7,
};

/**
 * Each digest setting a channel has: the word people type (English or French) and how its value
 * is checked and stored. Adding a setting is one entry here.
 */
export const digestSettings = {
  frequency: {
    aliases: ['frequence', 'fréquence'],
    schema: z.string().transform((value) => ({ hebdo: 'weekly', hebdomadaire: 'weekly', quotidien: 'daily', jamais: 'off' })[value.toLowerCase()] ?? value.toLowerCase())
      .pipe(z.enum(['weekly', 'daily', 'off'], 'validation.frequency'))
      .transform((digestFrequency) => ({ digestFrequency })),
  },
  day: {
    aliases: ['jour'],
    schema: z.string().transform((value) => weekdays[value.toLowerCase()] ?? 0).pipe(z.number().min(1, 'validation.weekday'))
      .transform((digestWeekday) => ({ digestWeekday })),
  },
  time: {
    aliases: ['heure'],
    schema: z.string().regex(/^([01]?\d|2[0-3])[:h]([0-5]\d)$/, 'validation.time')
      .transform((value) => ({ digestTime: value.replace('h', ':').padStart(5, '0') })),
  },
  timezone: {
    aliases: ['fuseau'],
    schema: z.string().refine((zone) => DateTime.local().setZone(zone).isValid && zone.includes('/'), 'validation.timezone')
      .transform((timezone) => ({ timezone })),
  },
  locale: {
    aliases: ['langue', 'language'],
    schema: z.string().transform((value) => value.toLowerCase()).pipe(z.enum(['fr', 'en'], 'validation.locale')).transform((locale) => ({ locale })),
  },
  empty: {
    aliases: ['vide'],
    schema: z.string().transform((value) => value.toLowerCase()).pipe(z.enum(['skip', 'post', 'ignorer', 'poster'], 'validation.empty'))
      .transform((value) => ({ digestSkipEmpty: value === 'skip' || value === 'ignorer' })),
  },
  hub: {
    aliases: [],
    schema: z.string().transform((value) => value.toLowerCase()).pipe(z.enum(['on', 'off', 'oui', 'non'], 'validation.onOff'))
      .transform((value) => ({ isHub: value === 'on' || value === 'oui' })),
  },
  /** The digest gets a section with its network's moderation queue: the channel its moderators read (best a private one). */
  moderation: {
    aliases: ['modération'],
    schema: z.string().transform((value) => value.toLowerCase()).pipe(z.enum(['on', 'off', 'oui', 'non'], 'validation.onOff'))
      .transform((value) => ({ digestModeration: value === 'on' || value === 'oui' })),
  },
} as const;

export type DigestSettingName = keyof typeof digestSettings;

export function settingNamed(word: string): DigestSettingName | undefined {
  const lower = word.toLowerCase();
  return (Object.keys(digestSettings) as DigestSettingName[]).find(
    (name) => name === lower || (digestSettings[name].aliases as readonly string[]).includes(lower),
  );
}

export const weekdayName = (weekday: number, locale: string) =>
  DateTime.fromObject({ weekday: weekday as 1 }).setLocale(locale).toFormat('cccc');
