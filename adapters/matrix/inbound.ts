import type { Conversation } from '../../src/core/adapter.ts';
import type { Reply } from '../../src/core/card.ts';
import type { Config } from '../../src/config.ts';
import { rsvpEmoji } from '../../src/domain/meetups/view.ts';
import type { Logger } from '../../src/logger.ts';
import type { ReactedMessage, Relais } from '../../src/relais.ts';
import type { RelaisMatrixClient } from './client.ts';
import { COMMAND_PREFIX, readCommand, type BotIdentity } from './commands.ts';
import { anchorOf, type Outbox, type ReplyAnchor } from './outbox.ts';
import { MODERATOR_POWER_LEVEL, serverOf, type RoomDirectory } from './rooms.ts';
import type { BotStateStorageProvider } from './storage.ts';
import type { RoomEvent } from './sync-batch.ts';

export interface InboundDeps {
  relais: Relais;
  config: Config;
  logger: Logger;
  client: RelaisMatrixClient;
  rooms: RoomDirectory;
  storage: BotStateStorageProvider;
  outbox: Outbox;
  bot: BotIdentity;
}

/** A user's reaction, remembered so that its redaction (even after a restart) withdraws the answer. */
interface RememberedReaction { sender: string; key: string; target: string }

const VARIATION_SELECTOR = /\uFE0F/g;
const rsvpKeys: string[] = Object.values(rsvpEmoji);

/**
 * Turns what the sync delivers into Relais calls: commands in messages, RSVPs and tip captures in
 * reactions, withdrawn RSVPs in redactions, invitations, and encrypted messages it cannot read.
 * Events sent by the bot itself are ignored; each event is acted on once (ProcessedEvent), even
 * when a batch is replayed after a crash or seen by another process.
 */
export class Inbound {
  constructor(private readonly deps: InboundDeps) {}

  async handle(name: string, payload: unknown[]): Promise<void> {
    const [roomId, event] = payload as [string, RoomEvent];
    switch (name) {
      case 'room.state':
        return this.deps.rooms.observe(roomId, event);
      case 'room.invite':
        return this.onInvite(roomId, event);
      case 'room.leave':
        return this.deps.rooms.forget(roomId);
      case 'room.event':
        return this.onEvent(roomId, event);
    }
  }

  private async onEvent(roomId: string, event: RoomEvent): Promise<void> {
    if (event.decrypted === true) await this.deps.outbox.noteDecryptingTransport();
    if (event.sender === this.deps.bot.userId) return;
    switch (event.type) {
      case 'm.room.message':
        return this.onMessage(roomId, event);
      case 'm.reaction':
        return this.onReaction(roomId, event);
      case 'm.room.redaction':
        return this.onRedaction(roomId, event);
      case 'm.room.encrypted':
        return this.onEncrypted(roomId);
    }
  }

  private async onMessage(roomId: string, event: RoomEvent): Promise<void> {
    const { relais, bot } = this.deps;
    const content = event.content;
    // Notices are other bots talking (bots must not answer them); edits are not new commands.
    if (content.msgtype !== 'm.text' || typeof content.body !== 'string') return;
    if ((content['m.relates_to'] as { rel_type?: unknown } | undefined)?.rel_type === 'm.replace') return;
    const mentions = content['m.mentions'] as { user_ids?: unknown } | undefined;
    const line = readCommand({
      body: withoutReplyFallback(content.body),
      formattedBody: typeof content.formatted_body === 'string' ? content.formatted_body : undefined,
      mentionedUserIds: Array.isArray(mentions?.user_ids) ? mentions.user_ids.filter((id): id is string => typeof id === 'string') : [],
    }, bot, (name) => relais.registry.has(name));
    if (!line || !(await relais.firstDelivery(`matrix:${event.event_id}`))) return;
    await this.answer(anchorOf(roomId, event), async () =>
      relais.command(await this.conversation(roomId, event.sender), line.name, line.text, COMMAND_PREFIX));
  }

  private async onReaction(roomId: string, event: RoomEvent): Promise<void> {
    const { relais, config, storage } = this.deps;
    const relation = event.content['m.relates_to'] as { rel_type?: unknown; event_id?: unknown; key?: unknown } | undefined;
    if (relation?.rel_type !== 'm.annotation' || typeof relation.event_id !== 'string' || typeof relation.key !== 'string') return;
    const target = relation.event_id;
    const emoji = canonicalEmoji(relation.key, [...rsvpKeys, config.RELAIS_TIP_EMOJI]);
    if (!emoji || !(await relais.firstDelivery(`matrix:${event.event_id}`))) return;
    // Only reactions on announcements are RSVPs worth remembering (✅ is common elsewhere).
    if (rsvpKeys.includes(emoji) && (await relais.services.db.announcement.count({ where: { messageId: target } }))) {
      const remembered: RememberedReaction = { sender: event.sender, key: emoji, target };
      await storage.storeValue(`reaction:${event.event_id}`, JSON.stringify(remembered));
    }
    let anchor: ReplyAnchor = { roomId, eventId: target };
    const loadMessage = async (): Promise<ReactedMessage | undefined> => {
      const message = await this.deps.client.getEvent(roomId, target) as RoomEvent;
      anchor = anchorOf(roomId, message);
      return this.reactedMessage(roomId, message);
    };
    await this.answer(() => anchor, async () =>
      relais.reaction(await this.conversation(roomId, event.sender), { messageId: target, emoji, added: true, loadMessage }));
  }

