/**
 * Series in Slack's forms: the create form repeats a meetup from the date picked (and refuses what
 * it cannot repeat beside the field); `/meetup edit <n°>` and a preview's "Change" open the meetup's
 * form filled in, which asks "this date only" or "this date and the following" for a date of a
 * series; `/meetup cancel <n°>` on such a date asks with a button per answer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answers, blocksOf, openForm, type FormErrors } from './modal-answers.ts';
import { CHANNEL, startTestbed, textOf, type Testbed } from './testbed.ts';

let bed: Testbed;
beforeEach(async () => {
  bed = await startTestbed();
});
afterEach(async () => {
  await bed.close();
});

const base = { title: 'Groupe de travail cartes', time: '10:00', end: '12:00', timezone: 'Europe/Paris', place: 'En ligne' };

async function submitCreate(fields: Parameters<typeof answers>[0]) {
  const { opened, n } = await openForm(bed, '/meetup', 'create');
  const response = await bed.submit({ callbackId: 'meetup.create', privateMetadata: opened.args.view.private_metadata, userId: 'U0ADMIN', values: answers(fields) });
  return { response, n };
}

/** A weekly series published from one line, and the answer to `/meetup edit 1` (its form). */
async function publishedSeries() {
  const { reply } = await bed.slash('/meetup', 'create Permanence numérique | tous les mardis 14h-16h | Mairie, salle 3 | publier', { user: 'U0ADMIN' });
  expect(textOf(reply)).toContain('Rencontre n°1 créée');
  await bed.slash('/meetup', 'rsvp 1 oui', { user: 'U0BEA' });
}

