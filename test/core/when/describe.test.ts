/** What a preview shows of a reading, in the words people use for their zone. */
import { describe, expect, it } from 'vitest';
import { describeWhen } from '../../../src/domain/meetups/when/index.ts';
import { monday, read } from './reading.ts';

describe('describeWhen', () => {
  it.each([
    ['14/01/2027 de 9h à 17h', 'Europe/Paris', 'jeudi 14 janvier 2027, 9 h – 17 h (heure de Paris)', 'Thursday, January 14, 2027, 9:00 AM – 5:00 PM (Paris time)'],
    ['jeudi 1er avril 18h30', 'Europe/Paris', 'jeudi 1er avril 2027, 18 h 30 (heure de Paris)', 'Thursday, April 1, 2027, 6:30 PM (Paris time)'],
    ['demain 22h-minuit', 'Indian/Reunion', 'mardi 1er décembre 2026, 22 h – minuit (heure de la Réunion)', 'Tuesday, December 1, 2026, 10:00 PM – midnight (Réunion time)'],
    ['demain 23h pendant 2h', 'America/Cayenne', 'mardi 1er décembre 2026, 23 h – mercredi 2 décembre 2026, 1 h (heure de la Guyane)', 'Tuesday, December 1, 2026, 11:00 PM – Wednesday, December 2, 2026, 1:00 AM (French Guiana time)'],
    ['demain 9h', 'Pacific/Noumea', 'mardi 1er décembre 2026, 9 h (heure de la Nouvelle-Calédonie)', 'Tuesday, December 1, 2026, 9:00 AM (New Caledonia time)'],
    ['demain 9h', 'America/Bogota', 'mardi 1er décembre 2026, 9 h (heure de Bogota)', 'Tuesday, December 1, 2026, 9:00 AM (Bogota time)'],
    ['demain 9h', 'UTC', 'mardi 1er décembre 2026, 9 h (heure UTC)', 'Tuesday, December 1, 2026, 9:00 AM (UTC)'],
    ['tous les 2e mardis du mois 10h-12h jusqu’au 30 juin 2027', 'Europe/Paris',
      'tous les 2e mardis du mois, 10 h – 12 h (heure de Paris), à partir du mardi 8 décembre 2026, jusqu’au 30 juin 2027',
      'every second Tuesday of the month, 10:00 AM – 12:00 PM (Paris time), starting Tuesday, December 8, 2026, until June 30, 2027'],
    ['tous les mardis et jeudis 18h', 'Europe/Paris', 'tous les mardis et jeudis, 18 h (heure de Paris), à partir du mardi 1er décembre 2026', 'every Tuesday and Thursday, 6:00 PM (Paris time), starting Tuesday, December 1, 2026'],
    ['un mardi sur deux 18h', 'America/Martinique', 'un mardi sur deux, 18 h (heure de la Martinique), à partir du mardi 1er décembre 2026', 'every other Tuesday, 6:00 PM (Martinique time), starting Tuesday, December 1, 2026'],
    ['le premier jeudi de chaque mois à 18h30', 'Europe/Paris', 'tous les premiers jeudis du mois, 18 h 30 (heure de Paris), à partir du jeudi 3 décembre 2026', 'every first Thursday of the month, 6:30 PM (Paris time), starting Thursday, December 3, 2026'],
    ['tous les derniers vendredis du mois 17h', 'Europe/Paris', 'tous les derniers vendredis du mois, 17 h (heure de Paris), à partir du vendredi 25 décembre 2026', 'every last Friday of the month, 5:00 PM (Paris time), starting Friday, December 25, 2026'],
    ['tous les mois le 1er à 9h', 'Europe/Paris', 'tous les mois le 1er, 9 h (heure de Paris), à partir du mardi 1er décembre 2026', 'every month on the 1st, 9:00 AM (Paris time), starting Tuesday, December 1, 2026'],
    ['tous les jours à 9h', 'Europe/Paris', 'tous les jours, 9 h (heure de Paris), à partir du mardi 1er décembre 2026', 'every day, 9:00 AM (Paris time), starting Tuesday, December 1, 2026'],
    ['toutes les 3 semaines le vendredi 12h', 'Europe/Paris', 'toutes les 3 semaines, le vendredi, 12 h (heure de Paris), à partir du vendredi 4 décembre 2026', 'every 3 weeks on Friday, 12:00 PM (Paris time), starting Friday, December 4, 2026'],
  ])('%s in %s', async (text, timeZone, french, english) => {
    const reading = await read(text, { now: monday, timeZone });
    expect(describeWhen(reading, 'fr')).toBe(french);
    expect(describeWhen(reading, 'en')).toBe(english);
  });
});
