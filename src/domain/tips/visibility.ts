import { raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Prisma } from '../../generated/sqlite/client.ts';
import type { ChannelRecord } from '../directory.ts';

/**
 * Who is reading. `public`: anyone — the web pages, the exports, the wiki, the digests posted in
 * public channels. A channel: the people in it, who are members of its network — they also read
 * the tips saved in their network's private channels (and in the channel itself), until a
 * moderator publishes them.
 */
export type Readers = 'public' | { channelId: number; networkId: number | null };

/** The readers of an answer given in this channel (only to the person who asked). */
export const readersIn = (channel: Pick<ChannelRecord, 'id' | 'networkId'>): Readers => ({ channelId: channel.id, networkId: channel.networkId });

/** The readers of what is posted for everyone in this channel (its digest): a public channel's are the public. */
export const readersOfPosts = (channel: Pick<ChannelRecord, 'id' | 'networkId' | 'private'>): Readers => (channel.private ? readersIn(channel) : 'public');

/**
 * THE rule of which tips readers see, as a Prisma condition: published ones (never hidden or merged
 * ones), and of those, restricted ones (saved in a private channel) only by their network's and
 * their channel's readers.
 */
export function tipsReadBy(readers: Readers): Prisma.TipWhereInput {
  if (readers === 'public') return { status: 'published', restricted: false };
  return {
    status: 'published',
    OR: [{ restricted: false }, { channelId: readers.channelId }, ...(readers.networkId === null ? [] : [{ networkId: readers.networkId }])],
  };
}

/** The same rule as SQL, for the full-text queries; `tip` is how the query names the "Tip" table ('t.' or ''). */
export function tipsReadBySql(readers: Readers, tip: 't.' | ''): Sql {
  const column = (name: 'status' | 'restricted' | 'channelId' | 'networkId') => raw(`${tip}"${name}"`);
  if (readers === 'public') return sql`${column('status')} = 'published' AND NOT ${column('restricted')}`;
  const network = readers.networkId === null ? sql`` : sql` OR ${column('networkId')} = ${readers.networkId}`;
  return sql`${column('status')} = 'published' AND (NOT ${column('restricted')} OR ${column('channelId')} = ${readers.channelId}${network})`;
}
