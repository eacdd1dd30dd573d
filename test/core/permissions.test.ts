import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';

describe('permissions', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness('sqlite');
    await h.run('/relais network nord Réseau Nord', { user: '@admin:example.org' });
  });
  afterAll(() => h.close());

  it('keeps network creation for admins', async () => {
    const [reply] = await h.run('/relais network ouest Réseau Ouest', { user: '@bob:example.org' });
    expect(reply).toContain('réservée au rôle administrateur·rice');
    expect(await h.services.db.network.count({ where: { slug: 'ouest' } })).toBe(0);
  });

  it('lets platform moderators attach their channel and grant organizers, but not moderators', async () => {
    const mod = { user: '@mod:example.org', channel: '!other:example.org', moderator: true };
    expect((await h.run('/relais network nord', mod))[0]).toContain('fait maintenant partie du réseau Réseau Nord');
    expect((await h.run('/relais role grant organizer @bob:example.org', mod))[0]).toContain('bob');
    expect((await h.run('/relais role grant moderator @bob:example.org', mod))[0]).toContain('réservée au rôle administrateur·rice');
  });

  it('refuses digest settings to ordinary members but shows them', async () => {
    expect((await h.run('/summary config day lundi', { user: '@bob:example.org' }))[0]).toContain('réservée au rôle modérateur·rice');
    expect((await h.run('/summary config', { user: '@bob:example.org' }))[0]).toContain('Réglages du résumé');
  });

  it('makes a granted organizer able to create meetups, and revoking takes it back', async () => {
    await h.run('/relais role grant organizer @carol:example.org', { user: '@admin:example.org' });
    expect((await h.run('/meetup create Visite | 8 décembre 10h | Fablab', { user: '@carol:example.org' }))[0]).toContain('créée');
    await h.run('/relais role revoke organizer @carol:example.org', { user: '@admin:example.org' });
    expect((await h.run('/meetup create Visite 2 | 9 décembre 10h | Fablab', { user: '@carol:example.org' }))[0]).toContain('réservée au rôle organisateur·rice');
  });

  it('says who you are', async () => {
    const [reply] = await h.run('/relais whoami', { user: '@admin:example.org' });
    expect(reply).toContain('Rôle : administrateur·rice');
    expect(reply).toContain('Réseau Nord (nord)');
  });
});