  private async onRedaction(roomId: string, event: RoomEvent): Promise<void> {
    const { relais, storage } = this.deps;
    const redacted = event.redacts ?? (typeof event.content.redacts === 'string' ? event.content.redacts : undefined);
    const raw = redacted && (await storage.readValue(`reaction:${redacted}`));
    if (!redacted || !raw || !(await relais.firstDelivery(`matrix:${event.event_id}`))) return;
    await storage.deleteValue(`reaction:${redacted}`);
    // The answer withdrawn is the reactor's, whoever redacted the reaction (a moderator may).
    const reaction = JSON.parse(raw) as RememberedReaction;
    await this.answer({ roomId, eventId: reaction.target }, async () =>
      relais.reaction(await this.conversation(roomId, reaction.sender), {
        messageId: reaction.target, emoji: reaction.key, added: false, loadMessage: async () => undefined,
      }));
  }

  /** Someone wrote in an end-to-end encrypted room: say once, in clear, that Relais cannot read it. */
  private async onEncrypted(roomId: string): Promise<void> {
    const { storage, outbox, relais, config, logger } = this.deps;
    if (outbox.decrypts) return;
    const key = `e2ee-notice:${roomId}`;
    if (await storage.readValue(key)) return;
    await storage.storeValue(key, new Date().toISOString());
    const channel = await relais.services.db.channel.findUnique({
      where: { platform_workspace_externalId: { platform: 'matrix', workspace: this.workspaceOf(roomId), externalId: roomId } },
    });
    logger.warn({ roomId }, 'encrypted messages in this room cannot be read without a decrypting proxy (pantalaimon)');
    await outbox.sendEncryptionNotice(roomId, channel?.locale ?? config.RELAIS_LOCALE).catch((error: unknown) => {
      logger.warn({ err: error, roomId }, 'could not send the encryption notice');
    });
  }

  /** Invitations are accepted from MATRIX_AUTOJOIN (user ids or homeservers) only; others are declined. */
  private async onInvite(roomId: string, invite: RoomEvent): Promise<void> {
    const { client, config, logger } = this.deps;
    const inviter = invite.sender;
    const server = serverOf(inviter)?.toLowerCase();
    const allowed = config.MATRIX_AUTOJOIN.some((entry) =>
      entry.startsWith('@') ? entry === inviter : entry.replace(/^:/, '').toLowerCase() === server);
    try {
      if (allowed) {
        await client.joinRoom(roomId);
        logger.info({ roomId, inviter }, 'joined a room on invitation');
      } else {
        await client.leaveRoom(roomId);
        logger.info({ roomId, inviter }, 'declined an invitation (inviter not in MATRIX_AUTOJOIN)');
      }
    } catch (error) {
      logger.warn({ err: error, roomId, inviter, allowed }, 'could not answer an invitation');
    }
  }

  private async reactedMessage(roomId: string, message: RoomEvent): Promise<ReactedMessage | undefined> {
    if (message.type !== 'm.room.message' || message.sender === this.deps.bot.userId) return undefined;
    // Servers bundle the latest edit: a tip is what the message says now.
    const edit = (message.unsigned?.['m.relations'] as { 'm.replace'?: { content?: { 'm.new_content'?: { body?: unknown } } } } | undefined)?.['m.replace'];
    const body = edit?.content?.['m.new_content']?.body ?? message.content.body;
    if (typeof body !== 'string') return undefined;
    return {
      text: withoutReplyFallback(body),
      author: { platform: 'matrix', workspace: this.workspaceOf(message.sender), externalId: message.sender, displayName: await this.deps.rooms.displayName(roomId, message.sender) },
      permalink: `https://matrix.to/#/${roomId}/${message.event_id}`,
    };
  }

  private async conversation(roomId: string, userId: string): Promise<Conversation> {
    const { rooms, logger } = this.deps;
    const [name, displayName, level] = await Promise.all([
      rooms.name(roomId),
      rooms.displayName(roomId, userId),
      rooms.powerLevel(roomId, userId).catch((error: unknown) => {
        logger.warn({ err: error, roomId }, 'could not read power levels; treating the sender as a member');
        return 0;
      }),
    ]);
    return {
      channel: { platform: 'matrix', workspace: this.workspaceOf(roomId), externalId: roomId, ...(name ? { name } : {}) },
      user: { platform: 'matrix', workspace: this.workspaceOf(userId), externalId: userId, displayName },
      isChannelModerator: level >= MODERATOR_POWER_LEVEL,
    };
  }

  /** The homeserver a room or user id names; room ids of room version 12 name none: the bot's, then. */
  private workspaceOf(id: string): string {
    return serverOf(id) ?? serverOf(this.deps.bot.userId) ?? 'matrix';
  }

  /** Runs a Relais call and delivers its replies; failures are logged, the event stays handled. */
  private async answer(anchor: ReplyAnchor | (() => ReplyAnchor), work: () => Promise<Reply[]>): Promise<void> {
    try {
      const replies = await work();
      await this.deps.outbox.deliver(typeof anchor === 'function' ? anchor() : anchor, replies);
    } catch (error) {
      this.deps.logger.error({ err: error }, 'could not handle a Matrix event');
    }
  }
}

/** The reaction key as Relais spells it, or undefined: clients differ on U+FE0F (emoji presentation). */
function canonicalEmoji(key: string, known: string[]): string | undefined {
  const bare = key.replace(VARIATION_SELECTOR, '');
  return known.find((emoji) => emoji.replace(VARIATION_SELECTOR, '') === bare);
}

/** Older clients quote the message replied to at the start of the body ("> <@a:b> …" lines, then a blank line). */
function withoutReplyFallback(body: string): string {
  return body.startsWith('> ') ? body.replace(/^(?:>[^\n]*\n)+\n?/, '') : body;
}
