import type { Db } from '../../db/client.ts';
import type { ChannelRecord } from '../directory.ts';
import { meetupInclude, upcomingMeetups, withCounts, type MeetupView } from '../meetups/service.ts';
import { tipInclude, type TipView } from '../tips/service.ts';

export interface DigestWindow {
  since: Date;
  until: Date;
}

export interface Contributor {
  name: string;
  tips: number;
}

/** What a channel's digest says about one period. */
export interface Digest extends DigestWindow {
  /** Across all networks (hub channels, or channels not attached to a network): items say their network. */
  crossNetwork: boolean;
  /** The channel is a hub: the digest of the whole network of networks. */
  hub: boolean;
  /** The channel's network, for the title of a network digest. */
  networkName: string | null;
  /** New tips of the period, most voted first. */
  tips: TipView[];
  /** Meetups in the 14 days after the period. */
  upcoming: MeetupView[];
  /** Meetups of the period, with who said going. */
  past: MeetupView[];
  /** Who shared the most tips in the period. */
  contributors: Contributor[];
}

/** Digests stay short on every platform: the web pages have the rest. */
export const DIGEST_LIMITS = { tips: 10, upcoming: 8, past: 8, contributors: 5, upcomingDays: 14 } as const;

/** A channel's digest: its network's news, or every network's for hubs. */
export async function buildDigest(db: Db, channel: ChannelRecord, window: DigestWindow): Promise<Digest> {
  const crossNetwork = channel.isHub || channel.networkId === null;
  const inNetwork = crossNetwork ? {} : { networkId: channel.networkId };
  const newTips = { status: 'published', createdAt: { gte: window.since, lt: window.until }, ...inNetwork };
  const [tips, upcoming, pastMeetups, authors, network] = await Promise.all([
    db.tip.findMany({
      where: newTips,
      orderBy: [{ votes: { _count: 'desc' } }, { createdAt: 'asc' }, { id: 'asc' }],
      take: DIGEST_LIMITS.tips,
      include: tipInclude,
    }),
    upcomingMeetups(db, {
      now: window.until,
      until: new Date(window.until.getTime() + DIGEST_LIMITS.upcomingDays * 86_400_000),
      networkId: crossNetwork ? null : channel.networkId,
      limit: DIGEST_LIMITS.upcoming,
    }),
    db.meetup.findMany({
      where: { status: 'scheduled', startsAt: { gte: window.since, lt: window.until }, ...inNetwork },
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take: DIGEST_LIMITS.past,
      include: meetupInclude,
    }),
    db.tip.groupBy({
      by: ['authorId'],
      where: newTips,
      _count: { _all: true },
      orderBy: [{ _count: { authorId: 'desc' } }, { authorId: 'asc' }],
      take: DIGEST_LIMITS.contributors,
    }),
    channel.networkId === null ? null : db.network.findUnique({ where: { id: channel.networkId } }),
  ]);
  const past = await withCounts(db, pastMeetups);
  const members = await db.member.findMany({ where: { id: { in: authors.map((author) => author.authorId) } } });
  const nameOf = new Map(members.map((member) => [member.id, member.displayName]));
  const contributors = authors.map((author) => ({ name: nameOf.get(author.authorId) ?? '?', tips: author._count._all }));
  return { ...window, crossNetwork, hub: channel.isHub, networkName: network?.name ?? null, tips, upcoming, past, contributors };
}

export const isEmptyDigest = (digest: Digest) => digest.tips.length === 0 && digest.upcoming.length === 0 && digest.past.length === 0;
