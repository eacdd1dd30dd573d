/**
 * Meetup announcements on Slack: answers by button and by reaction, from any platform, kept live
 * in the posted message; redeliveries, the bot's own reactions and rate limits change nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ensureMember } from '../../src/domain/directory.ts';
import { setRsvp } from '../../src/domain/meetups/rsvp.ts';
import { blockActionsPayload, interactionRequest, post, redelivery } from '../fakes/slack-requests.ts';
import type { RecordedCall } from '../fakes/slack-web-api.ts';
import { engines } from '../support/test-database.ts';
import { CHANNEL, SECRET, startTestbed, textOf, type Testbed, type TestbedOptions } from './testbed.ts';

let bed: Testbed | undefined;
afterEach(async () => {
  await bed?.close();
  bed = undefined;
});

/** Starts Relais on Slack with one meetup announced in #general; returns the announcement's ts. */
async function announced(options: TestbedOptions = {}): Promise<{ bed: Testbed; ts: string }> {
  bed = await startTestbed(options);
  await bed.slash('/meetup', 'create Apéro numérique | jeudi prochain 18h30 | Mairie | capacité 30 | publier', { user: 'U0ADMIN' });
  await bed.api.waitFor('reactions.add', (call) => call.args.name === 'x');
  const { messageId } = await bed.db.announcement.findFirstOrThrow();
  return { bed, ts: messageId! };
}

const updateShowing = (ts: string, text: string) => (call: RecordedCall) => call.args.ts === ts && textOf(call.args).includes(text);

