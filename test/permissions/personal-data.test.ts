import { afterEach, describe, expect, it } from 'vitest';
import { purgeExpired } from '../../src/domain/privacy/retention.ts';
import { searchTips } from '../../src/domain/tips/service.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';

const admin = { user: '@admin:example.org' };
const alice = { user: '@alice:example.org' };
const bob = { user: '@bob:example.org' };
const carol = { user: '@carol:example.org' };

describe.each(engines)('personal data: /relais my-data and forget-me (%s)', (engine) => {
  let h: Harness;
  afterEach(async () => h?.close());

  /** Alice organizes a 1-seat meetup she is going to, writes two tips, votes; Bob waits for her seat. */
  async function aliceWithHistory() {
    h = await createHarness(engine, { now: '2026-11-30T09:00:00Z' });
    await h.run('/relais network sud Réseau Sud', admin);
    await h.run('/relais role grant organizer @alice:example.org', admin);
    await h.run('/meetup create Atelier cartographie | jeudi 18h30 | Mairie | capacité 1 | publier', alice);
    await h.run('/meetup rsvp 1 oui', alice);
    await h.run('/meetup rsvp 1 oui', bob);
    await h.run('/tip add Le calendrier partagé zorglub évite les doublons #outils', alice);
    await h.run('/tip add Une deuxième astuce sur les agendas #outils', alice);
    await h.run('/tip add Astuce de Bob sur les visios #visio', bob);
    await h.run('/tip vote 3', alice);
  }

  it('shows a person everything stored about them, and nothing about others', async () => {
    await aliceWithHistory();
    const [card] = await h.run('/relais my-data', alice);
    expect(card).toContain('Vos données dans Relais');
    expect(card).toContain('alice · memory · example.org · @alice:example.org');
    expect(card).toContain('organisateur·rice (sud)');
    expect(card).toContain('Astuces écrites (2)');
    expect(card).toContain('#1 Le calendrier partagé zorglub évite les doublons');
    expect(card).toContain('Vote (1) — #3');
    expect(card).toContain('Réponse à une rencontre (1) — #1 Atelier cartographie : participe');
    expect(card).toContain('Rencontre organisée (1) — #1 Atelier cartographie');
    expect(card).toContain('/relais forget-me');
    expect(card).not.toContain('Astuce de Bob');
    expect(card).not.toContain('bob');
  });

  it('keeps the card bounded however much a person did', async () => {
    h = await createHarness(engine, { platform: 'slack' });
    for (let i = 0; i < 25; i++) await h.run(`/tip add Astuce numéro ${i} pour tout le monde`, alice);
    const [card] = await h.run('/relais my-data', alice);
    expect(card).toContain('Astuces écrites (25)');
    expect(card).toContain('… et 15 autres');
    expect(card!.match(/Astuce numéro/g)).toHaveLength(10);
  });

  it('asks before erasing, and erases nothing when asked', async () => {
    await aliceWithHistory();
    const [question] = await h.run('/relais forget-me', alice);
    expect(question).toContain('Effacer vos données ?');
    expect(question).toContain('Vos astuces (2) et les rencontres que vous avez organisées (1) resteront');
    expect(question).toContain('/relais forget-me confirm');
    expect(await h.db.member.count({ where: { externalId: '@alice:example.org' } })).toBe(1);
    const [refused] = await h.run('/relais forget-me maybe', alice);
    expect(refused).toContain('n’est pas valide');
    expect(await h.db.rsvp.count()).toBe(2);
  });

  it('forgets the person: answers, votes and roles gone, tips and meetups anonymised, the seat passed on', async () => {
    await aliceWithHistory();
    const [done] = await h.run('/relais forget-me confirm', alice);
    expect(done).toContain('Relais a oublié qui vous êtes');
    expect(done).toContain('Supprimés : 1 réponse, 1 vote, 1 rôle. Anonymisées : 2 astuces, 1 rencontre.');
    const { db } = h;
    expect(await db.member.findMany({ where: { externalId: '@alice:example.org' } })).toEqual([]);
    const tips = await db.tip.findMany({ orderBy: { id: 'asc' }, include: { author: true } });
    expect(tips.map((tip) => tip.author.displayName)).toEqual(['Anonyme', 'Anonyme', 'bob']);
    expect(tips.every((tip) => !tip.searchText.includes('alice'))).toBe(true);
    expect((await db.meetup.findUniqueOrThrow({ where: { id: 1 }, include: { organizer: true } })).organizer.displayName).toBe('Anonyme');
    // Bob had the waitlist: Alice's seat is his, and he is told.
    expect(await db.rsvp.findMany({ select: { status: true, waitlisted: true } })).toEqual([{ status: 'going', waitlisted: false }]);
    expect(h.adapter.of('direct').map((entry) => entry.target)).toEqual(['@bob:example.org']);
    expect(await db.tipVote.count()).toBe(0);
    expect(await db.tip.findMany({ select: { voteCount: true } })).toEqual([{ voteCount: 0 }, { voteCount: 0 }, { voteCount: 0 }]);
    expect(await db.role.count()).toBe(0);
    // Still found by what they say, no longer by her name.
    expect((await searchTips(db, h.engine, 'zorglub', { limit: 5 })).map((tip) => tip.id)).toEqual([1]);
    expect(await searchTips(db, h.engine, 'alice', { limit: 5 })).toEqual([]);
    // Someone else asking for their data sees only theirs.
    expect((await h.run('/relais my-data', carol))[0]).toContain('Astuce écrite (0) — aucun');
  });

  it('erases the technical traces that name the person: their recorded gestures, private messages to them', async () => {
    h = await createHarness(engine);
    const { db } = h;
    await h.run('/tip add Une astuce d’Alice sur les visios', { user: '@alice:example.org' });
    await h.run('/tip add Une astuce de Bob', { user: '@bob:example.org' });
    await db.outbound.create({ data: { key: 'test:dm', platform: 'memory', kind: 'direct', target: '{}', content: '{}', recipient: 'memory:example.org:@alice:example.org', status: 'failed' } });
    await h.run('/relais forget-me confirm', { user: '@alice:example.org' });
    expect(await db.inbound.count({ where: { actor: { contains: '@alice:example.org' } } })).toBe(0);
    expect(await db.inbound.count({ where: { actor: { contains: '@bob:example.org' } } })).toBe(1);
    expect(await db.outbound.count({ where: { recipient: { contains: '@alice' } } })).toBe(0);
  });

  it('deletes answers to meetups that ended longer ago than the retention, and only those', async () => {
    h = await createHarness(engine, { now: '2026-11-30T09:00:00Z' });
    await h.run('/relais network sud Réseau Sud', admin);
    await h.run('/relais role grant organizer @alice:example.org', admin);
    await h.run('/meetup create Ancienne | 1 décembre 10h | Mairie | publier', alice);
    await h.run('/meetup create Récente | 2 décembre 10h | Mairie | publier', alice);
    await h.run('/meetup rsvp 1 oui', bob);
    await h.run('/meetup rsvp 2 oui', bob);
    const { db } = h;
    // 399 days and 3 hours after the first ended; the second ended a day later.
    const later = new Date('2028-01-04T12:00:00Z');
    expect((await purgeExpired(db, later, { rsvpDays: 399, tipDays: 0 })).rsvps).toBe(1);
    expect((await db.rsvp.findMany({ select: { meetupId: true } })).map((row) => row.meetupId)).toEqual([2]);
    expect((await purgeExpired(db, later, { rsvpDays: 0, tipDays: 0 })).rsvps).toBe(0);
  });
});
