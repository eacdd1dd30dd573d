import { afterEach, describe, expect, it } from 'vitest';
import type { SendOptions } from '../../src/core/adapter.ts';
import type { Card } from '../../src/core/card.ts';
import { Messenger } from '../../src/core/messenger.ts';
import type { ChannelRef, PostedMessage } from '../../src/core/platform.ts';
import type { SchedulerDeps } from '../../src/scheduler/context.ts';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { MemoryChat } from '../memory-chat/adapter.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';
import { moderator, paris, postsIn, summaries } from './support.ts';

const MINUTE = 60_000;

/** A platform that fails, or never answers, the next time Relais posts. */
class FlakyChat extends MemoryChat {
  trouble: 'fail' | 'hang' | undefined;
  override async post(channel: ChannelRef, card: Card, options: SendOptions): Promise<PostedMessage> {
    const mode = this.trouble;
    this.trouble = undefined;
    if (mode === 'fail') throw new Error('platform unavailable');
    if (mode === 'hang') return new Promise(() => {});
    return super.post(channel, card, options);
  }
}

/** A platform that cannot tell whether a post landed (no transaction ids, no metadata to look for). */
class ForgetfulChat extends FlakyChat {
  override readonly idempotentPosts = false;
}

/**
 * Another Relais process on the same database: its own adapter, messenger and scheduler identity.
 * It shares the harness's connection pool, so on PostgreSQL its queries run on connections of their own.
 */
function otherProcess(h: Harness, owner: string, adapter: MemoryChat = new MemoryChat(h.relais.port)) {
  const messenger = new Messenger();
  messenger.register(adapter);
  const services: SchedulerDeps = { ...h.scheduling, messenger };
  return { adapter, services, scheduler: new Scheduler(services, { owner }) };
}

