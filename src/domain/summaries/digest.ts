import type { Card, Rich } from '../../core/card.ts';
import type { Db } from '../../db/client.ts';
import type { Translate } from '../../i18n/translate.ts';
import type { ChannelRecord } from '../directory.ts';
import { upcomingMeetups, type MeetupView } from '../meetups/service.ts';
import { countsLine } from '../meetups/view.ts';
import { tipInclude, type TipView } from '../tips/service.ts';
import { truncate } from '../text.ts';

export interface DigestWindow {
  since: Date;
  until: Date;
}

export interface Digest extends DigestWindow {
  /** Across all networks (hub channels, or channels not attached to a network). */
  crossNetwork: boolean;
  tips: TipView[];
  upcoming: MeetupView[];
}

const UPCOMING_DAYS = 14;

/** What a channel's digest says for a period: its network's news, or every network's for hubs. */
export async function buildDigest(db: Db, channel: ChannelRecord, window: DigestWindow): Promise<Digest> {
  const crossNetwork = channel.isHub || channel.networkId === null;
  const networkId = crossNetwork ? null : channel.networkId;
  const tips = await db.tip.findMany({
    where: { status: 'published', createdAt: { gte: window.since, lt: window.until }, ...(networkId ? { networkId } : {}) },
    orderBy: [{ votes: { _count: 'desc' } }, { createdAt: 'desc' }],
    take: 10,
    include: tipInclude,
  });
  const upcoming = await upcomingMeetups(db, {
    now: window.until,
    until: new Date(window.until.getTime() + UPCOMING_DAYS * 86_400_000),
    networkId,
    limit: 10,
  });
  return { ...window, crossNetwork, tips, upcoming };
}

export const isEmptyDigest = (digest: Digest) => digest.tips.length === 0 && digest.upcoming.length === 0;

function origin(digest: Digest, network: { name: string } | null): string {
  return digest.crossNetwork && network ? ` [${network.name}]` : '';
}

export function digestCard(digest: Digest, t: Translate, locale: string, timeZone: string): Card {
  if (isEmptyDigest(digest)) return { locale, header: [t('summaries.title')], body: [[t('summaries.empty')]] };
  const items: Rich[] = [
    ...digest.tips.map((tip): Rich => [
      '💡 ', { strong: `#${tip.id}` }, ` ${truncate(tip.title, 80)} — ${tip.author.displayName}${origin(digest, tip.network)} · ${t('tips.votes', { count: tip._count.votes })}`,
    ]),
    ...digest.upcoming.map((meetup): Rich => [
      '📅 ', { strong: `#${meetup.id}` }, ` ${meetup.title}${origin(digest, meetup.network)} — `, { date: meetup.startsAt, timeZone }, ` · ${countsLine(meetup, t)}`,
    ]),
  ];
  return {
    locale,
    header: [t('summaries.title')],
    body: [[t('summaries.intro', { tips: digest.tips.length, meetups: digest.upcoming.length })]],
    items,
  };
}
