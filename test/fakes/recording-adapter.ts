import type { ChannelRef, ChatAdapter, Platform, PostedMessage, UserRef } from '../../src/core/adapter.ts';
import type { Card } from '../../src/core/card.ts';

export interface Recorded {
  kind: 'post' | 'update' | 'direct' | 'reactions';
  target: string;
  messageId?: string;
  card?: Card;
  emojis?: string[];
}

/** A chat platform that only remembers what Relais sent it, for core tests that need no real SDK. */
export class RecordingAdapter implements ChatAdapter {
  readonly sent: Recorded[] = [];
  /** Makes the next post fail, as a platform outage would. */
  failNextPost = false;
  private next = 1;

  constructor(readonly platform: Platform) {}

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async post(channel: ChannelRef, card: Card): Promise<PostedMessage> {
    if (this.failNextPost) {
      this.failNextPost = false;
      throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    }
    const messageId = `m${this.next++}`;
    this.sent.push({ kind: 'post', target: channel.externalId, messageId, card });
    return { messageId };
  }

  async update(channel: ChannelRef, messageId: string, card: Card): Promise<void> {
    this.sent.push({ kind: 'update', target: channel.externalId, messageId, card });
  }

  async addReactions(channel: ChannelRef, messageId: string, emojis: string[]): Promise<void> {
    this.sent.push({ kind: 'reactions', target: channel.externalId, messageId, emojis });
  }

  async sendDirect(user: UserRef, card: Card): Promise<void> {
    this.sent.push({ kind: 'direct', target: user.externalId, card });
  }

  of(kind: Recorded['kind']): Recorded[] {
    return this.sent.filter((entry) => entry.kind === kind);
  }
}
