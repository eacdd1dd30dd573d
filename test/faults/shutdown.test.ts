/**
 * SIGTERM while Relais has work in hand that cannot finish (a Slack call that never answers):
 * the process still exits, with 0, once its bounded wait is over, and leaves the gestures it had
 * not worked released in the database; the next process works each of them once.
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
const people = ['U0P0', 'U0P1', 'U0P2', 'U0P3', 'U0P4'];

describe.each(engines)('SIGTERM during work (%s)', (engine) => {
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

  it('exits 0 within its bound, releases what it held, and the next process does it once', async () => {
    database = await createTestDatabase(engine);
    const { meetup } = await seedSlackChannel(database.db, 3);
    api = await FakeSlackWebApi.start({ users: Object.fromEntries(people.map((id, i) => [id, `Personne ${i}`])) });
    faults = await httpFaults(api.origin);
    const env = { DATABASE_URL: database.url, SLACK_BOT_TOKEN: api.botToken, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: `${faults.url}/api/`, FAULT_NOW: NOW };
    // Working the first answer asks Slack who answered; Slack takes the request and never replies.
    const usersInfo = (line: string) => line === 'POST /api/users.info';
    faults.add({ match: usersInfo, times: 1, answer: 'withhold' });
    const first = await spawnRelais(env);
    processes.push(first);
    const answer = (user: string) => post(eventRequest(`http://127.0.0.1:${first.port}/slack/events`,
      reactionEvent('reaction_added', { reaction: 'white_check_mark', ts: ANNOUNCEMENT_TS, user, channel: 'C0FAKE' }), SECRET, { eventId: `Ev0${user}` }));
    for (const user of people) expect((await answer(user)).status).toBe(200);
    await faults.withheld(usersInfo);

    await first.stop();
    expect(first.child.exitCode).toBe(0);
    // Recorded, not worked, and free for any process to take at once.
    expect(await database.db.inbound.count({ where: { status: 'pending', claimedBy: null, leaseUntil: null } })).toBe(people.length);
    expect(await database.db.rsvp.count()).toBe(0);

    const next = await spawnRelais(env);
    processes.push(next);
    await waitUntil(async () => (await database.db.inbound.count({ where: { status: 'done' } })) === people.length && api.calls('chat.postEphemeral').length === people.length, 'the five answers');
    await next.stop();
    expect(next.child.exitCode).toBe(0);
    const rsvps = await database.db.rsvp.findMany({ where: { meetupId: meetup.id }, include: { member: true } });
    expect(rsvps.map((rsvp) => rsvp.member.externalId).sort()).toEqual(people);
    expect(rsvps.filter((rsvp) => !rsvp.waitlisted)).toHaveLength(3);
    expect(api.calls('chat.postEphemeral').map((call) => call.args.user).sort()).toEqual(people);
  });
});
