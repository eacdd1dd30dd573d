import { RelaisError } from '../../core/errors.ts';
import type { Tx } from '../../db/transaction.ts';
import type { Effect } from '../../delivery/worker.ts';
import type { Outgoing } from '../../delivery/outgoing.ts';
import { translate } from '../../i18n/translate.ts';
import { channelRefOf, type ChannelRecord } from '../directory.ts';
import type { RenderAnnouncement } from './announcer.ts';
import { rsvpEmoji } from './rsvp.ts';
import { getMeetup } from './service.ts';

/**
 * Announces a meetup in a channel, once per channel: the Announcement row and the post are
 * decided together, in the caller's transaction; the post is sent after it commits, and its
 * message id recorded when it lands (`announcementEffect`). Reactions and clicks on it count from then.
 */
export async function announce(tx: Tx, out: Outgoing, render: RenderAnnouncement, meetupId: number, channel: ChannelRecord): Promise<void> {
  const meetup = await getMeetup(tx, meetupId);
  if (meetup.status === 'cancelled') throw new RelaisError('conflict', 'meetups.errors.cancelled', { id: meetupId });
  if (meetup.status === 'draft') throw new RelaisError('conflict', 'meetupFlow.errors.notPublished', { id: meetupId });
  const existing = await tx.announcement.findUnique({ where: { meetupId_channelId: { meetupId, channelId: channel.id } } });
  if (existing) throw new RelaisError('conflict', 'meetups.errors.alreadyAnnounced', { id: meetupId });
  const announcement = await tx.announcement.create({ data: { meetupId, channelId: channel.id, renderedRevision: meetup.revision } });
  await out.post(channelRefOf(channel), render(meetup, channel), { kind: 'announcement', id: announcement.id });
}

/** What an announcement's post records once it lands, and undoes when it never will. */
export const announcementEffect: Effect = {
  async posted(tx, { id, messageId, out }) {
    const announcement = await tx.announcement.update({ where: { id }, data: { messageId }, include: { channel: true } });
    await out.react(channelRefOf(announcement.channel), messageId, Object.values(rsvpEmoji));
  },
  async failed(tx, id, reason, locale) {
    const announcement = await tx.announcement.findUnique({ where: { id }, include: { channel: true } });
    if (!announcement) return undefined;
    // Gone, so that announcing it there again is possible once the cause is fixed.
    await tx.announcement.delete({ where: { id } });
    const where = announcement.channel.name ?? announcement.channel.externalId;
    return translate(locale, 'meetups.notAnnounced', { id: announcement.meetupId, channel: where, reason });
  },
};
