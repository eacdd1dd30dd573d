/**
 * Slack redelivers what it thinks failed (X-Slack-Retry-Num), clicks arrive twice, and Matrix
 * replays a sync batch whose token was not saved: each is applied once and answered once.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { blockActionsPayload, eventRequest, interactionRequest, post, reactionEvent, redelivery } from '../fakes/slack-requests.ts';
import { SECRET } from '../slack/testbed.ts';
import { matrixPlatform, slackIds, slackPlatform, type MatrixPlatform } from '../permissions/platforms.ts';
import { waitUntil } from './wait.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('redeliveries and replays', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('applies a Slack reaction redelivered three times, and a click delivered twice, once', async () => {
    const slack = await slackPlatform('sqlite');
    close = () => slack.close();
    await slack.say('admin', '/relais network nord Réseau Nord');
    await slack.say('admin', `/relais role grant organizer ${slack.mention('organizer')}`);
    await slack.say('organizer', '/meetup create Atelier cartographie | jeudi 18h30 | Mairie | capacité 3 | publier');
    const { messageId, meetupId } = await slack.db.announcement.findFirstOrThrow({ where: { messageId: { not: null } } }) as { messageId: string; meetupId: number };

    const reaction = eventRequest(slack.bed.url, reactionEvent('reaction_added', { reaction: 'white_check_mark', ts: messageId, user: slackIds.member, channel: 'C0FAKE' }), SECRET);
    for (const request of [reaction, redelivery(reaction, 1), redelivery(reaction, 2, 'http_error'), redelivery(reaction, 3)]) expect((await post(request)).status).toBe(200);
    const click = interactionRequest(slack.bed.url, blockActionsPayload({ actionId: 'meetup.rsvp.maybe', value: String(meetupId), userId: slackIds.other, messageTs: messageId }), SECRET);
    for (const request of [click, click]) expect((await post(request)).status).toBe(200);

    await waitUntil(async () => (await slack.db.rsvp.count()) === 2, 'both answers');
    await sleep(500);
    expect(await slack.db.rsvp.findMany({ select: { status: true, source: true }, orderBy: { id: 'asc' } })).toEqual([
      { status: 'going', source: 'reaction' },
      { status: 'maybe', source: 'button' },
    ]);
    const confirmations = slack.bed.api.calls('chat.postEphemeral').map((call) => String(call.args.text));
    expect(confirmations).toHaveLength(2);
    expect(confirmations.filter((text) => /vous participez/.test(text))).toHaveLength(1);
    expect(confirmations.filter((text) => /peut-être/.test(text))).toHaveLength(1);
  });

  it('applies a Matrix batch replayed after a restart once', async () => {
    const matrix: MatrixPlatform = await matrixPlatform('sqlite');
    close = () => matrix.close();
    expect(await matrix.say('member', '/tip add Avant : le calendrier partagé')).toMatch(/Astuce n°1/);
    const tokenRow = await matrix.db.botState.findFirstOrThrow({ where: { key: { endsWith: 'sync_token' } } });
    const room = matrix.rooms.main;
    const eventId = matrix.hs.sendMessage(room, matrix.people.member.userId, '!tip add Rejouée : une seule fois');
    await matrix.hs.waitForEvent(room, (event) => matrix.answersTo(room, eventId).some((answer) => answer.event_id === event.event_id));

    // As if Relais had died before saving the token of the batch it had just handled.
    await matrix.db.botState.update({ where: { key: tokenRow.key }, data: { value: tokenRow.value } });
    await matrix.restart();
    expect(await matrix.say('member', '/tip list')).toMatch(/Rejouée/);
    expect(matrix.answersTo(room, eventId)).toHaveLength(1);
    expect(await matrix.db.tip.count()).toBe(2);
  });
});
