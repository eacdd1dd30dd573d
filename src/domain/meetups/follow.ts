import type { Tx } from '../../db/transaction.ts';
import type { Outgoing } from '../../delivery/outgoing.ts';
import type { ChannelRecord } from '../directory.ts';
import { announce } from './announce.ts';
import type { RenderAnnouncement } from './announcer.ts';
import { meetupInclude, withCounts, type MeetupRecord, type MeetupView } from './service.ts';

/** True when the channel did not follow the network yet. */
export async function follow(db: Tx, channelId: number, networkId: number): Promise<boolean> {
  const existing = await db.channelFollow.findUnique({ where: { channelId_networkId: { channelId, networkId } } });
  if (existing) return false;
  await db.channelFollow.create({ data: { channelId, networkId } });
  return true;
}

/** True when the channel followed the network. */
export async function unfollow(db: Tx, channelId: number, networkId: number): Promise<boolean> {
  const { count } = await db.channelFollow.deleteMany({ where: { channelId, networkId } });
  return count > 0;
}

export async function followedBy(db: Tx, channelId: number) {
  const follows = await db.channelFollow.findMany({ where: { channelId }, include: { network: true }, orderBy: { network: { name: 'asc' } } });
  return follows.map((entry) => entry.network);
}

/** The channels following the meetup's network that may show it (not its own network's, not for a members-only meetup). */
export async function followersOf(db: Tx, meetup: Pick<MeetupRecord, 'networkId' | 'membersOnly'>): Promise<ChannelRecord[]> {
  if (meetup.networkId === null || meetup.membersOnly) return [];
  const follows = await db.channelFollow.findMany({ where: { networkId: meetup.networkId, channel: { OR: [{ networkId: null }, { networkId: { not: meetup.networkId } }] } }, include: { channel: true }, orderBy: { channelId: 'asc' } });
  return follows.map((entry) => entry.channel);
}

/** Announces a just-published meetup in every channel following its network, once each (a channel it is already in is skipped). */
export async function announceToFollowers(db: Tx, out: Outgoing, render: RenderAnnouncement, meetup: MeetupRecord): Promise<void> {
  for (const channel of await followersOf(db, meetup)) {
    const existing = await db.announcement.findUnique({ where: { meetupId_channelId: { meetupId: meetup.id, channelId: channel.id } } });
    if (!existing) await announce(db, out, render, meetup.id, channel);
  }
}

/** The upcoming meetups, in [from, to], of the networks a channel follows (members-only ones left out). */
export async function followedUpcoming(db: Tx, channelId: number, from: Date, to: Date, limit: number): Promise<MeetupView[]> {
  const follows = await db.channelFollow.findMany({ where: { channelId }, select: { networkId: true } });
  if (!follows.length) return [];
  const meetups = await db.meetup.findMany({
    where: { status: 'scheduled', membersOnly: false, networkId: { in: follows.map((entry) => entry.networkId) }, startsAt: { gte: from, lte: to } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: limit,
    include: meetupInclude,
  });
  return withCounts(db, meetups);
}
