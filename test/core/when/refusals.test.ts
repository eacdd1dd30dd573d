/** Every refusal, with the message a person reads: what was understood, and why it cannot be used. */
import { describe, expect, it } from 'vitest';
import { readUntil } from '../../../src/domain/meetups/when/index.ts';
import { monday, read, refusal } from './reading.ts';

const exemples = 'Écrivez par exemple « jeudi 18h30 », « 5 décembre à 9h » ou « 14/01/2027 de 9h à 17h ».';

describe('refused in French, asked on Monday 30 November 2026 at 10:00 in Paris', () => {
  it.each([
    // Text that means nothing, or has a part that means nothing.
    ['un de ces jours', `Je ne comprends pas la date « un de ces jours ». ${exemples}`],
    ['n’importe quand', `Je ne comprends pas la date « n’importe quand ». ${exemples}`],
    ['le 5 à 9h', `Je ne comprends pas « 5 » dans « le 5 à 9h ». ${exemples}`],
    ['demain toute la journée 10h', `Je ne comprends pas « toute la journée » dans « demain toute la journée 10h ». ${exemples}`],
    // Days that do not exist: chrono drops them, and the English reading then saw "10h" as "in ten hours".
    ['31 février 10h', 'Le 31 février n’existe pas.'],
    ['30/02/2027 10h', 'Le 30 février n’existe pas.'],
    ['Feb 30 2027 10am', 'Le 30 février n’existe pas.'],
    ['31 avril 10h', 'Le 31 avril n’existe pas.'],
    ['jeudi 31 février 10h', 'Le 31 février n’existe pas.'],
    ['29 février 10h', 'Le 29 février 2027 n’existe pas.'],
    ['14/13/2027 10h', '« 14/13/2027 » : il n’y a pas de mois 13, l’année n’en compte que douze.'],
    // Hours and minutes out of range.
    ['demain 25h', '« 25h » n’est pas une heure : les heures vont de 0 à 23 et les minutes de 00 à 59.'],
    ['demain 18h75', '« 18h75 » n’est pas une heure : les heures vont de 0 à 23 et les minutes de 00 à 59.'],
    ['demain 24h30', '« 24h30 » n’est pas une heure : les heures vont de 0 à 23 et les minutes de 00 à 59.'],
    ['demain 25:00', '« 25:00 » n’est pas une heure : les heures vont de 0 à 23 et les minutes de 00 à 59.'],
    ['demain 13pm', '« 13pm » n’est pas une heure : les heures vont de 0 à 23 et les minutes de 00 à 59.'],
    ['demain matin 15h', '15 h n’est pas le matin : écrivez l’heure sur 24 heures, par exemple « 20h ».'],
    // A weekday that contradicts its date.
    ['mardi 28 mars 2027 10h', 'Le 28 mars 2027 est un dimanche, pas un mardi.'],
    ['jeudi 5 décembre 10h', 'Le 5 décembre 2026 est un samedi, pas un jeudi.'],
    ['demain jeudi 10h', 'Le 1er décembre 2026 est un mardi, pas un jeudi.'],
    // A wall time the change to summer time skips, as a start or as an end.
    ['dimanche 28 mars 2027 2h30', '2 h 30 n’existe pas le dimanche 28 mars 2027 à l’heure de Paris (passage à l’heure d’été) : choisissez 3 h ou plus tard.'],
    ['le 28 mars 2027 de 1h à 2h15', '2 h 15 n’existe pas le dimanche 28 mars 2027 à l’heure de Paris (passage à l’heure d’été) : choisissez 3 h ou plus tard.'],
    ['dimanche 29 mars 2026 2h', '2 h n’existe pas le dimanche 29 mars 2026 à l’heure de Paris (passage à l’heure d’été) : choisissez 3 h ou plus tard.'],
    // Ends that are not after the start.
    ['le 15 mai 2027 de 14h à 12h', 'La fin (12 h) est avant le début (14 h).'],
    ['le 15 mai 2027 de 14h à 14h', 'La fin (14 h) est à la même heure que le début.'],
    ['demain de 22h à 2h', 'La fin (2 h) est avant le début (22 h).'],
    ['jusqu’à 17h', 'J’ai compris l’heure de fin (17 h), mais pas celle du début : écrivez par exemple « de 9h à 17h ».'],
    ['demain jusqu’à 17h', 'J’ai compris l’heure de fin (17 h), mais pas celle du début : écrivez par exemple « de 9h à 17h ».'],
    // Past dates: today's too, rather than moving them a year on.
    ['1er janvier 2020 10h', 'Le mercredi 1er janvier 2020 à 10 h est déjà passé.'],
    ['lundi 30 novembre 8h', 'Le lundi 30 novembre 2026 à 8 h est déjà passé.'],
    ['jeudi dernier 10h', 'Le jeudi 26 novembre 2026 à 10 h est déjà passé.'],
    // No time of day.
    ['jeudi', 'J’ai compris le jeudi 3 décembre 2026, mais pas l’heure : ajoutez-la, par exemple « 18h30 ».'],
    ['5 décembre', 'J’ai compris le samedi 5 décembre 2026, mais pas l’heure : ajoutez-la, par exemple « 18h30 ».'],
    ['demain soir', 'J’ai compris le mardi 1er décembre 2026, mais pas l’heure : ajoutez-la, par exemple « 18h30 ».'],
    ['pendant 2h', 'J’ai compris une durée (« pendant 2h »), mais pas quand la rencontre commence : écrivez par exemple « demain 14h pendant 2h ».'],
    // Durations: only an explicit word makes one, and only in hours and minutes.
    ['demain 10h pendant 2 jours', 'Je ne sais pas lire la durée « pendant 2 jours » : donnez une heure de fin (« de 14h à 16h ») ou une durée en heures et minutes d’au plus 24 heures (« pendant 2h », « pendant 1h30 »).'],
    ['demain 10h pendant 30h', 'Je ne sais pas lire la durée « pendant 30h » : donnez une heure de fin (« de 14h à 16h ») ou une durée en heures et minutes d’au plus 24 heures (« pendant 2h », « pendant 1h30 »).'],
    ['demain 14h (2h)', 'J’ai trouvé plusieurs heures (14h, 2h) : pour un horaire, écrivez par exemple « de 9h à 17h ».'],
    ['demain 14h-16h pendant 2h', 'J’ai trouvé une heure de fin (16h) et une durée (pendant 2h) : gardez l’une des deux.'],
    ['demain 10h 11h', 'J’ai trouvé plusieurs heures (10h, 11h) : pour un horaire, écrivez par exemple « de 9h à 17h ».'],
    ['dans 2 heures à 18h', 'J’ai trouvé plusieurs heures (dans 2 heures, 18h) : pour un horaire, écrivez par exemple « de 9h à 17h ».'],
    ['du 5 au 9 janvier 10h', 'J’ai trouvé plusieurs dates (5 au 9 janvier) : gardez-en une.'],
    ['5 décembre 12/12 10h', 'J’ai trouvé plusieurs dates (12/12, 5 décembre) : gardez-en une.'],
    ['demain 10h jusqu’au 30 juin', 'J’ai compris une fin de série (30 juin 2027), mais pas de répétition : écrivez par exemple « tous les mardis à 10h jusqu’au 30 juin 2027 ».'],
  ])('%s', async (text, message) => {
    expect(await refusal(() => read(text, { now: monday }))).toBe(message);
  });
});

