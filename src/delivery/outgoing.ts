import type { Card, Reply } from '../core/card.ts';
import type { ReplyTarget } from '../core/gesture.ts';
import type { ChannelRef, UserRef } from '../core/platform.ts';
import type { Tx } from '../db/transaction.ts';
import { encode } from './codec.ts';

/** What a successful post records (e.g. the announcement it is), done by the effect registered under `kind`. */
export interface Purpose {
  kind: string;
  id: number;
}

/** Who to tell, and in which language, when a message cannot be sent: the person whose gesture caused it. */
export interface Notify {
  platform: string;
  replyTo: ReplyTarget;
  locale: string;
}

/**
 * Where a private message goes on a platform that has none: a reply under this message (a meetup's
 * announcement), as `card` (which says whom it is for).
 */
export interface DirectFallback {
  channel: ChannelRef;
  messageId: string;
  card: Card;
}

/**
 * Messages decided inside a transaction, recorded with it and sent once it commits
 * (src/delivery/worker.ts): what a rolled-back transaction decided is never sent.
 */
export interface Outgoing {
  post(channel: ChannelRef, card: Card, purpose?: Purpose): Promise<void>;
  /**
   * A private message where the person's platform has them; else the fallback's reply under a
   * message, or, without one, given up with a log line.
   */
  direct(user: UserRef, card: Card, fallback?: DirectFallback): Promise<void>;
  reply(platform: string, to: ReplyTarget, reply: Reply): Promise<void>;
  /** Reactions under a posted message (an announcement's RSVP choices). */
  react(channel: ChannelRef, messageId: string, emojis: string[]): Promise<void>;
}

export type OutboundKind = 'post' | 'direct' | 'reply' | 'react';

/**
 * An Outgoing writing into `tx`. Keys are `<origin>:<n>`: the same transaction run again (after a
 * rollback, or by another process after a crash) decides the same keys, so nothing is doubled.
 */
export function outgoing(tx: Tx, origin: { key: string; inboundId?: number; notify?: Notify }, created: number[] = []): Outgoing {
  let n = 0;
  const add = async (kind: OutboundKind, platform: string, target: unknown, content: unknown, purpose?: Purpose) => {
    n += 1;
    const row = await tx.outbound.create({
      data: {
        key: `${origin.key}:${n}`,
        platform,
        kind,
        target: encode(target),
        content: encode(content),
        purpose: purpose ? `${purpose.kind}:${purpose.id}` : null,
        inboundId: origin.inboundId ?? null,
        notify: origin.notify ? encode(origin.notify) : null,
        recipient: kind === 'direct' ? recipientKey(target as UserRef) : null,
      },
      select: { id: true },
    });
    created.push(row.id);
  };
  return {
    post: (channel, card, purpose) => add('post', channel.platform, channel, card, purpose),
    direct: (user, card, fallback) => add('direct', user.platform, fallback ? { ...user, fallback } : user, card),
    reply: (platform, to, reply) => add('reply', platform, to, reply),
    react: (channel, messageId, emojis) => add('react', channel.platform, { channel, messageId }, emojis),
  };
}

/** How a person is named in the outbox, so that forgetting them finds their private messages. */
export const recipientKey = (user: Pick<UserRef, 'platform' | 'workspace' | 'externalId'>) => `${user.platform}:${user.workspace}:${user.externalId}`;
