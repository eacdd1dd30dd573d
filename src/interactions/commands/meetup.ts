import { z } from 'zod';
import type { Reply } from '../../core/card.ts';
import { RelaisError } from '../../core/errors.ts';
import { announce } from '../../domain/meetups/announce.ts';
import { announceToFollowers } from '../../domain/meetups/follow.ts';
import { answerConfirmation, answerMeetup } from '../../domain/meetups/answer.ts';
import { createSeries, DEFAULT_ANNOUNCE_DAYS, seriesPreviewNotes, upcomingSeries } from '../../domain/meetups/series.ts';
import { readWhen } from '../../domain/meetups/when/index.ts';
import { participantsCard, participantsCsv, participantsOf } from '../../domain/meetups/participants.ts';
import { createMeetup, getMeetup, publicMeetup, upcomingMeetups } from '../../domain/meetups/service.ts';
import { listLines } from '../../domain/meetups/series-view.ts';
import { listCard } from '../../domain/meetups/view.ts';
import { idArg, idOnly } from '../arguments.ts';
import { previewCard } from '../cards.ts';
import type { InteractionContext } from '../context.ts';
import { defineCommand, subcommand } from '../declare.ts';
import { createOptions, splitWhere, titleArg } from '../meetup-args.ts';
import { changesFor, editableFields, type ReadChanges } from '../meetup-changes.ts';
import { cancelScopeActions } from '../actions.ts';
import { editAnswer } from '../forms/edit-form.ts';
import { discardDraft, publishDraft } from '../meetup-drafts.ts';
import { applyCancel, cancelQuestion } from '../meetup-cancel.ts';
import { applyEdit, confirmed } from '../meetup-edit.ts';
import { confirmation } from '../replies.ts';
import { announceHere } from '../relay.ts';
import { fieldAndValue } from '../series-edits.ts';
import { asksScope, scopeArg, scopeOf, scopeWords } from '../series-scope.ts';
import { mineSubcommand } from './people.ts';

const rsvpAnswers = {
  yes: 'going', oui: 'going', going: 'going',
  maybe: 'maybe', 'peut-etre': 'maybe', 'peut-être': 'maybe', pe: 'maybe',
  no: 'declined', non: 'declined', declined: 'declined',
  withdraw: null, retirer: null,
} as const;

const everyNetwork = ['tout', 'tous', 'toutes', 'all', 'every'] as const;

