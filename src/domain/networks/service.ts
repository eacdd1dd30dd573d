import type { Tx } from '../../db/transaction.ts';
import type { ChannelRecord } from '../directory.ts';
import { visibleMeetups } from '../meetups/service.ts';

export const slugPattern = /^[a-z0-9][a-z0-9-]{1,39}$/;

export async function findNetwork(db: Tx, slug: string) {
  return db.network.findUnique({ where: { slug } });
}

export async function createNetwork(db: Tx, slug: string, name: string) {
  return db.network.upsert({ where: { slug }, create: { slug, name }, update: {} });
}

/**
 * The channel joins the network, with the tips and resources it shared before it belonged to any:
 * they come into that network's moderation queue and lists. Those already of a network stay there.
 */
export async function attachChannel(db: Tx, channel: ChannelRecord, networkId: number): Promise<ChannelRecord> {
  const orphans = { channelId: channel.id, networkId: null };
  await db.tip.updateMany({ where: orphans, data: { networkId } });
  await db.resource.updateMany({ where: orphans, data: { networkId } });
  return db.channel.update({ where: { id: channel.id }, data: { networkId } });
}

export async function listNetworks(db: Tx) {
  return db.network.findMany({ orderBy: { name: 'asc' }, include: { _count: { select: { channels: true, tips: { where: { status: 'published' } }, meetups: { where: visibleMeetups } } } } });
}
