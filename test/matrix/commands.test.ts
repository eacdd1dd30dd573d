import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMatrixBed, noticeOf, type MatrixBed } from './testbed.ts';

/** Invitations and commands, as people in Matrix rooms see them. */

let bed: MatrixBed;
let room: string;

beforeAll(async () => {
  bed = await createMatrixBed();
  room = await bed.room();
});
afterAll(() => bed?.close());

const membershipOfBot = (roomId: string) =>
  bed.hs.timeline(roomId).filter((e) => e.type === 'm.room.member' && e.state_key === bed.bot.userId).map((e) => e.content.membership);

describe('Relais on Matrix: invitations', () => {
  it('joins a room when someone in MATRIX_AUTOJOIN invites it, and declines anyone else', async () => {
    const invited = bed.hs.createRoom(bed.alice.userId, { name: 'Invitée' });
    bed.hs.invite(invited, bed.alice.userId, bed.bot.userId);
    const stranger = bed.hs.createRoom(bed.bob.userId, { name: 'Inconnue' });
    bed.hs.invite(stranger, bed.bob.userId, bed.bot.userId);
    await bed.hs.waitForEvent(stranger, (e) => e.state_key === bed.bot.userId && e.content.membership === 'leave');
    await bed.hs.waitForEvent(invited, (e) => e.state_key === bed.bot.userId && e.content.membership === 'join');
    expect(membershipOfBot(invited)).toEqual(['invite', 'join']);
    expect(membershipOfBot(stranger)).toEqual(['invite', 'leave']);
  });

  it('accepts invitations from a whole homeserver named in MATRIX_AUTOJOIN', async () => {
    const other = await createMatrixBed('sqlite', { env: { MATRIX_AUTOJOIN: 'fake.test' } });
    try {
      const roomId = other.hs.createRoom(other.bob.userId);
      other.hs.invite(roomId, other.bob.userId, other.bot.userId);
      await other.hs.waitForEvent(roomId, (e) => e.state_key === other.bot.userId && e.content.membership === 'join');
    } finally {
      await other.close();
    }
  });
});

describe('Relais on Matrix: commands', () => {
  it('answers every command with an m.notice in a thread under the message, in HTML and plain text', async () => {
    for (const command of bed.running.port.declarations.commands) {
      const { eventId, reply } = await bed.ask(room, bed.bob, `!${command.name}`);
      expect(reply.type).toBe('m.room.message');
      expect(reply.content).toMatchObject({
        msgtype: 'm.notice',
        format: 'org.matrix.custom.html',
        'm.mentions': {},
        'm.relates_to': { rel_type: 'm.thread', event_id: eventId, is_falling_back: true, 'm.in_reply_to': { event_id: eventId } },
      });
      expect(noticeOf(reply).body).toContain(`!${command.name}`); // the help shows Matrix's "!" prefix
      expect(noticeOf(reply).formatted_body).toContain('<code>');
    }
  });

  it('escapes user text in HTML and never lets it mention anyone', async () => {
    const hostile = '!tip add <script>alert(1)</script> <b>gras</b> @room ping #securite';
    await bed.ask(room, bed.alice, hostile);
    const { reply } = await bed.ask(room, bed.alice, '!tip search alert');
    const notice = noticeOf(reply);
    expect(notice.formatted_body).toContain('&lt;script&gt;<strong>alert</strong>(1)&lt;/script&gt;'); // escaped, the matched word in bold
    expect(notice.formatted_body).not.toMatch(/<script|<b>/);
    expect(notice.body).toContain('<script>alert(1)</script>'); // plain text stays as written…
    expect(notice.body).not.toMatch(/@room/i); // …but @room is made inert
    expect(notice['m.mentions']).toEqual({});
  });

  it('understands commands addressed to it by name, by user id or with a pill', async () => {
    const pill = {
      msgtype: 'm.text',
      body: 'Relais: tip search alert',
      format: 'org.matrix.custom.html',
      formatted_body: `<a href="https://matrix.to/#/${bed.bot.userId}">Relais</a>: tip search alert`,
      'm.mentions': { user_ids: [bed.bot.userId] },
    };
    for (const message of ['relais: tip search alert', `${bed.bot.userId} tip search alert`, 'Relais, !tip search alert', pill]) {
      const { reply } = await bed.ask(room, bed.bob, message);
      expect(noticeOf(reply).body).toContain('alert(1)');
    }
  });

  it('stays quiet for other bots’ commands, ordinary sentences, notices, edits and its own messages', async () => {
    const quiet = [
      bed.hs.sendMessage(room, bed.bob.userId, '!weather Paris'),
      bed.hs.sendMessage(room, bed.bob.userId, 'relais de la gare à 18h ?'),
      bed.hs.sendMessage(room, bed.bob.userId, { msgtype: 'm.notice', body: '!tip search alert' }),
      bed.hs.sendMessage(room, bed.bot.userId, '!tip search alert'), // the bot's account, e.g. another of its devices
    ];
    const original = bed.hs.sendMessage(room, bed.bob.userId, 'une idée');
    quiet.push(bed.hs.sendMessage(room, bed.bob.userId, {
      msgtype: 'm.text',
      body: '* !tip search alert',
      'm.new_content': { msgtype: 'm.text', body: '!tip search alert' },
      'm.relates_to': { rel_type: 'm.replace', event_id: original },
    }));
    await bed.caughtUp();
    for (const eventId of quiet) expect(bed.repliesTo(room, eventId)).toEqual([]);
  });

  it('tells someone who addresses it with an unknown command that it does not know it', async () => {
    const { reply } = await bed.ask(room, bed.bob, 'relais: bonjour');
    expect(noticeOf(reply).body).toContain('!bonjour');
  });

  it('answers in the thread a command was written in', async () => {
    const root = bed.hs.sendMessage(room, bed.bob.userId, 'Fil de discussion');
    const { reply } = await bed.ask(room, bed.bob, {
      msgtype: 'm.text',
      body: '!tip search alert',
      'm.relates_to': { rel_type: 'm.thread', event_id: root, is_falling_back: true, 'm.in_reply_to': { event_id: root } },
    });
    expect(reply.content['m.relates_to']).toMatchObject({ rel_type: 'm.thread', event_id: root });
  });

  it('sees room moderators (power level 50 and up) as moderators of that room only', async () => {
    const { reply: forBob } = await bed.ask(room, bed.bob, '!relais whoami');
    expect(noticeOf(forBob).body).toContain('Rôle : membre');
    bed.hs.sendEvent(room, bed.alice.userId, 'm.room.power_levels', { users: { [bed.alice.userId]: 100, [bed.bob.userId]: 50 }, users_default: 0 }, '');
    await bed.caughtUp();
    const { reply: promoted } = await bed.ask(room, bed.bob, '!relais whoami');
    expect(noticeOf(promoted).body).toContain('Rôle : modérateur·rice de ce salon');
    const { reply: forAlice } = await bed.ask(room, bed.alice, '!relais whoami');
    expect(noticeOf(forAlice).body).toContain('Rôle : administrateur·rice');
    const roles = await bed.running.db.member.findMany({ where: { platform: 'matrix' }, orderBy: { externalId: 'asc' } });
    expect(roles.map((m) => [m.externalId, m.displayName, m.workspace])).toEqual(expect.arrayContaining([
      [bed.alice.userId, 'Alice', 'fake.test'],
      [bed.bob.userId, 'Bob', 'fake.test'],
    ]));
    const channel = await bed.running.db.channel.findFirst({ where: { platform: 'matrix', externalId: room } });
    expect(channel).toMatchObject({ workspace: 'fake.test', name: 'Général' });
  });
});
