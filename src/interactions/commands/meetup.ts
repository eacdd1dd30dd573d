import { z } from 'zod';
import { announce } from '../../domain/meetups/announce.ts';
import { answerConfirmation, answerMeetup, tell } from '../../domain/meetups/answer.ts';
import { parseWhen } from '../../domain/meetups/parse-when.ts';
import { cancelMeetup, createMeetup, editMeetup, getMeetup, upcomingMeetups, type MeetupChanges } from '../../domain/meetups/service.ts';
import { meetupListCard } from '../../domain/meetups/view.ts';
import type { MessageKey } from '../../i18n/translate.ts';
import { idArg, idOnly } from '../arguments.ts';
import type { InteractionContext } from '../context.ts';
import { defineCommand, subcommand } from '../declare.ts';
import { invalidArgument } from '../parse.ts';
import { confirmation } from '../replies.ts';
import { mineSubcommand } from './people.ts';

const titleArg = z.string().min(3, 'validation.tooShort').max(200, 'validation.tooLong');
const capacityArg = z
  .string()
  .regex(/^(?:(?:capacit[eé]|capacity|places?|max)\s*[:=]?\s*)?\d{1,5}$/iu, 'validation.capacity')
  .transform((value) => Number(value.replace(/\D/g, '')))
  .pipe(z.number().int().min(1, 'validation.capacity'));

const urlPattern = /https?:\/\/\S+/i;

/** "Salle 3, Mairie https://visio.example/abc" → a place and an online link. */
function splitWhere(where: string): Pick<MeetupChanges, 'place' | 'onlineUrl'> {
  const url = urlPattern.exec(where)?.[0] ?? null;
  const place = (url ? where.replace(url, '') : where).replace(/^[\s,;·-]+|[\s,;·-]+$/g, '') || null;
  return { place, onlineUrl: url };
}

const editableFields = {
  title: 'title', titre: 'title',
  when: 'when', date: 'when', quand: 'when',
  where: 'where', lieu: 'where', ou: 'where',
  capacity: 'capacity', capacite: 'capacity', 'capacité': 'capacity',
  description: 'description',
} as const;

const rsvpAnswers = {
  yes: 'going', oui: 'going', going: 'going',
  maybe: 'maybe', 'peut-etre': 'maybe', 'peut-être': 'maybe', pe: 'maybe',
  no: 'declined', non: 'declined', declined: 'declined',
  withdraw: null, retirer: null,
} as const;

/** Validates a value the edit syntax could not type up front, with the same localized errors. */
function checked<T>(schema: z.ZodType<T>, value: string, label: MessageKey, ctx: InteractionContext): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalidArgument(ctx.t(label), result.error.issues[0]?.message ?? '', ctx.t);
}

async function changesFor(field: (typeof editableFields)[keyof typeof editableFields], value: string, ctx: InteractionContext, meetupTz: string): Promise<MeetupChanges> {
  switch (field) {
    case 'title':
      return { title: checked(titleArg, value, 'args.title', ctx) };
    case 'when': {
      const when = await parseWhen(value, { now: ctx.clock.now(), timeZone: meetupTz, locale: ctx.locale });
      return { startsAt: when.start, timezone: when.timeZone };
    }
    case 'where':
      return splitWhere(value);
    case 'capacity':
      return { capacity: /^(none|aucune|illimit)/i.test(value) ? null : checked(capacityArg, value, 'args.capacity', ctx) };
    case 'description':
      return { description: value };
  }
}

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
        { name: 'capacity', kind: 'word', optional: true, label: 'args.capacity' },
      ],
      schema: z.object({
        title: titleArg,
        when: z.string().max(200, 'validation.tooLong'),
        where: z.string().max(500, 'validation.tooLong'),
        capacity: capacityArg.optional(),
      }),
      permission: 'organizer',
      help: 'meetups.help.create',
      form: 'meetup.create',
      async run({ title, when, where, capacity }, ctx) {
        const parsed = await parseWhen(when, { now: ctx.clock.now(), timeZone: ctx.timeZone, locale: ctx.locale });
        const meetup = await createMeetup(ctx.db, {
          title,
          startsAt: parsed.start,
          timezone: parsed.timeZone,
          ...splitWhere(where),
          capacity: capacity ?? null,
          organizerId: ctx.member.id,
          networkId: ctx.channel.networkId,
          channelId: ctx.channel.id,
        });
        await announce(ctx.db, ctx.out, ctx.renderAnnouncement, meetup.id, ctx.channel);
        return confirmation(ctx, ctx.t('meetups.created', { id: meetup.id }));
      },
    }),
    subcommand({
      name: 'list',
      args: [],
      schema: z.object({}),
      permission: 'anyone',
      help: 'meetups.help.list',
      async run(_args, ctx) {
        const meetups = await upcomingMeetups(ctx.db, { now: ctx.clock.now(), limit: 15 });
        return { visibility: 'ephemeral', card: meetupListCard(ctx.t('meetups.listTitle'), meetups, { t: ctx.t, locale: ctx.locale, timeZone: ctx.timeZone }) };
      },
    }),
    subcommand({
      name: 'show',
      ...idOnly,
      permission: 'anyone',
      help: 'meetups.help.show',
      async run({ id }, ctx) {
        const meetup = await getMeetup(ctx.db, id);
        return { visibility: 'ephemeral', card: ctx.renderAnnouncement(meetup, ctx.channel) };
      },
    }),
    subcommand({
      name: 'edit',
      args: [
        { name: 'id', kind: 'word', label: 'args.id' },
        { name: 'field', kind: 'word', label: 'args.field' },
        { name: 'value', kind: 'rest', label: 'args.value' },
      ],
      schema: z.object({
        id: idArg,
        field: z.string().transform((value) => value.toLowerCase()).pipe(z.enum(Object.keys(editableFields) as [keyof typeof editableFields], 'validation.field')),
        value: z.string().max(500, 'validation.tooLong'),
      }),
      permission: 'owner',
      target: 'meetup',
      help: 'meetups.help.edit',
      async run({ id, field, value }, ctx) {
        const current = await getMeetup(ctx.db, id);
        const { promoted } = await editMeetup(ctx.db, id, await changesFor(editableFields[field], value, ctx, current.timezone));
        ctx.changed(id);
        await tell(ctx.out, promoted, { locale: ctx.locale, tone: 'success', body: [[ctx.t('meetups.promoted', { id, title: current.title })]] });
        return confirmation(ctx, ctx.t('meetups.edited', { id }));
      },
    }),
    subcommand({
      name: 'cancel',
      aliases: ['annuler'],
      ...idOnly,
      permission: 'owner',
      target: 'meetup',
      help: 'meetups.help.cancel',
      async run({ id }, ctx) {
        const { meetup, going } = await cancelMeetup(ctx.db, id);
        ctx.changed(id);
        await tell(ctx.out, going, { locale: ctx.locale, tone: 'warning', body: [[ctx.t('meetups.cancelledNotice', { id, title: meetup.title })]] });
        return confirmation(ctx, ctx.t('meetups.cancelled', { id, count: going.length }));
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
      permission: 'organizer',
      target: 'meetup',
      help: 'meetups.help.announce',
      async run({ id }, ctx) {
        await announce(ctx.db, ctx.out, ctx.renderAnnouncement, id, ctx.channel);
        return confirmation(ctx, ctx.t('meetups.announced', { id }));
      },
    }),
    mineSubcommand,
  ],
});
