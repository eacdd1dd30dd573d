/**
 * The database goes away for several seconds and comes back: people are told Relais is
 * temporarily unavailable, nothing acknowledged is lost, and Relais recovers without a restart.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startRelais } from '../../src/main.ts';
import type { MemoryChat } from '../memory-chat/adapter.ts';
import { memoryPlatform } from '../memory-chat/index.ts';
import { plainText } from '../../src/core/plain-text.ts';
import { translate } from '../../src/i18n/translate.ts';
import { SECRET as SLACK_SECRET, textOf } from '../slack/testbed.ts';
import { engines } from '../support/test-database.ts';
import type { MatrixEvent } from '../fakes/matrix-homeserver.ts';
import { matrixPlatform, slackPlatform, bodyOf, type MatrixPlatform } from '../permissions/platforms.ts';
import { eventCallbackBody, eventRequest, post, reactionEvent, redelivery } from '../fakes/slack-requests.ts';
import { FakeSocketModeServer } from '../fakes/slack-socket-mode.ts';
import { FakeSlackWebApi } from '../fakes/slack-web-api.ts';
import { outageOf, type Outage } from './outage.ts';
import { ANNOUNCEMENT_TS } from './seed.ts';
import { announcementsCurrent, waitUntil } from './wait.ts';

const UNAVAILABLE = translate('fr', 'errors.unavailable');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(engines)('database outage (%s)', (engine) => {
  let outage: Outage | undefined;
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await outage?.end();
    await stop?.();
    await outage?.close();
  });

  /** Relais on Slack through the outage-able database, with one tip saved before anything goes wrong. */
  async function slackWithOutage() {
    outage = await outageOf(engine);
    const slack = await slackPlatform(engine, { DATABASE_URL: outage.url });
    stop = () => slack.close();
    expect(await slack.say('member', '/tip add Avant la panne : le calendrier partagé')).toMatch(/Astuce n°1 enregistrée/);
    return { slack, outage };
  }

  it('on Slack: a command during the outage is answered "temporarily unavailable", in the acknowledgement itself', async () => {
    const { slack } = await slackWithOutage();
    await outage!.begin();
    const { status, ack } = await slack.bed.slashOnly('/tip', 'add Pendant la panne : une astuce perdue ?');
    expect(status).toBe(200);
    expect(JSON.parse(ack)).toMatchObject({ response_type: 'ephemeral', text: UNAVAILABLE });
  });

  it('on Slack: keeps what was saved, saves nothing half-way, and works again without a restart', async () => {
    const { slack } = await slackWithOutage();
    await outage!.begin();
    await slack.bed.slashOnly('/tip', 'add Pendant la panne : une astuce perdue ?');
    await sleep(6000);
    await outage!.end();
    expect(await slack.say('member', '/tip add Après la panne : Relais répond de nouveau')).toMatch(/Astuce n°\d+ enregistrée/);
    const tips = await outage!.database.db.tip.findMany({ orderBy: { id: 'asc' } });
    expect(tips.map((tip) => tip.title.split(' :')[0])).toEqual(['Avant la panne', 'Après la panne']);
  });

  it('in the core: every gesture is refused as "temporarily unavailable" while nothing can record it, and works after', async () => {
    outage = await outageOf(engine);
    const running = await startRelais({
      env: { DATABASE_URL: outage.url, PORT: '0', LOG_LEVEL: process.env.FAULT_LOG ?? 'silent' },
      platforms: [memoryPlatform()],
    });
    stop = () => running.stop();
    const chat = running.adapters[0] as MemoryChat;
    const lines = ['tip add Le calendrier partagé évite les doublons', 'tip vote 1', 'tip search calendrier', 'meetup list', 'relais my-data'];
    const say = async (line: string) => {
      const [command = '', ...rest] = line.split(' ');
      const deliveryKey = randomUUID();
      const receipt = await running.port.handle({
        kind: 'command', command, text: rest.join(' '), deliveryKey, replyTo: {},
        channel: { platform: 'memory', workspace: 'local', externalId: 'general' },
        user: { platform: 'memory', workspace: 'local', externalId: 'ana', displayName: 'Ana' },
      });
      // What the adapter shows when the gesture was not recorded: the core's outage answer.
      if (receipt === 'unavailable') return plainText(running.port.unavailableCard());
      await running.settle();
      return chat.of('reply').filter((sent) => sent.key?.includes(deliveryKey)).map((sent) => plainText(sent.card!)).join('\n');
    };
    for (const line of lines) expect(await say(line), `before: ${line}`).not.toContain(UNAVAILABLE);
    await outage.begin();
    const during: string[] = [];
    for (const line of lines) during.push(await say(line));
    await outage.end();
    expect(during).toEqual(lines.map(() => UNAVAILABLE));
    // A pooled connection may still fail once after the server is back: recovery is within seconds, without a restart.
    await waitUntil(async () => !(await say(lines[0]!)).includes(UNAVAILABLE), 'Relais to answer again', 10_000);
    for (const line of lines) expect(await say(line), `after: ${line}`).not.toContain(UNAVAILABLE);
  });

  it('on Matrix: a command sent during the outage is answered once, after it', async () => {
    outage = await outageOf(engine);
    const matrix: MatrixPlatform = await matrixPlatform(engine, { env: { DATABASE_URL: outage.url }, database: outage.database });
    stop = () => matrix.close();
    expect(await matrix.say('member', '/tip add Avant la panne : le calendrier partagé')).toMatch(/Astuce n°1 enregistrée/);

    await outage.begin();
    const room = matrix.rooms.main;
    const during = matrix.hs.sendMessage(room, matrix.people.member.userId, '!tip add Pendant la panne : gardée pour plus tard');
    await sleep(4000);
    await outage.end();

    const saved = (event: MatrixEvent) => /Astuce n°2 enregistrée/.test(bodyOf(event));
    await matrix.hs.waitForEvent(room, (event) => matrix.answersTo(room, during).some((answer) => answer.event_id === event.event_id && saved(answer)), 30_000);
    expect(await matrix.say('member', '/tip add Après la panne : Relais répond de nouveau')).toMatch(/Astuce n°3 enregistrée/);
    // Answered once; told at most once before that it would be handled on Relais's return (on
    // SQLite the write may just wait for the lock and succeed).
    const answers = matrix.answersTo(room, during).map(bodyOf);
    expect(answers.filter((body) => /Astuce n°2 enregistrée/.test(body))).toHaveLength(1);
    expect(answers.filter((body) => !/Astuce n°2 enregistrée/.test(body))).toEqual(answers.length > 1 ? [expect.stringContaining('sera traité dès son retour')] : []);
    expect(await outage.database.db.tip.count()).toBe(3);
  });
});

