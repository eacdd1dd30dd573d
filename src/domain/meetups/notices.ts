import type { Card } from '../../core/card.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Outgoing } from '../../delivery/outgoing.ts';
import { translator } from '../../i18n/translate.ts';
import { channelRefOf, userRefOf, type MemberRecord } from '../directory.ts';
import type { MeetupRecord, NoticeField } from './service.ts';
import { whenText } from './view.ts';

export interface NoticeDeps {
  db: Tx;
  out: Outgoing;
  /** RELAIS_LOCALE: the language of people the meetup was announced to on no channel of their platform. */
  config: { RELAIS_LOCALE: string };
}

/**
 * Tells people something about a meetup, privately, each once. Each reads it in the language of the
 * meetup's announcement on their platform; where their platform has no private messages it goes
 * as a reply under that announcement, saying whom it is for.
 */
export async function tellAbout(deps: NoticeDeps, meetupId: number, members: MemberRecord[], cardIn: (locale: string) => Card): Promise<void> {
  if (members.length === 0) return;
  const announcements = await deps.db.announcement.findMany({ where: { meetupId }, include: { channel: true }, orderBy: { id: 'asc' } });
  const seen = new Set<number>();
  for (const member of members) {
    if (seen.has(member.id)) continue;
    seen.add(member.id);
    const where = announcements.find((announcement) => announcement.channel.platform === member.platform);
    const locale = where?.channel.locale ?? deps.config.RELAIS_LOCALE;
    const card = cardIn(locale);
    const forWhom = translator(locale)('meetupFlow.notice.forWhom', { name: member.displayName });
    const fallback = where?.messageId ? { channel: channelRefOf(where.channel), messageId: where.messageId, card: { ...card, body: [[forWhom], ...(card.body ?? [])] } } : undefined;
    await deps.out.direct(userRefOf(member), card, fallback);
  }
}

const placeOf = (meetup: MeetupRecord, t: ReturnType<typeof translator>) =>
  [meetup.place, meetup.onlineUrl ? `${t('meetupFlow.online')} : ${meetup.onlineUrl}` : null].filter(Boolean).join(' · ') || t('meetups.placeTbd');

/** What changed, old → new: one line for the time (its end included), one for the place. */
export function changeNotice(before: MeetupRecord, after: MeetupRecord, noticed: NoticeField[], locale: string): Card {
  const t = translator(locale);
  const change = (old: string, now: string) => [t('meetupFlow.notice.change', { old, new: now })];
  const fields = [
    ...(noticed.includes('when') || noticed.includes('end')
      ? [{ label: t('meetups.when'), value: change(whenText(before, locale), whenText(after, locale)) }]
      : []),
    ...(noticed.includes('where') ? [{ label: t('meetups.where'), value: change(placeOf(before, t), placeOf(after, t)) }] : []),
  ];
  return {
    locale,
    tone: 'warning',
    header: [t('meetupFlow.notice.editedHeader', { title: after.title })],
    body: [[t('meetupFlow.notice.editedIntro', { id: after.id })]],
    fields,
    footer: [`#${after.id} · ${t('meetups.organizedBy', { name: after.organizer.displayName })}`],
  };
}

export function cancellationNotice(meetup: MeetupRecord, locale: string): Card {
  const t = translator(locale);
  return {
    locale,
    tone: 'warning',
    header: [t('meetupFlow.notice.cancelledHeader', { title: meetup.title })],
    body: [[t('meetupFlow.notice.cancelledBody', { id: meetup.id, when: whenText(meetup, locale), where: placeOf(meetup, t) })]],
    footer: [`#${meetup.id} · ${t('meetups.organizedBy', { name: meetup.organizer.displayName })}`],
  };
}
