/**
 * Meetups as organizers live them, through the pipeline on the in-memory chat: a preview before
 * anything is announced, publishing from its button, change notices to everyone who answered (once
 * each), the list of who comes, waitlist places, a network's own list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card, CardButton } from '../../src/core/card.ts';
import { plainText } from '../../src/core/plain-text.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';

const admin = { user: '@admin:example.org' };
const button = (card: Card | undefined, actionId: string): CardButton => {
  const found = card?.buttons?.find((candidate) => candidate.actionId === actionId);
  if (!found) throw new Error(`no ${actionId} button on ${card ? plainText(card) : 'no card'}`);
  return found;
};
const directsTo = (h: Harness, user: string) => h.adapter.of('direct').filter((sent) => sent.target === user).map((sent) => plainText(sent.card!));
const announcementsOf = (h: Harness, title: string) => h.adapter.sent.filter((sent) => (sent.kind === 'post' || sent.kind === 'update') && sent.card?.header?.[0] === `📅 ${title}`);

describe.each(engines)('the meetup flow on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine, { now: '2026-11-30T09:00:00Z' });
    await h.run('/relais network nord Réseau Nord', admin);
    await h.run('/relais role grant organizer @alice:example.org', admin);
  });
  afterAll(() => h.close());

  it('previews a command-line meetup privately, with its date written out, and announces nothing', async () => {
    const [preview] = await h.cards('/meetup create Atelier | 14 janvier 2027 de 9h à 17h | Rennes');
    const text = plainText(preview!);
    expect(text).toContain('Aperçu — 📅 Atelier');
    expect(text).toContain('Quand : jeudi 14 janvier 2027, 9 h – 17 h (heure de Paris)');
    expect(text).toContain('Où : Rennes');
    expect(text).toContain('Brouillon n°1, visible de vous seul·e');
    expect(preview!.buttons!.map((b) => [b.actionId, b.value, b.instead])).toEqual([
      ['meetup.publish', '1', { command: 'meetup publish 1' }],
      ['meetup.change', '1', { command: 'meetup edit 1' }],
      ['meetup.discard', '1', { command: 'meetup discard 1' }],
    ]);
    expect(h.adapter.of('post')).toEqual([]);
    const draft = await h.db.meetup.findUniqueOrThrow({ where: { id: 1 } });
    expect([draft.status, draft.startsAt.toISOString(), draft.endsAt?.toISOString()]).toEqual(['draft', '2027-01-14T08:00:00.000Z', '2027-01-14T16:00:00.000Z']);
  });

  it('keeps a draft its organizer’s: not listed, not found by others, not answerable', async () => {
    expect((await h.run('/meetup list'))[0]).toContain('Aucune rencontre prévue');
    expect((await h.run('/meetup show 1', { user: '@bob:example.org' }))[0]).toContain('Rencontre n°1 introuvable');
    expect((await h.run('/meetup rsvp 1 oui', { user: '@bob:example.org' }))[0]).toContain('Rencontre n°1 introuvable');
    expect((await h.run('/meetup show 1'))[0]).toContain('📅 Atelier');
    expect((await h.run('/meetup announce 1'))[0]).toContain('La rencontre n°1 est encore un brouillon : publiez-la d’abord avec /meetup publish 1.');
  });

  it('shows a new preview when a draft is changed, and the lines to type to change it', async () => {
    const [lines] = await h.cards('/meetup edit 1');
    const text = plainText(lines!);
    expect(text).toContain('Modifier la rencontre n°1');
    expect(text).toContain('• /meetup edit 1 quand jeudi 14 janvier 2027, 9 h');
    expect(text).toContain('• /meetup edit 1 fin 17 h');
    expect(text).toContain('• /meetup edit 1 rappels 1j,1h');
    // A line typed back as shown gives the same meetup.
    const [again] = await h.cards('/meetup edit 1 quand jeudi 14 janvier 2027, 9 h');
    expect(plainText(again!)).toContain('Quand : jeudi 14 janvier 2027, 9 h – 17 h (heure de Paris)');
    expect(plainText(again!)).toContain('La durée ne change pas : la rencontre finit à 17 h.');
    const [moved] = await h.cards('/meetup edit 1 fin 18h');
    expect(plainText(moved!)).toContain('Quand : jeudi 14 janvier 2027, 9 h – 18 h (heure de Paris)');
    expect(moved!.buttons!.map((b) => b.actionId)).toEqual(['meetup.publish', 'meetup.change', 'meetup.discard']);
    expect((await h.db.meetup.findUniqueOrThrow({ where: { id: 1 } })).sequence).toBe(0);
  });

  it('publishes on the button: announced once, in the channel it was previewed in', async () => {
    const [preview] = await h.cards('/meetup show 1');
    expect(preview).toBeDefined();
    const publish = { actionId: 'meetup.publish', value: '1', label: 'Publier' };
    expect(await h.click(publish, { user: '@bob:example.org' })).toEqual(['Seul·e l’auteur·rice ou un·e modérateur·rice peut faire cela.']);
    expect(await h.click(publish)).toEqual(['Rencontre n°1 publiée ; son annonce part dans ce salon.']);
    expect(await h.click(publish)).toEqual(['La rencontre n°1 est déjà publiée : pour l’annoncer dans un autre salon, /meetup announce 1.']);
    const posts = announcementsOf(h, 'Atelier').filter((sent) => sent.kind === 'post');
    expect(posts).toHaveLength(1);
    expect(posts[0]!.target).toBe('!room:example.org');
    expect(plainText(posts[0]!.card!)).toContain('Quand : jeudi 14 janvier 2027, 9 h – 18 h (heure de Paris)');
    expect((await h.db.meetup.findUniqueOrThrow({ where: { id: 1 } })).status).toBe('scheduled');
  });

  it('drops a draft from its preview, and never a published meetup from a stale preview', async () => {
    const [preview] = await h.cards('/meetup create Brouillon | 15 janvier 2027 10h | Lyon | rappels 2j,1h');
    expect(await h.click(button(preview, 'meetup.discard'))).toEqual(['Brouillon n°2 abandonné : rien n’a été publié.']);
    expect(await h.db.meetup.count({ where: { id: 2 } })).toBe(0);
    expect(await h.click({ actionId: 'meetup.discard', value: '1', label: 'Annuler' })).toEqual(['La rencontre n°1 est déjà publiée : pour l’annoncer dans un autre salon, /meetup announce 1.']);
    expect((await h.run('/meetup create Autre | 16 janvier 2027 10h | Lyon'))[0]).toContain('Brouillon n°3');
    expect((await h.run('/meetup cancel 3'))[0]).toBe('Brouillon n°3 abandonné : rien n’a été publié.');
  });

  it('says what the reading chose and that calendars need an end, and refuses what cannot be read', async () => {
    const [preview] = await h.cards('/meetup create Permanence | 9h | Mairie | capacité 2 | rappels 2j,1h');
    const text = plainText(preview!);
    expect(text).toContain('Sans date, j’ai retenu le mardi 1er décembre 2026.');
    expect(text).toContain('Sans heure de fin, les agendas l’afficheront sur 1 h');
    expect((await h.db.meetup.findFirstOrThrow({ where: { title: 'Permanence' } })).reminderOffsets).toBe('2880,60');
    expect((await h.run('/meetup create Test | 31 février 2027 10h | Quimper'))[0]).toContain('Le 31 février n’existe pas.');
    expect((await h.run('/meetup create Test | demain 10h | Quimper | tous les jours'))[0]).toContain('« tous les jours » : j’attends « capacité 30 », « rappels 2j,1h », « réservé aux membres », « publier », ou pour une série « jusqu’au 30 juin 2027 » et « annonce 10j ».');
    expect((await h.run('/meetup create Atelier\nSEQUENCE:99 | demain 10h | Quimper'))[0]).toContain('« titre » n’est pas valide : sur une seule ligne.');
    expect(await h.db.meetup.count({ where: { title: { contains: 'SEQUENCE' } } })).toBe(0);
  });

  describe('once people answered', () => {
    beforeAll(async () => {
      await h.run('/meetup create Visite | 10 décembre 2026 de 14h à 16h | Fablab | capacité 1 | publier');
      for (const [user, answer] of [['@bob', 'oui'], ['@carol', 'oui'], ['@dan', 'oui'], ['@erin', 'peut-être'], ['@fred', 'non']] as const) {
        await h.run(`/meetup rsvp 5 ${answer}`, { user: `${user}:example.org` });
      }
    });

    it('tells a waitlisted person their place when they answer', async () => {
      expect((await h.run('/meetup rsvp 5 oui', { user: '@gus:example.org' }))[0]).toBe('La rencontre n°5 est complète : vous êtes n°3 sur la liste d’attente et serez prévenu·e si une place se libère.');
      expect((await h.run('/meetup rsvp 5 oui', { user: '@dan:example.org' }))[0]).toContain('vous êtes n°2 sur la liste d’attente');
    });

    it('lists who comes for the organizer, and refuses it to a member', async () => {
      expect((await h.run('/meetup participants 5', { user: '@bob:example.org' }))[0]).toContain('Seul·e l’auteur·rice ou un·e modérateur·rice peut faire cela.');
      const text = (await h.run('/meetup participants 5'))[0]!;
      expect(text).toContain('• ✅ Je viens (1) — 1 / 1 : bob');
      expect(text).toContain('• ⏳ Liste d’attente (3) : 1. carol, 2. dan, 3. gus');
      expect(text).toContain('• 🤔 Peut-être (1) : erin');
      expect(text).toContain('• ❌ Ne viennent pas (1) : fred');
      expect(text).not.toContain('example.org');
      expect((await h.run('/meetup participants 5 --csv'))[0]).toBe('nom,réponse\nbob,vient\ncarol,liste d’attente\ndan,liste d’attente\ngus,liste d’attente\nerin,peut-être\nfred,ne vient pas\n');
    });

    it('moves the waitlist up when a seat frees, telling each their new place', async () => {
      await h.run('/meetup rsvp 5 non', { user: '@bob:example.org' });
      expect(directsTo(h, '@carol:example.org')).toEqual(['Une place s’est libérée : vous êtes inscrit·e à la rencontre n°5 « Visite ».']);
      expect(directsTo(h, '@dan:example.org')).toEqual(['Vous êtes maintenant n°1 sur la liste d’attente de la rencontre n°5 « Visite ».']);
      expect(directsTo(h, '@gus:example.org')).toEqual(['Vous êtes maintenant n°2 sur la liste d’attente de la rencontre n°5 « Visite ».']);
      await h.run('/meetup rsvp 5 retirer', { user: '@dan:example.org' });
      expect(directsTo(h, '@gus:example.org').at(-1)).toBe('Vous êtes maintenant n°1 sur la liste d’attente de la rencontre n°5 « Visite ».');
    });

    it('tells everyone going, waiting or maybe of a new time, once each, old → new, and every copy says it changed', async () => {
      await h.run('/meetup announce 5', { user: '@alice:example.org', channel: '!other:example.org' });
      const before = h.adapter.of('direct').length;
      const [edited] = await h.run('/meetup edit 5 quand 11 décembre 2026 14h');
      expect(edited).toContain('Rencontre n°5 modifiée ; les annonces sont mises à jour et 3 personnes sont prévenues.');
      expect(edited).toContain('La durée ne change pas : la rencontre finit à 16 h.');
      const notices = h.adapter.of('direct').slice(before);
      expect(notices.map((sent) => sent.target).sort()).toEqual(['@carol:example.org', '@erin:example.org', '@gus:example.org']);
      expect(plainText(notices[0]!.card!)).toBe([
        '✏️ Rencontre modifiée — Visite',
        'La rencontre n°5 à laquelle vous avez répondu a changé :',
        'Quand : jeudi 10 décembre 2026, 14 h – 16 h (heure de Paris) → vendredi 11 décembre 2026, 14 h – 16 h (heure de Paris)',
        '#5 · organisée par alice',
      ].join('\n'));
      await h.relais.settle();
      for (const channel of ['!room:example.org', '!other:example.org']) {
        const latest = announcementsOf(h, 'Visite').filter((sent) => sent.target === channel).at(-1)!;
        expect(plainText(latest.card!)).toContain('✏️ Modifiée : date et heure.');
        expect(plainText(latest.card!)).toContain('Quand : vendredi 11 décembre 2026, 14 h – 16 h (heure de Paris)');
      }
      expect((await h.db.meetup.findUniqueOrThrow({ where: { id: 5 } })).sequence).toBe(1);
    });

    it('tells them of a new place or end, not of a new title', async () => {
      let before = h.adapter.of('direct').length;
      await h.run('/meetup edit 5 lieu Médiathèque https://visio.example.org/visite');
      const place = h.adapter.of('direct').slice(before).map((sent) => plainText(sent.card!));
      expect(place).toHaveLength(3);
      expect(place[0]).toContain('Où : Fablab → Médiathèque · en ligne : https://visio.example.org/visite');
      before = h.adapter.of('direct').length;
      await h.run('/meetup edit 5 durée 3h');
      expect(h.adapter.of('direct').slice(before).map((sent) => plainText(sent.card!))[0]).toContain('14 h – 16 h (heure de Paris) → vendredi 11 décembre 2026, 14 h – 17 h');
      before = h.adapter.of('direct').length;
      expect((await h.run('/meetup edit 5 titre Visite guidée'))[0]).toBe('Rencontre n°5 modifiée ; les annonces sont mises à jour.');
      expect(h.adapter.of('direct').length).toBe(before);
      await h.relais.settle();
      expect(plainText(announcementsOf(h, 'Visite guidée').at(-1)!.card!)).toContain('✏️ Modifiée : date et heure, heure de fin, lieu.');
    });

    it('tells everyone who answered going or maybe of a cancellation, once each', async () => {
      const before = h.adapter.of('direct').length;
      expect((await h.run('/meetup cancel 5'))[0]).toBe('Rencontre n°5 annulée ; 3 personnes qui avaient répondu sont prévenues.');
      const notices = h.adapter.of('direct').slice(before);
      expect(notices.map((sent) => sent.target).sort()).toEqual(['@carol:example.org', '@erin:example.org', '@gus:example.org']);
      expect(plainText(notices[0]!.card!)).toContain('La rencontre n°5 à laquelle vous avez répondu est annulée. Elle devait avoir lieu le vendredi 11 décembre 2026, 14 h – 17 h (heure de Paris) (Médiathèque · en ligne : https://visio.example.org/visite).');
    });
  });

  it('lists this channel’s network’s meetups, and every network’s on demand', async () => {
    await h.run('/relais network sud Réseau Sud', { ...admin, channel: '!sud:example.org' });
    await h.run('/meetup create Apéro sudiste | 12 décembre 2026 18h | Marseille | publier', { ...admin, channel: '!sud:example.org' });
    const nord = (await h.run('/meetup list'))[0]!;
    expect(nord).toContain('Prochaines rencontres — Réseau Nord');
    expect(nord).toContain('#1 Atelier — jeudi 14 janvier 2027, 9 h – 18 h (heure de Paris) — Rennes');
    expect(nord).not.toContain('Apéro sudiste');
    expect(nord).toContain('Celles de tous les réseaux : /meetup list tout');
    const all = (await h.run('/meetup list tout'))[0]!;
    expect(all).toContain('Prochaines rencontres — tous les réseaux');
    expect(all).toContain('Apéro sudiste');
    expect(all).toContain('Atelier');
  });
});

describe.each(engines)('change notices on a platform without private messages (%s)', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine, { now: '2026-11-30T09:00:00Z', directMessages: false });
  });
  afterAll(() => h.close());

  it('are replies under the announcement, saying whom they are for', async () => {
    await h.run('/meetup create Atelier | 10 décembre 2026 18h | Mairie | publier', admin);
    await h.run('/meetup rsvp 1 oui', { user: '@bob:example.org' });
    await h.run('/meetup edit 1 quand 11 décembre 2026 18h', admin);
    const announcement = h.adapter.of('post').find((sent) => sent.card?.header?.[0] === '📅 Atelier')!;
    const replies = h.adapter.of('post').filter((sent) => sent.inReplyTo === announcement.messageId);
    expect(replies).toHaveLength(1);
    expect(plainText(replies[0]!.card!)).toContain('Pour bob :\nLa rencontre n°1 à laquelle vous avez répondu a changé :');
    expect(h.adapter.of('direct')).toEqual([]);
  });
});