// PostgreSQL stopped: the outage of a server. (An embedded SQLite file has none to speak of: a
// lock held elsewhere makes each write wait out busy_timeout, and is covered above.)
describe('PostgreSQL stopped for 10 s', () => {
  let outage: Outage | undefined;
  let stop: (() => Promise<void>) | undefined;
  afterEach(async () => {
    await outage?.end();
    await stop?.();
    await outage?.close();
  });

  it('on Slack: reactions during a 10 s outage are refused with a 5xx, counted once when Slack sends them again', async () => {
    outage = await outageOf('postgres');
    const slack = await slackPlatform('postgres', { DATABASE_URL: outage.url });
    stop = () => slack.close();
    expect(await slack.say('member', '/tip add Avant la panne : le calendrier partagé')).toMatch(/Astuce n°1 enregistrée/);
    const db = outage.database.db;
    // The channel Relais registered with the first tip, and a meetup announced in it.
    const channel = await db.channel.findFirstOrThrow({ where: { externalId: 'C0FAKE' } });
    const organizer = await db.member.findFirstOrThrow();
    const meetup = await db.meetup.create({ data: { title: 'Atelier cartographie', startsAt: new Date('2031-03-06T17:30:00Z'), timezone: 'Europe/Paris', organizerId: organizer.id, channelId: channel.id } });
    await db.announcement.create({ data: { meetupId: meetup.id, channelId: channel.id, messageId: ANNOUNCEMENT_TS } });
    slack.bed.api.addMessage('C0FAKE', { ts: ANNOUNCEMENT_TS, text: 'Atelier cartographie', user: slack.bed.api.botUserId, bot_id: slack.bed.api.botId });
    const people = Array.from({ length: 10 }, (_, i) => `U0P${i}`);
    const events = people.map((user) => eventRequest(slack.bed.url, reactionEvent('reaction_added', { reaction: 'white_check_mark', ts: ANNOUNCEMENT_TS, user, channel: 'C0FAKE' }), SLACK_SECRET));

    await outage.begin();
    const refused: number[] = [];
    for (const event of events) refused.push((await post(event)).status);
    await sleep(10_000);
    await outage.end();
    // Not acknowledged, so Slack sends each again (X-Slack-Retry-Num), until one is kept.
    await waitUntil(async () => {
      const statuses = await Promise.all(events.map(async (event) => (await post(redelivery(event, 1, 'http_error'))).status));
      return statuses.every((status) => status === 200);
    }, 'every reaction acknowledged', 20_000);
    await waitUntil(async () => (await db.rsvp.count({ where: { meetupId: meetup.id } })) === people.length && announcementsCurrent(db), 'every reaction counted', 20_000);

    expect(refused.every((status) => status >= 500)).toBe(true);
    const answers = await db.rsvp.findMany({ where: { meetupId: meetup.id }, include: { member: true } });
    expect(answers.map((answer) => [answer.member.externalId, answer.status]).sort()).toEqual(people.map((user) => [user, 'going']).sort());
    // Sent again once more (as Slack may), still counted once.
    for (const event of events) expect((await post(redelivery(event, 2, 'http_timeout'))).status).toBe(200);
    await slack.bed.settle();
    expect(await db.rsvp.count({ where: { meetupId: meetup.id } })).toBe(people.length);
    expect(await db.inbound.count({ where: { platform: 'slack', status: 'done' } })).toBeGreaterThanOrEqual(people.length);
  }, 90_000);

  it('in Socket Mode: a reaction is left un-acked (so Slack sends it again) and a command is told, while PostgreSQL is stopped', async () => {
    outage = await outageOf('postgres');
    const api = await FakeSlackWebApi.start({ users: { U0USER: 'Ana' } });
    const socket = await FakeSocketModeServer.start(api);
    const running = await startRelais({
      env: { DATABASE_URL: outage.url, SLACK_BOT_TOKEN: api.botToken, SLACK_APP_TOKEN: api.appToken, SLACK_API_URL: api.url, PORT: '0', LOG_LEVEL: 'silent' },
      timing: { announcer: { coalesceMs: 20, minIntervalMs: 50 }, delivery: { sweepMs: 100 }, pipeline: { sweepMs: 100 } },
    });
    stop = async () => {
      await running.stop();
      await socket.close();
      await api.close();
    };
    await socket.waitForConnection();
    const command = (text: string, trigger: string) => socket.send('slash_commands', {
      command: '/tip', text, user_id: 'U0USER', channel_id: 'C0FAKE', channel_name: 'general', team_id: 'T0FAKE', response_url: api.responseUrl(), trigger_id: trigger,
    });
    await socket.waitForAck(command('add Avant la panne : le calendrier partagé', 'socket-1'));
    await waitUntil(async () => (await outage!.database.db.tip.count()) === 1, 'the first tip');
    const db = outage.database.db;
    const channel = await db.channel.findFirstOrThrow({ where: { externalId: 'C0FAKE' } });
    const organizer = await db.member.findFirstOrThrow();
    const meetup = await db.meetup.create({ data: { title: 'Atelier cartographie', startsAt: new Date('2031-03-06T17:30:00Z'), timezone: 'Europe/Paris', organizerId: organizer.id, channelId: channel.id } });
    await db.announcement.create({ data: { meetupId: meetup.id, channelId: channel.id, messageId: ANNOUNCEMENT_TS } });
    api.addMessage('C0FAKE', { ts: ANNOUNCEMENT_TS, text: 'Atelier cartographie', user: api.botUserId, bot_id: api.botId });

    await outage.begin();
    const reaction = JSON.parse(eventCallbackBody(reactionEvent('reaction_added', { reaction: 'white_check_mark', ts: ANNOUNCEMENT_TS, user: 'U0USER', channel: 'C0FAKE' })));
    const during = socket.send('events_api', reaction);
    const told = await socket.waitForAck(command('add Pendant la panne : une astuce', 'socket-2'), 15_000);
    expect(textOf(told.payload)).toBe(UNAVAILABLE);
    await sleep(3000);
    expect(socket.acks.some((ack) => ack.envelope_id === during)).toBe(false);
    await outage.end();

    // Slack sends the un-acked envelope again: counted once it is kept.
    await waitUntil(async () => {
      const again = socket.send('events_api', reaction, { retryAttempt: 1, retryReason: 'timeout' });
      return socket.waitForAck(again, 3000).then(() => true, () => false);
    }, 'the reaction acknowledged', 20_000);
    await waitUntil(async () => (await db.rsvp.count({ where: { meetupId: meetup.id, status: 'going' } })) === 1, 'the reaction counted', 10_000);
    socket.send('events_api', reaction, { retryAttempt: 2, retryReason: 'timeout' });
    await running.settle();
    expect(await db.rsvp.count({ where: { meetupId: meetup.id } })).toBe(1);
  }, 90_000);
});
