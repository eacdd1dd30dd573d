/**
 * A series' dates become meetups of their own, announced a set number of days ahead where the
 * series is announced, once whatever the number of processes and ticks, at the same wall time on
 * both sides of Europe/Paris's DST changes.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { plainText } from '../../src/core/plain-text.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';

const admin = { user: '@admin:example.org' };
const announcementsOf = (h: Harness, title: string) =>
  h.adapter.of('post').filter((sent) => sent.card?.header?.[0] === `📅 ${title}`).map((sent) => ({ target: sent.target, text: plainText(sent.card!) }));

describe.each(engines)('series dates on %s', (engine) => {
  let h: Harness;
  afterEach(async () => h?.close());

  async function weekly(now: string, line = '/meetup create Permanence | tous les mardis 10h-12h | Mairie | publier') {
    h = await createHarness(engine, { now });
    await h.run('/relais network nord Réseau Nord', admin);
    await h.run('/relais role grant organizer @alice:example.org', admin);
    expect((await h.run(line))[0]).toContain('créée');
    await h.relais.settle();
  }

  const occurrences = async () =>
    (await h.db.meetup.findMany({ where: { seriesId: { not: null } }, orderBy: { startsAt: 'asc' } })).map((meetup) => [meetup.id, meetup.startsAt.toISOString(), meetup.status]);

  it('announces each date 7 days ahead, once, as a meetup with its own answers', async () => {
    await weekly('2026-11-30T09:00:00Z');
    const scheduler = new Scheduler(h.scheduling, { owner: 'one' });
    await scheduler.tick();
    await h.relais.settle();
    // Tuesday 1 December was announced when published; Tuesday 8 December, 10:00, is more than 7 days ahead.
    expect(await occurrences()).toEqual([[1, '2026-12-01T09:00:00.000Z', 'scheduled']]);
    h.clock.set('2026-12-01T10:00:00Z');
    await scheduler.tick();
    await scheduler.tick();
    h.clock.set('2026-12-08T09:30:00Z');
    await scheduler.tick();
    await h.relais.settle();
    expect(await occurrences()).toEqual([[1, '2026-12-01T09:00:00.000Z', 'scheduled'], [2, '2026-12-08T09:00:00.000Z', 'scheduled'], [3, '2026-12-15T09:00:00.000Z', 'scheduled']]);
    const posts = announcementsOf(h, 'Permanence');
    expect(posts.map((post) => post.text.match(/Quand : (.*)/)?.[1])).toEqual([
      'mardi 1er décembre 2026, 10 h – 12 h (heure de Paris)',
      'mardi 8 décembre 2026, 10 h – 12 h (heure de Paris)',
      'mardi 15 décembre 2026, 10 h – 12 h (heure de Paris)',
    ]);
    expect(new Set(posts.map((post) => post.target))).toEqual(new Set(['!room:example.org']));
    // Each date is a meetup: answering one leaves the others as they were.
    await h.run('/meetup rsvp 3 oui', { user: '@bob:example.org' });
    expect(await h.db.rsvp.count({ where: { meetupId: 3 } })).toBe(1);
    expect(await h.db.rsvp.count({ where: { meetupId: { in: [1, 2] } } })).toBe(0);
  });

  it('keeps 10:00 at 10:00 across the spring and autumn changes', async () => {
    await weekly('2027-03-15T12:00:00Z', '/meetup create Permanence | tous les mardis 10h | Mairie | annonce 15j | publier');
    const scheduler = new Scheduler(h.scheduling);
    await scheduler.tick();
    h.clock.set('2027-10-20T12:00:00Z');
    await scheduler.tick();
    expect((await occurrences()).map(([, start]) => start)).toEqual([
      '2027-03-16T09:00:00.000Z', '2027-03-23T09:00:00.000Z', '2027-03-30T08:00:00.000Z',
      '2027-10-26T08:00:00.000Z', '2027-11-02T09:00:00.000Z',
    ]);
  });

  it('skips a fifth Tuesday in the months without one', async () => {
    await weekly('2027-01-01T12:00:00Z', '/meetup create Club | tous les 5e mardis du mois 18h | Lille | annonce 40j | publier');
    const scheduler = new Scheduler(h.scheduling);
    for (const now of ['2027-01-01T12:00:00Z', '2027-02-01T12:00:00Z', '2027-03-01T12:00:00Z', '2027-04-01T12:00:00Z']) {
      h.clock.set(now);
      await scheduler.tick();
    }
    // 30 March 2027 is the only fifth Tuesday from January to April (first announced at once, as published).
    expect((await occurrences()).map(([, start]) => start)).toEqual(['2027-03-30T16:00:00.000Z']);
  });

  it('is announced once when two processes tick at the same moment', async () => {
    await weekly('2026-11-30T09:00:00Z');
    const first = new Scheduler(h.scheduling, { owner: 'first' });
    const second = new Scheduler(h.scheduling, { owner: 'second' });
    for (const now of ['2026-12-02T09:00:00Z', '2026-12-09T09:00:00Z', '2026-12-16T09:00:00Z']) {
      h.clock.set(now);
      await Promise.all([first.tick(), second.tick(), first.tick(), second.tick()]);
    }
    await h.relais.settle();
    expect((await occurrences()).map(([, start]) => start)).toEqual([
      '2026-12-01T09:00:00.000Z', '2026-12-08T09:00:00.000Z', '2026-12-15T09:00:00.000Z', '2026-12-22T09:00:00.000Z',
    ]);
    expect(announcementsOf(h, 'Permanence')).toHaveLength(4);
    expect(await h.db.announcement.count()).toBe(4);
  });

  it('edits and cancels this date only, or this one and the following, telling who answered', async () => {
    await weekly('2026-11-30T09:00:00Z');
    const scheduler = new Scheduler(h.scheduling);
    for (const now of ['2026-12-01T10:00:00Z', '2026-12-08T10:00:00Z']) {
      h.clock.set(now);
      await scheduler.tick();
    }
    // Dates 2 (8 December) and 3 (15 December) exist; it is 8 December, 11:00 in Paris.
    h.clock.set('2026-12-07T10:00:00Z');
    for (const id of [2, 3]) await h.run(`/meetup rsvp ${id} oui`, { user: '@bob:example.org' });
    await h.relais.settle();
    const bob = () => h.adapter.of('direct').filter((sent) => sent.target === '@bob:example.org').map((sent) => plainText(sent.card!));

    const [asked] = await h.cards('/meetup cancel 2');
    expect(plainText(asked!)).toContain('La rencontre n°2 (« Permanence », mardi 8 décembre 2026, 10 h) est une date d’une série : que faut-il annuler ?');
    expect(asked!.buttons!.map((choice) => [choice.label, choice.instead])).toEqual([
      ['Cette date seulement', { command: 'meetup cancel 2 seule' }], ['Cette date et les suivantes', { command: 'meetup cancel 2 suivantes' }],
    ]);
    expect((await h.run('/meetup edit 3 lieu Salle B'))[0]).toContain('« /meetup edit 3 suivantes lieu Salle B »');
    expect((await h.run('/meetup cancel 2 seule'))[0]).toBe('Rencontre n°2 annulée ; 1 personne qui avait répondu est prévenue.');
    expect((await occurrences()).map(([id, , status]) => [id, status])).toEqual([[1, 'scheduled'], [2, 'cancelled'], [3, 'scheduled']]);
    expect((await h.run('/meetup list'))[0]).toContain('prochaines : mardi 15 décembre 2026, 10 h (#3) ; mardi 22 décembre 2026, 10 h ; mardi 29 décembre 2026, 10 h');

    expect((await h.run('/meetup edit 3 suivantes quand mercredi 16 décembre 2026 10h'))[0]).toContain('Déplacer la rencontre n°3 et les dates suivantes change la série elle-même');
    expect((await h.run('/meetup edit 3 suivantes lieu Salle B'))[0]).toBe('Rencontre n°3 et les dates suivantes de la série modifiées (1 date déjà annoncée, et celles à venir) ; 1 personne est prévenue.');
    await h.relais.settle();
    expect(bob().filter((text) => text.includes('Salle B'))).toHaveLength(1);
    h.clock.set('2026-12-15T10:00:00Z');
    await scheduler.tick();
    const places = await h.db.meetup.findMany({ where: { seriesId: { not: null } }, orderBy: { startsAt: 'asc' }, select: { id: true, place: true } });
    expect(places).toEqual([{ id: 1, place: 'Mairie' }, { id: 2, place: 'Mairie' }, { id: 3, place: 'Salle B' }, { id: 4, place: 'Salle B' }]);

    h.clock.set('2026-12-14T10:00:00Z');
    expect((await h.run('/meetup cancel 3 suivantes'))[0]).toBe('Rencontre n°3 et les dates suivantes de la série annulées (2 dates) ; 1 personne qui avait répondu est prévenue.');
    expect((await occurrences()).map(([id, , status]) => [id, status])).toEqual([[1, 'scheduled'], [2, 'cancelled'], [3, 'cancelled'], [4, 'cancelled']]);
    h.clock.set('2026-12-21T10:00:00Z');
    await scheduler.tick();
    expect(await occurrences()).toHaveLength(4);
    expect((await h.run('/meetup list'))[0]).not.toContain('Permanence');
  });
});
