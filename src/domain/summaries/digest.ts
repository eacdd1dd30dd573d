import type { Tx } from '../../db/transaction.ts';
import type { ChannelRecord } from '../directory.ts';
import { meetupInclude, upcomingMeetups, withCounts, type MeetupView } from '../meetups/service.ts';
import { resourcesSharedBetween, type ResourceView } from '../resources/service.ts';
import { moderationQueue, queueScopeOf, type ModerationQueue } from '../tips/curation.ts';
import { tipInclude, type TipView } from '../tips/service.ts';
import { readersOfPosts, tipsReadBy, type Readers } from '../tips/visibility.ts';

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
  /** New tips of the period its readers see (a public channel's: public tips only), most voted first. */
  tips: TipView[];
  /** Resources shared in the period. */
  resources: ResourceView[];
  /** A moderation channel's: the tips waiting for its network's moderators. */
  moderation?: ModerationQueue;
  /** Meetups in the 14 days after the period. */
  upcoming: MeetupView[];
  /** Meetups of the period, with who said going. */
  past: MeetupView[];
  /** Who shared the most tips in the period. */
  contributors: Contributor[];
}

/** Digests stay short on every platform: the web pages have the rest. */
export const DIGEST_LIMITS = { tips: 10, resources: 5, upcoming: 8, past: 8, contributors: 5, upcomingDays: 14, moderation: 5 } as const;

/**
 * Digest contents built once and shared: channels of the same network (or all cross-network
 * channels) with the same window get the same digest, only rendered in their own locale and
 * timezone. One per scheduler tick, so a digest never shows older data than its tick.
 */
export class DigestCache {
  private readonly builds = new Map<string, Promise<unknown>>();

  once<T>(key: string, build: () => Promise<T>): Promise<T> {
    const known = this.builds.get(key);
    if (known) return known as Promise<T>;
    const built = build();
    this.builds.set(key, built);
    // A failed build (database outage) is tried again by the next channel, not handed on.
    built.catch(() => this.builds.delete(key));
    return built;
  }
}

type DigestContent = Pick<Digest, 'tips' | 'resources' | 'upcoming' | 'past' | 'contributors'>;

async function digestContent(db: Tx, networkId: number | null, window: DigestWindow, readers: Readers): Promise<DigestContent> {
  const inNetwork = networkId === null ? {} : { networkId };
  const newTips = { ...tipsReadBy(readers), createdAt: { gte: window.since, lt: window.until }, ...inNetwork };
  const [tips, resources, upcoming, pastMeetups, authors] = await Promise.all([
    db.tip.findMany({
      where: newTips,
      orderBy: [{ voteCount: 'desc' }, { createdAt: 'asc' }, { id: 'asc' }],
      take: DIGEST_LIMITS.tips,
      include: tipInclude,
    }),
    resourcesSharedBetween(db, window, { networkId, limit: DIGEST_LIMITS.resources }),
    upcomingMeetups(db, {
      now: window.until,
      until: new Date(window.until.getTime() + DIGEST_LIMITS.upcomingDays * 86_400_000),
      networkId,
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
  ]);
  const past = await withCounts(db, pastMeetups);
  const members = await db.member.findMany({ where: { id: { in: authors.map((author) => author.authorId) } } });
  const nameOf = new Map(members.map((member) => [member.id, member.displayName]));
  const contributors = authors.map((author) => ({ name: nameOf.get(author.authorId) ?? '?', tips: author._count._all }));
  return { tips, resources, upcoming, past, contributors };
}

/**
 * A channel's digest: its network's news, or every network's for hubs. What it says of tips is
 * what its readers see: a public channel's digest has public tips only, a private channel's also
 * those kept within its network. A moderation channel's has its network's queue.
 */
export async function buildDigest(db: Tx, channel: ChannelRecord, window: DigestWindow, cache = new DigestCache()): Promise<Digest> {
  const crossNetwork = channel.isHub || channel.networkId === null;
  const scope = crossNetwork ? null : channel.networkId;
  const { networkId } = channel;
  const readers = readersOfPosts(channel);
  const audience = readers === 'public' ? 'public' : `channel-${channel.id}`;
  const [content, network, moderation] = await Promise.all([
    cache.once(`digest:${scope ?? 'all'}:${audience}:${window.since.getTime()}:${window.until.getTime()}`, () => digestContent(db, scope, window, readers)),
    networkId === null ? null : cache.once(`network:${networkId}`, () => db.network.findUnique({ where: { id: networkId } })),
    channel.digestModeration ? moderationQueue(db, { scope: queueScopeOf(channel), readers, now: window.until, limit: DIGEST_LIMITS.moderation }) : undefined,
  ]);
  return { ...window, crossNetwork, hub: channel.isHub, networkName: network?.name ?? null, ...content, ...(moderation ? { moderation } : {}) };
}

export const isEmptyDigest = (digest: Digest) =>
  digest.tips.length === 0 && digest.resources.length === 0 && digest.upcoming.length === 0 && digest.past.length === 0 && !digest.moderation?.total;
