import type { Reply } from '../core/card.ts';
import { cancellationNotice, tellAbout } from '../domain/meetups/notices.ts';
import { occurrenceLabel } from '../domain/meetups/series.ts';
import { cancelMeetup, type MeetupRecord } from '../domain/meetups/service.ts';
import type { InteractionContext } from './context.ts';
import { button, type ActionDecl } from './declare.ts';
import { confirmation } from './replies.ts';
import { cancelFollowing } from './series-edits.ts';
import type { Scope } from './series-scope.ts';

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
