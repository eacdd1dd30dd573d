import type { z } from 'zod';
import { parseWhen } from '../domain/meetups/parse-when.ts';
import { parseReminderOffsets } from '../domain/meetups/reminder-offsets.ts';
import type { MeetupChanges, MeetupRecord } from '../domain/meetups/service.ts';
import { readDuration, readEnd, writtenEnd, type Note } from '../domain/meetups/when/index.ts';
import type { MessageKey } from '../i18n/translate.ts';
import type { InteractionContext } from './context.ts';
import { capacityArg, splitWhere, titleArg } from './meetup-args.ts';
import { invalidArgument } from './parse.ts';

/** What `/meetup edit <n°> <field> <value>` names, in French and English. */
export const editableFields = {
  title: 'title', titre: 'title',
  when: 'when', date: 'when', quand: 'when',
  end: 'end', fin: 'end',
  duration: 'duration', durée: 'duration', duree: 'duration',
  where: 'where', lieu: 'where', ou: 'where', où: 'where',
  capacity: 'capacity', capacite: 'capacity', capacité: 'capacity',
  reminders: 'reminders', rappels: 'reminders',
  description: 'description',
  membres: 'membersOnly', members: 'membersOnly', 'réservée': 'membersOnly', reservee: 'membersOnly',
} as const;
export type EditableField = (typeof editableFields)[keyof typeof editableFields];

const nothing = /^(?:aucune?|none|sans|no|non|-)$/i;
const yes = /^(?:oui|yes|on|vrai|true)$/i;
const no = /^(?:non|no|off|faux|false)$/i;

/** Validates a value the edit syntax could not type up front, with the same localized errors. */
function checked<T>(schema: z.ZodType<T>, value: string, label: MessageKey, ctx: InteractionContext): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw invalidArgument(ctx.t(label), result.error.issues[0]?.message ?? '', ctx.t);
}

export interface ReadChanges {
  changes: MeetupChanges;
  /** What a reading chose and the person should know (a repeated hour, the end kept). */
  notes: Note[];
}

/**
 * One field's new value, read as `/meetup create` reads it: "when" in the meetup's own zone (a new
 * start without an end keeps the meetup's length, and says so), the end on the start's day.
 */
export async function changesFor(field: EditableField, value: string, ctx: InteractionContext, meetup: MeetupRecord): Promise<ReadChanges> {
  const options = { now: ctx.clock.now(), timeZone: meetup.timezone, locale: ctx.locale };
  switch (field) {
    case 'title':
      return { changes: { title: checked(titleArg, value, 'args.title', ctx) }, notes: [] };
    case 'when': {
      const read = await parseWhen(value, options);
      if (read.end || !meetup.endsAt) return { changes: { startsAt: read.start, endsAt: read.end, timezone: read.timeZone }, notes: read.notes };
      const endsAt = new Date(read.start.getTime() + (meetup.endsAt.getTime() - meetup.startsAt.getTime()));
      const end = writtenEnd({ start: read.start, end: endsAt, timeZone: read.timeZone }, ctx.locale) ?? '';
      return { changes: { startsAt: read.start, endsAt, timezone: read.timeZone }, notes: [...read.notes, { key: 'meetupFlow.notes.endKept', params: { end } }] };
    }
    case 'end': {
      if (nothing.test(value)) return { changes: { endsAt: null }, notes: [] };
      const read = await readEnd(value, { ...options, start: meetup.startsAt });
      return { changes: { endsAt: read.end }, notes: read.notes };
    }
    case 'duration':
      return { changes: { endsAt: nothing.test(value) ? null : readDuration(value, { start: meetup.startsAt, locale: ctx.locale }) }, notes: [] };
    case 'where':
      return { changes: splitWhere(value), notes: [] };
    case 'capacity':
      return { changes: { capacity: /^(?:none|aucune|illimit)/i.test(value) ? null : checked(capacityArg, value, 'args.capacity', ctx) }, notes: [] };
    case 'reminders':
      return { changes: { reminderOffsets: parseReminderOffsets(value) }, notes: [] };
    case 'description':
      return { changes: { description: value }, notes: [] };
    case 'membersOnly':
      if (yes.test(value) || no.test(value)) return { changes: { membersOnly: yes.test(value) }, notes: [] };
      throw invalidArgument(ctx.t('args.value'), 'validation.yesNo', ctx.t);
  }
}
