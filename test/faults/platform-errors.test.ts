/**
 * Slack answering 429 and 500, the homeserver 429 and 502: Relais waits and tries again, and
 * nothing is lost or posted twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { httpFaults, type HttpFaults } from './proxies.ts';
import { announcementsCurrent, waitUntil } from './wait.ts';
import { bodyOf, matrixPlatform, slackIds, slackPlatform, type MatrixPlatform } from '../permissions/platforms.ts';

const announcementPosts = (calls: Array<{ args: Record<string, any> }>) => calls.filter((call) => String(call.args.text).includes('Atelier cartographie'));

describe('Slack rate limits and errors', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  async function slackWithOrganizer() {
    const slack = await slackPlatform('sqlite');
    close = () => slack.close();
    await slack.say('admin', '/relais network nord Réseau Nord');
    await slack.say('admin', `/relais role grant organizer ${slack.mention('organizer')}`);
    // No digest may take the injected errors: the scheduler ticks every minute.
    await slack.say('admin', '/summary config frequency off');
    return slack;
  }

  it('posts an announcement once after two 429s, waiting as Retry-After says', async () => {
    const slack = await slackWithOrganizer();
    slack.bed.api.failNext('chat.postMessage', 2, 429);
    expect(await slack.say('organizer', '/meetup create Atelier cartographie | jeudi 18h30 | Mairie | capacité 3 | publier')).toMatch(/Rencontre n°1 créée/);
    await waitUntil(async () => announcementPosts(slack.bed.api.calls('chat.postMessage')).length === 3, 'the announcement', 15_000);
    expect(await slack.db.announcement.count()).toBe(1);
    expect(await slack.db.meetup.count()).toBe(1);
  });

  it('brings an announcement up to date after a 500 on chat.update, with one answer recorded', async () => {
    const slack = await slackWithOrganizer();
    await slack.say('organizer', '/meetup create Atelier cartographie | jeudi 18h30 | Mairie | capacité 3 | publier');
    const { messageId } = await slack.db.announcement.findFirstOrThrow({ where: { messageId: { not: null } } }) as { messageId: string };
    slack.bed.api.failNext('chat.update', 1, 500);
    await slack.bed.react('reaction_added', 'white_check_mark', messageId, { user: slackIds.member });
    await waitUntil(async () => (await slack.db.rsvp.count()) === 1 && announcementsCurrent(slack.db), 'the announcement edit');
    const updates = slack.bed.api.calls('chat.update');
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(String(updates.at(-1)!.args.text)).toMatch(/1 participant|✅ 1/);
    expect(await slack.db.rsvp.count()).toBe(1);
  });

  it('posts an announcement once when Slack answers 500 to a post it kept', async () => {
    const slack = await slackWithOrganizer();
    slack.bed.api.failNext('chat.postMessage', 1, 'accepted-500');
    await slack.say('organizer', '/meetup create Atelier cartographie | jeudi 18h30 | Mairie | capacité 3 | publier');
    await waitUntil(async () => (await slack.db.announcement.count({ where: { messageId: { not: null } } })) === 1, 'the announcement recorded', 15_000);
    const inChannel = slack.bed.api.channelMessages('C0FAKE').filter((message) => String(message.text).includes('Atelier cartographie'));
    expect(inChannel).toHaveLength(1);
    // The one in the channel is the one Relais keeps up to date.
    expect((await slack.db.announcement.findFirstOrThrow()).messageId).toBe(inChannel[0]!.ts);
  });

  it('posts the digest once when Slack answers 500 to a `/summary now` it kept', async () => {
    const slack = await slackWithOrganizer();
    slack.bed.api.failNext('chat.postMessage', 1, 'accepted-500');
    expect(await slack.say('roomModerator', '/summary now')).toMatch(/Résumé/);
    await waitUntil(async () => (await slack.db.outbound.count({ where: { status: { in: ['pending', 'sending'] } } })) === 0, 'the digest sent', 15_000);
    const digests = slack.bed.api.channelMessages('C0FAKE').filter((message) => String(message.text).startsWith('Résumé — Réseau Nord'));
    expect(digests).toHaveLength(1);
    expect(await slack.db.summary.findMany({ select: { status: true, messageId: true } })).toEqual([{ status: 'posted', messageId: digests[0]!.ts }]);
  });
});

describe('homeserver rate limits and bad gateways', () => {
  let matrix: MatrixPlatform | undefined;
  let faults: HttpFaults | undefined;
  afterEach(async () => {
    await matrix?.close();
    await faults?.close();
  });

  const start = async () => {
    matrix = await matrixPlatform('sqlite', {
      via: async (url) => {
        faults = await httpFaults(url);
        return faults.url;
      },
    });
    return { matrix, faults: faults! };
  };
  const sends = (line: string) => / \/_matrix\/client\/v3\/rooms\/[^/]+\/send\//.test(line) && line.startsWith('PUT');

  it('answers a command once after two 429s on send', async () => {
    const { matrix } = await start();
    matrix.hs.rateLimit('send', 2, 300);
    const room = matrix.rooms.main;
    const eventId = matrix.hs.sendMessage(room, matrix.people.member.userId, '!tip add Le calendrier partagé évite les doublons');
    const reply = await matrix.hs.waitForEvent(room, (event) => matrix.answersTo(room, eventId).some((answer) => answer.event_id === event.event_id), 20_000);
    expect(bodyOf(reply)).toMatch(/Astuce n°1 enregistrée/);
    await matrix.say('member', '/tip list');
    expect(matrix.answersTo(room, eventId)).toHaveLength(1);
    expect(await matrix.db.tip.count()).toBe(1);
  });

  it('waits as a Retry-After header says when a 429 carries no retry_after_ms (spec v1.10), and answers once', async () => {
    const { matrix } = await start();
    matrix.hs.rateLimit('send', 2, 1000, { headerOnly: true });
    const room = matrix.rooms.main;
    const eventId = matrix.hs.sendMessage(room, matrix.people.member.userId, '!tip add Le calendrier partagé évite les doublons');
    const reply = await matrix.hs.waitForEvent(room, (event) => matrix.answersTo(room, eventId).some((answer) => answer.event_id === event.event_id), 20_000);
    expect(bodyOf(reply)).toMatch(/Astuce n°1 enregistrée/);
    // The fake records a request once it has answered it, just after the event is in the room.
    await waitUntil(() => matrix!.hs.requests.filter((request) => request.route === 'send').length === 3, 'the third send recorded');
    const sent = matrix.hs.requests.filter((request) => request.route === 'send');
    expect(sent.map((request) => request.status)).toEqual([429, 429, 200]);
    // Each try after a 429 came no sooner than the header's second.
    for (const [index, request] of sent.entries()) if (index) expect(request.at - sent[index - 1]!.at).toBeGreaterThanOrEqual(1000);
    expect(matrix.answersTo(room, eventId)).toHaveLength(1);
  });

  it('answers a command once after a 502 on send', async () => {
    const { matrix, faults } = await start();
    faults.add({ match: sends, times: 1, answer: 502 });
    const room = matrix.rooms.main;
    const eventId = matrix.hs.sendMessage(room, matrix.people.member.userId, '!tip add Le calendrier partagé évite les doublons');
    const reply = await matrix.hs.waitForEvent(room, (event) => matrix.answersTo(room, eventId).some((answer) => answer.event_id === event.event_id), 20_000).catch(() => undefined);
    expect(reply && bodyOf(reply)).toMatch(/Astuce n°1 enregistrée/);
    expect(matrix.answersTo(room, eventId)).toHaveLength(1);
    expect(await matrix.db.tip.count()).toBe(1);
  });

  it('edits an announcement after a 502 on the edit, once the answer is in', async () => {
    const { matrix, faults } = await start();
    await matrix.say('admin', '/relais network nord Réseau Nord');
    await matrix.say('admin', `/relais role grant organizer ${matrix.mention('organizer')}`);
    await matrix.say('organizer', '/meetup create Atelier cartographie | jeudi 18h30 | Mairie | capacité 3 | publier');
    const { messageId } = await matrix.db.announcement.findFirstOrThrow({ where: { messageId: { not: null } } }) as { messageId: string };
    faults.add({ match: sends, times: 1, answer: 502 });
    matrix.hs.react(matrix.rooms.main, matrix.people.member.userId, messageId, '✅');
    await waitUntil(async () => (await matrix!.db.rsvp.count()) === 1 && announcementsCurrent(matrix!.db), 'the announcement edit');
    const edits = matrix.hs.timeline(matrix.rooms.main).filter((event) => (event.content['m.relates_to'] as { rel_type?: string } | undefined)?.rel_type === 'm.replace');
    expect(edits.length).toBeGreaterThanOrEqual(1);
    expect(bodyOf(edits.at(-1)!)).toMatch(/✅ 1|1 participant/);
  });
});
