import { afterEach, describe, expect, it } from 'vitest';
import { plainText } from '../../src/core/plain-text.ts';
import { DigestCache } from '../../src/domain/summaries/digest.ts';
import { renderDigest } from '../../src/scheduler/digests.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';
import { admin, moderator, paris, postsIn, summaries } from './support.ts';

const HOUR = 3_600_000;

describe.each(engines)('digest content (%s)', (engine) => {
  let h: Harness;
  afterEach(async () => h?.close());

  /**
   * Tips are dated by the database when they are shared, so these tests run their clock from
   * the real present (moved on past the activity before previewing), with digests off:
   * /summary preview then covers the last week.
   */
  async function start(env: Record<string, string> = {}) {
    h = await createHarness(engine, { now: new Date().toISOString(), env, schedule: false });
    await h.run('/summary config frequency off', moderator());
  }

  async function activity() {
    await h.run('/tip add Activer les sous-titres dans la visio #accessibilite', { user: '@alice:example.org' });
    await h.run('/tip add Contraste minimal 4,5:1 pour le texte #accessibilite', { user: '@alice:example.org' });
    await h.run('/tip add Un tableur partagé pour les inscriptions', { user: '@bob:example.org' });
    await h.run('/tip vote 2', { user: '@bob:example.org' });
    await h.run('/meetup create Atelier RGAA | dans 2 heures | Mairie de Lyon | 2 | publier', admin());
    await h.run('/meetup create Café numérique | dans 3 jours à 18h | Paris | publier', admin());
    for (const user of ['@bob:example.org', '@carol:example.org', '@dave:example.org']) await h.run('/meetup rsvp 1 oui', { user });
    await h.run('/meetup rsvp 2 peut-être', { user: '@bob:example.org' });
    h.clock.advance(3 * HOUR);
  }

  it('tells a French channel its tips by tag with authors, meetups to come and past, and who contributed', async () => {
    await start({ RELAIS_PUBLIC_URL: 'https://relais.example.org/' });
    await activity();
    const [preview] = await h.run('/summary preview');
    const lines = preview!.split('\n');
    expect(lines[0]).toBe('Résumé de la semaine');
    expect(lines[1]).toBe('3 nouvelles astuces · 1 rencontre à venir · 1 rencontre passée');
    expect(lines[2]).toBe('• 💡 #accessibilite — Contraste minimal 4,5:1 pour le texte (alice, 1 vote) · Activer les sous-titres dans la visio (alice, 0 vote)');
    expect(lines[3]).toBe('• 💡 sans tag — Un tableur partagé pour les inscriptions (bob, 0 vote)');
    expect(lines[4]).toMatch(/^• 📅 #2 Café numérique — .* · ✅ 0 .* · 🤔 1 .*/);
    expect(lines[5]).toMatch(/^• 🗓 #1 Atelier RGAA — .* · 2 participant·es$/);
    expect(lines[6]).toBe('• 🙌 Les plus actifs : alice (2), bob (1)');
    expect(lines[7]).toBe('Toutes les astuces <https://relais.example.org/tips> · Toutes les rencontres <https://relais.example.org/meetups>');
  });

  it('shows capacity and waitlist of upcoming meetups, in English for an English channel', async () => {
    await start();
    await h.run('/summary config locale en', moderator());
    await h.run('/meetup create Atelier RGAA | in 2 days at 6pm | Lyon | 1 | publier', admin());
    await h.run('/meetup rsvp 1 yes', { user: '@bob:example.org' });
    await h.run('/meetup rsvp 1 yes', { user: '@carol:example.org' });
    h.clock.advance(60_000);
    const [preview] = await h.run('/summary preview');
    expect(preview).toContain('Weekly digest\n0 new tips · 1 upcoming meetup · 0 past meetups');
    expect(preview).toMatch(/📅 #1 Atelier RGAA — Thursday, December 3, 2026, 6:00 PM \(Paris time\) · ✅ 1 going · .*⏳ 1 on the waitlist · 👥 1 \/ 1$/m);
  });

  it('gives a hub channel the news of every partner network, each item saying its network', async () => {
    await start();
    await h.run('/relais network lyon Numérique Lyon', admin('!lyon:example.org'));
    await h.run('/relais network brest Brest Communs', admin('!brest:example.org'));
    await h.run('/tip add Lyon partage ses gabarits #modeles', { channel: '!lyon:example.org' });
    await h.run('/tip add Brest publie son annuaire #modeles', { channel: '!brest:example.org' });
    await h.run('/meetup create Rencontre bretonne | dans 2 jours à 18h | Brest | publier', admin('!brest:example.org'));
    await h.run('/summary config hub on', admin('!hub:example.org'));
    h.clock.advance(60_000);

    const [hub] = await h.run('/summary preview', { channel: '!hub:example.org' });
    expect(hub).toContain('Résumé du réseau des réseaux');
    expect(hub).toContain('2 nouvelles astuces · 1 rencontre à venir · 0 rencontre passée · 2 réseaux');
    expect(hub).toMatch(/Lyon partage ses gabarits \(alice, 0 vote \[Numérique Lyon\]\)/);
    expect(hub).toMatch(/Brest publie son annuaire \(alice, 0 vote \[Brest Communs\]\)/);
    expect(hub).toMatch(/Rencontre bretonne \[Brest Communs\]/);

    const [lyon] = await h.run('/summary preview', { channel: '!lyon:example.org' });
    expect(lyon).toContain('Résumé de la semaine — Numérique Lyon');
    expect(lyon).toContain('Lyon partage ses gabarits');
    expect(lyon).not.toContain('Brest');
  });

  it('shares one build per network and window within a tick, each channel in its own language; the next tick sees what is new', async () => {
    await start();
    await h.run('/relais network lyon Numérique Lyon', admin('!lyon:example.org'));
    await h.run('/relais network lyon Numérique Lyon', admin('!lyon-en:example.org'));
    await h.run('/summary config locale en', moderator('!lyon-en:example.org'));
    await h.run('/relais network brest Brest Communs', admin('!brest:example.org'));
    await h.run('/summary config hub on', admin('!hub:example.org'));
    await h.run('/tip add Lyon partage ses gabarits #modeles', { channel: '!lyon:example.org' });
    await h.run('/tip add Brest publie son annuaire #modeles', { channel: '!brest:example.org' });
    await h.run('/tip vote 1', { user: '@carol:example.org', channel: '!lyon:example.org' });
    h.clock.advance(60_000);
    const window = { since: new Date(h.clock.now().getTime() - 7 * 86_400_000), until: h.clock.now() };
    const channels = await h.db.channel.findMany({ orderBy: { externalId: 'asc' } });
    const tick = async (cache: DigestCache) => {
      const texts: Record<string, string> = {};
      for (const channel of channels) texts[channel.externalId] = plainText((await renderDigest(h.scheduling, channel, window, 'weekly', cache))!);
      return texts;
    };

    const first = await tick(new DigestCache());
    expect(first['!lyon:example.org']).toContain('Résumé de la semaine — Numérique Lyon');
    expect(first['!lyon:example.org']).toContain('Lyon partage ses gabarits (alice, 1 vote)');
    expect(first['!lyon-en:example.org']).toContain('Weekly digest — Numérique Lyon');
    expect(first['!lyon-en:example.org']).toContain('Lyon partage ses gabarits (alice, 1 vote)');
    expect(first['!lyon-en:example.org']).not.toContain('Brest');
    expect(first['!brest:example.org']).toContain('Brest publie son annuaire');
    expect(first['!brest:example.org']).not.toContain('Lyon');
    expect(first['!hub:example.org']).toContain('Résumé du réseau des réseaux');
    expect(first['!hub:example.org']).toMatch(/Lyon partage ses gabarits \(alice, 1 vote \[Numérique Lyon\]\)/);
    expect(first['!hub:example.org']).toMatch(/Brest publie son annuaire \(alice, 0 vote \[Brest Communs\]\)/);

    await h.run('/tip vote 1', { user: '@bob:example.org', channel: '!lyon:example.org' });
    const next = await tick(new DigestCache());
    expect(next['!lyon-en:example.org']).toContain('Lyon partage ses gabarits (alice, 2 votes)');
    expect(next['!hub:example.org']).toContain('Lyon partage ses gabarits (alice, 2 votes [Numérique Lyon])');
  });

  it('says an empty period in one line, or posts nothing when the channel skips empty digests', async () => {
    h = await createHarness(engine, { now: paris('2026-11-30T09:00').toISOString(), schedule: false });
    await h.run('/summary config frequency weekly', moderator());
    await h.run('/summary config frequency weekly', moderator('!quiet:example.org'));
    await h.run('/summary config empty skip', moderator('!quiet:example.org'));
    await new Scheduler(h.scheduling).tick();
    expect(postsIn(h)).toEqual(['Résumé de la semaine\nRien de nouveau sur la période.']);
    expect(postsIn(h, '!quiet:example.org')).toEqual([]);
    expect(await summaries(h, '!quiet:example.org')).toEqual([{ period: '2026-W49', status: 'skipped', postedAt: null }]);
  });
});

describe.each(engines)('configuring a digest from the console (%s)', (engine) => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('sets the day and time, shows the next digest, and previews it', async () => {
    h = await createHarness(engine, { now: paris('2026-11-30T10:00').toISOString(), schedule: false });
    await h.run('/summary config day lundi', { moderator: true });
    const [config] = await h.run('/summary config time 08:30', { moderator: true });
    expect(config).toContain('Jour : lundi');
    expect(config).toContain('Heure : 08:30');
    expect(config).toContain('Prochain résumé : lundi 7 décembre 2026 à 8:30 (Europe/Paris)');
    const [preview] = await h.run('/summary preview');
    expect(preview).toBe('Résumé de la semaine\nRien de nouveau sur la période.');
  });
});
