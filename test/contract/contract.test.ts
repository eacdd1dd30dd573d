/**
 * One scenario, every adapter: the console, Slack (signed requests, fake Web API), Matrix (fake
 * homeserver) and the in-memory chat of test/memory-chat — a platform made of one folder, served
 * by an unchanged src/. Each step runs on the platforms that have what it needs (a platform without
 * buttons is not asked to click); together they cover the port: command replies, announcements,
 * answers by button and by reaction updating the copy, forms, capture, redelivery, curation of tips,
 * the outage answer.
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

  it('posts an announcement', async () => {
    await chat.say('admin', '/relais network nord Réseau Nord');
    expect(await chat.say('admin', '/meetup create Atelier cartes | 14 janvier 2027 18h | Mairie | capacité 5')).toMatch(/Rencontre n°1 créée/);
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
