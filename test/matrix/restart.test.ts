import { afterEach, describe, expect, it } from 'vitest';
import { engines } from '../support/test-database.ts';
import { createMatrixBed, noticeOf, type MatrixBed } from './testbed.ts';

/** What survives a restart, what must not be replayed, encrypted rooms and rate limits. */

let bed: MatrixBed | undefined;
afterEach(async () => {
  await bed?.close();
  bed = undefined;
});

const encrypted = { algorithm: 'm.megolm.v1.aes-sha2', ciphertext: 'AwgAEnAC…', sender_key: 'k', device_id: 'D', session_id: 's' };

describe.each(engines)('Relais on Matrix across restarts (%s)', (engine) => {
  it('answers a command sent while it was down, and never answers an old one twice', async () => {
    bed = await createMatrixBed(engine);
    const room = await bed.room();
    const { eventId: before } = await bed.ask(room, bed.alice, '!tip add Avant le redémarrage, une astuce');
    await bed.caughtUp();
    await bed.stop();
    const during = bed.hs.sendMessage(room, bed.alice.userId, '!tip add Pendant la panne, une autre astuce');
    await bed.start();
    await bed.waitForReply(room, during);
    const { eventId: after } = await bed.ask(room, bed.alice, '!tip search astuce');
    await bed.caughtUp();
    expect(bed.repliesTo(room, before)).toHaveLength(1);
    expect(bed.repliesTo(room, during)).toHaveLength(1);
    expect(noticeOf(bed.repliesTo(room, after)[0]!).body).toMatch(/Avant le redémarrage[\s\S]*Pendant la panne|Pendant la panne[\s\S]*Avant le redémarrage/);
    expect(await bed.db.tip.count()).toBe(2);
  });

  it('answers every command of a long downtime, beyond what one sync carries (Synapse sends at most 100 per room)', async () => {
    bed = await createMatrixBed(engine);
    const room = await bed.room();
    await bed.caughtUp();
    await bed.stop();
    const sent = Array.from({ length: 130 }, (_, i) => bed!.hs.sendMessage(room, bed!.alice.userId, `!tip add Astuce de la panne n°${i + 1}`));
    await bed.start();
    await bed.waitForReply(room, sent.at(-1)!, 60_000);
    await bed.caughtUp();
    expect(sent.filter((eventId) => bed!.repliesTo(room, eventId).length !== 1)).toEqual([]);
    expect(await bed.db.tip.count()).toBe(130);
    expect(bed.hs.requests.some((request) => request.route === 'messages' && request.status === 200)).toBe(true);
  }, 120_000);

  it('withdraws an RSVP whose reaction is redacted after a restart', async () => {
    bed = await createMatrixBed(engine);
    const room = await bed.room();
    await bed.ask(room, bed.alice, '!meetup create Atelier | 3 mars 2031 14h | En ligne | publier');
    const announcement = await bed.announcement(room, 'Atelier');
    const reaction = bed.hs.react(room, bed.bob.userId, announcement.event_id, '🤔');
    await bed.waitForReply(room, announcement.event_id);
    await bed.caughtUp();
    expect(await bed.db.rsvp.count({ where: { status: 'maybe' } })).toBe(1);
    await bed.restart();
    bed.hs.redact(room, bed.bob.userId, reaction);
    await bed.caughtUp();
    expect(await bed.db.rsvp.count()).toBe(0);
  });

  it('says once, in plain words, that it cannot read an encrypted room — even after a restart', async () => {
    bed = await createMatrixBed(engine);
    const secret = await bed.room({ name: 'Secret', encrypted: true });
    const notices = () => bed!.hs.timeline(secret).filter((e) => e.sender === bed!.bot.userId && e.type === 'm.room.message');
    bed.hs.sendEvent(secret, bed.alice.userId, 'm.room.encrypted', encrypted);
    await bed.hs.waitForEvent(secret, (e) => e.sender === bed!.bot.userId && e.type === 'm.room.message');
    bed.hs.sendEvent(secret, bed.bob.userId, 'm.room.encrypted', encrypted);
    await bed.caughtUp();
    await bed.restart();
    bed.hs.sendEvent(secret, bed.alice.userId, 'm.room.encrypted', encrypted);
    await bed.caughtUp();
    expect(notices()).toHaveLength(1);
    expect(notices()[0]!.content).toMatchObject({ msgtype: 'm.notice', 'm.mentions': {} });
    expect(noticeOf(notices()[0]!).body).toContain('chiffré de bout en bout');
  });
});

