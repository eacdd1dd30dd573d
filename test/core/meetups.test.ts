import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../src/core/plain-text.ts';
import { setRsvp } from '../../src/domain/meetups/rsvp.ts';
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
    const [reply] = await h.run('/meetup create Apéro | jeudi 18h30 | Mairie | publier');
    expect(reply).toContain('réservée au rôle organisateur·rice');
    expect(h.adapter.of('post')).toHaveLength(0);
  });

  it('creates, announces with buttons and reactions, in the channel timezone', async () => {
    expect((await h.run('/relais network sud Réseau Sud', admin))[0]).toContain('réseau Réseau Sud (sud)');
    expect((await h.run('/relais role grant organizer @alice:example.org', admin))[0]).toContain('alice est maintenant organisateur·rice');
    const [created] = await h.run('/meetup create Apéro numérique | jeudi 18h30 | Mairie, salle 3 https://visio.example.org/apero | capacité 2 | publier');
    expect(created).toContain('Rencontre n°1 créée ; son annonce part');
    const meetup = await h.db.meetup.findUniqueOrThrow({ where: { id: 1 } });
    expect(meetup.startsAt.toISOString()).toBe('2026-12-03T17:30:00.000Z');
    expect(meetup.timezone).toBe('Europe/Paris');
    expect(meetup.place).toBe('Mairie, salle 3');
    expect(meetup.onlineUrl).toBe('https://visio.example.org/apero');
    // The digest of the week may be posted in the same channel meanwhile: the announcement is the post with its title.
    const announcement = h.adapter.of('post').map((post) => plainText(post.card!)).find((text) => text.includes('📅 Apéro numérique')) ?? '';
    expect(announcement).toContain('Quand : jeudi 3 décembre 2026, 18 h 30 (heure de Paris)');
    expect(announcement).toContain('Places : 0 / 2');
    expect(announcement).toContain('Je viens');
    expect(h.adapter.of('reactions')[0]?.emojis).toEqual(['✅', '🤔', '❌']);
  });

  it('fills seats, then a waitlist, and promotes and tells the first waiting when someone leaves', async () => {
    expect((await h.run('/meetup rsvp 1 oui', { user: '@bob:example.org' }))[0]).toContain('vous participez');
    await h.run('/meetup rsvp 1 yes', { user: '@carol:example.org' });
    expect((await h.run('/meetup rsvp 1 oui', { user: '@dan:example.org' }))[0]).toContain('liste d’attente');
    await h.relais.settle();
    expect(lastCardText(h, 'update')).toContain('2 participent · 🤔 0 peut-être · ❌ 0 absent·e · ⏳ 1 en liste d’attente');

    expect((await h.run('/meetup rsvp 1 non', { user: '@bob:example.org' }))[0]).toContain('vous ne venez pas');
    expect(lastCardText(h, 'direct', '@dan:example.org')).toContain('Une place s’est libérée');
    const dan = await h.db.rsvp.findFirstOrThrow({ where: { meetupId: 1, member: { externalId: '@dan:example.org' } } });
    expect(dan.waitlisted).toBe(false);
    await h.relais.settle();
    expect(lastCardText(h, 'update')).toContain('✅ 2 participent · 🤔 0 peut-être · ❌ 1 absent·e');
  });

  it('changes nothing, and edits no announcement, for the answer someone already gave', async () => {
    await h.run('/meetup rsvp 1 peut-être', { user: '@gina:example.org' });
    await h.relais.settle();
    const revision = (await h.db.meetup.findUniqueOrThrow({ where: { id: 1 } })).revision;
    const edits = h.adapter.of('update').length;
    expect((await h.run('/meetup rsvp 1 peut-être', { user: '@gina:example.org' }))[0]).toContain('peut-être pour la rencontre n°1');
    await h.relais.settle();
    expect((await h.db.meetup.findUniqueOrThrow({ where: { id: 1 } })).revision).toBe(revision);
    expect(h.adapter.of('update')).toHaveLength(edits);
    await h.run('/meetup rsvp 1 retirer', { user: '@gina:example.org' });
  });

  it('takes answers by reaction on the announcement, and withdraws them when the reaction goes', async () => {
    // The week's digest may have been posted first in the same channel: react on meetup 1's own announcement.
    const messageId = (await h.db.announcement.findFirstOrThrow({ where: { meetupId: 1 } })).messageId!;
    const erin = { user: '@erin:example.org' };
    await h.gesture({ kind: 'reaction', messageId, emoji: '🤔', added: true }, erin);
    expect((await h.db.rsvp.findFirstOrThrow({ where: { member: { externalId: '@erin:example.org' } } })).status).toBe('maybe');
    // Removing a reaction that is not the current answer changes nothing.
    await h.gesture({ kind: 'reaction', messageId, emoji: '✅', added: false }, erin);
    expect(await h.db.rsvp.count({ where: { member: { externalId: '@erin:example.org' } } })).toBe(1);
    await h.gesture({ kind: 'reaction', messageId, emoji: '🤔', added: false }, erin);
    expect(await h.db.rsvp.count({ where: { member: { externalId: '@erin:example.org' } } })).toBe(0);
  });

  it('lets only the organizer or a moderator cancel, tells who was going, and updates the announcement', async () => {
    expect((await h.run('/meetup cancel 1', { user: '@mallory:example.org' }))[0]).toContain('Seul·e l’auteur·rice ou un·e modérateur·rice');
    const [cancelled] = await h.run('/meetup cancel 1');
    expect(cancelled).toContain('Rencontre n°1 annulée ; 2 personnes qui avaient répondu sont prévenues');
    expect(lastCardText(h, 'direct', '@carol:example.org')).toContain('❌ Rencontre annulée — Apéro numérique');
    await h.relais.settle();
    expect(lastCardText(h, 'update')).toContain('❌ ANNULÉE — Apéro numérique');
    expect((await h.run('/meetup rsvp 1 oui', { user: '@frank:example.org' }))[0]).toContain('La rencontre n°1 est annulée');
  });

  it('never seats more people than the capacity, even with simultaneous answers', async () => {
    await h.run('/meetup create Atelier | 10 décembre 14h | Médiathèque | 3 | publier');
    const members = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        ensureMember(h.db, { platform: 'memory', workspace: 'example.org', externalId: `@p${i}:example.org`, displayName: `p${i}` })),
    );
    await Promise.all(members.map((member) => setRsvp(h.db, 2, member.id, 'going', 'button', h.clock.now())));
    const seated = await h.db.rsvp.count({ where: { meetupId: 2, status: 'going', waitlisted: false } });
    const waiting = await h.db.rsvp.count({ where: { meetupId: 2, status: 'going', waitlisted: true } });
    expect([seated, waiting]).toEqual([3, 7]);
  });

  it('moves the start with /meetup edit and re-reads the date in the meetup timezone', async () => {
    const [edited] = await h.run('/meetup edit 2 when 17 décembre 15h');
    expect(edited).toContain('Rencontre n°2 modifiée');
    const meetup = await h.db.meetup.findUniqueOrThrow({ where: { id: 2 } });
    expect(meetup.startsAt.toISOString()).toBe('2026-12-17T14:00:00.000Z');
    expect(meetup.sequence).toBe(1);
    const [bigger] = await h.run('/meetup edit 2 capacity 5');
    expect(bigger).toContain('modifiée');
    expect(await h.db.rsvp.count({ where: { meetupId: 2, waitlisted: false } })).toBe(5);
  });

  it('keeps a created meetup when the platform refuses its announcement, and says how to announce it again', async () => {
    h.adapter.failures.push('refused');
    const replies = await h.run('/meetup create Permanence | 11 décembre 10h | Médiathèque | publier');
    expect(replies[0]).toContain('Rencontre n°3 créée ; son annonce part');
    expect(replies[1]).toContain('La rencontre n°3 n’a pas pu être annoncée dans !room:example.org : Relais n’est pas dans ce salon. Réessayez avec /meetup announce 3.');
    expect((await h.run('/meetup announce 3'))[0]).toContain('Rencontre n°3 : son annonce part');
    expect(h.adapter.of('post').filter((post) => plainText(post.card!).includes('Permanence'))).toHaveLength(1);
    expect(await h.db.meetup.count({ where: { title: 'Permanence' } })).toBe(1);
  });

  it('posts an announcement once when the platform fails after taking it, or is down a moment', async () => {
    h.adapter.failures.push('landed', 'down', 'down');
    await h.run('/meetup create Visite | 12 décembre 10h | Fablab | publier');
    expect(h.adapter.of('post').filter((post) => plainText(post.card!).includes('Visite'))).toHaveLength(1);
    await h.run('/meetup create Atelier vélo | 13 décembre 10h | Garage | publier');
    expect(h.adapter.of('post').filter((post) => plainText(post.card!).includes('Atelier vélo'))).toHaveLength(1);
    const announcements = await h.db.announcement.findMany({ where: { meetup: { title: { in: ['Visite', 'Atelier vélo'] } } } });
    expect(announcements.map((announcement) => announcement.messageId)).toEqual([expect.stringMatching(/^m\d+$/), expect.stringMatching(/^m\d+$/)]);
  });
});
