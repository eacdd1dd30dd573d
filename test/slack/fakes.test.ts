/**
 * Proves the fakes are faithful enough: the real Bolt App (HTTP and Socket Mode) and the real
 * WebClient run against them unchanged.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { App, LogLevel } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeSocketModeServer } from '../fakes/slack-socket-mode.ts';
import { FakeSlackWebApi } from '../fakes/slack-web-api.ts';
import {
  blockActionsPayload, eventRequest, interactionRequest, messageActionPayload, post, reactionEvent, redelivery,
  signedRequest, slashCommandBody, slashCommandRequest, urlVerificationRequest, viewSubmissionPayload,
} from '../fakes/slack-requests.ts';

const SECRET = 'test-signing-secret';
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  // Apps first, then fakes: the socket fake waits for its clients to leave.
  while (cleanups.length) await cleanups.pop()?.();
});

async function startApi(): Promise<FakeSlackWebApi> {
  const api = await FakeSlackWebApi.start({ users: { U0USER: 'Ana' } });
  cleanups.push(() => api.close());
  return api;
}

describe('FakeSlackWebApi with the real WebClient', () => {
  it('refuses a modal Slack would refuse (a title over 24 characters, an initial option not offered), as invalid_arguments', async () => {
    const api = await startApi();
    const client = new WebClient(api.botToken, { slackApiUrl: api.url, retryConfig: { retries: 0 } });
    const select = { type: 'static_select', action_id: 'value', options: [{ text: { type: 'plain_text', text: 'A' }, value: 'a' }] };
    const view = (title: string, initial: string) => ({
      type: 'modal' as const, title: { type: 'plain_text' as const, text: title }, submit: { type: 'plain_text' as const, text: 'OK' },
      blocks: [{ type: 'input', block_id: 'b', label: { type: 'plain_text', text: 'B' }, element: { ...select, initial_option: { text: { type: 'plain_text', text: initial.toUpperCase() }, value: initial } } }],
    });
    await expect(client.views.open({ trigger_id: 't1', view: view('Une nouvelle rencontre du réseau', 'z') as never })).rejects.toMatchObject({
      data: { ok: false, error: 'invalid_arguments', response_metadata: { messages: ['title over 24 characters', 'block b: initial_option is not one of the options'] } },
    });
    expect((await client.views.open({ trigger_id: 't2', view: view('Nouvelle rencontre', 'a') as never })).ok).toBe(true);
  });

  it('records decoded calls and answers like Slack', async () => {
    const api = await startApi();
    const client = new WebClient(api.botToken, { slackApiUrl: api.url });
    const blocks = [{ type: 'section', text: { type: 'mrkdwn', text: 'hi' } }];
    const a = await client.chat.postMessage({ channel: 'C1', text: 'hi', blocks });
    const b = await client.chat.postMessage({ channel: 'C1', text: 'again' });
    expect(a.ok).toBe(true);
    expect(a.channel).toBe('C1');
    expect(a.ts).not.toBe(b.ts);
    expect(api.calls('chat.postMessage')[0]).toMatchObject({ token: api.botToken, args: { channel: 'C1', blocks } });
    expect((await client.users.info({ user: 'U0USER' })).user?.profile?.display_name).toBe('Ana');
    expect((await client.conversations.open({ users: 'U0USER' })).channel?.id).toBe('DU0USER');
    const view = await client.views.open({ trigger_id: 't', view: { type: 'modal', title: { type: 'plain_text', text: 'x' }, blocks: [] } });
    expect(view.view?.id).toMatch(/^V/);
    expect(api.calls('views.open')[0]?.args.view).toMatchObject({ type: 'modal' });
  });

  it('rejects a wrong token and unknown methods', async () => {
    const api = await startApi();
    const bad = new WebClient('xoxb-wrong', { slackApiUrl: api.url, retryConfig: { retries: 0 } });
    await expect(bad.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    const good = new WebClient(api.botToken, { slackApiUrl: api.url });
    await expect(good.apiCall('nope.nothing')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
    expect(api.calls('nope.nothing')).toHaveLength(1);
  });

  it('answers 500 on demand (WebClient surfaces it once retries are spent)', async () => {
    const api = await startApi();
    const client = new WebClient(api.botToken, { slackApiUrl: api.url, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
    api.failNext('chat.update', 1, 500);
    await expect(client.chat.update({ channel: 'C1', ts: '1.2', text: 'x' })).rejects.toMatchObject({ statusCode: 500 });
    expect((await client.chat.update({ channel: 'C1', ts: '1.2', text: 'x' })).ts).toBe('1.2');
  });

  it('rate-limits on demand; WebClient honours Retry-After and retries', async () => {
    const api = await startApi();
    const client = new WebClient(api.botToken, { slackApiUrl: api.url, logLevel: LogLevel.ERROR });
    api.failNext('reactions.add', 1, 429);
    const started = Date.now();
    await client.reactions.add({ channel: 'C1', timestamp: '1.2', name: 'eyes' });
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(api.calls('reactions.add')).toHaveLength(2);
  });
});

describe('Bolt HTTP receiver against the fakes', () => {
  async function startApp(api: FakeSlackWebApi, processBeforeResponse = false) {
    const app = new App({
      processBeforeResponse,
      signingSecret: SECRET, token: api.botToken, botId: api.botId, botUserId: api.botUserId,
      clientOptions: { slackApiUrl: api.url }, logLevel: LogLevel.ERROR,
      // An extra page served on the same port as /slack/events.
      customRoutes: [{ path: '/health', method: 'GET', handler: (_req, res) => { res.writeHead(200); res.end('up'); } }],
    });
    const server = (await app.start(0)) as Server;
    cleanups.push(() => app.stop());
    return { app, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
  }

  it('acks a signed slash command, responds via response_url and posts a message', async () => {
    const api = await startApi();
    const { app, base } = await startApp(api);
    app.command('/tip', async ({ command, ack, respond, client }) => {
      await ack();
      await respond({ response_type: 'ephemeral', text: `saved: ${command.text}` });
      await client.chat.postMessage({ channel: command.channel_id, text: command.text, blocks: [{ type: 'divider' }] });
    });
    const responseUrl = api.responseUrl();
    const res = await post(slashCommandRequest(`${base}/slack/events`,
      { command: '/tip', text: 'use <!here> wisely', response_url: responseUrl }, SECRET));
    expect(res.status).toBe(200);
    const reply = await api.waitForResponse((r) => r.n === 1);
    expect(reply.body).toEqual({ response_type: 'ephemeral', text: 'saved: use <!here> wisely' });
    const msg = await api.waitFor('chat.postMessage');
    expect(msg.args).toMatchObject({ channel: 'C0FAKE', blocks: [{ type: 'divider' }] });
    expect(api.calls('auth.test')).toEqual([]); // botId + botUserId given: no auth.test round trip
  });

  it.each([false, true])('processBeforeResponse %s decides whether ack() answers before the listener ends', async (before) => {
    const api = await startApi();
    const { app, base } = await startApp(api, before);
    let finished = 0;
    app.command('/slow', async ({ ack }) => {
      await ack();
      await new Promise((r) => setTimeout(r, 400));
      finished = Date.now();
    });
    await post(slashCommandRequest(`${base}/slack/events`, { command: '/slow', response_url: api.responseUrl() }, SECRET));
    const answered = Date.now();
    // false (default): the HTTP 200 leaves at ack(); true: only once every listener has returned.
    if (before) expect(finished).toBeGreaterThan(0);
    else expect(finished).toBe(0);
    await expect.poll(() => finished).toBeGreaterThan(0);
    expect(before ? answered >= finished : answered < finished).toBe(true);
  });

  it('delivers a signed event; a redelivery shows up as context.retryNum/retryReason', async () => {
    const api = await startApi();
    const { app, base } = await startApp(api);
    const seen: Array<{ ts: string; retryNum?: number; retryReason?: string }> = [];
    app.event('reaction_added', async ({ event, context }) => {
      seen.push({ ts: event.item.type === 'message' ? event.item.ts : '', retryNum: context.retryNum, retryReason: context.retryReason });
    });
    const req = eventRequest(`${base}/slack/events`, reactionEvent('reaction_added', { channel: 'C1', ts: '1.000001' }), SECRET);
    expect((await post(req)).status).toBe(200);
    expect((await post(redelivery(req, 1, 'http_timeout'))).status).toBe(200);
    await expect.poll(() => seen.length).toBe(2);
    expect(seen).toEqual([
      { ts: '1.000001', retryNum: undefined, retryReason: undefined },
      { ts: '1.000001', retryNum: 1, retryReason: 'http_timeout' },
    ]);
  });

  it('answers url_verification, routes interactions, serves custom routes, rejects unsigned requests', async () => {
    const api = await startApi();
    const { app, base } = await startApp(api);
    const url = `${base}/slack/events`;
    const verified = await post(urlVerificationRequest(url, 'chal-123', SECRET));
    expect(await verified.json()).toEqual({ challenge: 'chal-123' });

    const got: string[] = [];
    app.action('rsvp', async ({ ack, action }) => { await ack(); got.push(`action:${'value' in action ? action.value : ''}`); });
    app.view('tip_modal', async ({ ack, view }) => { await ack(); got.push(`view:${view.private_metadata}`); });
    app.shortcut('save_tip', async ({ ack, shortcut }) => { await ack(); got.push(`shortcut:${shortcut.type}`); });
    await post(interactionRequest(url, blockActionsPayload({ actionId: 'rsvp', value: 'm1' }), SECRET));
    await post(interactionRequest(url, viewSubmissionPayload({ callbackId: 'tip_modal', privateMetadata: 'p' }), SECRET));
    await post(interactionRequest(url, messageActionPayload({ callbackId: 'save_tip', message: { ts: '1.2' } }), SECRET));
    await expect.poll(() => got.sort()).toEqual(['action:m1', 'shortcut:message_action', 'view:p']);

    expect(await (await fetch(`${base}/health`)).text()).toBe('up');

    const body = slashCommandBody({ command: '/tip', response_url: api.responseUrl() });
    const unsigned = await fetch(url, { method: 'POST', body, headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
    expect(unsigned.status).toBe(401);
    const wrong = signedRequest(url, body, { secret: 'not-the-secret', contentType: 'application/x-www-form-urlencoded' });
    expect((await post(wrong)).status).toBe(401);
    const stale = signedRequest(url, body, { secret: SECRET, contentType: 'application/x-www-form-urlencoded',
      timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect((await post(stale)).status).toBe(401);
  });
});

describe('Bolt Socket Mode against the fakes', () => {
  it('connects through apps.connections.open and acks a slash command envelope', async () => {
    const api = await startApi();
    const socket = await FakeSocketModeServer.start(api);
    cleanups.push(() => socket.close());
    const app = new App({
      socketMode: true, appToken: api.appToken, token: api.botToken, botId: api.botId, botUserId: api.botUserId,
      // Also reaches the SocketModeClient: App copies clientOptions into installerOptions.clientOptions.
      clientOptions: { slackApiUrl: api.url, retryConfig: { retries: 0 } }, logLevel: LogLevel.ERROR,
    });
    app.command('/tip', async ({ ack, command }) => { await ack({ text: `got ${command.text}` }); });
    const events: Array<number | undefined> = [];
    app.event('reaction_added', async ({ context }) => { events.push(context.retryNum); });
    await app.start();
    cleanups.push(() => app.stop());
    expect(api.calls('apps.connections.open')[0]?.token).toBe(api.appToken);
    await socket.waitForConnection();

    const id = socket.send('slash_commands', { command: '/tip', text: 'hello', user_id: 'U0USER', channel_id: 'C1',
      team_id: api.teamId, response_url: api.responseUrl(), trigger_id: 't' });
    expect(await socket.waitForAck(id)).toEqual({ envelope_id: id, payload: { text: 'got hello' } });

    const evId = socket.send('events_api', JSON.parse(eventBody()), { retryAttempt: 2, retryReason: 'timeout' });
    await socket.waitForAck(evId);
    await expect.poll(() => events).toEqual([2]);
  });
});

function eventBody(): string {
  return eventRequest('http://unused', reactionEvent('reaction_added', { channel: 'C1', ts: '1.1' }), SECRET).body;
}
