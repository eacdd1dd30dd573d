import type { ChatAdapter, SendOptions } from '../../src/core/adapter.ts';
import type { Card, Reply } from '../../src/core/card.ts';
import { RelaisError } from '../../src/core/errors.ts';
import type { CapturedMessage, ReplyTarget } from '../../src/core/gesture.ts';
import type { ChannelRef, PersonRef, PostedMessage, UserRef } from '../../src/core/platform.ts';
import type { RelaisPort } from '../../src/core/port.ts';

export interface Sent {
  kind: 'post' | 'update' | 'reply' | 'direct' | 'reactions';
  /** The channel, the person, or the reply target's channel. */
  target: string;
  messageId?: string;
  card?: Card;
  reply?: Reply;
  emojis?: string[];
  key?: string;
  /** A post made as a reply under this message. */
  inReplyTo?: string;
}

/**
 * A chat platform that lives in memory: it remembers what Relais sent, knows the people it was
 * told about, and keeps each key's post once (as Matrix and Slack are made to). Tests speak
 * through `port.handle` directly; a failure can be injected for the next posts.
 */
export class MemoryChat implements ChatAdapter {
  readonly platform: string;
  /** Keeps one post per key (as Matrix and Slack are made to); a test may make a platform that cannot. */
  readonly idempotentPosts: boolean = true;
  readonly sent: Sent[] = [];
  readonly people = new Map<string, string>();
  /** Messages people wrote, by id, for reactions that keep them as tips. */
  readonly messages = new Map<string, CapturedMessage>();
  /**
   * How the next posts fail: `down` as an outage (nothing sent, try again), `landed` as a platform
   * that took the post and then answered an error, `refused` for good (not a member of the channel).
   */
  failures: Array<'down' | 'landed' | 'refused'> = [];
  private readonly byKey = new Map<string, string>();
  private next = 1;

  constructor(readonly port: RelaisPort, name = 'memory') {
    this.platform = name;
  }

  async start(): Promise<void> {}
  async stop(): Promise<void> {}

  async post(channel: ChannelRef, card: Card, options: SendOptions): Promise<PostedMessage> {
    const known = this.byKey.get(options.key);
    if (known) return { messageId: known };
    const failure = this.failures.shift();
    if (failure === 'down') throw new RelaisError('unavailable', 'errors.unavailable', {}, 'the platform is down');
    if (failure === 'refused') throw new RelaisError('conflict', 'platforms.memory.notMember', {}, 'not a member of the channel');
    const messageId = `m${this.next++}`;
    this.byKey.set(options.key, messageId);
    this.sent.push({ kind: 'post', target: channel.externalId, messageId, card, key: options.key, ...(options.inReplyTo ? { inReplyTo: options.inReplyTo } : {}) });
    if (failure === 'landed') throw new RelaisError('unavailable', 'errors.unavailable', {}, 'answered 500 after accepting the post');
    return { messageId };
  }

  async update(channel: ChannelRef, messageId: string, card: Card): Promise<void> {
    this.sent.push({ kind: 'update', target: channel.externalId, messageId, card });
  }

  async reply(to: ReplyTarget, reply: Reply, options: SendOptions): Promise<void> {
    if (this.sent.some((sent) => sent.key === options.key)) return;
    this.sent.push({ kind: 'reply', target: String(to.channel ?? ''), reply, card: reply.card, key: options.key });
  }

  async addReactions(channel: ChannelRef, messageId: string, emojis: string[]): Promise<void> {
    this.sent.push({ kind: 'reactions', target: channel.externalId, messageId, emojis });
  }

  async sendDirect(user: UserRef, card: Card, options: SendOptions): Promise<void> {
    if (this.sent.some((sent) => sent.key === options.key)) return;
    this.sent.push({ kind: 'direct', target: user.externalId, card, key: options.key });
  }

  async fetchMessage(_channel: ChannelRef, messageId: string): Promise<CapturedMessage | undefined> {
    return this.messages.get(messageId);
  }

  /** Everyone written like a full id (`@bea:example.org`) exists here; a bare word names nobody. */
  async lookupUser(person: PersonRef): Promise<UserRef | undefined> {
    const name = this.people.get(person.externalId) ?? /^@([^:]+):.+$/.exec(person.externalId)?.[1];
    return name === undefined ? undefined : { ...person, displayName: name };
  }

  of(kind: Sent['kind']): Sent[] {
    return this.sent.filter((entry) => entry.kind === kind);
  }
}
