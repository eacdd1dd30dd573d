import type { ChatAdapter, SendOptions } from './adapter.ts';
import type { Card, Reply } from './card.ts';
import { RelaisError } from './errors.ts';
import type { ReplyTarget } from './gesture.ts';
import type { ChannelRef, Platform, PostedMessage, UserRef } from './platform.ts';

/** Routes outgoing messages to the adapter of each platform this process serves. */
export class Messenger {
  private readonly adapters = new Map<Platform, ChatAdapter>();

  register(adapter: ChatAdapter): void {
    if (this.adapters.has(adapter.platform)) throw new Error(`Two adapters for ${adapter.platform}`);
    this.adapters.set(adapter.platform, adapter);
  }

  get all(): ChatAdapter[] {
    return [...this.adapters.values()];
  }

  get platforms(): Platform[] {
    return [...this.adapters.keys()];
  }

  adapterFor(platform: Platform): ChatAdapter {
    const adapter = this.adapters.get(platform);
    if (!adapter) throw new Error(`No ${platform} adapter in this process`);
    return adapter;
  }

  post(channel: ChannelRef, card: Card, options: SendOptions): Promise<PostedMessage> {
    return this.adapterFor(channel.platform).post(channel, card, options);
  }

  update(channel: ChannelRef, messageId: string, card: Card): Promise<void> {
    return this.adapterFor(channel.platform).update(channel, messageId, card);
  }

  reply(platform: Platform, to: ReplyTarget, reply: Reply, options: SendOptions): Promise<void> {
    return this.adapterFor(platform).reply(to, reply, options);
  }

  async addReactions(channel: ChannelRef, messageId: string, emojis: string[]): Promise<void> {
    await this.adapterFor(channel.platform).addReactions?.(channel, messageId, emojis);
  }

  /** A private message; refused (for good) where the platform has none. */
  async direct(user: UserRef, card: Card, options: SendOptions): Promise<void> {
    const adapter = this.adapterFor(user.platform);
    if (!adapter.sendDirect) throw new RelaisError('conflict', 'errors.noDirectMessages', { platform: user.platform });
    await adapter.sendDirect(user, card, options);
  }
}
