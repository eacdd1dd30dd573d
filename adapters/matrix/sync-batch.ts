/** The parts of a /sync response (spec "GET /sync") the adapter reads. */
export interface RoomEvent {
  event_id: string;
  type: string;
  sender: string;
  origin_server_ts: number;
  content: Record<string, unknown>;
  state_key?: string;
  redacts?: string;
  unsigned?: Record<string, unknown>;
  /** Set by pantalaimon on events it decrypted for us. */
  decrypted?: boolean;
}

interface JoinedRoom {
  state?: { events?: RoomEvent[] };
  /** limited: events before these were left out (a gap); prev_batch is where paging back from them starts. */
  timeline?: { events?: RoomEvent[]; limited?: boolean; prev_batch?: string };
}

export interface SyncBatch {
  next_batch: string;
  rooms?: { join?: Record<string, JoinedRoom>; invite?: Record<string, unknown>; leave?: Record<string, unknown> };
  [key: string]: unknown;
}

/** A batch split into what to act on and what only describes rooms. */
export interface PreparedBatch {
  /** The batch with history removed from timelines: what the SDK turns into events to act on. */
  live: SyncBatch;
  /** State events worth knowing (encryption, names, power levels), per room, live or not. */
  state: Array<{ roomId: string; event: RoomEvent }>;
}

/**
 * History is what happened before Relais was there: the whole first sync of a fresh bot (the
 * server replays recent messages) and, in a room just joined, the events before its own join.
 * It is never acted on (no replies to old commands), but its state events still describe rooms.
 */
export function prepareBatch(batch: SyncBatch, userId: string, options: { firstSync: boolean; joinedBefore: ReadonlySet<string> }): PreparedBatch {
  const state: PreparedBatch['state'] = [];
  const join: Record<string, JoinedRoom> = {};
  for (const [roomId, room] of Object.entries(batch.rooms?.join ?? {})) {
    const timeline = room.timeline?.events ?? [];
    let firstLive = 0;
    if (options.firstSync) firstLive = timeline.length;
    else if (!options.joinedBefore.has(roomId)) {
      const ownJoin = timeline.findLastIndex((e) => e.type === 'm.room.member' && e.state_key === userId && e.content.membership === 'join');
      if (ownJoin > 0) firstLive = ownJoin;
    }
    for (const event of [...(room.state?.events ?? []), ...timeline]) {
      if (event.state_key !== undefined) state.push({ roomId, event });
    }
    join[roomId] = { ...room, timeline: { ...room.timeline, events: timeline.slice(firstLive) } };
  }
  return { live: { ...batch, rooms: { ...batch.rooms, join } }, state };
}
