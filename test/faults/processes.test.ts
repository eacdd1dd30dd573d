/**
 * Relais as separate processes: killed with SIGKILL in the middle of posting a digest and started
 * again (no second digest), and two processes on one database (one digest, each event applied once).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { eventRequest, post, reactionEvent } from '../fakes/slack-requests.ts';
import { FakeSlackWebApi } from '../fakes/slack-web-api.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/test-database.ts';
import { spawnRelais, type RelaisProcess } from './child.ts';
import { httpFaults, type HttpFaults } from './proxies.ts';
import { ANNOUNCEMENT_TS, NOW, seedSlackChannel } from './seed.ts';
import { waitUntil } from './wait.ts';

const SECRET = 'fault-signing-secret';
const postMessage = (line: string) => line === 'POST /api/chat.postMessage';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(engines)('Relais processes (%s)', (engine) => {
  let database: TestDatabase;
  let api: FakeSlackWebApi;
  let faults: HttpFaults;
  const processes: RelaisProcess[] = [];
  afterEach(async () => {
    for (const relais of processes.splice(0)) await relais.kill();
    await faults?.close();
    await api?.close();
    await database?.close();
  });

  async function setup(capacity: number | null = null) {
    database = await createTestDatabase(engine);
    const seeded = await seedSlackChannel(database.db, capacity);
    api = await FakeSlackWebApi.start({ users: { U0USER: 'Ana' } });
    faults = await httpFaults(api.origin);
    const env = { DATABASE_URL: database.url, SLACK_BOT_TOKEN: api.botToken, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${faults.url}/api/`, FAULT_NOW: NOW };
    return { env, ...seeded };
  }
  const start = async (env: Record<string, string>) => {
    const relais = await spawnRelais(env);
    processes.push(relais);
    return relais;
  };
  const summary = () => database.db.summary.findFirst({ where: { period: '2026-W49' } });

  it('killed while posting the digest, and restarted, finds it in the channel and does not post it again', async () => {
    const { env } = await setup();
    // Slack receives the digest; the answer never reaches Relais, which dies waiting for it.
    faults.add({ match: postMessage, times: 1, answer: 'withhold' });
    const first = await start(env);
    await faults.withheld(postMessage);
    expect(api.calls('chat.postMessage')).toHaveLength(1);
    expect((await summary())?.status).toBe('posting');
    await first.kill();

    // Three minutes later (the claim's lease has run out) a new process looks for it in the
    // channel's history, by the metadata the post carries, and records it as posted.
    const restarted = await start({ ...env, FAULT_NOW: '2026-11-30T08:33:00Z' });
    await waitUntil(async () => (await summary())?.status === 'posted', 'the digest to be found and settled as posted');
    await restarted.stop();
    expect(api.calls('chat.postMessage')).toHaveLength(1);
    expect(api.calls('conversations.history').some((call) => call.args.include_all_metadata === 'true' || call.args.include_all_metadata === true)).toBe(true);
    expect((await summary())?.messageId).toMatch(/^\d+\.\d+$/);
  });

  it('two processes on one database post the digest once and apply each Slack event once', async () => {
    const { env, meetup } = await setup(3);
    const [a, b] = await Promise.all([start(env), start(env)]);
    await waitUntil(async () => (await summary())?.status === 'posted', 'the digest');

    // The same event reaches both processes (a redelivery landing on the other one), and
    // eight people answer at once, half through each process: three seats, five on the waitlist.
    const url = (relais: RelaisProcess) => `http://127.0.0.1:${relais.port}/slack/events`;
    const event = (user: string, eventId: string, to: RelaisProcess) =>
      eventRequest(url(to), reactionEvent('reaction_added', { reaction: 'white_check_mark', ts: ANNOUNCEMENT_TS, user, channel: 'C0FAKE' }), SECRET, { eventId });
    const twice = [event('U0USER', 'Ev0TWICE', a!), event('U0USER', 'Ev0TWICE', b!)];
    const crowd = Array.from({ length: 8 }, (_, i) => event(`U0P${i}`, `Ev0P${i}`, i % 2 ? a! : b!));
    const statuses = await Promise.all([...twice, ...crowd].map(async (request) => (await post(request)).status));
    expect(statuses.every((status) => status === 200)).toBe(true);
    await waitUntil(async () => (await database.db.rsvp.count()) === 9 && api.calls('chat.postEphemeral').length >= 9, 'the nine answers');
    await sleep(1000);

    const rsvps = await database.db.rsvp.findMany({ where: { meetupId: meetup.id } });
    expect(rsvps).toHaveLength(9);
    expect(rsvps.filter((rsvp) => !rsvp.waitlisted)).toHaveLength(3);
    expect(api.calls('chat.postEphemeral')).toHaveLength(9);
    expect(api.calls('chat.postMessage').filter((call) => call.args.channel === 'C0FAKE')).toHaveLength(1);
    expect(await database.db.inbound.count({ where: { key: 'slack:event:Ev0TWICE' } })).toBe(1);
  });
});
