import type { MatrixClient } from 'matrix-bot-sdk';
import type { RoomEvent } from './sync-batch.ts';

const MINUTE = 60_000;
/** Power levels decide who moderates: re-read soon after a change elsewhere could have gone unseen. */
const POWER_TTL = MINUTE;
const NAME_TTL = 10 * MINUTE;
const JOIN_RULE_TTL = 10 * MINUTE;
/** A room can become encrypted but never back: "yes" is kept for good, "no" re-checked. */
const UNENCRYPTED_TTL = MINUTE;

interface Entry { value: Promise<unknown>; until: number }

export const MODERATOR_POWER_LEVEL = 50;

export function isNotFound(error: unknown): boolean {
  const e = error as { errcode?: unknown; statusCode?: unknown; body?: { errcode?: unknown } };
  return e?.errcode === 'M_NOT_FOUND' || e?.body?.errcode === 'M_NOT_FOUND' || e?.statusCode === 404;
}

/**
 * What the adapter needs to know about rooms and their members, read from state the sync shows
 * and otherwise fetched once and cached, so a command costs no extra request at 1 request/s.
 */
export class RoomDirectory {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly client: MatrixClient) {}

  /** State seen in a sync (live or history) is fresher than anything cached. */
  observe(roomId: string, event: RoomEvent): void {
    const known = (key: string, value: unknown, ttl: number) => this.entries.set(key, { value: Promise.resolve(value), until: Date.now() + ttl });
    switch (event.type) {
      case 'm.room.encryption':
        if (event.state_key === '' && event.content.algorithm) known(`encrypted ${roomId}`, true, Infinity);
        break;
      case 'm.room.create':
        if (event.state_key === '') known(`creators ${roomId}`, creatorsOf(event), Infinity);
        break;
      case 'm.room.power_levels':
        if (event.state_key === '') known(`power ${roomId}`, event.content, POWER_TTL);
        break;
      case 'm.room.name':
        if (event.state_key === '') known(`name ${roomId}`, nameOf(event.content), NAME_TTL);
        break;
      case 'm.room.join_rules':
        if (event.state_key === '') known(`public ${roomId}`, event.content.join_rule === 'public', JOIN_RULE_TTL);
        break;
      case 'm.room.member':
        if (event.state_key && typeof event.content.displayname === 'string' && event.content.displayname.trim()) {
          known(`member ${roomId} ${event.state_key}`, event.content.displayname.trim(), NAME_TTL);
        } else if (event.state_key) this.entries.delete(`member ${roomId} ${event.state_key}`);
        break;
    }
  }

  isEncrypted(roomId: string): Promise<boolean> {
    return this.cached(`encrypted ${roomId}`, (encrypted) => (encrypted ? Infinity : UNENCRYPTED_TTL), async () => {
      try {
        const content = await this.client.getRoomStateEvent(roomId, 'm.room.encryption', '');
        return Boolean(content?.algorithm);
      } catch (error) {
        if (isNotFound(error)) return false;
        throw error;
      }
    });
  }

  async powerLevel(roomId: string, userId: string): Promise<number> {
    const levels = await this.cached(`power ${roomId}`, () => POWER_TTL, () =>
      this.client.getRoomStateEvent(roomId, 'm.room.power_levels', '').catch((error: unknown) => {
        if (isNotFound(error)) return {};
        throw error;
      })) as { users?: Record<string, unknown>; users_default?: unknown };
    const level = levels.users?.[userId] ?? levels.users_default ?? 0;
    return typeof level === 'number' ? level : Number(level) || 0;
  }

  /**
   * Whether the person moderates the room: power level 50 or more, or, from room version 12 on,
   * one of its creators (who have unlimited power and appear in no power-level list).
   */
  async moderates(roomId: string, userId: string): Promise<boolean> {
    const creators = await this.cached(`creators ${roomId}`, () => Infinity, async () => {
      const answer = await this.client.doRequest('GET', `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/state/m.room.create/`, { format: 'event' })
        .catch(() => undefined) as Record<string, unknown> | undefined;
      // A server that ignores ?format=event answers with the content alone, without the sender.
      const full = typeof answer?.sender === 'string' && typeof answer.content === 'object';
      return creatorsOf(full ? (answer as unknown as RoomEvent) : { sender: '', content: answer ?? {} });
    });
    if (creators.includes(userId)) return true;
    return (await this.powerLevel(roomId, userId)) >= MODERATOR_POWER_LEVEL;
  }

  /**
   * Whether anyone may join the room: its join rule is "public". Invite-only, knock and restricted
   * rooms are private (a room without a join rule is invite-only, as the specification says).
   */
  isPublic(roomId: string): Promise<boolean> {
    return this.cached(`public ${roomId}`, () => JOIN_RULE_TTL, () =>
      this.client.getRoomStateEvent(roomId, 'm.room.join_rules', '').then(
        (content: { join_rule?: unknown } | undefined) => content?.join_rule === 'public',
        (error: unknown) => {
          if (isNotFound(error)) return false;
          throw error;
        },
      ));
  }

  name(roomId: string): Promise<string | undefined> {
    return this.cached(`name ${roomId}`, () => NAME_TTL, () =>
      this.client.getRoomStateEvent(roomId, 'm.room.name', '').then(nameOf, () => undefined));
  }

  /** The name shown in the room, else the profile's, else the id's local part. */
  displayName(roomId: string, userId: string): Promise<string> {
    return this.cached(`member ${roomId} ${userId}`, () => NAME_TTL, async () => {
      const member = await this.client.getRoomStateEvent(roomId, 'm.room.member', userId).catch(() => undefined);
      if (typeof member?.displayname === 'string' && member.displayname.trim()) return member.displayname.trim();
      const profile = await this.client.getUserProfile(userId).catch(() => undefined);
      if (typeof profile?.displayname === 'string' && profile.displayname.trim()) return profile.displayname.trim();
      return userId.replace(/^@/, '').split(':')[0] ?? userId;
    });
  }

  forget(roomId: string): void {
    for (const key of this.entries.keys()) if (key.split(' ')[1] === roomId) this.entries.delete(key);
  }

  private cached<T>(key: string, ttl: (value: T) => number, load: () => Promise<T>): Promise<T> {
    const entry = this.entries.get(key);
    if (entry && entry.until > Date.now()) return entry.value as Promise<T>;
    const value = load();
    // Concurrent callers share one request; a failure is not cached.
    this.entries.set(key, { value, until: Infinity });
    value.then(
      (result) => { if (this.entries.get(key)?.value === value) this.entries.set(key, { value, until: Date.now() + ttl(result) }); },
      () => { if (this.entries.get(key)?.value === value) this.entries.delete(key); },
    );
    return value;
  }
}

function nameOf(content: unknown): string | undefined {
  const name = (content as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
}

/** Versions whose creators outrank every power level (MSC4289, room version 12). */
const CREATOR_POWER_VERSIONS = new Set(['12']);

/** The people with unlimited power from an m.room.create event: its sender and additional creators, from room version 12. */
function creatorsOf(event: Pick<RoomEvent, 'sender' | 'content'>): string[] {
  const version = String(event.content.room_version ?? '1');
  if (!CREATOR_POWER_VERSIONS.has(version)) return [];
  const additional = Array.isArray(event.content.additional_creators) ? event.content.additional_creators.filter((id): id is string => typeof id === 'string') : [];
  return [event.sender, ...additional].filter(Boolean);
}
