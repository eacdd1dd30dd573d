import type { ChannelRef, UserRef } from '../../core/platform.ts';
import type { Tx } from '../../db/transaction.ts';
import { ensureChannel, ensureMember, type ChannelDefaults, type ChannelRecord, type MemberRecord } from '../../domain/directory.ts';

/**
 * What the gestures of one batch look up before their transaction — their channel, their
 * person, the announcement reacted to — each asked of the database once for the batch. Kept for
 * the batch only: it is worked within one transaction right after, so what is remembered is as
 * current as a lookup made for each gesture (and a gesture of the batch that would contradict it
 * fails the batch, which is then worked one gesture at a time with fresh lookups).
 */
export class Lookups {
  private readonly channels = new Map<string, Promise<ChannelRecord>>();
  private readonly members = new Map<string, Promise<MemberRecord>>();
  private readonly announcements = new Map<string, Promise<{ meetupId: number } | null>>();

  constructor(private readonly db: Tx, private readonly defaults: ChannelDefaults) {}

  channel(ref: ChannelRef): Promise<ChannelRecord> {
    return remembered(this.channels, JSON.stringify([ref.platform, ref.workspace, ref.externalId, ref.name, ref.private]), () => ensureChannel(this.db, ref, this.defaults));
  }

  member(ref: UserRef): Promise<MemberRecord> {
    return remembered(this.members, JSON.stringify([ref.platform, ref.workspace, ref.externalId, ref.displayName]), () => ensureMember(this.db, ref));
  }

  /** The announcement a message of the channel is, if it is one. */
  announcement(channelId: number, messageId: string): Promise<{ meetupId: number } | null> {
    return remembered(this.announcements, JSON.stringify([channelId, messageId]), () =>
      this.db.announcement.findFirst({ where: { channelId, messageId }, select: { meetupId: true } }));
  }
}

function remembered<T>(cache: Map<string, Promise<T>>, key: string, look: () => Promise<T>): Promise<T> {
  let found = cache.get(key);
  if (!found) {
    found = look();
    // A failed lookup is not remembered: the next gesture asks again.
    found.catch(() => cache.delete(key));
    cache.set(key, found);
  }
  return found;
}
