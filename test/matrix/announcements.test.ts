import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureMember } from '../../src/domain/directory.ts';
import { setRsvp } from '../../src/domain/meetups/rsvp.ts';
import type { MatrixEvent } from '../fakes/matrix-homeserver.ts';
import { createMatrixBed, noticeOf, type MatrixBed } from './testbed.ts';

/** Meetup announcements, RSVPs by reaction, edits and direct messages, as seen in the rooms. */

let bed: MatrixBed;
let room: string;
let meetupId: number;
let announcement: MatrixEvent;

const relation = (event: MatrixEvent) => event.content['m.relates_to'] as Record<string, unknown> | undefined;
const editsOf = (eventId: string) => bed.hs.timeline(room).filter((e) => relation(e)?.rel_type === 'm.replace' && relation(e)?.event_id === eventId);
const latest = () => noticeOf(editsOf(announcement.event_id).at(-1) ?? announcement).body ?? '';

beforeAll(async () => {
  bed = await createMatrixBed();
  room = await bed.room({ name: 'Apéros' });
  const { reply } = await bed.ask(room, bed.alice, '!meetup create Apéro numérique | 12 juin 2031 18h30 | Salle 3, Mairie | publier');
  meetupId = Number(/n°(\d+)/.exec(noticeOf(reply).body ?? '')?.[1]);
  announcement = await bed.announcement(room, 'Apéro numérique');
  await bed.caughtUp();
});
afterAll(() => bed?.close());

describe('Relais on Matrix: announcements', () => {
  it('posts an m.notice with the date, time and timezone written out, and seeds ✅ 🤔 ❌', async () => {
    expect(announcement.content).toMatchObject({ msgtype: 'm.notice', format: 'org.matrix.custom.html', 'm.mentions': {} });
    expect(announcement.content.body).toContain('Quand : jeudi 12 juin 2031, 18 h 30 (heure de Paris)');
    expect(announcement.content.body).toContain('Pour répondre, réagissez : ✅ Je viens · 🤔 Peut-être · ❌ Je ne viens pas');
    const seeded = bed.hs.timeline(room).filter((e) => e.type === 'm.reaction' && e.sender === bed.bot.userId);
    expect(seeded.map((e) => relation(e))).toEqual(['✅', '🤔', '❌'].map((key) => ({ rel_type: 'm.annotation', event_id: announcement.event_id, key })));
  });

  it('counts a ✅ reaction as an RSVP and edits the announcement; redacting it withdraws the answer', async () => {
    const reaction = bed.hs.react(room, bed.bob.userId, announcement.event_id, '✅');
    const confirmation = await bed.waitForReply(room, announcement.event_id);
    expect(noticeOf(confirmation).body).toContain(`rencontre n°${meetupId}`);
    await bed.caughtUp();
    const edit = editsOf(announcement.event_id).at(-1)!;
    expect(edit.content).toMatchObject({ msgtype: 'm.notice', 'm.mentions': {}, 'm.relates_to': { rel_type: 'm.replace', event_id: announcement.event_id } });
    expect(latest()).toContain('✅ 1 participe');

    bed.hs.redact(room, bed.bob.userId, reaction);
    await bed.caughtUp();
    expect(latest()).toContain('✅ 0 participe');
    expect(await bed.db.rsvp.count({ where: { meetupId } })).toBe(0);
  });

  it('ignores reactions the bot itself adds and emoji that mean nothing to Relais', async () => {
    const edits = editsOf(announcement.event_id).length;
    bed.hs.react(room, bed.bob.userId, announcement.event_id, '🎉');
    await bed.caughtUp();
    expect(editsOf(announcement.event_id)).toHaveLength(edits);
    expect(await bed.db.rsvp.count({ where: { meetupId } })).toBe(0);
  });

  it('edits the Matrix announcement when someone answers from another platform', async () => {
    // As a Relais process serving the console would, on the shared database.
    const camille = await ensureMember(bed.db, { platform: 'console', workspace: 'local', externalId: 'camille', displayName: 'Camille' });
    await setRsvp(bed.db, meetupId, camille.id, 'maybe', 'command', new Date());
    // Found by the announcer's sweep of revisions, as a change made by another process is.
    await bed.running.announcer.sweep();
    await bed.caughtUp();
    expect(latest()).toContain('🤔 1');
  });

  it('says so in the announcement when the meetup is cancelled, and tells those going in a direct message', async () => {
    bed.hs.react(room, bed.bob.userId, announcement.event_id, '✅');
    await bed.caughtUp();
    await bed.ask(room, bed.alice, `!meetup cancel ${meetupId}`);
    await bed.caughtUp();
    expect(latest()).toMatch(/annulée/i);
    const mDirect = await fetch(`${bed.hs.url}/_matrix/client/v3/user/${encodeURIComponent(bed.bot.userId)}/account_data/m.direct`, {
      headers: { authorization: `Bearer ${bed.bot.token}` },
    }).then((r) => r.json()) as Record<string, string[]>;
    const dm = mDirect[bed.bob.userId]?.[0];
    expect(dm).toBeDefined();
    const timeline = bed.hs.timeline(dm!);
    expect(timeline.find((e) => e.type === 'm.room.member' && e.state_key === bed.bob.userId)?.content).toMatchObject({ membership: 'invite', is_direct: true });
    expect(timeline.filter((e) => e.sender === bed.bot.userId && e.type === 'm.room.message').map((e) => noticeOf(e).body).join('\n')).toMatch(/annulée/i);
  });
});

describe('Relais on Matrix: tips from reactions', () => {
  it('saves a message someone reacts to with 💡 as a tip, with its author and a matrix.to link', async () => {
    const message = bed.hs.sendMessage(room, bed.bob.userId, 'Le calendrier partagé évite les doublons de réunions');
    bed.hs.react(room, bed.alice.userId, message, '💡');
    const confirmation = await bed.waitForReply(room, message);
    expect(confirmation.content['m.relates_to']).toMatchObject({ rel_type: 'm.thread', event_id: message });
    expect(noticeOf(confirmation).body).toContain('Bob');
    const tip = await bed.db.tip.findFirst({ where: { text: { contains: 'calendrier partagé' } }, include: { author: true } });
    expect(tip).toMatchObject({ permalink: `https://matrix.to/#/${room}/${message}`, author: { displayName: 'Bob', platform: 'matrix' } });
  });
});
