/**
 * Who may change what, on each platform, through the platform's own delivery (signed Slack slash
 * commands, Matrix room messages): every mutating command is refused below its role and allowed
 * at it. Moderating a room on the platform (a Slack workspace admin, a Matrix room creator, on
 * room versions 10 and 12) counts for that room's own settings only: the network's tips,
 * meetups, roles and membership need a role in the network, or administration.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { matrixPlatform, slackPlatform, type ChatPlatform, type Person, type Place } from './platforms.ts';

const REFUSED = /réservée au rôle|Seul·e l’auteur·rice ou un·e modérateur·rice|Seules les personnes qui modèrent ce salon/;

interface Rule {
  line: (p: ChatPlatform) => string;
  /** Someone still refused, and the lowest allowed (the owner is the organizer). */
  refused: Person;
  allowed: Person;
  /** What the allowed person reads. */
  done: RegExp;
  place?: Place;
}

// In order: each rule's success is the state the next ones start from.
const rules: Array<[string, Rule]> = [
  ['meetup create needs an organizer', { line: () => '/meetup create Atelier | jeudi 18h30 | Mairie | capacité 3 | publier', refused: 'roomModerator', allowed: 'organizer', done: /Rencontre n°1 créée/ }],
  ['meetup edit needs its organizer or a network moderator', { line: () => '/meetup edit 1 title Atelier cartographie', refused: 'roomModerator', allowed: 'moderator', done: /Rencontre n°1 modifiée/ }],
  ['meetup announce needs an organizer of its network', { line: () => '/meetup announce 1', refused: 'roomModerator', allowed: 'organizer', done: /Rencontre n°1 : son annonce part/, place: 'second' }],
  ['tip edit needs its author or a network moderator', { line: () => '/tip edit 1 Le calendrier partagé, version corrigée', refused: 'roomModerator', allowed: 'organizer', done: /Astuce n°1 modifiée/ }],
  ['tip verify needs a network moderator', { line: () => '/tip verify 1', refused: 'roomModerator', allowed: 'moderator', done: /Astuce n°1 vérifiée/ }],
  ['the moderation queue is for network moderators', { line: () => '/tip queue', refused: 'roomModerator', allowed: 'moderator', done: /Rien à modérer/ }],
  ['tip delete needs its author or a network moderator', { line: () => '/tip delete 1', refused: 'roomModerator', allowed: 'moderator', done: /Astuce n°1 retirée/ }],
  ['posting the digest now is the channel’s own setting', { line: () => '/summary now', refused: 'organizer', allowed: 'roomModerator', done: /Résumé posté dans ce salon/ }],
  ['digest settings are the channel’s own', { line: () => '/summary config day mardi', refused: 'organizer', allowed: 'roomModerator', done: /Réglages du résumé/ }],
  ['sending the moderation queue to a channel’s digest needs a network moderator', { line: () => '/summary config moderation on', refused: 'roomModerator', allowed: 'moderator', done: /Réglages du résumé/ }],
  ['the hub setting needs an admin', { line: () => '/summary config hub on', refused: 'moderator', allowed: 'admin', done: /Réglages du résumé/ }],
  ['granting organizer needs a network moderator', { line: (p) => `/relais role grant organizer ${p.mention('other')}`, refused: 'roomModerator', allowed: 'moderator', done: /est maintenant organisateur·rice/ }],
  ['granting moderator needs an admin', { line: (p) => `/relais role grant moderator ${p.mention('other')}`, refused: 'moderator', allowed: 'admin', done: /est maintenant modérateur·rice/ }],
  ['revoking needs a network moderator', { line: (p) => `/relais role revoke organizer ${p.mention('other')}`, refused: 'roomModerator', allowed: 'moderator', done: /n’est plus organisateur·rice/ }],
  ['attaching a channel to a network needs that network’s moderator', { line: () => '/relais network nord', refused: 'roomModerator', allowed: 'moderator', done: /fait maintenant partie du réseau Réseau Nord/, place: 'second' }],
  ['creating a network needs an admin', { line: () => '/relais network sud Réseau Sud', refused: 'moderator', allowed: 'admin', done: /réseau Réseau Sud \(sud\)/, place: 'second' }],
  ['meetup cancel needs its organizer or a network moderator', { line: () => '/meetup cancel 1', refused: 'roomModerator', allowed: 'admin', done: /Rencontre n°1 annulée/ }],
];

