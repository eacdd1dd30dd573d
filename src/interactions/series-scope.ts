import { z } from 'zod';
import { RelaisError } from '../core/errors.ts';
import type { MeetupChanges, MeetupRecord } from '../domain/meetups/service.ts';
import type { SeriesTemplate } from '../domain/meetups/series.ts';
import type { InteractionContext } from './context.ts';

/** "this one" or "this and the following", for a date of a series, in French and English. */
export const scopeWords = {
  seule: 'one', 'celle-ci': 'one', cette: 'one', this: 'one', one: 'one', only: 'one',
  suivantes: 'following', 'et-suivantes': 'following', following: 'following', 'and-following': 'following',
} as const;
export type Scope = (typeof scopeWords)[keyof typeof scopeWords];

export const scopeArg = z.string().transform((value) => value.toLowerCase()).pipe(z.enum(Object.keys(scopeWords) as [keyof typeof scopeWords], 'validation.invalid'));

/** A published date of a series: an edit or a cancellation must say which dates it is for. */
export const asksScope = (meetup: Pick<MeetupRecord, 'seriesId' | 'status'>) => meetup.seriesId !== null && meetup.status !== 'draft';

/**
 * The scope of an edit or a cancellation: a one-off (or a draft) is just itself; a published date
 * of a series needs to be told which, and the answer says what to type (never a silent guess).
 */
export function scopeOf(meetup: MeetupRecord, given: keyof typeof scopeWords | undefined, ctx: InteractionContext, command: string): Scope {
  if (!asksScope(meetup)) return 'one';
  if (given) return scopeWords[given];
  const one = ctx.locale === 'en' ? 'this' : 'seule';
  const following = ctx.locale === 'en' ? 'following' : 'suivantes';
  throw new RelaisError('invalid_argument', 'series.errors.whichDates', {
    id: meetup.id,
    one: `${ctx.prefix}${command.replace('{scope}', one)}`,
    following: `${ctx.prefix}${command.replace('{scope}', following)}`,
  });
}

/** The part of an edit the series' dates to come take on; moving the following dates is refused. */
export function templateOf(changes: MeetupChanges, meetup: MeetupRecord): SeriesTemplate {
  if (changes.startsAt !== undefined || changes.timezone !== undefined) throw new RelaisError('invalid_argument', 'series.errors.moveFollowing', { id: meetup.id });
  const { title, description, place, onlineUrl, capacity, reminderOffsets, membersOnly, endsAt } = changes;
  const template: SeriesTemplate = { title, description, place, onlineUrl, capacity, reminderOffsets, membersOnly };
  if (endsAt !== undefined) template.durationMinutes = endsAt === null ? null : Math.round((endsAt.getTime() - meetup.startsAt.getTime()) / 60_000);
  return Object.fromEntries(Object.entries(template).filter(([, value]) => value !== undefined));
}

/** The same edit for another date of the series: an end is the same length after its own start. */
export function changesForDate(changes: MeetupChanges, template: SeriesTemplate, date: MeetupRecord): MeetupChanges {
  if (changes.endsAt === undefined) return changes;
  const endsAt = template.durationMinutes == null ? null : new Date(date.startsAt.getTime() + template.durationMinutes * 60_000);
  return { ...changes, endsAt };
}
