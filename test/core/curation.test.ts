// Curation as moderators and members use it, on both engines: verification with review dates,
// flags, the moderation queue, merging duplicates, tag merges, the top list and votes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';

const admin = { user: '@admin:example.org' };
const maud = { user: '@maud:example.org' };
const bob = { user: '@bob:example.org' };
const carol = { user: '@carol:example.org' };
const DAY = 86_400_000;

/** The tip numbers a list reply shows, in order. */
const listed = (reply: string | undefined) => [...(reply ?? '').matchAll(/^• #(\d+)/gm)].map((match) => Number(match[1]));
const idIn = (reply: string | undefined) => Number(/n°(\d+)/.exec(reply ?? '')?.[1]);

describe.each(engines)('curation on %s', (engine) => {
  let h: Harness;
  let calendar: number;
  let duplicate: number;
  let other: number;

  beforeAll(async () => {
    h = await createHarness(engine);
    await h.run('/relais network nord Réseau Nord', admin);
    await h.run('/relais role grant moderator @maud:example.org', admin);
    calendar = idIn((await h.run('/tip add Le calendrier partagé évite les doublons de réunions #outils'))[0]);
    duplicate = idIn((await h.run('/tip add Un calendrier commun pour ne pas doubler les réunions #agenda', bob))[0]);
    other = idIn((await h.run('/tip add Réserver la salle du conseil une semaine avant #salles', carol))[0]);
  });
  afterAll(() => h.close());

  it('lets moderators verify a tip for twelve months by default, or the interval given; members may not', async () => {
    expect((await h.run(`/tip verify ${calendar}`, bob))[0]).toContain('réservée au rôle modérateur·rice');
    expect((await h.run(`/tip verify ${calendar}`, maud))[0]).toBe(`Astuce n°${calendar} vérifiée ; elle sera à revoir le 30 novembre 2027.`);
    expect((await h.run(`/tip verify ${other} 6 mois`, maud))[0]).toBe(`Astuce n°${other} vérifiée ; elle sera à revoir le 30 mai 2027.`);
    expect((await h.run(`/tip verify ${other} 90 jours`, maud))[0]).toContain('à revoir le 28 février 2027');
    for (const bad of ['demain', '0 mois', '6 siècles', '10 ans']) {
      expect((await h.run(`/tip verify ${other} ${bad}`, maud))[0], bad).toContain('n’est pas un délai de relecture');
    }
    const [shown] = await h.run(`/tip show ${calendar}`);
    expect(shown).toContain('Vérification : vérifiée par maud le 30 novembre 2026 ; à revoir le 30 novembre 2027');
    expect((await h.run('/tip list'))[0]).toMatch(new RegExp(`^• #${calendar} ✔ vérifiée Le calendrier partagé`, 'm'));
  });

  it('ranks verified tips first in search, until their review date', async () => {
    // Both match "calendrier réunions"; the unverified one is newer and as relevant.
    expect(listed((await h.run('/tip search calendrier réunions'))[0])).toEqual([calendar, duplicate]);
    h.clock.advance(366 * DAY);
    try {
      expect(listed((await h.run('/tip search calendrier réunions'))[0])).toEqual([duplicate, calendar]);
      const [queue] = await h.run('/tip queue', maud);
      expect(queue).toContain(`#${calendar} Le calendrier partagé`);
      expect(queue).toContain('🕓 à revoir depuis le 30 novembre 2027');
      expect((await h.run(`/tip show ${calendar}`))[0]).toContain('Vérification : à revoir depuis le 30 novembre 2027');
    } finally {
      h.clock.advance(-366 * DAY);
    }
  });

  it('takes flags from anyone, once each, and shows them in the queue to moderators only', async () => {
    expect((await h.run(`/tip flag ${duplicate} La salle a changé de nom depuis`, carol))[0]).toBe(`Merci : l’astuce n°${duplicate} est signalée aux modérateur·rices.`);
    expect((await h.run(`/tip flag ${duplicate} Encore une fois`, carol))[0]).toContain('Vous avez déjà signalé l’astuce');
    expect((await h.run(`/tip flag ${duplicate} ok`, carol))[0]).toContain('trop court');
    expect((await h.run('/tip queue', bob))[0]).toContain('réservée au rôle modérateur·rice');
    const [queue] = await h.run('/tip queue', maud);
    expect(queue).toContain('File de modération\n1 astuce à examiner');
    expect(queue).toContain(`• #${duplicate} Un calendrier commun pour ne pas doubler les réunions · Réseau Nord · ⚑ signalée 1 fois — carol : « La salle a changé de nom depuis »`);
    // Without a number, /tip verify is the queue.
    expect((await h.run('/tip verify', maud))[0]).toBe(queue);
    // Verifying settles the flags.
    await h.run(`/tip verify ${duplicate}`, maud);
    expect((await h.run('/tip queue', maud))[0]).toContain('Rien à modérer');
  });

  it('brings the tips a channel saved before joining a network into that network’s queue, and leaves other networks’ tips where they are', async () => {
    const lone = { ...carol, channel: '!lone:example.org' };
    const early = idIn((await h.run('/tip add Afficher les horaires de la permanence à l’entrée #accueil', lone))[0]);
    await h.run(`/tip flag ${early} Les horaires ont changé`, { ...bob, channel: '!lone:example.org' });
    expect((await h.run('/tip queue', maud))[0]).not.toContain(`#${early} `);
    await h.run('/relais network sud Réseau Sud', admin);
    const southern = idIn((await h.run('/tip add Un tableau partagé des prêts de matériel #outils', carol))[0]);
    await h.run('/relais network nord', { ...admin, channel: '!lone:example.org' });
    expect((await h.run('/tip queue', { ...maud, channel: '!lone:example.org' }))[0]).toContain(`• #${early} Afficher les horaires de la permanence à l’entrée · Réseau Nord · ⚑ signalée 1 fois`);
    expect((await h.db.tip.findUniqueOrThrow({ where: { id: southern } })).networkId).toBe((await h.db.network.findUniqueOrThrow({ where: { slug: 'sud' } })).id);
    await h.run('/relais network nord', admin);
  });

  it('merges a duplicate: votes (never the author’s), tags and links move, the old number answers with the new one', async () => {
    const message = await h.db.tip.update({ where: { id: duplicate }, data: { permalink: 'https://chat.example.org/m/42' } });
    await h.run(`/tip vote ${duplicate}`, carol);
    await h.run(`/tip vote ${duplicate}`, { user: '@dan:example.org' });
    await h.run(`/tip vote ${calendar}`, carol);
    // alice wrote the tip kept: her vote on the duplicate does not follow it.
    await h.run(`/tip vote ${duplicate}`);
    expect((await h.run(`/tip merge ${duplicate} ${calendar}`, bob))[0]).toContain('réservée au rôle modérateur·rice');
    expect((await h.run(`/tip merge ${duplicate} ${duplicate}`, maud))[0]).toContain('ne peut pas être fusionnée dans elle-même');
    expect((await h.run(`/tip merge ${duplicate} ${calendar}`, maud))[0]).toBe(`Astuce n°${duplicate} fusionnée dans la n°${calendar} : votes, étiquettes et liens suivent ; le n°${duplicate} mène désormais à la n°${calendar}.`);

    const kept = await h.db.tip.findUniqueOrThrow({ where: { id: calendar }, include: { tags: true, votes: true } });
    expect(kept.voteCount).toBe(2);
    expect(kept.votes.map(({ memberId }) => memberId).sort()).toHaveLength(2);
    expect(kept.tags.map(({ tag }) => tag).sort()).toEqual(['agenda', 'outils']);
    expect(kept.permalink).toBe(message.permalink);
    expect(await h.db.tipVote.count({ where: { tipId: duplicate } })).toBe(0);

    const [shown] = await h.run(`/tip show ${duplicate}`);
    expect(shown).toContain(`Astuce n°${calendar} — Le calendrier partagé`);
    expect(shown).toContain(`L’astuce n°${duplicate} a été fusionnée dans celle-ci.`);
    expect(shown).toContain('message d’origine <https://chat.example.org/m/42>');
    expect((await h.run(`/tip vote ${duplicate}`, { user: '@erin:example.org' }))[0]).toBe(`Vote enregistré pour l’astuce n°${calendar}.`);
    expect((await h.run(`/tip edit ${duplicate} Un autre texte pour l’ancien numéro`, maud))[0]).toContain(`L’astuce n°${duplicate} a été fusionnée dans la n°${calendar} : utilisez le n°${calendar}.`);
    expect(listed((await h.run('/tip search doubler'))[0])).toEqual([calendar]);
    expect(listed((await h.run('/tip list #agenda'))[0])).toEqual([calendar]);
  });

  it('ranks /tip top by votes, ties by recency, and leaves out tips nobody voted for', async () => {
    const fresh = idIn((await h.run('/tip add Une astuce sans vote'))[0]);
    const voted = idIn((await h.run('/tip add Une astuce appréciée une fois'))[0]);
    await h.run(`/tip vote ${voted}`, bob);
    await h.run(`/tip vote ${other}`, bob);
    const top = listed((await h.run('/tip top'))[0]);
    expect(top).toEqual([calendar, voted, other]);
    expect(top).not.toContain(fresh);
  });

  it('refuses a vote for one’s own tip', async () => {
    const mine = idIn((await h.run('/tip add Mon astuce à moi', bob))[0]);
    expect((await h.run(`/tip vote ${mine}`, bob))[0]).toContain(`Vous ne pouvez pas voter pour votre propre astuce (n°${mine}).`);
    expect(await h.db.tipVote.count({ where: { tipId: mine } })).toBe(0);
  });

  it('merges tags with /tip tag merge, moderators only', async () => {
    await h.run('/tip add Sous-titrer les vidéos #accessibility', bob);
    await h.run('/resource add https://example.org/rgaa | Le référentiel RGAA | #accessibility guide', bob);
    expect((await h.run('/tip tag merge accessibility Accessibilité', bob))[0]).toContain('réservée au rôle modérateur·rice');
    expect((await h.run('/tip tag merge #accessibility #Accessibilité', maud))[0]).toBe('#accessibility fusionnée dans #Accessibilité : 1 astuce déplacée ; #accessibility mène désormais à #Accessibilité.');
    expect((await h.run('/tip list #accessibility'))[0]).toContain('Astuces #Accessibilité');
    // Resources carry the same tags, and move alike.
    expect((await h.run('/resource list #accessibility'))[0]).toContain('Ressources : #Accessibilité\n• #1 Le référentiel RGAA');
    expect((await h.run('/tip tag fuse a b', maud))[0]).toContain('merge, suivi de deux étiquettes');
  });
});
