import type { ChannelRef, ChatAdapter, Platform, PostedMessage, UserRef } from './adapter.ts';
import type { Card } from './card.ts';

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

  serves(platform: string): platform is Platform {
    return this.adapters.has(platform as Platform);
  }

  get platforms(): Platform[] {
    return [...this.adapters.keys()];
  }

  private adapterFor(platform: Platform): ChatAdapter {
    const adapter = this.adapters.get(platform);
    if (!adapter) throw new Error(`No ${platform} adapter in this process`);
    return adapter;
  }

  post(channel: ChannelRef, card: Card): Promise<PostedMessage> {
    return this.adapterFor(channel.platform).post(channel, card);
  }

  update(channel: ChannelRef, messageId: string, card: Card): Promise<void> {
    return this.adapterFor(channel.platform).update(channel, messageId, card);
  }

  async addReactions(channel: ChannelRef, messageId: string, emojis: string[]): Promise<void> {
    await this.adapterFor(channel.platform).addReactions?.(channel, messageId, emojis);
  }

  /** A private message; false when that platform is not served here or has no private messages. */
  async direct(user: UserRef, card: Card): Promise<boolean> {
    const adapter = this.adapters.get(user.platform);
    if (!adapter?.sendDirect) return false;
    await adapter.sendDirect(user, card);
    return true;
  }
}
