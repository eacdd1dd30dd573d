/**
 * Relais started exactly as `npm start` does with Matrix configured (startRelais + env), talking
 * to the fake homeserver as the bot account, with helpers that act as the people in the rooms.
 */
import type { RunningRelais } from '../../src/build.ts';
import { startRelais } from '../../src/main.ts';
import type { Db, Engine } from '../../src/db/client.ts';
import { FakeHomeserver, type FakeUser, type MatrixEvent } from '../fakes/matrix-homeserver.ts';
import { createTestDatabase } from '../support/test-database.ts';

export interface MatrixBed {
  hs: FakeHomeserver;
  /** The bot's account (display name "Relais"); Alice is in MATRIX_AUTOJOIN, Bob is not. */
  bot: FakeUser;
  alice: FakeUser;
  bob: FakeUser;
  running: RunningRelais;
  db: Db;
  /** Starts Relais again on the same database, as after a crash or an upgrade. */
  restart(): Promise<void>;
  /** Stops Relais; `start()` brings it back on the same database. */
  stop(): Promise<void>;
  start(): Promise<void>;
  /** A room created by Alice (power level 100), the bot invited by her and joined, Bob joined. */
  room(options?: { name?: string; encrypted?: boolean }): Promise<string>;
  /** Sends `text` as `user` and waits for the bot's first answer to it. */
  ask(roomId: string, user: FakeUser, text: string | Record<string, unknown>): Promise<{ eventId: string; reply: MatrixEvent }>;
  /** The bot's messages answering `eventId` (replies and thread replies point at it). */
  repliesTo(roomId: string, eventId: string): MatrixEvent[];
  waitForReply(roomId: string, eventId: string, timeoutMs?: number): Promise<MatrixEvent>;
  /** Waits for the bot's announcement (a top-level notice, not an edit or reply) mentioning `title`. */
  announcement(roomId: string, title: string): Promise<MatrixEvent>;
  /** Waits until Relais has handled every event the homeserver holds now, and the edits due. */
  caughtUp(): Promise<void>;
  close(): Promise<void>;
}

const inReplyTo = (event: MatrixEvent): unknown =>
  (event.content['m.relates_to'] as { 'm.in_reply_to'?: { event_id?: unknown } } | undefined)?.['m.in_reply_to']?.event_id;

export interface BedOptions {
  env?: Record<string, string>;
  /** False: Relais is not started yet (call start()), as for a bot's very first run. */
  started?: boolean;
}

export async function createMatrixBed(engine: Engine = 'sqlite', options: BedOptions = {}): Promise<MatrixBed> {
  const database = await createTestDatabase(engine);
  const hs = await FakeHomeserver.start();
  const bot = hs.createUser('relais', { displayName: 'Relais' });
  const alice = hs.createUser('alice', { displayName: 'Alice' });
  const bob = hs.createUser('bob', { displayName: 'Bob' });
  const launch = () => startRelais({
    env: {
      DATABASE_URL: database.url,
      MATRIX_HOMESERVER_URL: hs.url,
      MATRIX_ACCESS_TOKEN: bot.token,
      MATRIX_AUTOJOIN: alice.userId,
      // Alice runs Relais: a room's creator on Matrix moderates that room only, not a network.
      RELAIS_ADMINS: `matrix:${alice.userId}`,
      MATRIX_RATE: '50',
      PORT: '0',
      LOG_LEVEL: 'silent',
      ...options.env,
    },
    timing: { announcer: { coalesceMs: 20, minIntervalMs: 50, sweepMs: 100 }, delivery: { sweepMs: 100 }, pipeline: { sweepMs: 100 } },
  });
  let running: RunningRelais | undefined = options.started === false ? undefined : await launch();
  const current = () => {
    if (!running) throw new Error('Relais is stopped');
    return running;
  };

  const waitForReply = (roomId: string, eventId: string, timeoutMs?: number) =>
    hs.waitForEvent(roomId, (event) => event.sender === bot.userId && inReplyTo(event) === eventId, timeoutMs);

  const bed: MatrixBed = {
    hs, bot, alice, bob,
    get running() { return current(); },
    db: database.db,
    async stop() {
      await current().stop();
      running = undefined;
    },
    async start() {
      running = await launch();
    },
    async restart() {
      await bed.stop();
      await bed.start();
    },
    async room(options = {}) {
      const roomId = hs.createRoom(alice.userId, { name: options.name ?? 'Général', encrypted: options.encrypted ?? false });
      hs.invite(roomId, alice.userId, bot.userId);
      await hs.waitForEvent(roomId, (e) => e.type === 'm.room.member' && e.state_key === bot.userId && e.content.membership === 'join');
      hs.invite(roomId, alice.userId, bob.userId);
      hs.join(roomId, bob.userId);
      return roomId;
    },
    async ask(roomId, user, text) {
      const eventId = hs.sendMessage(roomId, user.userId, text);
      return { eventId, reply: await waitForReply(roomId, eventId) };
    },
    repliesTo: (roomId, eventId) => hs.timeline(roomId).filter((event) => event.sender === bot.userId && inReplyTo(event) === eventId),
    waitForReply,
    announcement: (roomId, title) => hs.waitForEvent(roomId, (event) =>
      event.sender === bot.userId && event.type === 'm.room.message' && !event.content['m.relates_to'] && String(event.content.body).includes(title)),
    async caughtUp() {
      const target = Number(hs.position().slice(1));
      const key = `matrix:${bot.userId}:sync_token`;
      for (const deadline = Date.now() + 10_000; ;) {
        const stored = await database.db.botState.findUnique({ where: { key } });
        if (stored && Number(stored.value.slice(1)) >= target) break;
        if (Date.now() > deadline) throw new Error(`Relais did not catch up with the homeserver (${stored?.value} < s${target})`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await current().settle();
    },
    async close() {
      await running?.stop();
      await hs.close();
      await database.close();
    },
  };
  return bed;
}

/** The bot's m.notice content as sent (the edit's new content for an edit). */
export function noticeOf(event: MatrixEvent): { body?: string; formatted_body?: string; msgtype?: string; 'm.mentions'?: unknown } {
  const content = event.content as Record<string, any>;
  return content['m.new_content'] ?? content;
}
