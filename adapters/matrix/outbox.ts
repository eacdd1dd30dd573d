import { createHash } from 'node:crypto';
import type { SendOptions } from '../../src/core/adapter.ts';
import type { Card, CardButton, Reply } from '../../src/core/card.ts';
import { RelaisError } from '../../src/core/errors.ts';
import type { Logger } from '../../src/core/logger.ts';
import type { RelaisPort } from '../../src/core/port.ts';
import type { RelaisMatrixClient } from './client.ts';
import { renderCard, type MatrixNotice } from './render.ts';
import { isNotFound, type RoomDirectory } from './rooms.ts';
import type { BotStateStorageProvider } from './storage.ts';
import type { RoomEvent } from './sync-batch.ts';
import { COMMAND_PREFIX } from './commands.ts';

/** Where answers to one person's message or reaction go: a thread under that event. */
export interface ReplyAnchor {
  roomId: string;
  eventId: string;
  /** The thread the event is in, when it is in one. */
  threadRoot?: string | undefined;
  /** False when the event cannot start a thread (an edit, a reaction): answers are plain replies. */
  canRootThread?: boolean;
}

export function anchorOf(roomId: string, event: Pick<RoomEvent, 'event_id' | 'content'>): ReplyAnchor {
  const relation = event.content['m.relates_to'] as { rel_type?: unknown; event_id?: unknown } | undefined;
  if (relation?.rel_type === 'm.thread' && typeof relation.event_id === 'string') return { roomId, eventId: event.event_id, threadRoot: relation.event_id };
  return { roomId, eventId: event.event_id, canRootThread: relation?.rel_type === undefined };
}

/** The transaction id of a message's every attempt: the homeserver keeps one event per id (and access token). */
export const txnIdOf = (key: string) => `relais.${createHash('sha256').update(key).digest('hex').slice(0, 32)}`;

/**
 * Everything the bot sends, each message under a transaction id derived from its outbox key, so
 * a retry — after a 5xx, a dropped connection or a restart — never posts twice. Matrix has no
 * buttons: a button becomes the reaction or the command line that does the same.
 * Without a crypto store the SDK would send plain text into an end-to-end encrypted room, so
 * content is refused there, unless the homeserver URL is a decrypting proxy (pantalaimon marks
 * the events it decrypted with "decrypted": true; once seen, that endpoint is trusted).
 */
export class Outbox {
  private transportDecrypts = false;
  private readonly directRooms = new Map<string, Promise<string>>();

  constructor(
    private readonly client: RelaisMatrixClient,
    private readonly rooms: RoomDirectory,
    private readonly storage: BotStateStorageProvider,
    private readonly logger: Logger,
    private readonly homeserverUrl: string,
    private readonly port: Pick<RelaisPort, 'translate'>,
  ) {}

  private get proxyKey(): string {
    return `decrypting-proxy:${this.homeserverUrl}`;
  }

  async load(): Promise<void> {
    this.transportDecrypts = (await this.storage.readValue(this.proxyKey)) !== null;
  }

  get decrypts(): boolean {
    return this.transportDecrypts;
  }

  async noteDecryptingTransport(): Promise<void> {
    if (this.transportDecrypts) return;
    this.transportDecrypts = true;
    await this.storage.storeValue(this.proxyKey, new Date().toISOString());
    this.logger.info({ homeserver: this.homeserverUrl }, 'events arrive decrypted (pantalaimon): encrypted rooms are served');
  }

  render(card: Card): MatrixNotice {
    return renderCard(card, { buttonHints: (buttons, locale) => this.hints(buttons, locale) });
  }

  /** "To answer, react: ✅ Going · 🤔 Maybe", "Or type: !tip vote 12": buttons without either are left out. */
  private hints(buttons: CardButton[], locale: string): string[] {
    const reactions = buttons.filter((button) => button.instead && 'reaction' in button.instead);
    const commands = buttons.flatMap((button) => (button.instead && 'command' in button.instead ? [`${COMMAND_PREFIX}${button.instead.command}`] : []));
    return [
      ...(reactions.length ? [this.port.translate(locale, 'platforms.matrix.reactToAnswer', { choices: reactions.map((button) => button.label).join(' · ') })] : []),
      ...(commands.length ? [this.port.translate(locale, 'platforms.matrix.orType', { commands: commands.join(' · ') })] : []),
    ];
  }

