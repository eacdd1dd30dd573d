/**
 * `/meetup create` with nothing else opens a form; its submission is checked field by field before
 * the form closes, then the meetup is created and announced in every chosen channel.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answers, blocksOf, openForm as openHelper, type FormErrors } from './modal-answers.ts';
import { CHANNEL, startTestbed, TEAM, textOf, type Testbed } from './testbed.ts';

let bed: Testbed;
beforeEach(async () => {
  bed = await startTestbed();
});
afterEach(async () => {
  await bed.close();
});

const openForm = (user = 'U0ADMIN') => openHelper(bed, '/meetup', 'create', user);

const valid = { title: 'Apéro numérique', date: '2026-12-03', time: '18:30', timezone: 'Europe/Paris', place: 'Mairie, salle 3', channels: [CHANNEL, 'C0OTHER'] };

describe('the meetup form', { timeout: 20_000 }, () => {
  it('opens on /meetup create, starting from the channel’s timezone and channel', async () => {
    const { opened, n } = await openForm();
    const view = opened.args.view;
    expect(opened.args.trigger_id).toMatch(/^trigger-/);
    expect(view).toMatchObject({ type: 'modal', callback_id: 'meetup.create', title: { text: 'Nouvelle rencontre' } });
    const blocks = blocksOf(opened);
    expect(Object.keys(blocks)).toEqual(['title', 'date', 'time', 'end', 'repeat', 'until', 'announceDays', 'timezone', 'place', 'link', 'capacity', 'reminders', 'membersOnly', 'channels']);
    expect(blocks.repeat).toMatchObject({ element: { type: 'static_select', initial_option: { value: 'none', text: { text: 'Une seule date' } } } });
    expect(blocks.repeat.element.options.map((option: { text: { text: string } }) => option.text.text)).toContain('Chaque mois, le même rang (ex. le 2e mardi)');
    expect(blocks.until).toMatchObject({ optional: true, element: { type: 'datepicker' } });
    expect(blocks.membersOnly).toMatchObject({ optional: true, element: { type: 'checkboxes', options: [{ value: 'on' }] } });
    expect(blocks.end).toMatchObject({ optional: true, element: { type: 'timepicker' }, label: { text: 'Heure de fin' } });
    expect(blocks.reminders).toMatchObject({ optional: true, element: { type: 'plain_text_input' } });
    expect(blocks.date.element.type).toBe('datepicker');
    expect(blocks.time.element.type).toBe('timepicker');
    expect(blocks.timezone.element.initial_option.value).toBe('Europe/Paris');
    expect(blocks.channels.element).toMatchObject({ type: 'multi_conversations_select', initial_conversations: [CHANNEL] });
    expect(bed.api.responses(n)).toEqual([]);
  });

  it('shows every mistake beside its field and keeps the form open; nothing is created', async () => {
    const { opened } = await openForm();
    const response = await bed.submit({
      callbackId: 'meetup.create', privateMetadata: opened.args.view.private_metadata, userId: 'U0ADMIN',
      values: answers({ title: 'ab', date: '2026-11-02', time: '18:30', timezone: 'Europe/Paris', link: 'ftp://files', capacity: '0' }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as FormErrors;
    expect(body.response_action).toBe('errors');
    expect(body.errors).toEqual({
      title: 'trop court',
      date: 'Le lundi 2 novembre 2026 à 18 h 30 est déjà passé.',
      link: 'valeur incorrecte',
      capacity: 'un nombre de places supérieur à 0',
    });
    expect(await bed.db.meetup.count()).toBe(0);
  });

  it('refuses an end before the start, a start the clocks skip, bad reminders and a title on two lines, each beside its field', async () => {
    const { opened } = await openForm();
    const response = await bed.submit({
      callbackId: 'meetup.create', privateMetadata: opened.args.view.private_metadata, userId: 'U0ADMIN',
      values: answers({ ...valid, title: 'Apéro\nSEQUENCE:99', end: '17:00', reminders: 'demain' }),
    });
    expect(((await response.json()) as FormErrors).errors).toEqual({
      title: 'sur une seule ligne',
      end: 'l’heure de fin doit être après le début',
      reminders: '« demain » : écrivez les délais avant la rencontre séparés par des virgules, par exemple « 2j,1h » ou « 30min » (30 jours au plus), « aucun » ou « défaut ».',
    });
    const gap = await bed.submit({
      callbackId: 'meetup.create', privateMetadata: opened.args.view.private_metadata, userId: 'U0ADMIN',
      values: answers({ ...valid, date: '2027-03-28', time: '02:30' }),
    });
    expect(((await gap.json()) as FormErrors).errors).toEqual({
      time: '2 h 30 n’existe pas le dimanche 28 mars 2027 à l’heure de Paris (passage à l’heure d’été) : choisissez 3 h ou plus tard.',
    });
    expect(await bed.db.meetup.count()).toBe(0);
  });

  it('asks for a place or a link when both are empty', async () => {
    const { opened } = await openForm();
    const response = await bed.submit({
      callbackId: 'meetup.create', privateMetadata: opened.args.view.private_metadata, userId: 'U0ADMIN',
      values: answers({ ...valid, place: '' }),
    });
    expect(await response.json()).toEqual({ response_action: 'errors', errors: { place: 'Il manque : où.' } });
  });

  it('a valid form closes, creates the meetup and announces it in each chosen channel', async () => {
    const { opened, n } = await openForm();
    const response = await bed.submit({
      callbackId: 'meetup.create', privateMetadata: opened.args.view.private_metadata, userId: 'U0ADMIN', viewId: 'V0FORM',
      values: answers({ ...valid, end: '20:00', link: 'visio.example.org/apero', capacity: '25', reminders: '2j, 1h' }),
    });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
    const confirmation = await bed.api.waitForResponse((answer) => answer.n === n);
    expect(textOf(confirmation.body)).toContain('Rencontre n°1 créée ; son annonce part');
    const meetup = await bed.db.meetup.findFirstOrThrow({ include: { organizer: true, announcements: { include: { channel: true } } } });
    expect(meetup).toMatchObject({
      title: 'Apéro numérique', timezone: 'Europe/Paris', place: 'Mairie, salle 3', onlineUrl: 'https://visio.example.org/apero', capacity: 25,
    });
    expect(meetup.startsAt.toISOString()).toBe('2026-12-03T17:30:00.000Z');
    expect([meetup.endsAt?.toISOString(), meetup.reminderOffsets, meetup.status]).toEqual(['2026-12-03T19:00:00.000Z', '2880,60', 'scheduled']);
    expect(meetup.organizer).toMatchObject({ externalId: 'U0ADMIN', displayName: 'Chloé' });
    expect(meetup.announcements.map((a) => [a.channel.externalId, a.channel.workspace, a.channel.name]).sort()).toEqual([
      [CHANNEL, TEAM, 'channel-c0fake'], ['C0OTHER', TEAM, 'channel-c0other'],
    ]);
    const posted = bed.api.calls('chat.postMessage').map((call) => call.args.channel).sort();
    expect(posted).toEqual(['C0FAKE', 'C0OTHER']);
  });

  it('a submission delivered twice creates one meetup', async () => {
    const { opened, n } = await openForm();
    const submission = {
      callbackId: 'meetup.create', privateMetadata: opened.args.view.private_metadata, userId: 'U0ADMIN', viewId: 'V0TWICE',
      values: answers(valid),
    };
    await bed.submit(submission);
    await bed.api.waitForResponse((answer) => answer.n === n);
    await bed.submit(submission);
    await bed.waitForLog((record) => record.key === 'view:V0TWICE');
    expect(await bed.db.meetup.count()).toBe(1);
  });

  it('a member who may not organize is told so instead of a form they could not submit', async () => {
    const { reply } = await bed.slash('/meetup', 'create', { user: 'U0USER' });
    expect(reply.response_type).toBe('ephemeral');
    expect(textOf(reply)).toContain('réservée au rôle organisateur·rice');
    expect(bed.api.calls('views.open')).toEqual([]);
  });

  it('a form submitted by someone who may not organize (a forged or stale view) creates nothing', async () => {
    const { opened } = await openForm();
    await bed.submit({ callbackId: 'meetup.create', privateMetadata: opened.args.view.private_metadata, userId: 'U0USER', values: answers(valid) });
    await bed.running.settle();
    expect(await bed.db.meetup.count()).toBe(0);
  });

  it('speaks the channel’s language', async () => {
    await bed.db.channel.create({ data: { platform: 'slack', workspace: TEAM, externalId: 'C0ENGLISH', name: 'english', locale: 'en', timezone: 'America/Montreal' } });
    await bed.slashOnly('/meetup', 'create', { user: 'U0ADMIN', channel: 'C0ENGLISH' });
    const { args } = await bed.api.waitFor('views.open');
    expect(args.view.title.text).toBe('New meetup');
    const timezone = args.view.blocks.find((block: { block_id: string }) => block.block_id === 'timezone');
    expect(timezone.element.initial_option.value).toBe('America/Montreal');
    const response = await bed.submit({
      callbackId: 'meetup.create', privateMetadata: args.view.private_metadata, userId: 'U0ADMIN', values: answers({ ...valid, title: 'x' }),
    });
    expect(((await response.json()) as FormErrors).errors.title).toBe('too short');
  });
});
