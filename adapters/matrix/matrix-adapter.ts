import { MemoryStorageProvider } from 'matrix-bot-sdk';
import type { AdapterDeps, ChannelRef, ChatAdapter, PostedMessage, UserRef } from '../../src/core/adapter.ts';
import type { Card } from '../../src/core/card.ts';
import { RelaisMatrixClient } from './client.ts';
import type { BotIdentity } from './commands.ts';
import { Inbound } from './inbound.ts';
import { Outbox } from './outbox.ts';
import { renderEdit } from './render.ts';
import { RoomDirectory } from './rooms.ts';
import { routeSdkLogs } from './sdk-log.ts';
import { BotStateStorageProvider } from './storage.ts';

/**
 * Relais on Matrix (and Tchap) as a plain bot account: one access token, /sync, m.notice
 * messages. Announcements are notices whose RSVP buttons become reactions; updates are edits.
 */
export class MatrixAdapter implements ChatAdapter {
  readonly platform = 'matrix' as const;

  private constructor(
    private readonly deps: AdapterDeps,
    private readonly client: RelaisMatrixClient,
    private readonly outbox: Outbox,
    private readonly bot: BotIdentity,
  ) {}

  static async create(deps: AdapterDeps): Promise<MatrixAdapter> {
    const { config, logger, relais } = deps;
    const url = config.MATRIX_HOMESERVER_URL;
    const token = config.MATRIX_ACCESS_TOKEN;
    if (!url || !token) throw new Error('MATRIX_HOMESERVER_URL and MATRIX_ACCESS_TOKEN are required');
    routeSdkLogs(logger);
    const options = { requestsPerSecond: config.MATRIX_RATE, logger };
    // Sync state is stored per bot account, so the account must be known before the real client.
    const whoami = config.MATRIX_USER_ID ? undefined : await new RelaisMatrixClient(url, token, new MemoryStorageProvider(), options).getUserId();
    const userId = config.MATRIX_USER_ID ?? whoami!;
    const storage = new BotStateStorageProvider(relais.services.db, userId);
    // The account the server answered for is the client's own: no second whoami. A configured
    // MATRIX_USER_ID is left for the client to check against the server, as before.
    const client = new RelaisMatrixClient(url, token, storage, { ...options, ...(whoami ? { userId: whoami } : {}) });
    const rooms = new RoomDirectory(client);
    const outbox = new Outbox(client, rooms, storage, logger, url);
    const bot: BotIdentity = { userId };
    const inbound = new Inbound({ relais, config, logger, client, rooms, storage, outbox, bot });
    client.onSync((name, ...payload) => inbound.handle(name, payload));
    return new MatrixAdapter(deps, client, outbox, bot);
  }

  async start(): Promise<void> {
    const { config, logger } = this.deps;
    await this.outbox.load();
    // Messages addressed to "Relais: …" use the display name: learn it before the first sync.
    const profile = await this.client.getUserProfile(this.bot.userId).catch(() => undefined);
    if (typeof profile?.displayname === 'string') this.bot.displayName = profile.displayname;
    await this.client.start();
    logger.info({ userId: this.bot.userId, ratePerSecond: config.MATRIX_RATE }, 'connected to Matrix');
  }

  async stop(): Promise<void> {
    await this.client.stopAndWait();
  }

  async post(channel: ChannelRef, card: Card): Promise<PostedMessage> {
    return { messageId: await this.outbox.send(channel.externalId, this.outbox.render(card)) };
  }

  async update(channel: ChannelRef, messageId: string, card: Card): Promise<void> {
    await this.outbox.send(channel.externalId, renderEdit(messageId, this.outbox.render(card)));
  }

  async addReactions(channel: ChannelRef, messageId: string, emojis: string[]): Promise<void> {
    for (const emoji of emojis) await this.outbox.react(channel.externalId, messageId, emoji);
  }

  async sendDirect(user: UserRef, card: Card): Promise<void> {
    await this.outbox.send(await this.outbox.directRoom(user.externalId), this.outbox.render(card));
  }
}
