// Reactions arriving in a burst are worked several to a transaction (src/interactions/pipeline):
// what people see must be what they would see one reaction at a time — every answer applied
// once, one person's answers in the order given, a redelivery ignored, and a reaction that fails
// (on a cancelled meetup) answered with its error while the others of its batch still apply.
// Reactions handed at the same moment are recorded in one group (recording.ts): each once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Gesture } from '../../src/core/gesture.ts';
import type { Receipt } from '../../src/core/port.ts';
import { plainText } from '../../src/core/plain-text.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';

const admin = { user: '@admin:example.org' };

describe.each(engines)('a burst of reactions on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine, { now: '2026-11-30T09:00:00Z' });
    await h.run('/relais network sud Réseau Sud', admin);
    await h.run('/relais role grant organizer @alice:example.org', admin);
    await h.run('/meetup create Apéro | jeudi 18h30 | Mairie | publier');
    await h.run('/meetup create Atelier | vendredi 14h | Médiathèque | publier');
    await h.run('/meetup cancel 2');
  });
  afterAll(() => h.close());

  const announcementOf = async (meetupId: number) => (await h.db.announcement.findFirstOrThrow({ where: { meetupId } })).messageId!;

  /** Hands the reaction to Relais as an adapter does, without waiting for it to be worked. */
  const react = (person: number, messageId: string, emoji: string, deliveryKey: string): Promise<Receipt> => {
    const user = `@p${person}:example.org`;
    h.adapter.people.set(user, `p${person}`);
    return h.relais.port.handle({
      kind: 'reaction', emoji, added: true, messageId, deliveryKey,
      channel: { platform: 'memory', workspace: 'example.org', externalId: '!room:example.org' },
      user: { platform: 'memory', workspace: 'example.org', externalId: user, displayName: `p${person}` },
      replyTo: { channel: '!room:example.org' },
    } as Gesture);
  };
  const repliesTo = (deliveryKey: string) =>
    h.adapter.of('reply').filter((sent) => sent.key?.startsWith(`reply:memory:${deliveryKey}:`)).map((sent) => plainText(sent.card!));

  it('applies every answer once, in the order each person gave them, and answers the one on a cancelled meetup with its error', async () => {
    const open = await announcementOf(1);
    const cancelled = await announcementOf(2);
    const receipts: Receipt[] = [];
    // Each recorded before the next is handed (the order given), all worked after the first in batches.
    for (let person = 0; person < 30; person++) receipts.push(await react(person, open, '✅', `burst-${person}-a`));
    for (let person = 0; person < 10; person++) receipts.push(await react(person, open, '🤔', `burst-${person}-b`));
    receipts.push(await react(40, cancelled, '✅', 'burst-cancelled'));
    for (let person = 10; person < 20; person++) receipts.push(await react(person, open, '❌', `burst-${person}-b`));
    receipts.push(await react(3, open, '✅', 'burst-3-a'));
    await h.relais.settle();

    expect(receipts.filter((receipt) => receipt === 'accepted')).toHaveLength(51);
    expect(receipts.at(-1)).toBe('duplicate');
    const answers = await h.db.rsvp.findMany({ where: { meetupId: 1 }, include: { member: true } });
    const statusOf = new Map(answers.map((rsvp) => [rsvp.member.externalId, rsvp.status]));
    expect(answers).toHaveLength(30);
    for (let person = 0; person < 30; person++) {
      expect(statusOf.get(`@p${person}:example.org`)).toBe(person < 10 ? 'maybe' : person < 20 ? 'declined' : 'going');
    }
    expect(await h.db.rsvp.count({ where: { meetupId: 2 } })).toBe(0);
    expect(repliesTo('burst-cancelled')).toEqual([expect.stringContaining('La rencontre n°2 est annulée')]);
    expect(repliesTo('burst-25-a')).toHaveLength(1);
    expect(repliesTo('burst-3-a')).toHaveLength(1);
    expect(await h.db.inbound.count({ where: { key: { startsWith: 'memory:burst-' }, status: { not: 'done' } } })).toBe(0);
  });

  it('records reactions handed at the same moment together, each redelivery among them (or of one recorded before) once', async () => {
    const open = await announcementOf(1);
    const keys = [...Array.from({ length: 20 }, (_, i) => `at-once-${i}`), 'at-once-3', 'at-once-7', 'burst-25-a'];
    const receipts = await Promise.all(keys.map((key, i) => react(100 + (i % 20), open, '✅', key)));
    await h.relais.settle();

    expect(receipts.slice(0, 20)).toEqual(Array(20).fill('accepted'));
    expect(receipts.slice(20)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    expect(await h.db.inbound.count({ where: { key: { startsWith: 'memory:at-once-' } } })).toBe(20);
    const people = Array.from({ length: 20 }, (_, i) => `@p${100 + i}:example.org`);
    expect(await h.db.rsvp.count({ where: { meetupId: 1, status: 'going', member: { externalId: { in: people } } } })).toBe(20);
    expect(repliesTo('at-once-3')).toHaveLength(1);
  });
});
