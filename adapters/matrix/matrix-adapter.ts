import { MemoryStorageProvider } from 'matrix-bot-sdk';
import type { ChatAdapter, SendOptions } from '../../src/core/adapter.ts';
import type { Card, Reply } from '../../src/core/card.ts';
import type { CapturedMessage, Gesture } from '../../src/core/gesture.ts';
import type { ChannelRef, PersonRef, PostedMessage, UserRef } from '../../src/core/platform.ts';
import type { AdapterDeps } from '../../src/core/platform-module.ts';
import { RelaisMatrixClient } from './client.ts';
import type { BotIdentity } from './commands.ts';
import type { MatrixConfig } from './config.ts';
import { Inbound, withoutReplyFallback } from './inbound.ts';
import { defaultLeadership, Leadership } from './leadership.ts';
import { Outbox, txnIdOf, type ReplyAnchor } from './outbox.ts';
import { renderEdit } from './render.ts';
import { honourRetryAfterHeaders } from './retry-after.ts';
import { isNotFound, RoomDirectory } from './rooms.ts';
import { routeSdkLogs } from './sdk-log.ts';
import { BotStateStorageProvider } from './storage.ts';
import type { RoomEvent } from './sync-batch.ts';

/**
 * Relais on Matrix (and Tchap) as a plain bot account: one access token, /sync, m.notice
 * messages. Announcements are notices whose RSVP buttons become reactions; updates are edits.
 */
export class MatrixAdapter implements ChatAdapter {
  readonly platform = 'matrix';
  readonly idempotentPosts = true;
  private leadership: Leadership | undefined;

  private constructor(
    private readonly deps: AdapterDeps<MatrixConfig>,
    private readonly client: RelaisMatrixClient,
    private readonly rooms: RoomDirectory,
    private readonly outbox: Outbox,
    private readonly inbound: Inbound,
    private readonly bot: BotIdentity,
  ) {}

  static async create(deps: AdapterDeps<MatrixConfig>): Promise<MatrixAdapter> {
    const { config, logger, port, state } = deps;
    const url = config.MATRIX_HOMESERVER_URL;
    const token = config.MATRIX_ACCESS_TOKEN;
    if (!url || !token) throw new Error('MATRIX_HOMESERVER_URL and MATRIX_ACCESS_TOKEN are required');
    routeSdkLogs(logger);
    honourRetryAfterHeaders();
    const options = { requestsPerSecond: config.MATRIX_RATE, logger };
    // Sync state is stored per bot account, so the account must be known before the real client.
    const whoami = config.MATRIX_USER_ID ? undefined : await new RelaisMatrixClient(url, token, new MemoryStorageProvider(), options).getUserId();
    const userId = config.MATRIX_USER_ID ?? whoami!;
    const storage = new BotStateStorageProvider(state, userId);
    // The account the server answered for is the client's own: no second whoami. A configured
    // MATRIX_USER_ID is left for the client to check against the server, as before.
    const client = new RelaisMatrixClient(url, token, storage, { ...options, ...(whoami ? { userId: whoami } : {}) });
    const rooms = new RoomDirectory(client);
    const outbox = new Outbox(client, rooms, storage, logger, url, port);
    const bot: BotIdentity = { userId };
    const inbound = new Inbound({ port, config, logger, client, rooms, storage, outbox, bot });
    client.onSync((name, ...payload) => inbound.handle(name, payload));
    return new MatrixAdapter(deps, client, rooms, outbox, inbound, bot);
  }

  /**
   * Every process serving this account sends (posts, replies, edits); one at a time syncs, the
   * holder of the account's sync lease, and another takes over, from the saved sync token, when
   * it stops or dies.
   */
  async start(): Promise<void> {
    const { config, logger, lease } = this.deps;
    await this.outbox.load();
    // Messages addressed to "Relais: …" use the display name: learn it before the first sync.
    const profile = await this.client.getUserProfile(this.bot.userId).catch(() => undefined);
    if (typeof profile?.displayname === 'string') this.bot.displayName = profile.displayname;
    this.leadership = new Leadership(lease(`sync:${this.bot.userId}`, defaultLeadership.ttlMs), {
      lead: async () => {
        // What the previous holder learnt (a decrypting proxy) is in the database.
        await this.outbox.load();
        await this.client.start();
        logger.info({ userId: this.bot.userId, ratePerSecond: config.MATRIX_RATE }, 'connected to Matrix');
      },
      follow: () => this.client.stopSync(),
    }, logger);
    await this.leadership.start();
  }