describe('refused in English', () => {
  it.each([
    ['someday', 'I can’t read the date “someday”. Try for example “Thursday 6:30pm”, “December 5 at 9am” or “January 14, 2027 9am to 5pm”.'],
    ['Feb 30 2027 10am', 'February 30 does not exist.'],
    ['05/12/2027 9am', '“05/12/2027” can be read as May 12, 2027 or December 5, 2027: write the month in words, e.g. “December 5, 2027”.'],
    ['tomorrow 0am', '“0am” is not a time: hours go from 0 to 23 and minutes from 00 to 59.'],
    ['Tuesday, March 28, 2027 10am', 'March 28, 2027 is a Sunday, not a Tuesday.'],
    ['Sunday, March 28, 2027 2:30am', '2:30 AM does not exist on Sunday, March 28, 2027 in Paris time (clocks go forward): choose 3:00 AM or later.'],
    ['May 15, 2027 2pm to 12pm', 'The end (12:00 PM) is before the start (2:00 PM).'],
    ['until 5pm', 'I understood the end time (5:00 PM) but not the start: write for example “9am to 5pm”.'],
    ['January 1, 2020 10am', 'Wednesday, January 1, 2020 at 10:00 AM has already passed.'],
    ['Thursday', 'I understood Thursday, December 3, 2026, but not the time: add it, e.g. “6:30pm”.'],
    ['tomorrow 10am for a while', 'I can’t read the duration “for a while”: give an end time (“2pm to 4pm”) or a duration in hours and minutes of at most 24 hours (“for 2 hours”, “for 90 minutes”).'],
    ['every second Tuesday 6pm', '“every second Tuesday” can mean “every other Tuesday” or “every second Tuesday of the month”: write one or the other.'],
  ])('%s', async (text, message) => {
    expect(await refusal(() => read(text, { now: monday, locale: 'en' }), 'en')).toBe(message);
  });
});

