import type { Db } from '../../db/client.ts';
import type { MeetupView } from '../../domain/meetups/service.ts';
import { resourceInclude, type ResourceView } from '../../domain/resources/service.ts';
import type { TipView } from '../../domain/tips/service.ts';
import { allMeetups, allPublishedTips, networkSummaries, type NetworkSummary } from '../queries.ts';

export interface KnowledgeBase {
  networks: NetworkSummary[];
  channels: Awaited<ReturnType<typeof readChannels>>;
  tips: TipView[];
  resources: ResourceView[];
  meetups: MeetupView[];
}

/** Channels as readers may see them: no platform ids, only what names a place. */
function readChannels(db: Db) {
  return db.channel.findMany({
    select: { id: true, platform: true, name: true, locale: true, timezone: true, isHub: true, network: { select: { slug: true } } },
    orderBy: { id: 'asc' },
  });
}

/** Every resource, oldest first. */
function allResources(db: Db): Promise<ResourceView[]> {
  return db.resource.findMany({ orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], include: resourceInclude });
}

/** Everything an export holds, read once; what the public may not read (hidden, restricted tips) is left out by the queries themselves. */
export async function loadKnowledgeBase(db: Db): Promise<KnowledgeBase> {
  const [networks, channels, tips, resources, meetups] = await Promise.all([networkSummaries(db), readChannels(db), allPublishedTips(db), allResources(db), allMeetups(db)]);
  return { networks, channels, tips, resources, meetups };
}
