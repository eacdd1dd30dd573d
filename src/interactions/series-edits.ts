import type { Reply } from '../core/card.ts';
import { tellWaitlist } from '../domain/meetups/answer.ts';
import { cancellationNotice, changeNotice, tellAbout } from '../domain/meetups/notices.ts';
import { changeSeries, endSeriesBefore, thisAndFollowing } from '../domain/meetups/series.ts';
import { cancelMeetup, editMeetup, peopleToTell, type MeetupChanges, type MeetupRecord } from '../domain/meetups/service.ts';
import { translate, type Translate } from '../i18n/translate.ts';
import type { InteractionContext } from './context.ts';
import { editableFields, type ReadChanges } from './meetup-changes.ts';
import { invalidArgument } from './parse.ts';
import { confirmation } from './replies.ts';
import { changesForDate, templateOf } from './series-scope.ts';

const datesParams = (dates: number) => ({ dates, plural: dates > 1 ? 's' : '' });

/** "lieu Salle 2" after a scope word: the field and its value. */
export function fieldAndValue(rest: string | undefined, t: Translate): { field: keyof typeof editableFields | undefined; value: string | undefined } {
  const [word, ...value] = (rest ?? '').trim().split(/\s+/);
  if (!word) return { field: undefined, value: undefined };
  const field = word.toLowerCase();
  if (!(field in editableFields)) throw invalidArgument(t('args.field'), 'validation.field', t);
  return { field: field as keyof typeof editableFields, value: value.length ? value.join(' ') : undefined };
}

/** Cancels this date and the series' following ones; everyone who answered one of them is told, once per date. */
export async function cancelFollowing(ctx: InteractionContext, from: MeetupRecord): Promise<Reply> {
  const dates = await thisAndFollowing(ctx.db, from);
  const told = new Set<number>();
  for (const date of dates) {
    const { meetup, told: people } = await cancelMeetup(ctx.db, date.id);
    ctx.changed(date.id);
    await tellAbout(ctx, date.id, people, (locale) => cancellationNotice(meetup, locale));
    for (const person of people) told.add(person.id);
  }
  await endSeriesBefore(ctx.db, from);
  return confirmation(ctx, ctx.t('series.cancelledFollowing', { id: from.id, count: told.size, ...datesParams(dates.length) }));
}

/** The same edit on this date, the following ones already announced, and those the series will create. */
export async function editFollowing(ctx: InteractionContext, from: MeetupRecord, changes: MeetupChanges, notes: ReadChanges['notes']): Promise<Reply> {
  const template = templateOf(changes, from);
  const dates = await thisAndFollowing(ctx.db, from);
  const told = new Set<number>();
  for (const date of dates) {
    const edited = await editMeetup(ctx.db, date.id, changesForDate(changes, template, date));
    ctx.changed(date.id);
    await tellWaitlist(ctx, edited.meetup, edited.promoted, edited.movedUp);
    const people = edited.noticed.length ? await peopleToTell(ctx.db, date.id) : [];
    await tellAbout(ctx, date.id, people, (locale) => changeNotice(edited.before, edited.meetup, edited.noticed, locale));
    for (const person of people) told.add(person.id);
  }
  if (from.seriesId !== null) await changeSeries(ctx.db, from.seriesId, template);
  const reply = confirmation(ctx, ctx.t('series.editedFollowing', { id: from.id, count: told.size, ...datesParams(dates.length) }));
  return { ...reply, card: { ...reply.card, body: [...(reply.card.body ?? []), ...notes.map((note) => [translate(ctx.locale, note.key, note.params)])] } };
}