const platforms = [
  ['Slack', () => slackPlatform('sqlite')],
  ['Matrix (room version 10)', () => matrixPlatform('sqlite')],
  ['Matrix (room version 12)', () => matrixPlatform('sqlite', { roomVersion: '12' })],
] as const;

describe.each(platforms)('permissions on %s', { timeout: 60_000 }, (_name, start) => {
  let p: ChatPlatform;
  beforeAll(async () => {
    p = await start();
    expect(await p.say('admin', '/relais network nord Réseau Nord')).toMatch(/réseau Réseau Nord/);
    expect(await p.say('admin', `/relais role grant organizer ${p.mention('organizer')}`)).toMatch(/est maintenant organisateur·rice/);
    expect(await p.say('admin', `/relais role grant moderator ${p.mention('moderator')}`)).toMatch(/est maintenant modérateur·rice/);
    expect(await p.say('organizer', '/tip add Le calendrier partagé évite les doublons #outils')).toMatch(/Astuce n°1 enregistrée/);
    // Relais registers a channel on first sight: seen here, the refusals below change nothing.
    expect(await p.say('member', '/relais whoami', 'second')).toMatch(/Rôle ?: membre/);
  });
  afterAll(() => p?.close());

  it.each(rules)('%s', async (_rule, rule) => {
    const line = rule.line(p);
    const before = await snapshot(p);
    expect(await p.say(rule.refused, line, rule.place)).toMatch(REFUSED);
    expect(await snapshot(p)).toEqual(before);
    const answer = await p.say(rule.allowed, line, rule.place);
    expect(answer).not.toMatch(REFUSED);
    expect(answer).toMatch(rule.done);
  });

  it('lets anyone add tips, vote and answer meetups, for themselves only', async () => {
    expect(await p.say('member', '/tip add Astuce de membre sur les visios')).toMatch(/Astuce n°2 enregistrée/);
    expect(await p.say('member', '/tip vote 2')).toMatch(/vote/i);
    expect(await p.say('member', '/meetup create Autre | jeudi 19h | Mairie | publier')).toMatch(REFUSED);
    const rsvps = await p.db.rsvp.count();
    expect(await p.say('other', '/relais forget-me confirm')).toMatch(/Relais a oublié qui vous êtes/);
    expect(await p.db.rsvp.count()).toBe(rsvps);
    expect(await p.db.tip.count({ where: { author: { displayName: { in: ['Ana'] } } } })).toBe(1);
  });

  it('shows room moderators as moderators of their room only, network moderators and admins as such', async () => {
    expect(await p.say('roomModerator', '/relais whoami')).toMatch(/Rôle ?: modérateur·rice de ce salon/);
    expect(await p.say('moderator', '/relais whoami')).toMatch(/Rôle ?: modérateur·rice\n|Rôle ?: modérateur·rice$/m);
    expect(await p.say('member', '/relais whoami')).toMatch(/Rôle ?: membre/);
    expect(await p.say('admin', '/relais whoami')).toMatch(/administrateur·rice/);
  });
});

/** What a refused command must not have changed. */
async function snapshot(p: ChatPlatform) {
  const { db } = p;
  const [meetups, tips, roles, channels, networks, announcements] = await Promise.all([
    db.meetup.findMany({ select: { id: true, title: true, status: true, startsAt: true }, orderBy: { id: 'asc' } }),
    db.tip.findMany({ select: { id: true, text: true, status: true, verifiedAt: true }, orderBy: { id: 'asc' } }),
    db.role.findMany({ select: { memberId: true, networkId: true, role: true }, orderBy: { id: 'asc' } }),
    db.channel.findMany({ select: { id: true, networkId: true, digestWeekday: true, isHub: true, digestModeration: true }, orderBy: { id: 'asc' } }),
    db.network.count(),
    db.announcement.count(),
  ]);
  return { meetups, tips, roles, channels, networks, announcements };
}
