/**
 * Relaying a meetup into another network's channel: by that channel's moderators (platform or
 * network), the copy naming the organizing network, every copy's answers in one list, and a
 * meetup reserved to its network's members refused; a relayed series date brings the next ones.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainText } from '../../src/core/plain-text.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';

const admin = { user: '@admin:example.org' };
const nord = '!room:example.org';
const sud = '!sud:example.org';
const postsIn = (h: Harness, channel: string, title: string) =>
  h.adapter.of('post').filter((sent) => sent.target === channel && sent.card?.header?.[0] === `📅 ${title}`).map((sent) => plainText(sent.card!));

describe.each(engines)('relaying between networks on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine, { now: '2026-11-30T09:00:00Z' });
    await h.run('/relais network nord Réseau Nord', admin);
    await h.run('/relais network sud Réseau Sud', { ...admin, channel: sud });
    await h.run('/relais role grant organizer @alice:example.org', admin);
    await h.run('/relais role grant moderator @sophie:example.org', { ...admin, channel: sud });
    await h.run('/meetup create Atelier | 14 janvier 2027 de 9h à 17h | Rennes | publier');
    await h.run('/meetup create Club interne | 15 janvier 2027 18h | Lille | réservé aux membres | publier');
    await h.relais.settle();
  });
  afterAll(() => h.close());

  it('refuses a member of another network, and lets that network’s moderator relay it there', async () => {
    expect((await h.run('/meetup announce 1', { user: '@paul:example.org', channel: sud }))[0]).toContain('organisateur·rice');
    expect((await h.run('/meetup announce 1', { user: '@sophie:example.org', channel: sud }))[0])
      .toBe('Rencontre n°1 relayée dans ce salon ; elle reste celle du réseau « Réseau Nord », et les réponses d’ici comptent avec les autres.');
    await h.relais.settle();
    const [relayed] = postsIn(h, sud, 'Atelier');
    expect(relayed).toContain('🔁 Relayée ici : rencontre organisée par le réseau « Réseau Nord ».');
    expect(postsIn(h, nord, 'Atelier')[0]).not.toContain('Relayée');
  });

  it('lets a platform moderator of the channel relay too, and counts every copy’s answers in one list', async () => {
    const other = '!autre:example.org';
    await h.run('/relais network autre Réseau Autre', { ...admin, channel: other });
    expect((await h.run('/meetup announce 1', { user: '@mod:example.org', channel: other, moderator: true }))[0]).toContain('relayée dans ce salon');
    await h.run('/meetup rsvp 1 oui', { user: '@bob:example.org', channel: sud });
    await h.run('/meetup rsvp 1 oui', { user: '@carol:example.org', channel: nord });
    await h.relais.settle();
    expect((await h.run('/meetup participants 1'))[0]).toContain('Je viens (2)');
    const last = (channel: string) => h.adapter.sent.filter((sent) => (sent.kind === 'post' || sent.kind === 'update') && sent.target === channel && sent.card?.header?.[0] === '📅 Atelier').at(-1)!;
    for (const channel of [nord, sud, other]) expect(plainText(last(channel).card!)).toContain('✅ 2 participent');
  });

  it('refuses to relay a meetup reserved to its network’s members', async () => {
    expect((await h.run('/meetup announce 2', { user: '@sophie:example.org', channel: sud }))[0])
      .toContain('La rencontre n°2 est réservée aux membres du réseau « Réseau Nord » : elle ne peut pas être relayée dans un autre réseau.');
    expect(await h.db.announcement.count({ where: { meetupId: 2 } })).toBe(1);
  });

  it('announces the next dates of a relayed series in the channel it was relayed into', async () => {
    await h.run('/meetup create Permanence | tous les mardis 10h | Mairie | publier');
    const first = await h.db.meetup.findFirstOrThrow({ where: { title: 'Permanence' } });
    await h.run(`/meetup announce ${first.id}`, { user: '@sophie:example.org', channel: sud });
    h.clock.set('2026-12-01T10:00:00Z');
    await new Scheduler(h.scheduling).tick();
    await h.relais.settle();
    expect(postsIn(h, sud, 'Permanence').map((text) => text.match(/Quand : (.*)/)?.[1])).toEqual([
      'mardi 1er décembre 2026, 10 h (heure de Paris)',
      'mardi 8 décembre 2026, 10 h (heure de Paris)',
    ]);
  });
});

describe.each(engines)('following a network on %s', (engine) => {
  let h: Harness;
  const follower = '!suivi:example.org';
  beforeAll(async () => {
    h = await createHarness(engine, { now: '2026-11-30T09:00:00Z' });
    await h.run('/relais network nord Réseau Nord', admin);
    await h.run('/relais role grant organizer @alice:example.org', admin);
  });
  afterAll(() => h.close());

  it('is the channel’s own choice, listed with /relais following', async () => {
    expect((await h.run('/relais follow nord', { user: '@paul:example.org', channel: follower }))[0]).toContain('Seules les personnes qui modèrent ce salon');
    expect((await h.run('/relais following', { user: '@paul:example.org', channel: follower }))[0]).toContain('Ce salon ne suit aucun réseau');
    expect((await h.run('/relais follow nord', { user: '@mod:example.org', channel: follower, moderator: true }))[0]).toBe('Ce salon suit maintenant le réseau « Réseau Nord » : ses nouvelles rencontres y seront annoncées, une fois chacune.');
    expect((await h.run('/relais follow nord', { user: '@mod:example.org', channel: follower, moderator: true }))[0]).toBe('Ce salon suit déjà le réseau « Réseau Nord ».');
    expect((await h.run('/relais following', { channel: follower }))[0]).toBe('Ce salon suit : Réseau Nord (nord).');
  });

  it('announces the followed network’s next meetup there once, marked with its network, and not a members-only one', async () => {
    await h.run('/meetup create Forum | 20 janvier 2027 10h | Lille | publier');
    await h.run('/meetup create Interne | 21 janvier 2027 10h | Lille | réservé aux membres | publier');
    const [preview] = await h.cards('/meetup create Forum 2 | 22 janvier 2027 10h | Lille');
    expect(preview).toBeDefined();
    await h.run('/meetup publish 3');
    await h.relais.settle();
    expect(postsIn(h, follower, 'Forum')).toHaveLength(1);
    expect(postsIn(h, follower, 'Forum')[0]).toContain('🔁 Relayée ici : rencontre organisée par le réseau « Réseau Nord ».');
    expect(postsIn(h, follower, 'Forum 2')).toHaveLength(1);
    expect(postsIn(h, follower, 'Interne')).toEqual([]);
  });

  it('announces each date of the followed network’s series once, and nothing after unfollowing', async () => {
    await h.run('/meetup create Permanence | tous les mardis 10h | Mairie | publier');
    h.clock.set('2026-12-01T10:00:00Z');
    const scheduler = new Scheduler(h.scheduling);
    await scheduler.tick();
    await scheduler.tick();
    await h.relais.settle();
    expect(postsIn(h, follower, 'Permanence')).toHaveLength(2);
    expect((await h.run('/relais unfollow nord', { user: '@mod:example.org', channel: follower, moderator: true }))[0]).toBe('Ce salon ne suit plus le réseau « Réseau Nord ».');
    await h.run('/meetup create Après | 25 janvier 2027 10h | Lille | publier');
    await h.relais.settle();
    expect(postsIn(h, follower, 'Après')).toEqual([]);
  });

  it('puts the followed network’s meetups in the digest of a channel of another network, marked with their network', async () => {
    const sudChannel = '!sud2:example.org';
    await h.run('/relais network sud Réseau Sud', { ...admin, channel: sudChannel });
    await h.run('/relais follow nord', { user: '@mod:example.org', channel: sudChannel, moderator: true });
    await h.run('/meetup create Proche | 10 décembre 2026 10h | Lille | publier');
    await h.run('/meetup create Local | 11 décembre 2026 10h | Nice | publier', { ...admin, channel: sudChannel });
    await h.run('/meetup create Secret | 12 décembre 2026 10h | Lille | réservé aux membres | publier');
    await h.run('/summary now', { user: '@mod:example.org', channel: sudChannel, moderator: true });
    await h.relais.settle();
    const digest = h.adapter.of('post').filter((sent) => sent.target === sudChannel && sent.card?.header?.[0]?.toString().includes('Résumé')).map((sent) => plainText(sent.card!)).at(-1) ?? '';
    expect(digest).toMatch(/Proche \[Réseau Nord\]/);
    expect(digest).toMatch(/Local —/);
    expect(digest).not.toContain('Secret');
  });
});
