import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../src/core/plain-text.ts';
import { answerMeetup } from '../../src/domain/meetups/answer.ts';
import { ensureMember } from '../../src/domain/directory.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';

const admin = { user: '@admin:example.org' };
const lastCardText = (h: Harness, kind: 'post' | 'update' | 'direct', target?: string) => {
  const entries = h.adapter.of(kind).filter((entry) => !target || entry.target === target);
  const last = entries.at(-1);
  return last?.card ? plainText(last.card) : '';
};

describe.each(engines)('meetups on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine, { now: '2026-11-30T09:00:00Z' });
  });
  afterAll(() => h.close());

  it('refuses creation to people without the organizer role', async () => {
    const [reply] = await h.run('/meetup create Apéro | jeudi 18h30 | Mairie');
    expect(reply).toContain('réservée au rôle organisateur·rice');
    expect(h.adapter.of('post')).toHaveLength(0);
  });

  it('creates, announces with buttons and reactions, in the channel timezone', async () => {
    expect((await h.run('/relais network sud Réseau Sud', admin))[0]).toContain('réseau Réseau Sud (sud)');
    expect((await h.run('/relais role grant organizer @alice:example.org', admin))[0]).toContain('alice est maintenant organisateur·rice');
    const [created] = await h.run('/meetup create Apéro numérique | jeudi 18h30 | Mairie, salle 3 https://visio.example.org/apero | capacité 2');
    expect(created).toContain('Rencontre n°1 créée et annoncée');
    const meetup = await h.services.db.meetup.findUniqueOrThrow({ where: { id: 1 } });
    expect(meetup.startsAt.toISOString()).toBe('2026-12-03T17:30:00.000Z');
    expect(meetup.timezone).toBe('Europe/Paris');
    expect(meetup.place).toBe('Mairie, salle 3');
    expect(meetup.onlineUrl).toBe('https://visio.example.org/apero');
    const announcement = lastCardText(h, 'post');
    expect(announcement).toContain('📅 Apéro numérique');
    expect(announcement).toContain('jeudi 3 décembre 2026 à 18:30 (Europe/Paris)');
    expect(announcement).toContain('Places : 0 / 2');
    expect(announcement).toContain('Je viens');
    expect(h.adapter.of('reactions')[0]?.emojis).toEqual(['✅', '🤔', '❌']);
  });

  it('fills seats, then a waitlist, and promotes and tells the first waiting when someone leaves', async () => {
    expect((await h.run('/meetup rsvp 1 oui', { user: '@bob:example.org' }))[0]).toContain('vous participez');
    await h.run('/meetup rsvp 1 yes', { user: '@carol:example.org' });
    expect((await h.run('/meetup rsvp 1 oui', { user: '@dan:example.org' }))[0]).toContain('liste d’attente');
    await h.services.announcer.flush();
    expect(lastCardText(h, 'update')).toContain('2 participent · 🤔 0 peut-être · ❌ 0 absent·e · ⏳ 1 en liste d’attente');

    expect((await h.run('/meetup rsvp 1 non', { user: '@bob:example.org' }))[0]).toContain('vous ne venez pas');
    expect(lastCardText(h, 'direct', '@dan:example.org')).toContain('Une place s’est libérée');
    const dan = await h.services.db.rsvp.findFirstOrThrow({ where: { meetupId: 1, member: { externalId: '@dan:example.org' } } });
    expect(dan.waitlisted).toBe(false);
    await h.services.announcer.flush();
    expect(lastCardText(h, 'update')).toContain('✅ 2 participent · 🤔 0 peut-être · ❌ 1 absent·e');
  });

  it('takes answers by reaction on the announcement, and withdraws them when the reaction goes', async () => {
    const messageId = h.adapter.of('post')[0]!.messageId!;
    const erin = h.conversation({ user: '@erin:example.org' });
    await h.relais.reaction(erin, { messageId, emoji: '🤔', added: true, loadMessage: async () => undefined });
    expect((await h.services.db.rsvp.findFirstOrThrow({ where: { member: { externalId: '@erin:example.org' } } })).status).toBe('maybe');
    // Removing a reaction that is not the current answer changes nothing.
    await h.relais.reaction(erin, { messageId, emoji: '✅', added: false, loadMessage: async () => undefined });
    expect(await h.services.db.rsvp.count({ where: { member: { externalId: '@erin:example.org' } } })).toBe(1);
    await h.relais.reaction(erin, { messageId, emoji: '🤔', added: false, loadMessage: async () => undefined });
    expect(await h.services.db.rsvp.count({ where: { member: { externalId: '@erin:example.org' } } })).toBe(0);
  });

  it('lets only the organizer or a moderator cancel, tells who was going, and updates the announcement', async () => {
    expect((await h.run('/meetup cancel 1', { user: '@mallory:example.org' }))[0]).toContain('Seul·e l’auteur·rice ou un·e modérateur·rice');
    const [cancelled] = await h.run('/meetup cancel 1');
    expect(cancelled).toContain('Rencontre n°1 annulée ; 2 personnes inscrites ont été prévenues');
    expect(lastCardText(h, 'direct', '@carol:example.org')).toContain('« Apéro numérique » est annulée');
    await h.services.announcer.flush();
    expect(lastCardText(h, 'update')).toContain('❌ ANNULÉE — Apéro numérique');
    expect((await h.run('/meetup rsvp 1 oui', { user: '@frank:example.org' }))[0]).toContain('La rencontre n°1 est annulée');
  });

  it('never seats more people than the capacity, even with simultaneous answers', async () => {
    await h.run('/meetup create Atelier | 10 décembre 14h | Médiathèque | 3');
    const members = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        ensureMember(h.services.db, { platform: 'matrix', workspace: 'example.org', externalId: `@p${i}:example.org`, displayName: `p${i}` })),
    );
    await Promise.all(members.map((member) => answerMeetup(h.services, member, 2, 'going', 'button')));
    const seated = await h.services.db.rsvp.count({ where: { meetupId: 2, status: 'going', waitlisted: false } });
    const waiting = await h.services.db.rsvp.count({ where: { meetupId: 2, status: 'going', waitlisted: true } });
    expect([seated, waiting]).toEqual([3, 7]);
  });

  it('moves the start with /meetup edit and re-reads the date in the meetup timezone', async () => {
    const [edited] = await h.run('/meetup edit 2 when 17 décembre 15h');
    expect(edited).toContain('Rencontre n°2 modifiée');
    const meetup = await h.services.db.meetup.findUniqueOrThrow({ where: { id: 2 } });
    expect(meetup.startsAt.toISOString()).toBe('2026-12-17T14:00:00.000Z');
    expect(meetup.sequence).toBe(1);
    const [bigger] = await h.run('/meetup edit 2 capacity 5');
    expect(bigger).toContain('modifiée');
    expect(await h.services.db.rsvp.count({ where: { meetupId: 2, waitlisted: false } })).toBe(5);
  });

  it('keeps a created meetup when its announcement fails, and says how to announce it again', async () => {
    h.adapter.failNextPost = true;
    const [reply] = await h.run('/meetup create Permanence | 11 décembre 10h | Médiathèque');
    expect(reply).toContain('Rencontre n°3 créée, mais pas encore annoncée ici (Relais est temporairement indisponible.');
    expect(reply).toContain('/meetup announce 3');
    expect((await h.run('/meetup announce 3'))[0]).toContain('Rencontre n°3 annoncée ici');
    expect(await h.services.db.meetup.count({ where: { title: 'Permanence' } })).toBe(1);
  });
});
