import type { Gesture } from '../../src/core/gesture.ts';
import type { Logger } from '../../src/core/logger.ts';
import type { ChannelRef, UserRef } from '../../src/core/platform.ts';
import type { RelaisPort } from '../../src/core/port.ts';
import type { RelaisMatrixClient } from './client.ts';
import { readCommand, type BotIdentity } from './commands.ts';
import { serverOf } from './ids.ts';
import type { MatrixConfig } from './config.ts';
import { anchorOf, type Outbox, type ReplyAnchor } from './outbox.ts';
import type { RoomDirectory } from './rooms.ts';
import type { BotStateStorageProvider } from './storage.ts';
import type { RoomEvent } from './sync-batch.ts';

export interface InboundDeps {
  port: RelaisPort;
  config: MatrixConfig;
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

/** Thrown to keep the sync token where it is: the batch will be read again, and nothing is lost. */
export class NotRecorded extends Error {}

/**
 * Turns what the sync delivers into gestures for the core: commands in messages, reactions and
 * their redactions; invitations and encrypted messages are the adapter's own business. Events the
 * bot sent are ignored. Each gesture is recorded before the batch's sync token is saved: when the
 * database cannot take it, the batch is read again later (people are told once that Relais will
 * answer when it is back), so a crash or an outage loses nothing and a replay applies nothing twice.
 */
export class Inbound {
  private readonly commands: Set<string>;
  private readonly toldUnavailable = new Set<string>();

  constructor(private readonly deps: InboundDeps) {
    this.commands = new Set(deps.port.declarations.commands.map((command) => command.name));
  }

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
    const content = event.content;
    // Notices are other bots talking (bots must not answer them); edits are not new commands.
    if (content.msgtype !== 'm.text' || typeof content.body !== 'string') return;
    if ((content['m.relates_to'] as { rel_type?: unknown } | undefined)?.rel_type === 'm.replace') return;
    const mentions = content['m.mentions'] as { user_ids?: unknown } | undefined;
    const line = readCommand({
      body: withoutReplyFallback(content.body),
      formattedBody: typeof content.formatted_body === 'string' ? content.formatted_body : undefined,
      mentionedUserIds: Array.isArray(mentions?.user_ids) ? mentions.user_ids.filter((id): id is string => typeof id === 'string') : [],
    }, this.deps.bot, (name) => this.commands.has(name));
    if (!line) return;
    await this.record(roomId, event, { kind: 'command', command: line.name, text: line.text }, anchorOf(roomId, event));
  }

  private async onReaction(roomId: string, event: RoomEvent): Promise<void> {
    const relation = event.content['m.relates_to'] as { rel_type?: unknown; event_id?: unknown; key?: unknown } | undefined;
    if (relation?.rel_type !== 'm.annotation' || typeof relation.event_id !== 'string' || typeof relation.key !== 'string') return;
    const declared = this.deps.port.declarations.reactions;
    const emoji = canonicalEmoji(relation.key, declared.map((reaction) => reaction.emoji));
    if (!emoji) return;
    const target = relation.event_id;
    // Only reactions whose withdrawal means something (answers) are remembered, for their redaction.
    if (declared.some((reaction) => reaction.emoji === emoji && reaction.removals)) {
      const remembered: RememberedReaction = { sender: event.sender, key: emoji, target };
      await this.deps.storage.storeValue(`reaction:${event.event_id}`, JSON.stringify(remembered));
    }
    await this.record(roomId, event, { kind: 'reaction', emoji, added: true, messageId: target }, { roomId, eventId: target });
  }

  private async onRedaction(roomId: string, event: RoomEvent): Promise<void> {
    const { storage } = this.deps;
    const redacted = event.redacts ?? (typeof event.content.redacts === 'string' ? event.content.redacts : undefined);
    const raw = redacted && (await storage.readValue(`reaction:${redacted}`));
    if (!redacted || !raw) return;
    // The answer withdrawn is the reactor's, whoever redacted the reaction (a moderator may).
    const reaction = JSON.parse(raw) as RememberedReaction;
    await this.record(roomId, { ...event, sender: reaction.sender }, { kind: 'reaction', emoji: reaction.key, added: false, messageId: reaction.target }, { roomId, eventId: reaction.target });
    // Forgotten only once the withdrawal is recorded: a crash in between replays it, never loses it.
    await storage.deleteValue(`reaction:${redacted}`);
  }

  /** Hands one gesture to the core; when the database cannot take it, the batch stops here and is read again later. */
  private async record(roomId: string, event: RoomEvent, what: DistributiveOmit<Gesture, 'deliveryKey' | 'channel' | 'user' | 'replyTo'>, anchor: ReplyAnchor): Promise<void> {
    const gesture = { ...what, deliveryKey: event.event_id, channel: this.channelRef(roomId), user: this.userRef(event.sender), replyTo: { ...anchor } } as Gesture;
    const receipt = await this.deps.port.handle(gesture);
    if (receipt !== 'unavailable') return;
    if (!this.toldUnavailable.has(event.event_id)) {
      this.toldUnavailable.add(event.event_id);
      const locale = this.deps.port.defaultLocale;
      const card = { locale, tone: 'warning' as const, body: [[this.deps.port.translate(locale, 'platforms.matrix.unavailableRetrying')]] };
      await this.deps.outbox.deliver(anchor, [{ visibility: 'ephemeral', card }], { key: `unavailable:${event.event_id}` }).catch(() => undefined);
    }
    throw new NotRecorded(`event ${event.event_id} not recorded: database unavailable`);
  }

  /** Someone wrote in an end-to-end encrypted room: say once, in clear, that Relais cannot read it. */
  private async onEncrypted(roomId: string): Promise<void> {
    const { storage, outbox, port, logger } = this.deps;
    if (outbox.decrypts) return;
    const key = `e2ee-notice:${roomId}`;
    if (await storage.readValue(key)) return;
    await storage.storeValue(key, new Date().toISOString());
    logger.warn({ roomId }, 'encrypted messages in this room cannot be read without a decrypting proxy (pantalaimon)');
    await outbox.sendEncryptionNotice(roomId, port.defaultLocale).catch((error: unknown) => {
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

  private channelRef(roomId: string): ChannelRef {
    return { platform: 'matrix', workspace: this.workspaceOf(roomId), externalId: roomId };
  }

  /** Named by their id until the gesture is worked (MatrixAdapter.describe). */
  private userRef(userId: string): UserRef {
    return { platform: 'matrix', workspace: this.workspaceOf(userId), externalId: userId, displayName: userId };
  }

  /** The homeserver a room or user id names; room ids of room version 12 name none: the bot's, then. */
  workspaceOf(id: string): string {
    return serverOf(id) ?? serverOf(this.deps.bot.userId) ?? 'matrix';
  }
}

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** The reaction key as Relais spells it, or undefined: clients differ on U+FE0F (emoji presentation). */
function canonicalEmoji(key: string, known: string[]): string | undefined {
  const bare = key.replace(VARIATION_SELECTOR, '');
  return known.find((emoji) => emoji.replace(VARIATION_SELECTOR, '') === bare);
}

/** Older clients quote the message replied to at the start of the body ("> <@a:b> …" lines, then a blank line). */
export function withoutReplyFallback(body: string): string {
  return body.startsWith('> ') ? body.replace(/^(?:>[^\n]*\n)+\n?/, '') : body;
}