describe.each(engines)('RSVP on a Slack announcement (%s)', { timeout: 20_000 }, (engine) => {
  it('a button click answers privately (keeping the message) and the counts update live', async () => {
    const { bed, ts } = await announced({ engine });
    const responseUrl = bed.api.responseUrl();
    const response = await bed.click({ actionId: 'meetup.rsvp.going', value: '1', messageTs: ts, responseUrl });
    expect(response.status).toBe(200);
    const confirmation = await bed.api.waitForResponse((answer) => responseUrl.endsWith(`/${answer.n}`));
    expect(confirmation.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    expect(textOf(confirmation.body)).toContain('vous participez à la rencontre n°1');
    const update = await bed.api.waitFor('chat.update', updateShowing(ts, '✅ 1 participe'));
    expect(update.args.channel).toBe(CHANNEL);
    expect(textOf(update.args)).toContain('1 / 30');
  });

  it('a reaction answers, removing it withdraws, and the reacting person is told privately', async () => {
    const { bed, ts } = await announced({ engine });
    await bed.react('reaction_added', 'thinking_face', ts, { user: 'U0BEA' });
    await bed.api.waitFor('chat.update', updateShowing(ts, '🤔 1 peut-être'));
    const told = await bed.api.waitFor('chat.postEphemeral');
    expect(told.args).toMatchObject({ channel: CHANNEL, user: 'U0BEA' });
    expect(textOf(told.args)).toContain('peut-être pour la rencontre n°1');
    const member = await bed.db.member.findFirstOrThrow({ where: { externalId: 'U0BEA' } });
    expect(member.displayName).toBe('Béa');

    await bed.react('reaction_removed', 'thinking_face', ts, { user: 'U0BEA' });
    await bed.api.waitFor('chat.update', updateShowing(ts, '🤔 0 peut-être'));
    expect(await bed.db.rsvp.count()).toBe(0);
  });

  it('an answer given on another platform updates the Slack announcement', async () => {
    const { bed, ts } = await announced({ engine });
    await bed.click({ actionId: 'meetup.rsvp.going', value: '1', messageTs: ts });
    await bed.api.waitFor('chat.update', updateShowing(ts, '✅ 1 participe'));
    // As a Relais process serving Matrix would, on the shared database.
    const alice = await ensureMember(bed.db, { platform: 'matrix', workspace: 'example.org', externalId: '@alice:example.org', displayName: 'alice' });
    await setRsvp(bed.db, 1, alice.id, 'going', 'button', bed.clock.now());
    await bed.api.waitFor('chat.update', updateShowing(ts, '✅ 2 participent'));
    expect(textOf(bed.api.calls('chat.update').at(-1)?.args)).toContain('2 / 30');
  });
});

describe('Slack deliveries that must not count twice', { timeout: 20_000 }, () => {
  it('a redelivered reaction event is applied once', async () => {
    const { bed, ts } = await announced();
    const request = await bed.react('reaction_added', 'white_check_mark', ts, { user: 'U0BEA' }, { eventId: 'Ev0TWICE' });
    await bed.api.waitFor('chat.update', updateShowing(ts, '✅ 1 participe'));
    expect((await post(redelivery(request, 1, 'http_timeout'))).status).toBe(200);
    await bed.waitForLog((record) => record.key === 'event:Ev0TWICE');
    await bed.settle();
    expect(await bed.db.rsvp.count()).toBe(1);
    expect(bed.api.calls('chat.postEphemeral')).toHaveLength(1);
  });

  it('the same click delivered twice (same action_ts and user) is applied once', async () => {
    const { bed, ts } = await announced();
    const click = interactionRequest(bed.url, blockActionsPayload({ actionId: 'meetup.rsvp.declined', value: '1', channel: CHANNEL, messageTs: ts }), SECRET);
    await post(click);
    await bed.api.waitFor('chat.update', updateShowing(ts, '❌ 1 absent·e'));
    await post(click);
    await bed.waitForLog((record) => typeof record.key === 'string' && record.key.startsWith('action:'));
    expect(await bed.db.rsvp.count()).toBe(1);
    expect(bed.api.calls('chat.postEphemeral')).toHaveLength(1);
  });

  it('the bot’s own reactions (the ones it seeds) are not answers', async () => {
    const { bed, ts } = await announced();
    await bed.react('reaction_added', 'white_check_mark', ts, { user: bed.api.botUserId });
    await bed.react('reaction_added', 'x', ts, { user: 'U0USER' });
    await bed.api.waitFor('chat.update', updateShowing(ts, '❌ 1 absent·e'));
    await bed.settle();
    expect(textOf(bed.api.calls('chat.update').at(-1)?.args)).toContain('✅ 0 participe');
    expect(await bed.db.rsvp.count()).toBe(1);
  });
});

describe('announcements over time', { timeout: 20_000 }, () => {
  it('a rate-limited chat.update is retried after Retry-After while clicks are still acknowledged at once', async () => {
    const { bed, ts } = await announced();
    bed.api.failNext('chat.update', 1, 429);
    expect((await bed.click({ actionId: 'meetup.rsvp.going', value: '1', messageTs: ts })).status).toBe(200);
    await bed.api.waitFor('chat.update');
    expect((await bed.click({ actionId: 'meetup.rsvp.maybe', value: '1', messageTs: ts, userId: 'U0BEA' })).status).toBe(200);
    const caughtUp = await bed.api.waitFor('chat.update', updateShowing(ts, '🤔 1 peut-être'), 15_000);
    expect(textOf(caughtUp.args)).toContain('✅ 1 participe');
  });

  it('a cancelled meetup’s announcement says so, loses its buttons, and those going are told privately', async () => {
    const { bed, ts } = await announced();
    await bed.click({ actionId: 'meetup.rsvp.going', value: '1', messageTs: ts });
    await bed.api.waitFor('chat.update', updateShowing(ts, '✅ 1 participe'));
    const { reply } = await bed.slash('/meetup', 'cancel 1', { user: 'U0ADMIN' });
    expect(textOf(reply)).toContain('Rencontre n°1 annulée');
    const update = await bed.api.waitFor('chat.update', updateShowing(ts, 'ANNULÉE'));
    expect(update.args.blocks.some((block: { type: string }) => block.type === 'actions')).toBe(false);
    await bed.api.waitFor('conversations.open', (call) => call.args.users === 'U0USER');
    const direct = await bed.api.waitFor('chat.postMessage', (call) => call.args.channel === 'DU0USER');
    expect(textOf(direct.args)).toContain('est annulée');
  });

  it('announcing in a public channel Relais is not in joins it first', async () => {
    const { bed } = await announced({ api: { notMemberOf: ['C0PUBLIC'] } });
    const { reply } = await bed.slash('/meetup', 'announce 1', { user: 'U0ADMIN', channel: 'C0PUBLIC' });
    expect(textOf(reply)).toContain('Rencontre n°1 : son annonce part');
    expect(bed.api.calls('conversations.join')[0]?.args.channel).toBe('C0PUBLIC');
    expect(bed.api.calls('chat.postMessage').filter((call) => call.args.channel === 'C0PUBLIC')).toHaveLength(2);
  });

  it('a private channel Relais is not in gets a readable error, logged with the Slack method', async () => {
    const { bed } = await announced({ api: { notMemberOf: ['C0PRIVATE'], privateChannels: ['C0PRIVATE'] } });
    const { n } = await bed.slashOnly('/meetup', 'announce 1', { user: 'U0ADMIN', channel: 'C0PRIVATE' });
    const told = await bed.api.waitForResponse((response) => response.n === n && textOf(response.body).includes('invitez-le avec /invite @Relais'));
    expect(told.body.response_type).toBe('ephemeral');
    expect(textOf(told.body)).toContain('La rencontre n°1 n’a pas pu être annoncée');
    const logged = await bed.waitForLog((record) => record.method === 'chat.postMessage');
    expect(logged.slackError).toBe('method_not_supported_for_channel_type');
    expect(await bed.db.announcement.count()).toBe(1);
  });
});
