/**
 * A real Relais process killed with SIGKILL, again and again, in the middle of storms of answers
 * and commands; restarted each time; what Slack was not answered 200 for is delivered again (as
 * Slack redelivers events, and as a person clicks again), what the homeserver holds is synced
 * again. Against the ground truth of what was sent: nothing lost, nothing applied twice, every
 * post once, every answer given.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { blockActionsPayload, eventCallbackBody, interactionBody, post, reactionEvent, signedRequest, slashCommandBody } from '../fakes/slack-requests.ts';
import { FakeSlackWebApi } from '../fakes/slack-web-api.ts';
import { FakeHomeserver, type FakeUser, type MatrixEvent } from '../fakes/matrix-homeserver.ts';
import { createTestDatabase, type TestDatabase } from '../support/test-database.ts';
import { spawnRelais, type RelaisProcess } from './child.ts';
import { ANNOUNCEMENT_TS, NOW, seedSlackChannel } from './seed.ts';
import { answersModel, seeded, type Answer } from './storm-model.ts';
import { announcementsCurrent, waitUntil } from './wait.ts';

const SECRET = 'crash-signing-secret';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** Dead processes' claims run out within seconds: the test waits seconds, not minutes. */
const TIMING = JSON.stringify({ pipeline: { leaseMs: 1500, sweepMs: 200 }, delivery: { leaseMs: 1500, sweepMs: 200 }, claims: { leaseMs: 3000, retryMs: 3000 } });
const slackEmoji: Record<Answer, string> = { going: 'white_check_mark', maybe: 'thinking_face', declined: 'x' };
const matrixEmoji: Record<Answer, string> = { going: '✅', maybe: '🤔', declined: '❌' };

/** One Relais process at a time, killed on demand and started again; `current` is the live one. */
function restartable(start: () => Promise<RelaisProcess>) {
  let live = start();
  let kills = 0;
  return {
    get current() { return live; },
    get kills() { return kills; },
    async killAndRestart() {
      const dying = await live;
      live = dying.kill().then(start);
      kills += 1;
      await live;
    },
    async stop() {
      await (await live.catch(() => undefined))?.kill();
    },
  };
}

/** Kills and restarts `relais` at random moments of uptime, `times` times or until `done` settles. */
async function killWhile(relais: ReturnType<typeof restartable>, done: Promise<unknown>, random: () => number, uptimeMs: [number, number], times: number) {
  let finished = false;
  void done.finally(() => { finished = true; });
  while (!finished && relais.kills < times) {
    await sleep(uptimeMs[0] + random() * (uptimeMs[1] - uptimeMs[0]));
    if (!finished) await relais.killAndRestart();
  }
}

