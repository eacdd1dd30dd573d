/**
 * Two Relais processes serving one Matrix account on one database: only the holder of the sync
 * lease syncs (each process reaches the homeserver through its own proxy, so what each asked is
 * known); killed, it is replaced by the other, once, which resumes from the saved sync token: a
 * command sent while nobody synced is answered, and no command is answered twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { FakeHomeserver, type MatrixEvent } from '../fakes/matrix-homeserver.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/test-database.ts';
import { spawnRelais, type RelaisProcess } from './child.ts';
import { httpFaults, type HttpFaults } from './proxies.ts';
import { waitUntil } from './wait.ts';

const isSync = (line: string) => line === 'GET /_matrix/client/v3/sync';
const inReplyTo = (event: MatrixEvent) => (event.content['m.relates_to'] as { 'm.in_reply_to'?: { event_id?: string } } | undefined)?.['m.in_reply_to']?.event_id;

describe.each(engines)('the Matrix sync loop across processes (%s)', (engine) => {
  let database: TestDatabase;
  let hs: FakeHomeserver;
  const proxies: HttpFaults[] = [];
  const processes: RelaisProcess[] = [];
  afterEach(async () => {
    for (const relais of processes.splice(0)) await relais.kill();
    for (const proxy of proxies.splice(0)) await proxy.close();
    await hs?.close();
    await database?.close();
  });

  it('runs in one process at a time; killed, it is taken over once, from where it stopped', async () => {
    database = await createTestDatabase(engine);
    hs = await FakeHomeserver.start({ log: () => {} });
    const bot = hs.createUser('relais', { displayName: 'Relais' });
    const alice = hs.createUser('alice', { displayName: 'Alice' });
    const room = hs.createRoom(alice.userId, { name: 'Général' });
    hs.invite(room, alice.userId, bot.userId);
    hs.join(room, bot.userId);
    const start = async () => {
      const proxy = await httpFaults(hs.url);
      proxies.push(proxy);
      const relais = await spawnRelais({ DATABASE_URL: database.url, MATRIX_HOMESERVER_URL: proxy.url, MATRIX_ACCESS_TOKEN: bot.token, MATRIX_RATE: '50' });
      processes.push(relais);
      return { relais, syncs: () => proxy.seen.filter(isSync).length };
    };
    const holder = async () => {
      const row = await database.db.botState.findUnique({ where: { key: `matrix:lease:sync:${bot.userId}` } });
      return row ? Number((JSON.parse(row.value) as { owner: string }).owner.split(':').at(-2)) : undefined;
    };
    // Who holds the lease, as it changes, for the whole test.
    const holders: number[] = [];
    let watching = true;
    const watch = (async () => {
      while (watching) {
        const pid = await holder().catch(() => undefined);
        if (pid !== undefined && holders.at(-1) !== pid) holders.push(pid);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
    const ask = async (text: string, timeoutMs?: number) => {
      const eventId = hs.sendMessage(room, alice.userId, text);
      await hs.waitForEvent(room, (event) => event.sender === bot.userId && inReplyTo(event) === eventId, timeoutMs);
      return eventId;
    };
    const answers = (eventId: string) => hs.timeline(room).filter((event) => event.sender === bot.userId && inReplyTo(event) === eventId);

    const first = await start();
    await waitUntil(async () => (await holder()) === first.relais.child.pid, 'the first process to hold the lease');
    const second = await start();
    const before = await ask('!tip add Avant : le calendrier partagé');
    expect(first.syncs()).toBeGreaterThan(0);
    expect(second.syncs()).toBe(0);

    await first.relais.kill();
    // Nobody syncs for a while: this waits on the homeserver until the second process takes over.
    const during = await ask('!tip add Pendant : la liste de diffusion', 30_000);
    const after = await ask('!tip add Après : le wiki');
    watching = false;
    await watch;

    expect(holders).toEqual([first.relais.child.pid, second.relais.child.pid]);
    expect(second.syncs()).toBeGreaterThan(0);
    for (const eventId of [before, during, after]) expect(answers(eventId)).toHaveLength(1);
    expect((await database.db.tip.findMany({ orderBy: { id: 'asc' } })).map((tip) => tip.text)).toEqual([
      'Avant : le calendrier partagé', 'Pendant : la liste de diffusion', 'Après : le wiki',
    ]);
    await second.relais.stop();
    expect(second.relais.child.exitCode).toBe(0);
    // Stopping lets the lease go at once rather than when it runs out.
    expect(await holder()).toBeUndefined();
  });
});