describe('series refused', () => {
  it.each([
    ['tous les mardis', 'J’ai compris « tous les mardis », mais pas l’heure : ajoutez-la, par exemple « tous les mardis à 18h30 ».'],
    ['tous les mardis 10h le 12 janvier', 'J’ai compris une série (tous les mardis) et une date (12 janvier) : pour la faire commencer ce jour-là, écrivez « à partir du 12 janvier ».'],
    ['tous les 15 jours 10h', 'Précisez le jour de la semaine de « tous les 15 jours », par exemple « tous les 15 jours le mardi ».'],
    ['tous les mardis 10h UTC+2', 'Pour une série, donnez le fuseau par son nom (par exemple « Europe/Paris ») plutôt qu’un décalage (UTC+2) : l’heure doit suivre les changements d’heure.'],
    ['tous les 6e mardis du mois 10h', 'Il n’y a jamais de 6e mardi dans un mois.'],
    ['tous les mois le 32 à 9h', 'Un mois n’a pas de jour 32.'],
    ['tous les mardis et tous les jeudis 10h', 'J’ai trouvé plusieurs répétitions (tous les mardis, tous les jeudis) : gardez-en une.'],
    ['tous les mardis 10h-9h', 'La fin (9 h) est avant le début (10 h).'],
    ['tous les mardis 10h à partir du 12 janvier 2027 jusqu’au 5 janvier 2027', 'La série s’arrête le 5 janvier 2027, avant sa première date (mardi 12 janvier 2027).'],
    ['tous les mardis 10h jusqu’au 30 juin 2026', 'La fin de série (30 juin 2026) est déjà passée.'],
  ])('%s', async (text, message) => {
    expect(await refusal(() => read(text, { now: monday }))).toBe(message);
  });

  it('an "until" given on its own is a day, and must be one', async () => {
    const options = { now: new Date(monday), timeZone: 'Europe/Paris', locale: 'fr' as const };
    expect(await refusal(() => readUntil('30 juin 2027 10h', options))).toBe('Une fin de série est un jour, sans heure : écrivez par exemple « jusqu’au 30 juin 2027 ».');
    expect(await refusal(() => readUntil('bientôt', options))).toBe('Je ne comprends pas la fin de série « bientôt » : écrivez par exemple « jusqu’au 30 juin 2027 ».');
    expect(await refusal(() => readUntil('31 juin 2027', options))).toBe('Le 31 juin n’existe pas.');
  });
});