describe('Relais on Matrix: history, encryption and rate limits', () => {
  it('does not answer what was said before it first started, nor before it joined a room', async () => {
    bed = await createMatrixBed('sqlite', { started: false });
    const known = bed.hs.createRoom(bed.alice.userId);
    bed.hs.invite(known, bed.alice.userId, bed.bot.userId);
    bed.hs.join(known, bed.bot.userId);
    const beforeFirstStart = bed.hs.sendMessage(known, bed.alice.userId, '!tip search rien');
    await bed.start();
    const later = bed.hs.createRoom(bed.alice.userId);
    const beforeJoin = bed.hs.sendMessage(later, bed.alice.userId, '!tip search rien');
    bed.hs.invite(later, bed.alice.userId, bed.bot.userId);
    await bed.hs.waitForEvent(later, (e) => e.state_key === bed!.bot.userId && e.content.membership === 'join');
    await bed.ask(later, bed.alice, '!tip search encore');
    await bed.ask(known, bed.alice, '!tip search encore');
    expect(bed.repliesTo(known, beforeFirstStart)).toEqual([]);
    expect(bed.repliesTo(later, beforeJoin)).toEqual([]);
  });

  it('refuses to post content into an encrypted room, where it would go out in clear', async () => {
    bed = await createMatrixBed();
    const secret = await bed.room({ name: 'Secret', encrypted: true });
    const open = await bed.room({ name: 'Ouvert' });
    const channel = { platform: 'matrix' as const, workspace: 'fake.test', externalId: secret };
    const adapter = bed.running.adapters.find((candidate) => candidate.platform === 'matrix')!;
    await expect(adapter.post(channel, { locale: 'fr', body: [['Confidentiel ?']] }, { key: 'test:secret' })).rejects.toMatchObject({ userMessage: 'platforms.matrix.encryptedRefused' });
    const { reply } = await bed.ask(open, bed.alice, `!meetup create Réunion | 4 avril 2031 10h | Salle 1 | publier`);
    expect(noticeOf(reply).body).toContain('n°');
    expect(bed.hs.timeline(secret).filter((e) => e.sender === bed!.bot.userId && e.type === 'm.room.message')).toEqual([]);
  });

  it('serves encrypted rooms through pantalaimon, which marks the events it decrypted', async () => {
    bed = await createMatrixBed();
    const secret = await bed.room({ name: 'Secret', encrypted: true });
    const command = bed.hs.sendDecrypted(secret, bed.alice.userId, '!tip search rien');
    expect((await bed.waitForReply(secret, command)).content.msgtype).toBe('m.notice');
    expect(bed.hs.timeline(secret).some((e) => noticeOf(e).body?.includes('chiffré de bout en bout'))).toBe(false);
  });

  it('honours M_LIMIT_EXCEEDED: waits retry_after_ms and resends the same transaction, nothing doubled', async () => {
    bed = await createMatrixBed();
    const room = await bed.room();
    bed.hs.rateLimit('send', 2, 30);
    const { eventId } = await bed.ask(room, bed.alice, '!tip search rien');
    await bed.caughtUp();
    expect(bed.hs.requests.filter((r) => r.route === 'send' && r.status === 429)).toHaveLength(2);
    expect(bed.repliesTo(room, eventId)).toHaveLength(1);
  });
});
