import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeHomeserver, type FakeUser } from '../fakes/matrix-homeserver.ts';

/** The fake's own protocol behaviour, checked with plain fetch (what the SDK tests rely on). */

let hs: FakeHomeserver;
let bot: FakeUser;
let alice: FakeUser;

beforeEach(async () => {
  hs = await FakeHomeserver.start({ log: () => {} });
  bot = hs.createUser('bot');
  alice = hs.createUser('alice');
});
afterEach(() => hs.close());

async function call(user: FakeUser | undefined, method: string, path: string, body?: unknown) {
  const res = await fetch(`${hs.url}/_matrix/client/v3${path}`, {
    method,
    headers: { ...(user ? { authorization: `Bearer ${user.token}` } : {}), 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as any };
}

const enc = encodeURIComponent;

describe('FakeHomeserver', () => {
  it('checks tokens', async () => {
    expect(await call(undefined, 'GET', '/account/whoami')).toMatchObject({ status: 401, body: { errcode: 'M_MISSING_TOKEN' } });
    expect(await call({ userId: 'x', token: 'bad' }, 'GET', '/account/whoami')).toMatchObject({ status: 401, body: { errcode: 'M_UNKNOWN_TOKEN' } });
    expect(await call(bot, 'GET', '/account/whoami')).toMatchObject({ status: 200, body: { user_id: bot.userId } });
    expect((await call(undefined, 'GET', '/versions')).body.versions).toContain('v1.11');
  });

  it('makes sends idempotent per token and txnId', async () => {
    const room = hs.createRoom(alice.userId, { public: true });
    expect((await call(bot, 'POST', `/join/${enc(room)}`)).body).toEqual({ room_id: room });
    const path = `/rooms/${enc(room)}/send/m.room.message/t1`;
    const a = await call(bot, 'PUT', path, { msgtype: 'm.text', body: 'once' });
    const b = await call(bot, 'PUT', path, { msgtype: 'm.text', body: 'once' });
    expect(a.body.event_id).toBe(b.body.event_id);
    expect(hs.timeline(room).filter((e) => e.content.body === 'once')).toHaveLength(1);
    const event = await call(bot, 'GET', `/rooms/${enc(room)}/event/${enc(a.body.event_id)}`);
    expect(event.body).toMatchObject({ room_id: room, sender: bot.userId, unsigned: { transaction_id: 't1' } });
  });

  it('refuses to send into rooms the user is not in', async () => {
    const room = hs.createRoom(alice.userId);
    expect(await call(bot, 'PUT', `/rooms/${enc(room)}/send/m.room.message/t`, { body: 'x' })).toMatchObject({ status: 403, body: { errcode: 'M_FORBIDDEN' } });
    expect(await call(bot, 'POST', `/rooms/${enc(room)}/join`)).toMatchObject({ status: 403 });
  });

  it('long-polls /sync and wakes on a new event', async () => {
    const room = hs.createRoom(alice.userId);
    hs.invite(room, alice.userId, bot.userId);
    const initial = await call(bot, 'GET', '/sync');
    expect(initial.body.rooms.invite[room].invite_state.events).toEqual(
      expect.arrayContaining([expect.objectContaining({ type: 'm.room.member', state_key: bot.userId, content: { membership: 'invite' } })]),
    );
    await call(bot, 'POST', `/join/${enc(room)}`);
    const since = initial.body.next_batch;
    const joined = await call(bot, 'GET', `/sync?since=${since}&timeout=5000`);
    const { state, timeline } = joined.body.rooms.join[room];
    expect([...state.events, ...timeline.events].map((e: any) => e.type)).toContain('m.room.create');
    expect(timeline.events.map((e: any) => e.type)).toContain('m.room.power_levels'); // history from before the join (shared)
    const pending = call(bot, 'GET', `/sync?since=${joined.body.next_batch}&timeout=5000`);
    setTimeout(() => hs.sendMessage(room, alice.userId, 'ping'), 50);
    const started = Date.now();
    const next = await pending;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(next.body.rooms.join[room].timeline.events.map((e: any) => e.content.body)).toEqual(['ping']);
    expect(next.body.rooms.join[room].timeline.events[0].room_id).toBeUndefined();
  });

  it('ends hanging long-polls promptly on close()', async () => {
    const first = await call(bot, 'GET', '/sync');
    const pending = fetch(`${hs.url}/_matrix/client/v3/sync?since=${first.body.next_batch}&timeout=30000`, {
      headers: { authorization: `Bearer ${bot.token}` },
    }).then((r) => r.status, () => 'aborted');
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    await hs.close();
    await pending;
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('redacts, keeping only what the redaction algorithm keeps', async () => {
    const room = hs.createRoom(alice.userId);
    const id = hs.sendMessage(room, alice.userId, 'oops');
    const redaction = hs.redact(room, alice.userId, id, 'typo');
    const target = hs.timeline(room).find((e) => e.event_id === id)!;
    expect(target.content).toEqual({});
    expect(target.unsigned?.redacted_because).toMatchObject({ event_id: redaction, redacts: id });
  });

  it('stores state, account data and display names', async () => {
    const room = hs.createRoom(alice.userId, { encrypted: true });
    expect((await call(alice, 'GET', `/rooms/${enc(room)}/state/m.room.encryption`)).body).toEqual({ algorithm: 'm.megolm.v1.aes-sha2' });
    await call(alice, 'PUT', `/rooms/${enc(room)}/state/org.relais.test/k`, { a: 1 });
    expect((await call(alice, 'GET', `/rooms/${enc(room)}/state/org.relais.test/k`)).body).toEqual({ a: 1 });
    expect((await call(alice, 'GET', `/rooms/${enc(room)}/joined_members`)).body.joined).toHaveProperty([alice.userId]);
    expect(await call(bot, 'GET', `/user/${enc(bot.userId)}/account_data/m.direct`)).toMatchObject({ status: 404, body: { errcode: 'M_NOT_FOUND' } });
    await call(bot, 'PUT', `/user/${enc(bot.userId)}/account_data/m.direct`, { x: ['!r'] });
    expect((await call(bot, 'GET', `/user/${enc(bot.userId)}/account_data/m.direct`)).body).toEqual({ x: ['!r'] });
    expect(await call(bot, 'PUT', `/user/${enc(alice.userId)}/account_data/x`, {})).toMatchObject({ status: 403 });
    await call(bot, 'PUT', `/profile/${enc(bot.userId)}/displayname`, { displayname: 'Relais' });
    expect((await call(alice, 'GET', `/profile/${enc(bot.userId)}`)).body).toEqual({ displayname: 'Relais' });
  });

  it('rate-limits the next N requests of a route', async () => {
    hs.rateLimit('whoami', 1, 250);
    expect(await call(bot, 'GET', '/account/whoami')).toEqual({ status: 429, body: { errcode: 'M_LIMIT_EXCEEDED', error: 'Too Many Requests', retry_after_ms: 250 } });
    expect((await call(bot, 'GET', '/account/whoami')).status).toBe(200);
  });
});
