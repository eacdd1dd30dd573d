/**
 * Meetup series through the pipeline on the in-memory chat: created from one line (French or
 * English), previewed with their next dates and the months they skip, published, stored as an
 * RRULE on the organizer's wall time, listed once with their next dates.
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

describe.each(engines)('meetup series on %s', (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness(engine, { now: '2026-11-30T09:00:00Z' });
    await h.run('/relais network nord Réseau Nord', admin);
    await h.run('/relais role grant organizer @alice:example.org', admin);
  });
  afterAll(() => h.close());

  it('previews a series with its next dates and how they are announced, and announces nothing', async () => {
    const [preview] = await h.cards('/meetup create Groupe de travail cartes | tous les 2e mardis du mois 10h-12h | En ligne | jusqu’au 30 juin 2027');
    const text = plainText(preview!);
    expect(text).toContain('Quand : tous les 2e mardis du mois, 10 h – 12 h (heure de Paris), à partir du mardi 8 décembre 2026, jusqu’au 30 juin 2027');
    expect(text).toContain('Prochaines dates : mardi 8 décembre 2026, 10 h ; mardi 12 janvier 2027, 10 h ; mardi 9 février 2027, 10 h ; mardi 9 mars 2027, 10 h ; mardi 13 avril 2027, 10 h.');
    expect(text).toContain('les suivantes 7 jours avant');
    expect(text).not.toContain('Sans heure de fin');
    expect(preview!.buttons!.map((b) => b.instead)).toEqual([{ command: 'meetup publish 1' }, { command: 'meetup edit 1' }, { command: 'meetup discard 1' }]);
    expect(h.adapter.of('post')).toEqual([]);
    const series = await h.db.meetupSeries.findFirstOrThrow();
    expect([series.rrule, series.firstDate, series.wallTime, series.durationMinutes, series.timezone, series.status, series.announceDaysAhead])
      .toEqual(['FREQ=MONTHLY;BYDAY=2TU', '2026-12-08', '10:00', 120, 'Europe/Paris', 'draft', 7]);
    // The last second of 30 June 2027 in Paris (summer time, UTC+2).
    expect(series.until!.toISOString()).toBe('2027-06-30T21:59:59.000Z');
    const first = await h.db.meetup.findUniqueOrThrow({ where: { id: 1 } });
    expect([first.status, first.seriesId, first.startsAt.toISOString(), first.endsAt!.toISOString(), first.occurrenceStart!.toISOString()])
      .toEqual(['draft', series.id, '2026-12-08T09:00:00.000Z', '2026-12-08T11:00:00.000Z', '2026-12-08T09:00:00.000Z']);
    expect((await h.run('/meetup list'))[0]).toContain('Aucune rencontre prévue');
  });

  it('publishes the series from its preview: the first date is announced once, the series listed once with its next dates', async () => {
    expect(await h.click({ actionId: 'meetup.publish', value: '1', label: 'Publier' })).toEqual(['Rencontre n°1 publiée ; son annonce part dans ce salon.']);
    expect(h.adapter.of('post').filter((sent) => sent.card?.header?.[0] === '📅 Groupe de travail cartes')).toHaveLength(1);
    expect((await h.db.meetupSeries.findFirstOrThrow()).status).toBe('scheduled');
    await h.run('/meetup create Apéro | 10 décembre 2026 18h | Lille | publier');
    const list = (await h.run('/meetup list tout'))[0]!;
    expect(list).toContain('🔁 Groupe de travail cartes — tous les 2e mardis du mois, 10 h – 12 h (heure de Paris)');
    expect(list).toContain('prochaines : mardi 8 décembre 2026, 10 h (#1) ; mardi 12 janvier 2027, 10 h ; mardi 9 février 2027, 10 h');
    expect(list.match(/Groupe de travail cartes/g)).toHaveLength(1);
    // In the order of their next dates: the series (8 December) before the apéro (10 December).
    expect(list.indexOf('Groupe de travail')).toBeLessThan(list.indexOf('Apéro'));
  });

  it('says which months a fifth-Tuesday series skips', async () => {
    const [preview] = await h.cards('/meetup create Club | tous les 5e mardis du mois 18h | Lille');
    const text = plainText(preview!);
    expect(text).toContain('Prochaines dates : mardi 29 décembre 2026, 18 h ; mardi 30 mars 2027, 18 h ; mardi 29 juin 2027, 18 h ; mardi 31 août 2027, 18 h ; mardi 30 novembre 2027, 18 h.');
    expect(text).toContain('Pas de rencontre en janvier 2027, février 2027, avril 2027, mai 2027, juillet 2027, septembre 2027, octobre 2027 : ces mois-là n’ont pas la date de la série.');
  });

  it('reads English series, with an end of its own and announcement days', async () => {
    const [other] = await h.cards('/meetup create Meetup EN | every other Tuesday 6pm | Online | announce 10 days');
    expect(plainText(other!)).toContain('Prochaines dates : mardi 1er décembre 2026, 18 h ; mardi 15 décembre 2026, 18 h ; mardi 29 décembre 2026, 18 h');
    expect(plainText(other!)).toContain('les suivantes 10 jours avant');
    const [first] = await h.cards('/meetup create Séminaire | every first Thursday of the month at 18:30 until June 30 | Paris');
    expect(plainText(first!)).toContain('jusqu’au 30 juin 2027');
    expect(plainText(first!)).toContain('Prochaines dates : jeudi 3 décembre 2026, 18 h 30 ; jeudi 7 janvier 2027, 18 h 30 ; jeudi 4 février 2027, 18 h 30');
    const stored = await h.db.meetupSeries.findMany({ where: { title: { in: ['Meetup EN', 'Séminaire'] } }, orderBy: { id: 'asc' } });
    expect(stored.map((series) => [series.rrule, series.wallTime, series.announceDaysAhead])).toEqual([['FREQ=WEEKLY;INTERVAL=2;BYDAY=TU', '18:00', 10], ['FREQ=MONTHLY;BYDAY=1TH', '18:30', 7]]);
  });

  it('refuses announcement days for a one-off, and drops a draft series with its first date', async () => {
    expect((await h.run('/meetup create Test | 10 décembre 2026 18h | Lille | annonce 3j'))[0]).toContain('« annonce 3j » ne vaut que pour une série');
    const [preview] = await h.cards('/meetup create Jetable | tous les lundis 9h | Lille');
    const id = Number(button(preview, 'meetup.discard').value);
    const seriesId = (await h.db.meetup.findUniqueOrThrow({ where: { id } })).seriesId!;
    expect(await h.click(button(preview, 'meetup.discard'))).toEqual([`Brouillon n°${id} abandonné : rien n’a été publié.`]);
    expect([await h.db.meetup.count({ where: { id } }), await h.db.meetupSeries.count({ where: { id: seriesId } })]).toEqual([0, 0]);
  });

  it('lets an organizer of series be forgotten: drafts go, published series stay, credited to nobody', async () => {
    const alice = await h.db.member.findFirstOrThrow({ where: { externalId: '@alice:example.org' } });
    expect(await h.db.meetupSeries.count({ where: { organizerId: alice.id } })).toBeGreaterThan(1);
    expect((await h.run('/relais forget-me confirm'))[0]).toContain('Relais a oublié qui vous êtes');
    expect(await h.db.meetupSeries.count({ where: { organizerId: alice.id } })).toBe(0);
    expect(await h.db.meetupSeries.count({ where: { status: 'draft' } })).toBe(0);
    expect(await h.db.meetupSeries.count({ where: { title: 'Groupe de travail cartes', status: 'scheduled' } })).toBe(1);
  });
});
