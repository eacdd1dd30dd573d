import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import {
  LogService, MatrixClient, MatrixError, RustSdkCryptoStorageProvider, type ILogger,
} from 'matrix-bot-sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrismaClient } from '../../src/generated/sqlite/client.ts';
import { createLogger } from '../../src/logger.ts';
import { RelaisMatrixClient } from '../../adapters/matrix/client.ts';
import { renderCard, renderEdit } from '../../adapters/matrix/render.ts';
import { keyValueStore } from '../../src/db/key-value.ts';
import { BotStateStorageProvider } from '../../adapters/matrix/storage.ts';
import { FakeHomeserver, type FakeUser, type MatrixEvent } from '../fakes/matrix-homeserver.ts';

/**
 * Relais's MatrixClient (matrix-bot-sdk 0.7.1 underneath) against the fake homeserver, with its
 * sync state in a real SQLite BotState table. Also pins down SDK behaviour the adapter relies on.
 */

const silent: ILogger = { info() {}, warn() {}, error() {}, debug() {}, trace() {} };
LogService.setLogger(silent);

let hs: FakeHomeserver;
let bot: FakeUser;
let alice: FakeUser;
let dir: string;
let prisma: PrismaClient;

beforeAll(async () => {
  hs = await FakeHomeserver.start();
  bot = hs.createUser('relais', { displayName: 'Relais' });
  alice = hs.createUser('alice', { displayName: 'Alice' });
  dir = mkdtempSync(join(tmpdir(), 'relais-matrix-'));
  const file = join(dir, 'test.db');
  // Mirrors the Prisma model BotState until the migrations land.
  const raw = new Database(file);
  raw.exec('CREATE TABLE IF NOT EXISTS "BotState" ("key" TEXT NOT NULL PRIMARY KEY, "value" TEXT NOT NULL, "updatedAt" DATETIME NOT NULL)');
  raw.close();
  prisma = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: `file:${file}` }) });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await hs?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A bot on Relais's client: ignores itself, joins invites from Alice only. */
function startBot() {
  const client = new RelaisMatrixClient(hs.url, bot.token, new BotStateStorageProvider(keyValueStore(prisma, 'matrix'), bot.userId), { requestsPerSecond: 1000, logger: createLogger('silent') });
  client.syncingTimeout = 10_000; // long-polls really hang; stopAndWait() ends them
  const messages: Array<{ roomId: string; event: MatrixEvent }> = [];
  const other: Array<{ roomId: string; event: MatrixEvent }> = [];
  client.onSync(async (name, roomId: string, event: MatrixEvent) => {
    if (name === 'room.invite' && event.sender === alice.userId) await client.joinRoom(roomId);
    if (name !== 'room.event' || event.sender === bot.userId) return; // the sync shows the bot's own events too
    (event.type === 'm.room.message' ? messages : other).push({ roomId, event });
  });
  return { client, messages, other };
}