  /** Sends `content` as an m.room.message under the key's transaction id; refuses encrypted rooms it could only leak into. */
  async send(roomId: string, content: object, key: string): Promise<string> {
    if (!this.transportDecrypts && (await this.rooms.isEncrypted(roomId))) {
      // The process that syncs may have learnt meanwhile that the transport decrypts: the database says so.
      await this.load();
      if (!this.transportDecrypts) {
        throw new RelaisError('conflict', 'platforms.matrix.encryptedRefused', {}, `not sending plain text into end-to-end encrypted room ${roomId}`);
      }
    }
    return this.client.sendOnce(roomId, 'm.room.message', content, txnIdOf(key));
  }

  /**
   * The one message sent in clear into an encrypted room: fixed words, no user content, so that
   * people learn why Relais stays silent there.
   */
  async sendEncryptionNotice(roomId: string, locale: string): Promise<void> {
    const notice = renderCard({ locale, tone: 'warning', body: [[this.port.translate(locale, 'platforms.matrix.encryptedRoom')]] });
    await this.client.sendOnce(roomId, 'm.room.message', notice, txnIdOf(`e2ee-notice:${roomId}`));
  }

  async react(roomId: string, eventId: string, key: string): Promise<void> {
    await this.client.sendOnce(roomId, 'm.reaction', { 'm.relates_to': { rel_type: 'm.annotation', event_id: eventId, key } }, txnIdOf(`react:${eventId}:${key}`));
  }

  /**
   * Answers to a person: 'ephemeral' ones (Matrix has none) in a thread under their message, so
   * the room's main timeline stays clean; 'channel' ones in the room, or in the thread the
   * person wrote in.
   */
  async deliver(anchor: ReplyAnchor, replies: Reply[], options: SendOptions): Promise<void> {
    for (const [index, reply] of replies.entries()) {
      const relation = reply.visibility === 'ephemeral' || anchor.threadRoot ? relationFor(anchor) : {};
      await this.send(anchor.roomId, { ...this.render(reply.card), ...relation }, index ? `${options.key}/${index}` : options.key);
    }
  }

  /** The direct-message room with `userId`: remembered in BotState and in m.direct (what clients read). */
  directRoom(userId: string): Promise<string> {
    let room = this.directRooms.get(userId);
    if (!room) {
      room = this.findOrCreateDirectRoom(userId);
      this.directRooms.set(userId, room);
      room.catch(() => this.directRooms.delete(userId));
    }
    return room;
  }

  private async findOrCreateDirectRoom(userId: string): Promise<string> {
    const key = `dm:${userId}`;
    const known = await this.storage.readValue(key);
    if (known) return known;
    const roomId = await this.client.createRoom({ preset: 'trusted_private_chat', is_direct: true, invite: [userId] });
    await this.storage.storeValue(key, roomId);
    const direct = await this.client.getAccountData<Record<string, string[]>>('m.direct').catch((error: unknown): Record<string, string[]> => {
      if (isNotFound(error)) return {};
      throw error;
    });
    await this.client.setAccountData('m.direct', { ...direct, [userId]: [roomId, ...(direct[userId] ?? [])] });
    return roomId;
  }
}

function relationFor(anchor: ReplyAnchor): object {
  const inReplyTo = { 'm.in_reply_to': { event_id: anchor.eventId } };
  const root = anchor.threadRoot ?? (anchor.canRootThread === false ? undefined : anchor.eventId);
  // is_falling_back: clients without threads show a reply; thread-aware ones don't quote it.
  return { 'm.relates_to': root ? { rel_type: 'm.thread', event_id: root, is_falling_back: true, ...inReplyTo } : inReplyTo };
}
