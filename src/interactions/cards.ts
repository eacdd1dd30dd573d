import type { Card, Rich } from '../core/card.ts';
import { truncate } from '../core/text.ts';
import type { RenderAnnouncement } from '../domain/meetups/announcer.ts';
import { rsvpEmoji } from '../domain/meetups/rsvp.ts';
import { DRAFT_DAYS, noticeFields, type MeetupView } from '../domain/meetups/service.ts';
import { calendarUrl, meetupFields } from '../domain/meetups/view.ts';
import { seriesPhrase, type Note, type WhenRead } from '../domain/meetups/when/index.ts';
import { isVerified } from '../domain/tips/curation.ts';
import type { TipView } from '../domain/tips/service.ts';
import { dayOf, type TipRenderOptions } from '../domain/tips/view.ts';
import { localeOr, translate, translator, type Translate } from '../i18n/translate.ts';
import { draftActions, rsvpActions, tipVoteAction } from './actions.ts';
import { button } from './declare.ts';

/**
 * The card posted in channels and kept current as answers come in, on every platform: its
 * buttons are the declared RSVP actions, and where there are no buttons, their reactions.
 */
export function announcementCard(meetup: MeetupView, options: { locale: string; timeZone: string; publicUrl?: string | undefined; reading?: WhenRead; readerNetworkId?: number | null | undefined }): Card {
  const t = translator(options.locale);
  const cancelled = meetup.status === 'cancelled';
  const amended = noticeFields.filter((field) => meetup.amended?.split(',').includes(field));
  const changed = amended.length ? [[t('meetupFlow.amended', { what: amended.map((field) => t(`meetupFlow.fields.${field}`)).join(', ') })]] : [];
  const relayed = meetup.network && options.readerNetworkId !== undefined && options.readerNetworkId !== meetup.network.id ? [[t('relay.card', { network: meetup.network.name })]] : [];
  // A preview says how the series repeats in its "when"; an announcement says it here.
  const inSeries = meetup.seriesRule && !options.reading?.recurrence ? [[t('series.card', { rule: seriesPhrase({ rrule: meetup.seriesRule }, localeOr(options.locale, 'fr')) })]] : [];
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
    ...(cancelled ? { body: [[t('meetups.cancelledBody')]] } : relayed.length || inSeries.length || changed.length || meetup.description ? { body: [...relayed, ...inSeries, ...changed, ...(meetup.description ? [[meetup.description]] : [])] } : {}),
    fields: meetupFields(meetup, { t, locale: options.locale, timeZone: options.timeZone, ...(options.reading ? { reading: options.reading } : {}) }),
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

/**
 * `/meetup create` from a command line answers with this, privately: the announcement as it will
 * read, what the reading of "when" chose (notes), and the declared buttons to publish it, change it
 * or drop it — typed commands where the platform has no buttons.
 */
export function previewCard(meetup: MeetupView, options: { locale: string; timeZone: string; publicUrl?: string | undefined; reading?: WhenRead; notes?: Note[] }): Card {
  const t = translator(options.locale);
  const announcement = announcementCard(meetup, options);
  const notes = (options.notes ?? []).map((note) => [translate(options.locale, note.key, note.params)]);
  const noEnd = meetup.endsAt === null && !options.reading?.recurrence ? [[t('meetupFlow.preview.noEnd', { id: meetup.id })]] : [];
  const { id } = meetup;
  return {
    ...announcement,
    header: [t('meetupFlow.preview.header', { title: `📅 ${meetup.title}` })],
    body: [[t('meetupFlow.preview.intro')], ...notes, ...noEnd, ...(announcement.body ?? [])],
    buttons: [
      button(draftActions.publish, id, `✅ ${t('meetupFlow.preview.publish')}`, { style: 'primary', instead: { command: `meetup publish ${id}` } }),
      button(draftActions.change, id, `✏️ ${t('meetupFlow.preview.change')}`, { instead: { command: `meetup edit ${id}` } }),
      button(draftActions.discard, id, `🗑 ${t('meetupFlow.preview.discard')}`, { style: 'danger', instead: { command: `meetup discard ${id}` } }),
    ],
    footer: [t('meetupFlow.preview.footer', { id, days: DRAFT_DAYS })],
  };
}

/** The announcement renderer the announcer, the outbox and reminders use, bound to the deployment's public address. */
export const announcementRenderer = (publicUrl: string | undefined): RenderAnnouncement =>
  (meetup, reader) => announcementCard(meetup, { locale: reader.locale, timeZone: reader.timezone, publicUrl, readerNetworkId: reader.networkId });

/** A tip in full, as /tip show answers: who, where, votes, its verification, where it came from, and the vote button. */
export function tipCard(tip: TipView, options: TipRenderOptions & { prefix: string; askedId?: number }): Card {
  const { t, timeZone } = options;
  const merged = options.askedId !== undefined && options.askedId !== tip.id;
  const sources = [tip.permalink, ...tip.mergedFrom.map(({ permalink }) => permalink)].filter((link, index, all): link is string => link !== null && all.indexOf(link) === index);
  const verification = tip.verifiedAt && tip.reviewAt
    ? isVerified(tip, options.now)
      ? t('curation.verifiedBy', { name: tip.verifiedBy?.displayName ?? t('privacy.anonymous'), date: dayOf(tip.verifiedAt, options), review: dayOf(tip.reviewAt, options) })
      : t('curation.reviewDue', { date: dayOf(tip.reviewAt, options) })
    : undefined;
  const footer: Rich = [
    tip.tags.map(({ label }) => `#${label}`).join(' '),
    ...sources.flatMap((link, index): Rich => [tip.tags.length || index ? ' · ' : '', { link, label: index ? t('curation.alsoFrom') : t('tips.source') }]),
  ];
  return {
    locale: options.locale,
    header: [`💡 ${t('tips.tipNumber', { id: tip.id })} — ${truncate(tip.title, 120, { atWord: true })}`],
    body: [
      ...(merged ? [[t('curation.answeredWith', { from: options.askedId! })]] : []),
      [tip.text],
      ...(tip.restricted ? [[t('curation.restricted', { command: `${options.prefix}tip publish ${tip.id}` })]] : []),
    ],
    fields: [
      { label: t('tips.author'), value: [tip.author.displayName] },
      { label: t('tips.network'), value: [tip.network?.name ?? t('tips.noNetwork')] },
      { label: t('tips.votesLabel'), value: [String(tip.voteCount)] },
      { label: t('tips.date'), value: [{ date: tip.createdAt, timeZone }] },
      ...(verification ? [{ label: t('curation.verification'), value: [verification] }] : []),
    ],
    ...(footer.some((piece) => piece !== '') ? { footer } : {}),
    buttons: [button(tipVoteAction, tip.id, t('tips.voteButton'), { instead: { command: `tip vote ${tip.id}` } })],
  };
}