describe.each(engines)('digests and reminders post exactly once (%s)', (engine) => {
  let h: Harness;
  afterEach(async () => h?.close());

  async function weeklyChannel(now: string) {
    h = await createHarness(engine, { now: paris(now).toISOString(), schedule: false });
    await h.run('/summary config frequency weekly', moderator());
  }

  it('catches up a digest missed during downtime within the grace window, once', async () => {
    await weeklyChannel('2026-11-30T14:30');
    const scheduler = new Scheduler(h.scheduling);
    await scheduler.tick();
    await scheduler.tick();
    expect(postsIn(h)).toHaveLength(1);
    expect(await summaries(h)).toEqual([{ period: '2026-W49', status: 'posted', postedAt: '2026-11-30T14:30+01:00' }]);
  });

  it('records a digest as missed, without posting it, beyond the grace window', async () => {
    await weeklyChannel('2026-11-30T15:30');
    await new Scheduler(h.scheduling).tick();
    expect(postsIn(h)).toEqual([]);
    expect(await summaries(h)).toEqual([{ period: '2026-W49', status: 'missed', postedAt: null }]);
  });

  it('honours RELAIS_CATCHUP_HOURS', async () => {
    h = await createHarness(engine, { now: paris('2026-11-30T15:30').toISOString(), env: { RELAIS_CATCHUP_HOURS: '12' }, schedule: false });
    await h.run('/summary config frequency weekly', moderator());
    await new Scheduler(h.scheduling).tick();
    expect(postsIn(h)).toHaveLength(1);
  });

  it('retries a post that failed, after a restart, and posts it once', async () => {
    await weeklyChannel('2026-11-30T09:00');
    const flaky = new FlakyChat(h.relais.port);
    const first = otherProcess(h, 'first', flaky);
    flaky.trouble = 'fail';
    await first.scheduler.tick();
    expect(flaky.of('post')).toEqual([]);

    // The restarted process leaves it alone until the retry delay has passed, then posts it once.
    const restarted = new Scheduler(h.scheduling, { owner: 'restarted' });
    await restarted.tick();
    expect(postsIn(h)).toEqual([]);
    h.clock.advance(6 * MINUTE);
    await restarted.tick();
    await restarted.tick();
    expect(postsIn(h)).toHaveLength(1);
    expect(await summaries(h)).toMatchObject([{ status: 'posted' }]);
  });

  it('takes over the claim of a process killed before it posted, once its lease has run out', async () => {
    await weeklyChannel('2026-11-30T09:00');
    const killed = otherProcess(h, 'killed');
    // The process dies right after claiming: its next write never happens.
    const summary = killed.services.db.summary;
    const dying = new Proxy(summary, { get: (target, name) => (name === 'updateMany' ? () => Promise.reject(new Error('killed')) : Reflect.get(target, name)) });
    killed.services.db = new Proxy(killed.services.db, { get: (target, name) => (name === 'summary' ? dying : Reflect.get(target, name)) });
    await new Scheduler(killed.services, { owner: 'killed' }).tick();
    expect(await summaries(h)).toMatchObject([{ status: 'claimed' }]);

    const restarted = new Scheduler(h.scheduling, { owner: 'restarted' });
    await restarted.tick();
    expect(postsIn(h)).toEqual([]);
    h.clock.advance(3 * MINUTE);
    await restarted.tick();
    await restarted.tick();
    expect(postsIn(h)).toHaveLength(1);
    expect(killed.adapter.of('post')).toEqual([]);
  });

  it('sends again, once, what a process was posting when it died, where the platform keeps one post per key', async () => {
    await weeklyChannel('2026-11-30T09:00');
    const flaky = new FlakyChat(h.relais.port);
    const dying = otherProcess(h, 'dying', flaky);
    flaky.trouble = 'hang';
    void dying.scheduler.tick();
    await expect.poll(async () => (await summaries(h))[0]?.status).toBe('posting');

    const restarted = new Scheduler(h.scheduling, { owner: 'restarted' });
    h.clock.advance(3 * MINUTE);
    await restarted.tick();
    await restarted.tick();
    expect(postsIn(h)).toHaveLength(1);
    expect(await summaries(h)).toMatchObject([{ status: 'posted' }]);
  });

  it('never posts again what a process was posting when it died, where the platform cannot tell (at most once), and says so', async () => {
    await weeklyChannel('2026-11-30T09:00');
    const flaky = new ForgetfulChat(h.relais.port);
    const dying = otherProcess(h, 'dying', flaky);
    flaky.trouble = 'hang';
    void dying.scheduler.tick();
    await expect.poll(async () => (await summaries(h))[0]?.status).toBe('posting');

    // The restarted process cannot tell either.
    const restarted = otherProcess(h, 'restarted', new ForgetfulChat(h.relais.port)).scheduler;
    h.clock.advance(3 * MINUTE);
    await restarted.tick();
    h.clock.advance(60 * MINUTE);
    await restarted.tick();
    expect(postsIn(h)).toEqual([]);
    expect(await summaries(h)).toMatchObject([{ status: 'uncertain' }]);
  });

  it('posts /summary now once, whoever asks twice in the same minute', async () => {
    await weeklyChannel('2026-12-02T11:00');
    const [first] = await h.run('/summary now', moderator());
    const [second] = await h.run('/summary now', moderator());
    expect(first).toBe('Résumé posté dans ce salon.');
    expect(second).toContain('vient déjà d’être posté');
    expect(postsIn(h)).toHaveLength(1);
    expect(await h.run('/summary now')).toEqual([expect.stringContaining('Seules les personnes qui modèrent ce salon')]);
  });
});

describe.each(engines.filter((engine) => engine === 'postgres'))('two Relais processes on one %s database', (engine) => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('post every digest and reminder exactly once between them', async () => {
    h = await createHarness(engine, { now: paris('2026-11-29T20:00').toISOString(), schedule: false });
    const rooms = Array.from({ length: 12 }, (_, index) => `!room${index}:example.org`);
    for (const room of rooms) await h.run('/summary config frequency daily', moderator(room));
    await h.run('/meetup create Apéro data | 2026-12-01 18:00 | Lyon | publier', { user: '@admin:example.org', channel: rooms[0] });
    for (const room of rooms.slice(1, 4)) await h.run('/meetup announce 1', { user: '@admin:example.org', channel: room });

    const a = otherProcess(h, 'process-a');
    const b = otherProcess(h, 'process-b');
    for (const instant of ['2026-11-30T09:00', '2026-11-30T09:01', '2026-11-30T18:00', '2026-12-01T09:00', '2026-12-01T17:00']) {
      h.clock.set(paris(instant));
      await Promise.all([a.scheduler.tick(), b.scheduler.tick()]);
    }

    const posts = [...a.adapter.of('post'), ...b.adapter.of('post')];
    const perRoom = (room: string) => posts.filter((post) => post.target === room);
    for (const room of rooms) {
      const expected = rooms.indexOf(room) < 4 ? 2 /* digests */ + 2 /* reminders */ : 2;
      expect(perRoom(room), room).toHaveLength(expected);
    }
  });
});
