/**
 * One scenario, every adapter: the console, Slack (signed requests, fake Web API), Matrix (fake
 * homeserver) and the in-memory chat of test/memory-chat — a platform made of one folder, served
 * by an unchanged src/. Each step runs on the platforms that have what it needs (a platform without
 * buttons is not asked to click); together they cover the port: command replies, announcements,
 * answers by button and by reaction updating the copy, forms, capture, redelivery, curation of tips,
 * the outage answer; and the meetup flow: a preview published from its button (or the command it
 * says to type), a change told once to each person who answered and shown on the copy, the
 * participants list kept to its organizer.
 * On PostgreSQL behind a proxy that can cut it, so the outage is real and quick.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translate } from '../../src/i18n/translate.ts';
import { outageOf, type Outage } from '../faults/outage.ts';
import { consoleDriver } from './drivers/console.ts';
import { matrixDriver } from './drivers/matrix.ts';
import { memoryDriver } from './drivers/memory.ts';
import { slackDriver } from './drivers/slack.ts';
import type { ContractDriver, Who } from './driver.ts';

const UNAVAILABLE = translate('fr', 'errors.unavailable');
const MODERATORS_ONLY = /réservée au rôle modérateur·rice/;

const drivers: Array<[string, (outage: Outage) => Promise<ContractDriver>]> = [
  ['memory', (outage) => memoryDriver(outage.url)],
  ['console', (outage) => consoleDriver(outage.url)],
  ['slack', (outage) => slackDriver(outage.url)],
  ['matrix', (outage) => matrixDriver(outage.url, outage.database)],
];

describe.each(drivers)('the port, on %s', { timeout: 60_000 }, (_name, start) => {
  let outage: Outage;
  let chat: ContractDriver;
  let announcement: string;
  beforeAll(async () => {
    outage = await outageOf('postgres');
    chat = await start(outage);
  }, 120_000);
  afterAll(async () => {
    await outage?.end();
    await chat?.close();
    await outage?.close();
  });

  it('answers a command', async () => {
    expect(await chat.say('member', '/tip add Le calendrier partagé évite les doublons #outils')).toMatch(/Astuce n°1 enregistrée\. Étiquettes : #outils/);
    expect(await chat.say('member', '/tip help')).toMatch(/Aide de [/!]tip/);
    expect(await chat.db.tip.count()).toBe(1);
  });

  it('previews a meetup privately, then announces it once published from the preview', async () => {
    await chat.say('admin', '/relais network nord Réseau Nord');
    const preview = await chat.say('admin', '/meetup create Atelier cartes | 14 janvier 2027 de 9h à 17h | Mairie | capacité 5');
    expect(preview).toContain('jeudi 14 janvier 2027, 9 h – 17 h (heure de Paris)');
    expect(preview).toContain('Brouillon n°1');
    expect(await chat.db.announcement.count()).toBe(0);
    let published: string;
    if (chat.can.buttons) {
      published = await chat.press!('✅ Publier', 'admin');
    } else {
      // Without buttons, the preview says what to type instead.
      expect(preview).toContain('!meetup publish 1');
      published = await chat.say('admin', '/meetup publish 1');
    }
    expect(published).toContain('Rencontre n°1 publiée ; son annonce part dans ce salon.');
    announcement = await chat.announcement('Atelier cartes');
    expect(await chat.db.announcement.count({ where: { messageId: announcement } })).toBe(1);
  });

  it('counts an answer by button and shows it on the announcement', async () => {
    if (!chat.can.buttons) return expect(chat.clickGoing).toBeUndefined();
    await chat.clickGoing!(announcement, 'member');
    await chat.announcementReads(announcement, /✅ 1 participe/);
    expect(await chat.db.rsvp.count({ where: { status: 'going' } })).toBe(1);
  });

  it('counts an answer by reaction and shows it on the announcement', async () => {
    if (!chat.can.reactions) return expect(chat.react).toBeUndefined();
    await chat.react!(announcement, 'admin', '🤔');
    await chat.announcementReads(announcement, /🤔 1 peut-être/);
    expect(await chat.db.rsvp.count({ where: { status: 'maybe' } })).toBe(1);
  });

  it('applies a gesture delivered twice once', async () => {
    if (!chat.can.redelivery) return expect(chat.redeliverLast).toBeUndefined();
    const before = await chat.db.rsvp.findMany({ orderBy: { id: 'asc' } });
    await chat.redeliverLast!();
    expect(await chat.db.rsvp.findMany({ orderBy: { id: 'asc' } })).toEqual(before);
  });

  it('tells each person who answered of a new time once, old → new, and the announcement shows it changed', async () => {
    await chat.say('member', '/meetup rsvp 1 oui');
    await chat.say('admin', '/meetup rsvp 1 peut-être');
    const told = chat.can.people ? 2 : 1;
    const edited = await chat.say('admin', '/meetup edit 1 quand 15 janvier 2027 de 9h à 17h');
    expect(edited).toContain(told === 2 ? 'Rencontre n°1 modifiée ; les annonces sont mises à jour et 2 personnes sont prévenues.' : 'Rencontre n°1 modifiée ; les annonces sont mises à jour et 1 personne est prévenue.');
    await chat.settle();
    await chat.announcementReads(announcement, /✏️ Modifiée : date et heure\.[\s\S]*vendredi 15 janvier 2027, 9 h – 17 h \(heure de Paris\)/);
    for (const who of chat.can.people ? (['admin', 'member'] as const) : (['admin'] as const)) {
      const notices = (await chat.privateMessages(who)).filter((text) => text.includes('Rencontre modifiée — Atelier cartes'));
      expect(notices).toHaveLength(1);
      expect(notices[0]).toContain('jeudi 14 janvier 2027, 9 h – 17 h (heure de Paris) → vendredi 15 janvier 2027, 9 h – 17 h (heure de Paris)');
    }
  });

  it('shows who comes to the organizer, and refuses it to a member', async () => {
    if (chat.can.people) expect(await chat.say('member', '/meetup participants 1')).toContain('Seul·e l’auteur·rice ou un·e modérateur·rice peut faire cela.');
    const list = await chat.say('admin', '/meetup participants 1');
    expect(list).toContain('Participants — n°1 Atelier cartes');
    expect(list).toContain(chat.can.people ? '✅ Je viens (1) — 1 / 5' : '✅ Je viens (0) — 0 / 5');
    expect(list).toContain('🤔 Peut-être (1)');
    expect(list).not.toMatch(/U0USER|U0ADMIN|@\w+:/);
  });

  it('keeps someone\'s message as a tip, crediting who wrote it', async () => {
    if (!chat.can.capture) return expect(chat.capture).toBeUndefined();
    const message = await chat.write!('member', 'Pour les visios, la salle 2 a une bonne caméra #outils');
    expect(await chat.capture!(message, 'admin')).toMatch(/enregistré comme astuce n°2/);
    expect((await chat.db.tip.findUniqueOrThrow({ where: { id: 2 }, include: { author: true } })).text).toContain('salle 2');
  });

  it('takes a meetup from its form', async () => {
    if (!chat.can.forms) return expect(chat.submitMeetupForm).toBeUndefined();
    expect(await chat.submitMeetupForm!('admin', 'Club lecture')).toMatch(/Rencontre n°2 créée/);
    await chat.announcement('Club lecture');
  });

  it('curates the knowledge base: anyone flags, moderators alone verify, see the queue and merge', async () => {
    const copy = Number(/n°(\d+)/.exec(await chat.say('member', '/tip add Un calendrier commun évite les doublons #agenda'))?.[1]);
    const flagger: Who = chat.can.people ? 'member' : 'admin';
    expect(await chat.say(flagger, `/tip flag ${copy} Le calendrier a changé d’adresse`)).toMatch(new RegExp(`l’astuce n°${copy} est signalée aux modérateur·rices`));
    if (chat.can.people) {
      for (const line of [`/tip verify ${copy}`, '/tip queue', `/tip merge ${copy} 1`]) expect(await chat.say('member', line), line).toMatch(MODERATORS_ONLY);
    }
    expect(await chat.say('admin', '/tip queue')).toMatch(new RegExp(`1 astuce à examiner[\\s\\S]*#${copy} Un calendrier commun`));
    expect(await chat.say('admin', `/tip verify ${copy}`)).toMatch(new RegExp(`Astuce n°${copy} vérifiée ; elle sera à revoir le`));
    expect(await chat.say('admin', '/tip queue')).toMatch(/Rien à modérer/);
    expect(await chat.say('admin', `/tip merge ${copy} 1`)).toMatch(new RegExp(`Astuce n°${copy} fusionnée dans la n°1`));
    expect(await chat.db.tip.findUniqueOrThrow({ where: { id: copy } })).toMatchObject({ status: 'merged', mergedIntoId: 1 });
  });

  it('repeats a meetup as a series, and cancels one date only after asking which dates', async () => {
    const created = await chat.say('admin', '/meetup create Permanence numérique | tous les mardis 14h-16h | Mairie | publier');
    const id = Number(/Rencontre n°(\d+) créée/.exec(created)?.[1]);
    expect(created).toMatch(/Prochaines dates : mardi .+, 14 h ; mardi .+, 14 h ;/);
    const date = await chat.announcement('Permanence numérique');
    const asked = await chat.say('admin', `/meetup cancel ${id}`);
    expect(asked).toContain(`La rencontre n°${id} (« Permanence numérique », mardi`);
    expect(asked).toContain('est une date d’une série : que faut-il annuler ?');
    let cancelled: string;
    if (chat.can.buttons) {
      cancelled = await chat.press!('Cette date seulement', 'admin');
    } else {
      expect(asked).toContain(`meetup cancel ${id} seule`);
      cancelled = await chat.say('admin', `/meetup cancel ${id} seule`);
    }
    expect(cancelled).toContain(`Rencontre n°${id} annulée`);
    await chat.announcementReads(date, /ANNULÉE/);
    expect((await chat.db.meetupSeries.findFirstOrThrow()).status).toBe('scheduled');
  });

  it('says Relais is unavailable while the database is away, and works again after', async () => {
    await chat.settle();
    await outage.begin();
    const { during, after } = await chat.sayDuringOutage('member', '/tip add Pendant la panne : une astuce');
    await outage.end();
    expect(during).toMatch(new RegExp(`${UNAVAILABLE}|momentanément indisponible`));
    if (after) expect(await after()).toMatch(/Astuce n°\d+ enregistrée/);
    expect(await chat.say('member', '/tip add Après la panne : Relais répond')).toMatch(/Astuce n°\d+ enregistrée/);
  });
});
