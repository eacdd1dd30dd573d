import type { Card, Rich } from '../core/card.ts';
import { truncate } from '../core/text.ts';
import type { RenderAnnouncement } from '../domain/meetups/announcer.ts';
import { rsvpEmoji } from '../domain/meetups/rsvp.ts';
import type { MeetupView } from '../domain/meetups/service.ts';
import { calendarUrl, meetupFields } from '../domain/meetups/view.ts';
import type { TipView } from '../domain/tips/service.ts';
import { translator, type Translate } from '../i18n/translate.ts';
import { rsvpActions, tipVoteAction } from './actions.ts';
import { button } from './declare.ts';

/**
 * The card posted in channels and kept current as answers come in, on every platform: its
 * buttons are the declared RSVP actions, and where there are no buttons, their reactions.
 */
export function announcementCard(meetup: MeetupView, options: { locale: string; timeZone: string; publicUrl?: string | undefined }): Card {
  const t = translator(options.locale);
  const cancelled = meetup.status === 'cancelled';
  const ics = calendarUrl(meetup.id, options.publicUrl);
  const footer: Rich = [
    `#${meetup.id} · ${t('meetups.organizedBy', { name: meetup.organizer.displayName })}`,
    ...(meetup.network ? [` · ${meetup.network.name}`] : []),
    ...(cancelled ? [] : [` · ${t('meetups.reactHint', { going: rsvpEmoji.going, maybe: rsvpEmoji.maybe, declined: rsvpEmoji.declined })}`]),
    ...(ics ? [' · ', { link: ics, label: t('meetups.addToCalendar') }] : []),
  ];
  return {
    locale: options.locale,
    tone: cancelled ? 'warning' : 'info',
    header: [cancelled ? t('meetups.cancelledHeader', { title: meetup.title }) : `📅 ${meetup.title}`],
    ...(cancelled ? { body: [[t('meetups.cancelledBody')]] } : meetup.description ? { body: [[meetup.description]] } : {}),
    fields: meetupFields(meetup, { t, locale: options.locale, timeZone: options.timeZone }),
    ...(cancelled
      ? {}
      : {
          buttons: [
            button(rsvpActions.going, meetup.id, `${rsvpEmoji.going} ${t('meetups.buttons.going')}`, { style: 'primary', instead: { reaction: rsvpEmoji.going } }),
            button(rsvpActions.maybe, meetup.id, `${rsvpEmoji.maybe} ${t('meetups.buttons.maybe')}`, { instead: { reaction: rsvpEmoji.maybe } }),
            button(rsvpActions.declined, meetup.id, `${rsvpEmoji.declined} ${t('meetups.buttons.declined')}`, { instead: { reaction: rsvpEmoji.declined } }),
          ],
        }),
    footer,
  };
}

/** The announcement renderer the announcer, the outbox and reminders use, bound to the deployment's public address. */
export const announcementRenderer = (publicUrl: string | undefined): RenderAnnouncement =>
  (meetup, reader) => announcementCard(meetup, { locale: reader.locale, timeZone: reader.timezone, publicUrl });

export function tipCard(tip: TipView, t: Translate, locale: string, timeZone: string): Card {
  return {
    locale,
    header: [`💡 ${t('tips.tipNumber', { id: tip.id })} — ${truncate(tip.title, 120, { atWord: true })}`],
    body: [[tip.text]],
    fields: [
      { label: t('tips.author'), value: [tip.author.displayName] },
      { label: t('tips.network'), value: [tip.network?.name ?? t('tips.noNetwork')] },
      { label: t('tips.votesLabel'), value: [String(tip.voteCount)] },
      { label: t('tips.date'), value: [{ date: tip.createdAt, timeZone }] },
    ],
    ...(tip.tags.length || tip.permalink
      ? {
          footer: [
            tip.tags.map(({ label }) => `#${label}`).join(' '),
            ...(tip.permalink ? [tip.tags.length ? ' · ' : '', { link: tip.permalink, label: t('tips.source') }] : []),
          ],
        }
      : {}),
    buttons: [button(tipVoteAction, tip.id, t('tips.voteButton'), { instead: { command: `tip vote ${tip.id}` } })],
  };
}
