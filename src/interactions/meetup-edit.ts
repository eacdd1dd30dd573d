import type { Reply } from '../core/card.ts';
import { tellWaitlist } from '../domain/meetups/answer.ts';
import { cancellationNotice, changeNotice, tellAbout } from '../domain/meetups/notices.ts';
import { describeOffsets, reminderOffsets } from '../domain/meetups/reminder-offsets.ts';
import { cancelMeetup, editMeetup, getMeetup, peopleToTell, type MeetupChanges, type MeetupRecord } from '../domain/meetups/service.ts';
import { occurrenceLabel } from '../domain/meetups/series.ts';
import { translate } from '../i18n/translate.ts';
import { previewCard } from './cards.ts';
import type { InteractionContext } from './context.ts';
import type { ReadChanges } from './meetup-changes.ts';
import { confirmation } from './replies.ts';
import { cancelFollowing, editFollowing } from './series-edits.ts';
import type { Scope } from './series-scope.ts';
import { button, type ActionDecl } from './declare.ts';

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

/** A cancellation: a draft discarded, a date cancelled (its people told), or this date and the series' following ones. */
export async function applyCancel(ctx: InteractionContext, current: MeetupRecord, scope: Scope): Promise<Reply> {
  if (scope === 'following') return cancelFollowing(ctx, current);
  const id = current.id;
  const { meetup, told, discarded } = await cancelMeetup(ctx.db, id);
  if (discarded) return confirmation(ctx, ctx.t('meetupFlow.discarded', { id }));
  ctx.changed(id);
  await tellAbout(ctx, id, told, (locale) => cancellationNotice(meetup, locale));
  return confirmation(ctx, ctx.t('meetups.cancelled', { id, count: told.length }));
}

/**
 * "Cancel" on a date of a series, without saying which: asked with a button per answer (or the
 * command line to type where there are no buttons), never guessed.
 */
export function cancelQuestion(ctx: InteractionContext, meetup: MeetupRecord, actions: Record<Scope, ActionDecl>): Reply {
  const words = ctx.locale === 'en' ? { one: 'this', following: 'following' } : { one: 'seule', following: 'suivantes' };
  const buttons = (['one', 'following'] as const).map((scope) =>
    button(actions[scope], meetup.id, ctx.t(scope === 'one' ? 'meetupForms.scopes.only' : 'meetupForms.scopes.following'), { style: 'danger', instead: { command: `meetup cancel ${meetup.id} ${words[scope]}` } }));
  const date = occurrenceLabel(meetup.startsAt, meetup.timezone, ctx.locale === 'en' ? 'en' : 'fr');
  return { visibility: 'ephemeral', card: { locale: ctx.locale, tone: 'warning', body: [[ctx.t('meetupForms.cancelQuestion', { id: meetup.id, title: meetup.title, date })]], buttons } };
}