describe('series in the Slack forms', { timeout: 30_000 }, () => {
  it('creates a series from the date picked: the 2nd Tuesday of each month until 30 June, 10:00 on both sides of the March DST change', async () => {
    const { response, n } = await submitCreate({ ...base, date: '2027-01-12', repeat: 'monthlyWeekday', until: '2027-06-30' });
    expect(await response.text()).toBe('');
    const said = textOf((await bed.api.waitForResponse((answer) => answer.n === n, 10_000)).body);
    expect(said).toContain('Rencontre n°1 créée');
    expect(said).toContain('Prochaines dates : mardi 12 janvier 2027, 10 h ; mardi 9 février 2027, 10 h ; mardi 9 mars 2027, 10 h ; mardi 13 avril 2027, 10 h ; mardi 11 mai 2027, 10 h.');
    const series = await bed.db.meetupSeries.findFirstOrThrow();
    expect([series.rrule, series.firstDate, series.wallTime, series.durationMinutes, series.status, series.announceDaysAhead, series.membersOnly])
      .toEqual(['FREQ=MONTHLY;BYDAY=2TU', '2027-01-12', '10:00', 120, 'scheduled', 7, false]);
    expect(series.until?.toISOString()).toBe('2027-06-30T21:59:59.000Z');
    const first = await bed.db.meetup.findUniqueOrThrow({ where: { id: 1 } });
    expect([first.seriesId, first.startsAt.toISOString(), first.endsAt?.toISOString()]).toEqual([series.id, '2027-01-12T09:00:00.000Z', '2027-01-12T11:00:00.000Z']);
    const announced = bed.api.calls('chat.postMessage').filter((call) => call.args.channel === CHANNEL);
    expect(announced).toHaveLength(1);
    expect(textOf(announced[0]!.args)).toContain('🔁 Une date de la série : tous les 2e mardis du mois. Chaque date a ses propres réponses.');
  });

  it('says which months a 5th Tuesday skips, and keeps a chosen announcement delay and members-only access', async () => {
    const { n } = await submitCreate({ ...base, date: '2027-03-30', repeat: 'monthlyWeekday', announceDays: '10', membersOnly: true });
    const said = textOf((await bed.api.waitForResponse((answer) => answer.n === n, 10_000)).body);
    expect(said).toContain('Les mois sans 5e mardi sont sautés.');
    expect(said).toContain('mardi 30 mars 2027, 10 h ; mardi 29 juin 2027, 10 h');
    expect(said).toContain('les suivantes 10 jours avant');
    const series = await bed.db.meetupSeries.findFirstOrThrow();
    expect([series.rrule, series.announceDaysAhead, series.membersOnly]).toEqual(['FREQ=MONTHLY;BYDAY=5TU', 10, true]);
    expect((await bed.db.meetup.findUniqueOrThrow({ where: { id: 1 } })).membersOnly).toBe(true);
  });

  it('refuses, beside the field, a date the repetition does not fall on, an end before the first date, and series fields without a repetition', async () => {
    const notLast = await submitCreate({ ...base, date: '2027-01-12', repeat: 'monthlyLastWeekday' });
    expect(((await notLast.response.json()) as FormErrors).errors).toEqual({
      repeat: 'Le mardi 12 janvier 2027 n’est pas une date de cette répétition : elle commencerait le mardi 26 janvier 2027. Choisissez cette date-là, ou une autre répétition.',
    });
    const untilFirst = await submitCreate({ ...base, date: '2027-01-12', repeat: 'weekly', until: '2027-01-05' });
    expect(((await untilFirst.response.json()) as FormErrors).errors).toEqual({ until: 'La série s’arrête le 5 janvier 2027, avant sa première date (mardi 12 janvier 2027).' });
    const oneOff = await submitCreate({ ...base, date: '2027-01-12', until: '2027-06-30', announceDays: '3' });
    expect(((await oneOff.response.json()) as FormErrors).errors).toEqual({
      until: 'Seulement pour une rencontre qui se répète : choisissez d’abord une répétition.',
      announceDays: 'Seulement pour une rencontre qui se répète : choisissez d’abord une répétition.',
    });
    expect(await bed.db.meetup.count()).toBe(0);
    expect(await bed.db.meetupSeries.count()).toBe(0);
  });

  it('opens a date of a series filled in, asking which dates; "this and the following" changes them and the series, and tells who answered', async () => {
    await publishedSeries();
    const { opened } = await openForm(bed, '/meetup', 'edit 1');
    const blocks = blocksOf(opened);
    expect(opened.args.view).toMatchObject({ callback_id: 'meetup.edit', title: { text: 'Modifier la rencontre' }, submit: { text: 'Enregistrer' } });
    expect([blocks.title.element.initial_value, blocks.date.element.initial_date, blocks.time.element.initial_time, blocks.end.element.initial_time, blocks.place.element.initial_value])
      .toEqual(['Permanence numérique', '2026-12-01', '14:00', '16:00', 'Mairie, salle 3']);
    expect(blocks.scope).toMatchObject({ element: { type: 'radio_buttons' } });
    expect(blocks.scope.optional).toBeUndefined();
    expect(blocks.scope.element.options.map((option: { text: { text: string } }) => option.text.text)).toEqual(['Cette date seulement', 'Cette date et les suivantes']);
    expect(blocks.channels).toBeUndefined();
    const values = answers({ title: 'Permanence numérique', date: '2026-12-01', time: '14:00', end: '16:00', timezone: 'Europe/Paris', place: 'Médiathèque', scope: 'following' }, 'edit');
    const response = await bed.submit({ callbackId: 'meetup.edit', privateMetadata: opened.args.view.private_metadata, viewId: 'V0EDIT1', userId: 'U0ADMIN', values });
    expect(await response.text()).toBe('');
    await bed.running.settle();
    const said = bed.api.responses().map((answer) => textOf(answer.body)).join('\n');
    expect(said).toContain('Rencontre n°1 et les dates suivantes de la série modifiées');
    expect(said).toContain('1 personne est prévenue');
    expect((await bed.db.meetup.findUniqueOrThrow({ where: { id: 1 } })).place).toBe('Médiathèque');
    expect((await bed.db.meetupSeries.findFirstOrThrow()).place).toBe('Médiathèque');
  });

  it('refuses to move the following dates from the form, and says when nothing changed', async () => {
    await publishedSeries();
    const { opened } = await openForm(bed, '/meetup', 'edit 1');
    const unchanged = { title: 'Permanence numérique', date: '2026-12-01', time: '14:00', end: '16:00', timezone: 'Europe/Paris', place: 'Mairie, salle 3' };
    await bed.submit({ callbackId: 'meetup.edit', privateMetadata: opened.args.view.private_metadata, viewId: 'V0EDIT2', userId: 'U0ADMIN', values: answers({ ...unchanged, scope: 'one' }, 'edit') });
    await bed.running.settle();
    await bed.submit({ callbackId: 'meetup.edit', privateMetadata: opened.args.view.private_metadata, viewId: 'V0EDIT3', userId: 'U0ADMIN', values: answers({ ...unchanged, time: '15:00', end: '17:00', scope: 'following' }, 'edit') });
    await bed.running.settle();
    const said = bed.api.responses().map((answer) => textOf(answer.body)).join('\n');
    expect(said).toContain('Rien n’a changé dans la rencontre n°1.');
    expect(said).toContain('Déplacer la rencontre n°1 et les dates suivantes change la série elle-même');
    expect((await bed.db.meetup.findUniqueOrThrow({ where: { id: 1 } })).startsAt.toISOString()).toBe('2026-12-01T13:00:00.000Z');
  });

  it('moves this date only, ticks members-only, and lets nobody else submit the form', async () => {
    await publishedSeries();
    const { opened } = await openForm(bed, '/meetup', 'edit 1');
    const moved = answers({ title: 'Permanence numérique', date: '2026-12-01', time: '15:00', end: '17:00', timezone: 'Europe/Paris', place: 'Mairie, salle 3', membersOnly: true, scope: 'one' }, 'edit');
    await bed.submit({ callbackId: 'meetup.edit', privateMetadata: opened.args.view.private_metadata, viewId: 'V0EDIT4', userId: 'U0USER', values: moved });
    await bed.running.settle();
    expect((await bed.db.meetup.findUniqueOrThrow({ where: { id: 1 } })).startsAt.toISOString()).toBe('2026-12-01T13:00:00.000Z');
    await bed.submit({ callbackId: 'meetup.edit', privateMetadata: opened.args.view.private_metadata, viewId: 'V0EDIT5', userId: 'U0ADMIN', values: moved });
    await bed.running.settle();
    const edited = await bed.db.meetup.findUniqueOrThrow({ where: { id: 1 } });
    expect([edited.startsAt.toISOString(), edited.endsAt?.toISOString(), edited.membersOnly]).toEqual(['2026-12-01T14:00:00.000Z', '2026-12-01T16:00:00.000Z', true]);
    expect((await bed.db.meetupSeries.findFirstOrThrow()).wallTime).toBe('14:00');
  });

  it('opens the form from a preview’s "Change"; the new preview comes back, and a draft asks no scope', async () => {
    const { reply } = await bed.slash('/meetup', 'create Apéro | 3 décembre 2026 18h30 | Mairie', { user: 'U0ADMIN' });
    expect(textOf(reply)).toContain('Apéro');
    const responseUrl = bed.api.responseUrl();
    await bed.click({ actionId: 'meetup.change', value: '1', userId: 'U0ADMIN', responseUrl });
    const opened = await bed.api.waitFor('views.open', () => true, 10_000);
    expect(opened.args.view.callback_id).toBe('meetup.edit');
    expect(blocksOf(opened).scope).toBeUndefined();
    const values = answers({ title: 'Apéro numérique', date: '2026-12-03', time: '18:30', timezone: 'Europe/Paris', place: 'Mairie' }, 'edit');
    await bed.submit({ callbackId: 'meetup.edit', privateMetadata: opened.args.view.private_metadata, viewId: 'V0EDIT6', userId: 'U0ADMIN', values });
    const preview = await bed.api.waitForResponse((answer) => responseUrl.endsWith(`/${answer.n}`), 10_000);
    expect(textOf(preview.body)).toContain('Apéro numérique');
    expect((await bed.db.meetup.findUniqueOrThrow({ where: { id: 1 } })).status).toBe('draft');
  });

  it('asks which dates to cancel with a button per answer; "this and the following" ends the series', async () => {
    await publishedSeries();
    const { reply } = await bed.slash('/meetup', 'cancel 1', { user: 'U0ADMIN' });
    expect(textOf(reply)).toContain('La rencontre n°1 (« Permanence numérique », mardi 1er décembre 2026, 14 h) est une date d’une série : que faut-il annuler ?');
    const actions = (reply.blocks as Array<{ type: string; elements?: Array<{ action_id: string; value: string }> }>).flatMap((block) => block.elements ?? []);
    expect(actions.map((button) => [button.action_id, button.value])).toEqual([['meetup.cancel.one', '1'], ['meetup.cancel.following', '1']]);
    expect((await bed.db.meetup.findUniqueOrThrow({ where: { id: 1 } })).status).toBe('scheduled');
    const responseUrl = bed.api.responseUrl();
    await bed.click({ actionId: 'meetup.cancel.following', value: '1', userId: 'U0ADMIN', responseUrl });
    const done = await bed.api.waitForResponse((answer) => responseUrl.endsWith(`/${answer.n}`), 10_000);
    expect(textOf(done.body)).toContain('Rencontre n°1 et les dates suivantes de la série annulées');
    expect((await bed.db.meetup.findUniqueOrThrow({ where: { id: 1 } })).status).toBe('cancelled');
    expect((await bed.db.meetupSeries.findFirstOrThrow()).status).toBe('cancelled');
  });
});