  async stop(): Promise<void> {
    await this.leadership?.stop();
    await this.client.stopAndWait();
  }

  /**
   * The room's name and whether it is private (its join rule is not public), the person's display
   * name there, and whether they moderate it (power ≥ 50, or a creator from room version 12).
   */
  async describe(gesture: Gesture): Promise<Gesture> {
    const roomId = gesture.channel.externalId;
    const userId = gesture.user.externalId;
    const [name, open, displayName, moderates] = await Promise.all([
      this.rooms.name(roomId),
      this.rooms.isPublic(roomId).catch((error: unknown) => {
        this.deps.logger.warn({ err: error, roomId }, 'could not read the join rule; the room keeps the privacy last recorded');
        return undefined;
      }),
      this.rooms.displayName(roomId, userId),
      this.rooms.moderates(roomId, userId).catch((error: unknown) => {
        this.deps.logger.warn({ err: error, roomId }, 'could not read power levels; treating the sender as a member');
        return false;
      }),
    ]);
    const channel = { ...gesture.channel, ...(name ? { name } : {}), ...(open === undefined ? {} : { private: !open }) };
    return { ...gesture, channel, user: { ...gesture.user, displayName }, channelModerator: moderates };
  }

  async post(channel: ChannelRef, card: Card, options: SendOptions): Promise<PostedMessage> {
    return { messageId: await this.outbox.send(channel.externalId, this.outbox.render(card), options.key) };
  }

  async update(channel: ChannelRef, messageId: string, card: Card): Promise<void> {
    // Each edit is new content: its own transaction id, from what it says.
    const edit = renderEdit(messageId, this.outbox.render(card));
    await this.outbox.send(channel.externalId, edit, `edit:${messageId}:${txnIdOf(JSON.stringify(edit))}`);
  }

  async reply(to: Record<string, unknown>, reply: Reply, options: SendOptions): Promise<void> {
    await this.outbox.deliver(to as unknown as ReplyAnchor, [reply], options);
  }

  async addReactions(channel: ChannelRef, messageId: string, emojis: string[]): Promise<void> {
    for (const emoji of emojis) await this.outbox.react(channel.externalId, messageId, emoji);
  }

  async sendDirect(user: UserRef, card: Card, options: SendOptions): Promise<void> {
    await this.outbox.send(await this.outbox.directRoom(user.externalId), this.outbox.render(card), options.key);
  }

  /** The message as it reads now (servers bundle the latest edit), with a matrix.to permalink. */
  async fetchMessage(channel: ChannelRef, messageId: string): Promise<CapturedMessage | undefined> {
    const roomId = channel.externalId;
    const message = await this.client.getEvent(roomId, messageId) as RoomEvent;
    if (message.type !== 'm.room.message' || message.sender === this.bot.userId) return undefined;
    const edit = (message.unsigned?.['m.relations'] as { 'm.replace'?: { content?: { 'm.new_content'?: { body?: unknown } } } } | undefined)?.['m.replace'];
    const body = edit?.content?.['m.new_content']?.body ?? message.content.body;
    if (typeof body !== 'string') return undefined;
    return {
      messageId,
      text: withoutReplyFallback(body),
      author: { platform: 'matrix', workspace: this.inbound.workspaceOf(message.sender), externalId: message.sender, displayName: await this.rooms.displayName(roomId, message.sender) },
      permalink: `https://matrix.to/#/${roomId}/${message.event_id}`,
    };
  }

  /** Who a user id is, on any homeserver (through federation): undefined when no profile answers. */
  async lookupUser(person: PersonRef): Promise<UserRef | undefined> {
    try {
      const profile = await this.client.getUserProfile(person.externalId);
      const name = typeof profile?.displayname === 'string' && profile.displayname.trim() ? profile.displayname.trim() : person.externalId.slice(1).split(':')[0]!;
      return { ...person, displayName: name };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}
