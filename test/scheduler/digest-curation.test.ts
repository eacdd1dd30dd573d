// What curation adds to digests: verified tips say so, and the channel a network's moderators
// chose gets a section with their queue (flagged tips, tips past their review date), even
// when nothing else happened; other channels never see it.
import { afterEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';
import { admin, moderator } from './support.ts';

const DAY = 86_400_000;
const moderators = '!moderation:example.org';
const maud = { user: '@maud:example.org' };
const idIn = (reply: string | undefined) => Number(/n°(\d+)/.exec(reply ?? '')?.[1]);

describe.each(engines)('curation in digests (%s)', (engine) => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('marks verified tips and gives the moderators’ channel their queue, and no other channel', async () => {
    // Tips are dated by the database: the clock runs from the real present (see digest-content.test.ts).
    h = await createHarness(engine, { now: new Date().toISOString() });
    for (const channel of ['!room:example.org', moderators]) {
      await h.run('/relais network nord Réseau Nord', admin(channel));
      await h.run('/summary config frequency off', moderator(channel));
    }
    await h.run('/relais role grant moderator @maud:example.org', admin());
    const checked = idIn((await h.run('/tip add Le calendrier partagé évite les doublons #outils'))[0]);
    const outdated = idIn((await h.run('/tip add Le formulaire papier est au secrétariat #outils', { user: '@bob:example.org' }))[0]);
    await h.run(`/tip verify ${checked}`, maud);
    await h.run(`/tip flag ${outdated} Le formulaire est en ligne désormais`, { user: '@carol:example.org' });

    // The queue is the network's: a channel's own moderator may not send it to their channel.
    expect((await h.run('/summary config moderation on', moderator(moderators)))[0]).toContain('réservée au rôle modérateur·rice');
    await h.run('/summary config moderation on', { ...maud, channel: moderators });
    h.clock.advance(60_000);

    const [room] = await h.run('/summary preview');
    expect(room).toContain(`Le calendrier partagé évite les doublons (✔ vérifiée, alice, 0 vote)`);
    expect(room).toContain('Le formulaire papier est au secrétariat (bob, 0 vote)');
    expect(room).not.toContain('À modérer');

    const [queue] = await h.run('/summary preview', { channel: moderators });
    expect(queue).toContain('• 🛡 À modérer — 1 astuce à examiner\n');
    expect(queue).toContain(`• 🛡 #${outdated} Le formulaire papier est au secrétariat · Réseau Nord · ⚑ signalée 1 fois — carol : « Le formulaire est en ligne désormais »`);

    // A week later nothing is new, but the queue still waits: the digest says so rather than "nothing new".
    h.clock.advance(8 * DAY);
    const [later] = await h.run('/summary preview', { channel: moderators });
    expect(later).toContain('0 nouvelle astuce');
    expect(later).toContain('🛡 À modérer — 1 astuce à examiner');
    expect(later).not.toContain('Rien de nouveau');
    expect((await h.run('/summary preview'))[0]).toContain('Rien de nouveau sur la période.');
  });
});
