/**
 * Relaying through the platforms' own deliveries (signed Slack slash commands, Matrix room
 * messages): a moderator of another room relays a meetup there, people answer in both rooms, and
 * the organizer reads one list of who comes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matrixPlatform, slackPlatform, type ChatPlatform } from '../permissions/platforms.ts';

const platforms = [
  ['Slack', () => slackPlatform('sqlite')],
  ['Matrix', () => matrixPlatform('postgres')],
] as const;

describe.each(platforms)('relaying on %s', { timeout: 60_000 }, (_name, start) => {
  let p: ChatPlatform;
  beforeAll(async () => {
    p = await start();
    await p.say('admin', '/relais network nord Réseau Nord');
    await p.say('admin', `/relais role grant organizer ${p.mention('organizer')}`);
  });
  afterAll(() => p?.close());

  it('relays into another room by its moderator, with one list of answers from both rooms', async () => {
    expect(await p.say('organizer', '/meetup create Atelier | 14 janvier 2027 de 9h à 17h | Rennes | publier')).toMatch(/Rencontre n°1 créée/);
    expect(await p.say('member', '/meetup announce 1', 'second')).toMatch(/réservée au rôle/);
    expect(await p.say('roomModerator', '/meetup announce 1', 'second')).toMatch(/Rencontre n°1 relayée dans ce salon ; elle reste celle du réseau « Réseau Nord »/);
    expect(await p.db.announcement.count({ where: { meetupId: 1 } })).toBe(2);
    await p.say('member', '/meetup rsvp 1 oui', 'second');
    await p.say('other', '/meetup rsvp 1 oui', 'main');
    const list = await p.say('organizer', '/meetup participants 1');
    expect(list).toContain('Je viens (2)');
  });
});