export const meetupCommand = defineCommand({
  name: 'meetup',
  help: 'meetups.help.command',
  subcommands: [
    subcommand({
      name: 'create',
      syntax: 'pipes',
      args: [
        { name: 'title', kind: 'word', label: 'args.title' },
        { name: 'when', kind: 'word', label: 'args.when' },
        { name: 'where', kind: 'word', label: 'args.where' },
        { name: 'options', kind: 'rest', optional: true, label: 'meetupFlow.args.createOptions' },
      ],
      schema: z.object({
        title: titleArg,
        when: z.string().max(200, 'validation.tooLong'),
        where: z.string().max(500, 'validation.tooLong'),
        options: z.string().max(300, 'validation.tooLong').optional(),
      }),
      permission: 'organizer',
      help: 'meetups.help.create',
      form: 'meetup.create',
      async run({ title, when, where, options }, ctx) {
        const chosen = createOptions(options);
        // A series' end may come as its own segment (`| jusqu'au 30 juin 2027`): it is read with the rest of "when".
        const reading = await readWhen(chosen.until ? `${when} ${chosen.until}` : when, { now: ctx.clock.now(), timeZone: ctx.timeZone, locale: ctx.locale });
        if (!reading.recurrence && chosen.announceDays) throw new RelaisError('invalid_argument', 'series.errors.announceWithoutSeries', { option: chosen.announceDays.written });
        const fields = {
          title,
          startsAt: reading.start,
          endsAt: reading.end,
          timezone: reading.timeZone,
          ...splitWhere(where),
          capacity: chosen.capacity,
          membersOnly: chosen.membersOnly,
          ...(chosen.reminderOffsets !== undefined ? { reminderOffsets: chosen.reminderOffsets } : {}),
          organizerId: ctx.member.id,
          networkId: ctx.channel.networkId,
          channelId: ctx.channel.id,
          status: chosen.publish ? ('scheduled' as const) : ('draft' as const),
        };
        const announceDays = chosen.announceDays?.days ?? DEFAULT_ANNOUNCE_DAYS;
        const meetup = reading.recurrence
          ? (await createSeries(ctx.db, { ...fields, recurrence: reading.recurrence, announceDaysAhead: announceDays })).first
          : await createMeetup(ctx.db, fields);
        const notes = reading.recurrence
          ? [...reading.notes, ...seriesPreviewNotes(reading.recurrence, reading.timeZone, reading.start, announceDays, ctx.locale)]
          : reading.notes;
        if (!chosen.publish) {
          const draft = await getMeetup(ctx.db, meetup.id);
          const card = previewCard(draft, { locale: ctx.locale, timeZone: ctx.timeZone, publicUrl: ctx.config.RELAIS_PUBLIC_URL, reading, notes });
          return { visibility: 'ephemeral', card };
        }
        await announce(ctx.db, ctx.out, ctx.renderAnnouncement, meetup.id, ctx.channel);
        await announceToFollowers(ctx.db, ctx.out, ctx.renderAnnouncement, meetup);
        return confirmed(ctx, ctx.t('meetups.created', { id: meetup.id }), notes);
      },
    }),
    subcommand({
      name: 'publish',
      aliases: ['publier'],
      ...idOnly,
      permission: 'owner',
      target: 'meetup',
      help: 'meetupFlow.help.publish',
      run: ({ id }, ctx) => publishDraft(ctx, id),
    }),
    subcommand({
      name: 'discard',
      aliases: ['abandonner'],
      ...idOnly,
      permission: 'owner',
      target: 'meetup',
      help: 'meetupFlow.help.discard',
      run: ({ id }, ctx) => discardDraft(ctx, id),
    }),
    subcommand({
      name: 'list',
      args: [{ name: 'scope', kind: 'word', optional: true, label: 'meetupFlow.args.listScope' }],
      schema: z.object({ scope: z.string().transform((value) => value.toLowerCase()).pipe(z.enum(everyNetwork, 'validation.invalid')).optional() }),
      permission: 'anyone',
      help: 'meetups.help.list',
      async run({ scope }, ctx) {
        const network = !scope && ctx.channel.networkId ? await ctx.db.network.findUnique({ where: { id: ctx.channel.networkId } }) : null;
        const meetups = await upcomingMeetups(ctx.db, { now: ctx.clock.now(), limit: 15, networkId: network?.id ?? null });
        const title = network ? ctx.t('meetupFlow.list.network', { network: network.name }) : scope ? ctx.t('meetupFlow.list.all') : ctx.t('meetups.listTitle');
        const footer = network ? [ctx.t('meetupFlow.list.seeAll', { command: `${ctx.prefix}meetup list ${ctx.t('meetupFlow.args.listScope')}` })] : undefined;
        const series = await upcomingSeries(ctx.db, { now: ctx.clock.now(), networkId: network?.id ?? null, count: 3 });
        const options = { t: ctx.t, locale: ctx.locale, timeZone: ctx.timeZone };
        return { visibility: 'ephemeral', card: listCard(title, listLines(meetups, series, options).slice(0, 15), { ...options, ...(footer ? { footer } : {}) }) };
      },
    }),
    subcommand({
      name: 'show',
      ...idOnly,
      permission: 'anyone',
      help: 'meetups.help.show',
      async run({ id }, ctx) {
        const meetup = await publicMeetup(ctx.db, id, (draft) => draft.organizerId === ctx.member.id);
        return { visibility: 'ephemeral', card: ctx.renderAnnouncement(meetup, ctx.channel) };
      },
    }),
    subcommand({
      name: 'edit',
      args: [
        { name: 'id', kind: 'word', label: 'args.id' },
        { name: 'field', kind: 'word', label: 'args.field', optional: true },
        { name: 'value', kind: 'rest', label: 'args.value', optional: true },
      ],
      schema: z.object({
        id: idArg,
        field: z.string().transform((value) => value.toLowerCase()).pipe(z.enum([...Object.keys(editableFields), ...Object.keys(scopeWords)] as [keyof typeof editableFields], 'validation.field')).optional(),
        value: z.string().max(500, 'validation.tooLong').optional(),
      }),
      permission: 'owner',
      target: 'meetup',
      help: 'meetups.help.edit',
      async run({ id, field, value }, ctx) {
        const current = await getMeetup(ctx.db, id);
        // `/meetup edit 4 suivantes lieu Salle 2`: the scope comes before the field.
        const scoped = field && field in scopeWords ? { scope: field as keyof typeof scopeWords, ...fieldAndValue(value, ctx.t) } : { scope: undefined, field: field as keyof typeof editableFields | undefined, value };
        // `/meetup edit 4` (the preview's "Change"): every field as a line to correct.
        if (!scoped.field || scoped.value === undefined) return editAnswer(ctx, current);
        const scope = scopeOf(current, scoped.scope, ctx, `meetup edit ${id} {scope} ${scoped.field} ${scoped.value}`);
        const { changes, notes } = await changesFor(editableFields[scoped.field], scoped.value, ctx, current);
        return applyEdit(ctx, current, changes, notes, scope);
      },
    }),
    subcommand({
      name: 'cancel',
      aliases: ['annuler'],
      args: [
        { name: 'id', kind: 'word', label: 'args.id' },
        { name: 'scope', kind: 'word', optional: true, label: 'series.args.scope' },
      ],
      schema: z.object({ id: idArg, scope: scopeArg.optional() }),
      permission: 'owner',
      target: 'meetup',
      help: 'meetups.help.cancel',
      async run({ id, scope }, ctx) {
        const current = await getMeetup(ctx.db, id);
        if (asksScope(current) && !scope) return cancelQuestion(ctx, current, cancelScopeActions);
        return applyCancel(ctx, current, scope ? scopeWords[scope] : 'one');
      },
    }),
    subcommand({
      name: 'participants',
      aliases: ['inscrits'],
      args: [
        { name: 'id', kind: 'word', label: 'args.id' },
        { name: 'format', kind: 'word', optional: true, label: 'meetupFlow.args.csv' },
      ],
      schema: z.object({ id: idArg, format: z.string().transform((value) => value.toLowerCase()).pipe(z.enum(['--csv', 'csv'], 'validation.invalid')).optional() }),
      permission: 'owner',
      target: 'meetup',
      help: 'meetupFlow.help.participants',
      async run({ id, format }, ctx) {
        const meetup = await getMeetup(ctx.db, id);
        const people = await participantsOf(ctx.db, id);
        if (format) return { visibility: 'ephemeral', card: { locale: ctx.locale, body: [[{ code: participantsCsv(people, ctx.t) }]] } };
        return { visibility: 'ephemeral', card: participantsCard(meetup, people, { t: ctx.t, locale: ctx.locale, csvCommand: `${ctx.prefix}meetup participants ${id} --csv` }) };
      },
    }),
    subcommand({
      name: 'rsvp',
      args: [
        { name: 'id', kind: 'word', label: 'args.id' },
        { name: 'answer', kind: 'word', label: 'args.answer' },
      ],
      schema: z.object({
        id: idArg,
        answer: z.string().transform((value) => value.toLowerCase()).pipe(z.enum(Object.keys(rsvpAnswers) as [keyof typeof rsvpAnswers], 'validation.answer')),
      }),
      permission: 'anyone',
      help: 'meetups.help.rsvp',
      async run({ id, answer }, ctx) {
        const outcome = await answerMeetup(ctx, ctx.member, id, rsvpAnswers[answer], 'command');
        if (outcome.changed) ctx.changed(id);
        return { visibility: 'ephemeral', card: answerConfirmation(outcome, id, ctx.locale) };
      },
    }),
    subcommand({
      name: 'announce',
      aliases: ['annoncer'],
      ...idOnly,
      permission: 'relay',
      target: 'meetup',
      help: 'meetups.help.announce',
      run: ({ id }, ctx) => announceHere(ctx, id),
    }),
    mineSubcommand,
  ],
});