async function until<T>(get: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('until: timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('MatrixClient against the fake homeserver', () => {
  it('syncs, replies, joins on invite, retries on 429 and resumes after a restart', { timeout: 30_000 }, async () => {
    const general = hs.createRoom(alice.userId, { name: 'Général' });
    hs.invite(general, alice.userId, bot.userId);
    hs.join(general, bot.userId);

    const first = startBot();
    await first.client.start();

    hs.sendMessage(general, alice.userId, 'hello @room');
    const got = await until(() => first.messages.find((m) => m.event.content.body === 'hello @room'));
    expect(got.roomId).toBe(general);

    const eventId = await first.client.sendMessage(general, renderCard({ locale: 'fr', body: [['Bonjour ', { strong: 'Alice' }]] }));
    const notice = await hs.waitForEvent(general, (e) => e.event_id === eventId);
    expect(notice).toMatchObject({ sender: bot.userId, content: { msgtype: 'm.notice', body: 'Bonjour Alice', 'm.mentions': {} } });
    expect(first.messages.some((m) => m.event.event_id === eventId)).toBe(false); // own echo ignored

    await first.client.sendMessage(general, renderEdit(eventId, renderCard({ locale: 'fr', body: [['Bonsoir']] })));
    const edit = await hs.waitForEvent(general, (e) => (e.content['m.relates_to'] as any)?.rel_type === 'm.replace');
    expect(edit.content).toMatchObject({ 'm.relates_to': { event_id: eventId }, 'm.new_content': { body: 'Bonsoir' } });

    const reaction = hs.react(general, alice.userId, eventId, '✅');
    await until(() => first.other.find((o) => o.event.event_id === reaction));

    const lounge = hs.createRoom(alice.userId, { name: 'Lounge' });
    hs.invite(lounge, alice.userId, bot.userId);
    await hs.waitForEvent(lounge, (e) => e.type === 'm.room.member' && e.state_key === bot.userId && e.content.membership === 'join');
    expect(await first.client.getJoinedRooms()).toEqual(expect.arrayContaining([general, lounge]));

    hs.rateLimit('send', 2, 50);
    const before = hs.timeline(lounge).length;
    const sent = await first.client.sendNotice(lounge, 'after the rate limit');
    expect(hs.requests.filter((r) => r.route === 'send' && r.status === 429)).toHaveLength(2);
    expect(hs.timeline(lounge).slice(before).map((e) => e.event_id)).toEqual([sent]);

    await first.client.stopAndWait();
    const stored = await prisma.botState.findUnique({ where: { key: `matrix:${bot.userId}:sync_token` } });
    expect(stored?.value).toMatch(/^s\d+$/);

    const second = startBot();
    await second.client.start();
    hs.sendMessage(general, alice.userId, 'after restart');
    await until(() => second.messages.find((m) => m.event.content.body === 'after restart'));
    expect(second.messages.map((m) => m.event.content.body)).toEqual(['after restart']); // no replay of "hello"
    await second.client.stopAndWait();
  });

  it('without retry, a 429 surfaces as MatrixError with retryAfterMs', async () => {
    const room = hs.createRoom(alice.userId);
    hs.invite(room, alice.userId, bot.userId);
    hs.join(room, bot.userId);
    const plain = new MatrixClient(hs.url, bot.token);
    hs.rateLimit('send', 1, 1234);
    const error = await plain.sendText(room, 'x').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MatrixError);
    expect(error).toMatchObject({ errcode: 'M_LIMIT_EXCEEDED', retryAfterMs: 1234, statusCode: 429 });
  });

  it('tells encrypted rooms apart by their m.room.encryption state', async () => {
    const secret = hs.createRoom(alice.userId, { encrypted: true });
    const open = hs.createRoom(alice.userId);
    for (const room of [secret, open]) {
      hs.invite(room, alice.userId, bot.userId);
      hs.join(room, bot.userId);
    }
    const client = new MatrixClient(hs.url, bot.token);
    expect(await client.getRoomStateEvent(secret, 'm.room.encryption', '')).toEqual({ algorithm: 'm.megolm.v1.aes-sha2' });
    const missing = await client.getRoomStateEvent(open, 'm.room.encryption', '').catch((e: unknown) => e);
    expect(missing).toMatchObject({ errcode: 'M_NOT_FOUND', statusCode: 404 });
  });

  it('rejects unknown tokens and unknown endpoints the way a homeserver does', async () => {
    const stranger = new MatrixClient(hs.url, 'nope');
    await expect(stranger.getUserId()).rejects.toMatchObject({ errcode: 'M_UNKNOWN_TOKEN', statusCode: 401 });
    const client = new MatrixClient(hs.url, bot.token);
    await expect(client.doRequest('GET', '/_matrix/client/v3/nonexistent')).rejects.toMatchObject({ errcode: 'M_UNRECOGNIZED', statusCode: 404 });
  });

  it('loads without the native crypto library and fails clearly only when E2EE is used', async () => {
    const require = createRequire(import.meta.url);
    const cryptoDir = dirname(require.resolve('@matrix-org/matrix-sdk-crypto-nodejs'));
    if (existsSync(join(cryptoDir, 'matrix-sdk-crypto.linux-x64-gnu.node'))) return; // real library present
    const client = new MatrixClient(hs.url, bot.token, undefined, new RustSdkCryptoStorageProvider(join(dir, 'crypto')));
    await expect(client.start()).rejects.toThrow(/native library not installed/);
  });
});
