import type { Card, Reply } from '../core/card.ts';
import { RelaisError } from '../core/errors.ts';
import { channelDefaults, ensureChannel } from '../domain/directory.ts';
import { announce } from '../domain/meetups/announce.ts';
import { announceToFollowers } from '../domain/meetups/follow.ts';
import { reminderOffsets, writtenOffsets } from '../domain/meetups/reminder-offsets.ts';
import { cancelMeetup, getMeetup, publishMeetup, type MeetupView } from '../domain/meetups/service.ts';
import { writtenEnd, writtenWhen } from '../domain/meetups/when/index.ts';
import { localeOr } from '../i18n/translate.ts';
import type { InteractionContext } from './context.ts';
import { confirmation } from './replies.ts';

/** Publishes a draft and announces it in the channel it was previewed in (where its author typed it). */
export async function publishDraft(ctx: InteractionContext, id: number): Promise<Reply> {
  const meetup = await publishMeetup(ctx.db, id, ctx.clock.now());
  const where = meetup.channelId === null ? null : await ctx.db.channel.findUnique({ where: { id: meetup.channelId } });
  await announce(ctx.db, ctx.out, ctx.renderAnnouncement, id, where ?? (await ensureChannel(ctx.db, ctx.gesture.channel, channelDefaults(ctx.config))));
  await announceToFollowers(ctx.db, ctx.out, ctx.renderAnnouncement, meetup);
  return confirmation(ctx, ctx.t('meetupFlow.published', { id }));
}

/** Drops a draft; a meetup already published is cancelled with `/meetup cancel`, never by a stale preview's button. */
export async function discardDraft(ctx: InteractionContext, id: number): Promise<Reply> {
  const meetup = await getMeetup(ctx.db, id);
  if (meetup.status !== 'draft') throw new RelaisError('conflict', 'meetupFlow.errors.alreadyPublished', { id });
  await cancelMeetup(ctx.db, id);
  return confirmation(ctx, ctx.t('meetupFlow.discarded', { id }));
}

/** "/meetup edit 4 quand jeudi 14 janvier 2027, 9 h": each field as a line to correct and type back. */
export function changeCard(meetup: MeetupView, ctx: Pick<InteractionContext, 't' | 'locale' | 'prefix' | 'config'>): Card {
  const { t, prefix } = ctx;
  const locale = localeOr(ctx.locale, 'fr');
  const line = (field: string, value: string) => [{ code: `${prefix}meetup edit ${meetup.id} ${field} ${value}` }];
  const none = t('meetupFlow.change.none');
  const start = { start: meetup.startsAt, end: null, timeZone: meetup.timezone };
  const offsets = reminderOffsets(meetup, ctx.config.RELAIS_REMINDER_OFFSETS);
  const reminders = offsets.length ? writtenOffsets(offsets, locale) : none;
  // The field names are the ones of the reader's language (both are understood).
  const names = locale === 'fr'
    ? { title: 'titre', when: 'quand', end: 'fin', where: 'lieu', capacity: 'capacité', reminders: 'rappels', description: 'description', members: 'membres', yes: 'oui', no: 'non' }
    : { title: 'title', when: 'when', end: 'end', where: 'where', capacity: 'capacity', reminders: 'reminders', description: 'description', members: 'members', yes: 'yes', no: 'no' };
  const zone = meetup.timezone === ctx.config.RELAIS_TIMEZONE ? '' : ` ${meetup.timezone}`;
  return {
    locale,
    header: [t('meetupFlow.change.header', { id: meetup.id })],
    body: [[t('meetupFlow.change.intro')]],
    items: [
      line(names.title, meetup.title),
      line(names.when, `${writtenWhen(start, locale)}${zone}`),
      line(names.end, writtenEnd({ ...start, end: meetup.endsAt }, locale) ?? none),
      line(names.where, [meetup.place, meetup.onlineUrl].filter(Boolean).join(' ') || '…'),
      line(names.capacity, meetup.capacity === null ? none : String(meetup.capacity)),
      line(names.reminders, reminders),
      line(names.description, meetup.description ?? '…'),
      line(names.members, meetup.membersOnly ? names.yes : names.no),
    ],
    footer: [meetup.status === 'draft' ? t('meetupFlow.change.draft') : t('meetupFlow.change.published')],
  };
}