describe('SIGKILL during storms', () => {
  let database: TestDatabase | undefined;
  let api: FakeSlackWebApi | undefined;
  let hs: FakeHomeserver | undefined;
  let relais: ReturnType<typeof restartable> | undefined;
  afterEach(async () => {
    await relais?.stop();
    await api?.close();
    await hs?.close();
    await database?.close();
    relais = undefined;
  });

  it('on Slack (PostgreSQL): every acknowledged reaction, click and command applied once, the digest posted once', async () => {
    const random = seeded(11);
    database = await createTestDatabase('postgres');
    const { meetup } = await seedSlackChannel(database.db);
    api = await FakeSlackWebApi.start();
    api.addMessage('C0FAKE', { ts: ANNOUNCEMENT_TS, text: 'Atelier cartographie', user: api.botUserId, bot_id: api.botId });
    const env = { DATABASE_URL: database.url, SLACK_BOT_TOKEN: api.botToken, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.url, FAULT_NOW: NOW, FAULT_EPOCH: String(Date.now()), FAULT_TIMING: TIMING };
    relais = restartable(() => spawnRelais(env));
    await relais.current;

    /** Sends until answered 200, to whichever process is up: a kill mid-request is a request Slack sends again. */
    const deliver = async (body: string, contentType: 'application/json' | 'application/x-www-form-urlencoded', isEvent: boolean) => {
      for (let attempt = 0; ; attempt += 1) {
        const { port } = await relais!.current;
        const retry = attempt && isEvent ? { 'X-Slack-Retry-Num': String(Math.min(attempt, 3)), 'X-Slack-Retry-Reason': 'http_error' } : undefined;
        try {
          const response = await post(signedRequest(`http://127.0.0.1:${port}/slack/events`, body, { secret: SECRET, contentType, ...(retry ? { headers: retry } : {}) }));
          await response.arrayBuffer();
          if (response.status === 200) return;
        } catch {
          // The process died with the request in hand.
        }
        await sleep(50);
      }
    };

    const people = Array.from({ length: 40 }, (_, i) => `U0P${String(i).padStart(2, '0')}`);
    const model = answersModel();
    const storm = Promise.all([
      ...people.map(async (user) => {
        for (let n = 0; n < 20; n += 1) {
          const gesture = model.next(user, random);
          if (gesture.kind === 'click') {
            const payload = blockActionsPayload({ actionId: `meetup.rsvp.${gesture.answer}`, value: String(meetup.id), userId: user, messageTs: ANNOUNCEMENT_TS });
            await deliver(interactionBody(payload), 'application/x-www-form-urlencoded', false);
          } else {
            const event = reactionEvent(gesture.added ? 'reaction_added' : 'reaction_removed', { reaction: slackEmoji[gesture.answer], ts: ANNOUNCEMENT_TS, user, channel: 'C0FAKE' });
            await deliver(eventCallbackBody(event), 'application/json', true);
          }
          await sleep(100 + random() * 300);
        }
      }),
      ...Array.from({ length: 5 }, async (_, typist) => {
        for (let n = 0; n < 8; n += 1) {
          const command = slashCommandBody({ command: '/tip', text: `add Astuce de tempête ${typist}-${n} : garder une trace`, user_id: `U0T${typist}`, response_url: api!.responseUrl() });
          await deliver(command, 'application/x-www-form-urlencoded', false);
          await sleep(200 + random() * 600);
        }
      }),
    ]);
    await killWhile(relais, storm, random, [800, 2000], 8);
    await storm;

    const gestures = model.sent + 40;
    await waitUntil(async () => (await database!.db.inbound.count({ where: { status: 'done' } })) === gestures
      && (await database!.db.outbound.count({ where: { status: { in: ['pending', 'sending'] } } })) === 0
      && (await database!.db.summary.count({ where: { status: 'posted' } })) === 1
      && announcementsCurrent(database!.db), 'every gesture worked, every answer sent, the digest posted, the announcement current', 60_000);

    expect(relais.kills).toBeGreaterThanOrEqual(4);
    expect(await database.db.inbound.count()).toBe(gestures);
    const answers = await database.db.rsvp.findMany({ where: { meetupId: meetup.id }, include: { member: true } });
    expect(Object.fromEntries(answers.map((answer) => [answer.member.externalId, answer.status]))).toEqual(model.expected());
    const tips = await database.db.tip.findMany({ select: { title: true } });
    expect(tips).toHaveLength(40);
    expect(new Set(tips.map((tip) => tip.title)).size).toBe(40);

    // Every answer given; an ephemeral one (Slack keeps no trace to look for) may show twice
    // when its process died between Slack's acceptance and the outbox's "sent": one per kill at most.
    const ephemeral = new Map<string, number>();
    for (const call of api.calls('chat.postEphemeral')) ephemeral.set(String(call.args.user), (ephemeral.get(String(call.args.user)) ?? 0) + 1);
    const missing = people.filter((user) => (ephemeral.get(user) ?? 0) < model.answersShown(user));
    expect(missing).toEqual([]);
    const extra = people.reduce((sum, user) => sum + (ephemeral.get(user) ?? 0) - model.answersShown(user), 0);
    const commandReplies = new Map<number, number>();
    for (const response of api.responses()) commandReplies.set(response.n, (commandReplies.get(response.n) ?? 0) + 1);
    expect(commandReplies.size).toBe(40);
    const extraReplies = [...commandReplies.values()].reduce((sum, count) => sum + count - 1, 0);
    expect(extra + extraReplies).toBeLessThanOrEqual(relais.kills);

    expect(api.calls('chat.postMessage').filter((call) => call.args.channel === 'C0FAKE')).toHaveLength(1);
    const going = Object.values(model.expected()).filter((status) => status === 'going').length;
    expect(api.storedMessage('C0FAKE', ANNOUNCEMENT_TS)?.text).toContain(`${going} participe`);
    console.info(`Slack storm: ${gestures} gestures, ${relais.kills} SIGKILLs, 0 lost, 0 applied twice, ${extra + extraReplies} private answers shown twice`);
  }, 240_000);

  it('on Matrix (SQLite): every event of the batches in hand when killed applied once, every command answered once', async () => {
    const random = seeded(23);
    database = await createTestDatabase('sqlite');
    hs = await FakeHomeserver.start({ log: () => {} });
    const bot = hs.createUser('relais', { displayName: 'Relais' });
    const host = hs.createUser('chloe', { displayName: 'Chloé' });
    const people: FakeUser[] = Array.from({ length: 30 }, (_, i) => hs!.createUser(`p${i}`, { displayName: `Personne ${i}` }));
    const env = { DATABASE_URL: database.url, MATRIX_HOMESERVER_URL: hs.url, MATRIX_ACCESS_TOKEN: bot.token, MATRIX_AUTOJOIN: host.userId, MATRIX_RATE: '200', FAULT_TIMING: TIMING };
    relais = restartable(() => spawnRelais(env));
    await relais.current;

    const room = hs.createRoom(host.userId, { name: 'Général' });
    hs.invite(room, host.userId, bot.userId);
    await hs.waitForEvent(room, (event) => event.type === 'm.room.member' && event.state_key === bot.userId && event.content.membership === 'join', 15_000);
    for (const person of people) {
      hs.invite(room, host.userId, person.userId);
      hs.join(room, person.userId);
    }
    const announcementId = hs.sendMessage(room, bot.userId, { msgtype: 'm.notice', body: '📅 Atelier cartographie' });
    const channel = await database.db.channel.create({ data: { platform: 'matrix', workspace: hs.serverName, externalId: room, name: 'Général' } });
    const organizer = await database.db.member.create({ data: { platform: 'matrix', workspace: hs.serverName, externalId: host.userId, displayName: 'Chloé', person: { create: {} } } });
    const meetup = await database.db.meetup.create({
      data: { title: 'Atelier cartographie', startsAt: new Date('2031-03-06T17:30:00Z'), timezone: 'Europe/Paris', organizerId: organizer.id, channelId: channel.id },
    });
    await database.db.announcement.create({ data: { meetupId: meetup.id, channelId: channel.id, messageId: announcementId } });

    // What people do lands on the homeserver whether Relais is up or not: the storm never waits for it.
    const model = answersModel();
    const reactions = new Map<string, string>();
    const commands: string[] = [];
    const storm = (async () => {
      for (let n = 0; n < 900; n += 1) {
        const person = people[Math.floor(random() * people.length)]!;
        const gesture = model.next(person.userId, random);
        if (gesture.kind === 'click') {
          commands.push(hs!.sendMessage(room, person.userId, `!meetup rsvp ${meetup.id} ${{ going: 'oui', maybe: 'peut-être', declined: 'non' }[gesture.answer]}`));
        } else if (gesture.added) {
          reactions.set(`${person.userId} ${gesture.answer}`, hs!.react(room, person.userId, announcementId, matrixEmoji[gesture.answer]));
        } else {
          // A reaction redacted before Relais saw it reaches Relais already redacted, as on every
          // homeserver: as if never made. People take a reaction back once it counted.
          const reaction = reactions.get(`${person.userId} ${gesture.answer}`)!;
          await waitUntil(async () => (await database!.db.inbound.count({ where: { key: `matrix:${reaction}` } })) > 0, 'Relais to see the reaction taken back', 60_000);
          hs!.redact(room, person.userId, reaction);
        }
        if (n % 9 === 0) commands.push(hs!.sendMessage(room, person.userId, `!tip add Astuce de tempête ${n} : garder une trace`));
        await sleep(4 + random() * 16);
      }
    })();
    await killWhile(relais, storm, random, [400, 1500], 8);
    await storm;

    // One pass over the room per look: the fake homeserver runs in this process, and must not be starved.
    const replyCounts = () => {
      const counts = new Map<string, number>();
      for (const event of hs!.timeline(room) as MatrixEvent[]) {
        const to = (event.content['m.relates_to'] as { 'm.in_reply_to'?: { event_id?: string } } | undefined)?.['m.in_reply_to']?.event_id;
        if (event.sender === bot.userId && to) counts.set(to, (counts.get(to) ?? 0) + 1);
      }
      return counts;
    };
    const repliesTo = (eventId: string) => replyCounts().get(eventId) ?? 0;
    await waitUntil(() => {
      const counts = replyCounts();
      return commands.every((eventId) => counts.has(eventId));
    }, 'an answer to every command', 90_000);
    await waitUntil(async () => (await database!.db.inbound.count({ where: { status: 'pending' } })) === 0
      && (await database!.db.outbound.count({ where: { status: { in: ['pending', 'sending'] } } })) === 0
      && announcementsCurrent(database!.db), 'every gesture worked, every answer sent, the announcement current', 60_000);
    await waitUntil(() => repliesTo(announcementId) >= model.reactionAnswersShown(), 'every reaction confirmed', 30_000);

    expect(relais.kills).toBeGreaterThanOrEqual(4);
    const answers = await database.db.rsvp.findMany({ where: { meetupId: meetup.id }, include: { member: true } });
    expect(Object.fromEntries(answers.map((answer) => [answer.member.externalId, answer.status]))).toEqual(model.expected());
    const counts = replyCounts();
    expect(commands.filter((eventId) => counts.get(eventId) !== 1)).toEqual([]);
    // Matrix keeps one event per transaction id: an answer resent after a kill is the same answer.
    expect(repliesTo(announcementId)).toBe(model.reactionAnswersShown());
    const tips = await database.db.tip.findMany({ select: { title: true } });
    expect(tips).toHaveLength(100);
    expect(new Set(tips.map((tip) => tip.title)).size).toBe(100);
    console.info(`Matrix storm: ${model.sent + 100} events, ${relais.kills} SIGKILLs, 0 lost, 0 applied twice, 0 answered twice`);
  }, 240_000);
});
