import type { Db } from '../db/client.ts';
import { meetupInclude, visibleMeetups, withCounts, type MeetupView } from '../domain/meetups/service.ts';
import { tipInclude, type TipView } from '../domain/tips/service.ts';
import { countedTags, type Tag } from '../domain/tips/tags.ts';
import { tipsReadBy } from '../domain/tips/visibility.ts';

// Read-only queries the web needs and the domain has no use for (paging, past meetups, tag
// counts); visibility rules stay the domain's: what the public reads (src/domain/tips/visibility.ts).

const published = tipsReadBy('public');

/** Networks (all, or the one with `slug`) with their channels and what readers may count. */
export async function networkSummaries(db: Db, slug?: string) {
  return db.network.findMany({
    ...(slug ? { where: { slug } } : {}),
    orderBy: { name: 'asc' },
    include: {
      channels: { select: { platform: true, name: true }, orderBy: [{ platform: 'asc' }, { name: 'asc' }] },
      _count: { select: { tips: { where: published }, meetups: { where: visibleMeetups } } },
    },
  });
}
export type NetworkSummary = Awaited<ReturnType<typeof networkSummaries>>[number];

/** How a list of tips is ordered: newest first, or most voted first (ties: newest). */
export type TipSort = 'latest' | 'top';

export async function tipsPage(db: Db, options: { tag?: string; networkId?: number; sort: TipSort; page: number; size: number }): Promise<{ tips: TipView[]; total: number }> {
  const where = {
    ...published,
    ...(options.tag ? { tags: { some: { tag: options.tag } } } : {}),
    ...(options.networkId ? { networkId: options.networkId } : {}),
  };
  const order = options.sort === 'top' ? [{ voteCount: 'desc' as const }, { createdAt: 'desc' as const }, { id: 'desc' as const }] : [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
  const [tips, total] = await Promise.all([
    db.tip.findMany({ where, orderBy: order, skip: (options.page - 1) * options.size, take: options.size, include: tipInclude }),
    db.tip.count({ where }),
  ]);
  return { tips, total };
}

/** Every tip the public may see, oldest first (exports). */
export async function allPublishedTips(db: Db): Promise<TipView[]> {
  return db.tip.findMany({ where: published, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: tipInclude });
}

/** Tags of public tips with how many tips carry each, shown as most of them write it, most used first. */
export async function tagCounts(db: Db, limit?: number): Promise<Array<Tag & { count: number }>> {
  const groups = await db.tipTag.groupBy({ by: ['tag', 'label'], where: { tip: published }, _count: { tag: true } });
  const counted = countedTags(groups.map((group) => ({ tag: group.tag, label: group.label, count: group._count.tag })));
  return limit ? counted.slice(0, limit) : counted;
}

function findMeetups(db: Db, where: NonNullable<Parameters<Db['meetup']['findMany']>[0]>['where'], order: 'asc' | 'desc', limit?: number) {
  return db.meetup.findMany({
    where,
    orderBy: [{ startsAt: order }, { id: order }],
    ...(limit ? { take: limit } : {}),
    include: meetupInclude,
  });
}

/**
 * Meetups on one side of `now`, cancelled ones included (readers and calendars must learn of a
 * cancellation): upcoming soonest first, past latest first.
 */
export async function meetupsAround(db: Db, options: { now: Date; side: 'upcoming' | 'past'; networkId?: number; limit?: number }): Promise<MeetupView[]> {
  const upcoming = options.side === 'upcoming';
  const where = { ...visibleMeetups, startsAt: upcoming ? { gte: options.now } : { lt: options.now }, ...(options.networkId ? { networkId: options.networkId } : {}) };
  return withCounts(db, await findMeetups(db, where, upcoming ? 'asc' : 'desc', options.limit));
}

/** Every meetup (or those since a date), oldest first: calendar feeds and exports. */
export async function allMeetups(db: Db, options: { networkId?: number; since?: Date } = {}): Promise<MeetupView[]> {
  const where = { ...visibleMeetups, ...(options.networkId ? { networkId: options.networkId } : {}), ...(options.since ? { startsAt: { gte: options.since } } : {}) };
  return withCounts(db, await findMeetups(db, where, 'asc'));
}
