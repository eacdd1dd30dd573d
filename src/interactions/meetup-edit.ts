import type { Reply } from '../core/card.ts';
import { tellWaitlist } from '../domain/meetups/answer.ts';
import { changeNotice, tellAbout } from '../domain/meetups/notices.ts';
import { describeOffsets, reminderOffsets } from '../domain/meetups/reminder-offsets.ts';
import { editMeetup, getMeetup, peopleToTell, type MeetupChanges, type MeetupRecord } from '../domain/meetups/service.ts';
import { translate } from '../i18n/translate.ts';
import { previewCard } from './cards.ts';
import type { InteractionContext } from './context.ts';
import type { ReadChanges } from './meetup-changes.ts';
import { confirmation } from './replies.ts';
import { editFollowing } from './series-edits.ts';
import type { Scope } from './series-scope.ts';

/** The confirmation, and what the reading chose (a repeated hour, a kept length). */
export function confirmed(ctx: InteractionContext, text: string, read: ReadChanges['notes'] = []): Reply {
  const reply = confirmation(ctx, text);
  return { ...reply, card: { ...reply.card, body: [...(reply.card.body ?? []), ...read.map((note) => [translate(ctx.locale, note.key, note.params)])] } };
}

/**
 * An edit, however it was typed (a command line, a form): a draft's preview again, or the change
 * made, on this date or this and the following ones of its series, and everyone concerned told.
 */
export async function applyEdit(ctx: InteractionContext, current: MeetupRecord, changes: MeetupChanges, notes: ReadChanges['notes'], scope: Scope): Promise<Reply> {
  const id = current.id;
  if (scope === 'following') return editFollowing(ctx, current, changes, notes);
  const edited = await editMeetup(ctx.db, id, changes);
  if (current.status === 'draft') {
    const card = previewCard(await getMeetup(ctx.db, id), { locale: ctx.locale, timeZone: ctx.timeZone, publicUrl: ctx.config.RELAIS_PUBLIC_URL, notes });
    return { visibility: 'ephemeral', card };
  }
  ctx.changed(id);
  await tellWaitlist(ctx, edited.meetup, edited.promoted, edited.movedUp);
  const told = edited.noticed.length ? await peopleToTell(ctx.db, id) : [];
  await tellAbout(ctx, id, told, (locale) => changeNotice(edited.before, edited.meetup, edited.noticed, locale));
  const offsets = changes.reminderOffsets !== undefined ? reminderOffsets(edited.meetup, ctx.config.RELAIS_REMINDER_OFFSETS) : null;
  const reminders = offsets ? [{ key: 'meetupFlow.reminders.set' as const, params: { id, offsets: describeOffsets(offsets, ctx.locale) || ctx.t('meetupFlow.reminders.none') } }] : [];
  const count = new Set(told.map((member) => member.id)).size;
  return confirmed(ctx, count ? ctx.t('meetupFlow.edited', { id, count }) : ctx.t('meetupFlow.editedQuietly', { id }), [...notes, ...reminders]);
}
