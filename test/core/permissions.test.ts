import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';

const admin = { user: '@admin:example.org' };
/** A moderator of their own room on the platform, with no role in any network. */
const roomModerator = { user: '@mod:example.org', channel: '!other:example.org', moderator: true };

describe('permissions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('sqlite');
    await h.run('/relais network nord Réseau Nord', admin);
  });
  afterAll(() => h.close());

  it('keeps network creation for admins', async () => {
    expect((await h.run('/relais network ouest Réseau Ouest', { ...roomModerator }))[0]).toContain('réservée au rôle modérateur·rice');
    expect((await h.run('/relais network ouest Réseau Ouest', { user: '@bob:example.org' }))[0]).toContain('réservée au rôle modérateur·rice');
    expect(await h.db.network.count({ where: { slug: 'ouest' } })).toBe(0);
  });

  it('leaves joining a network to that network: a room moderator cannot attach their room', async () => {
    expect((await h.run('/relais network nord', roomModerator))[0]).toContain('réservée au rôle modérateur·rice');
    expect((await h.db.channel.findFirstOrThrow({ where: { externalId: '!other:example.org' } })).networkId).toBeNull();
    expect((await h.run('/relais network nord', { ...admin, channel: '!other:example.org' }))[0]).toContain('fait maintenant partie du réseau Réseau Nord');
  });

  it('gives room moderators no say over the network: roles, other people\'s tips and meetups', async () => {
    expect((await h.run('/relais role grant organizer @bob:example.org', roomModerator))[0]).toContain('réservée au rôle modérateur·rice');
    await h.run('/tip add Une astuce de Bob sur les visios', { user: '@bob:example.org', channel: '!other:example.org' });
    expect((await h.run('/tip delete 1', roomModerator))[0]).toContain('Seul·e l’auteur·rice ou un·e modérateur·rice');
    expect(await h.db.tip.count({ where: { status: 'published' } })).toBe(1);
  });

  it('lets room moderators change their channel\'s digest, not the hub setting; members only read it', async () => {
    expect((await h.run('/summary config day lundi', { user: '@bob:example.org', channel: '!other:example.org' }))[0]).toContain('Seules les personnes qui modèrent ce salon');
    expect((await h.run('/summary config', { user: '@bob:example.org' }))[0]).toContain('Réglages du résumé');
    expect((await h.run('/summary config day mardi', roomModerator))[0]).toContain('Jour : mardi');
    expect((await h.run('/summary config hub on', roomModerator))[0]).toContain('réservée au rôle administrateur·rice');
  });

  it('makes a granted organizer able to create meetups, and revoking takes it back', async () => {
    await h.run('/relais role grant organizer @carol:example.org', admin);
    expect((await h.run('/meetup create Visite | 8 décembre 10h | Fablab | publier', { user: '@carol:example.org' }))[0]).toContain('créée');
    await h.run('/relais role revoke organizer @carol:example.org', admin);
    expect((await h.run('/meetup create Visite 2 | 9 décembre 10h | Fablab | publier', { user: '@carol:example.org' }))[0]).toContain('réservée au rôle organisateur·rice');
    expect((await h.run('/relais role revoke organizer @carol:example.org', admin))[0]).toContain('carol n’a pas le rôle organisateur·rice dans ce réseau');
  });

  it('refuses to name someone nobody knows, and invents no one', async () => {
    const members = await h.db.member.count();
    expect((await h.run('/relais role grant organizer zorro2', admin))[0]).toContain('Je ne trouve personne qui réponde à « zorro2 »');
    expect(await h.db.member.count()).toBe(members);
  });

  it('says who you are', async () => {
    const [reply] = await h.run('/relais whoami', admin);
    expect(reply).toContain('Rôle : administrateur·rice');
    expect(reply).toContain('Réseau Nord (nord)');
    expect((await h.run('/relais whoami', { ...roomModerator, channel: '!third:example.org' }))[0]).toContain('Rôle : modérateur·rice de ce salon');
  });
});
