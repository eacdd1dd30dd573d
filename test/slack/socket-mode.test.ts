/**
 * Socket Mode: with SLACK_APP_TOKEN set, Relais opens a WebSocket (apps.connections.open) instead of
 * serving /slack/events, and acknowledges envelopes on it.
 */
import { afterEach, expect, it } from 'vitest';
import type { RunningRelais } from '../../src/build.ts';
import { startRelais } from '../../src/main.ts';
import { eventCallbackBody, reactionEvent } from '../fakes/slack-requests.ts';
import { FakeSocketModeServer } from '../fakes/slack-socket-mode.ts';
import { FakeSlackWebApi } from '../fakes/slack-web-api.ts';
import { createTestDatabase } from '../support/test-database.ts';
import { CHANNEL, TEAM, textOf } from './testbed.ts';

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length) await cleanups.pop()?.();
});

it('serves slash commands and events over Socket Mode, without an HTTP endpoint', { timeout: 20_000 }, async () => {
  const database = await createTestDatabase('sqlite');
  cleanups.push(() => database.close());
  const api = await FakeSlackWebApi.start({ users: { U0USER: 'Ana', U0ADMIN: 'Chloé' }, admins: ['U0ADMIN'] });
  cleanups.push(() => api.close());
  const socket = await FakeSocketModeServer.start(api);
  // Closed after Relais: it waits for the client to leave (Bolt's stop() resolves before the socket closes).
  cleanups.push(() => socket.close());
  const running: RunningRelais = await startRelais({
    env: {
      DATABASE_URL: database.url, SLACK_BOT_TOKEN: api.botToken, SLACK_APP_TOKEN: api.appToken, SLACK_API_URL: api.url,
      PORT: '0', LOG_LEVEL: 'silent', RELAIS_ADMINS: 'slack:U0ADMIN',
    },
    timing: { announcer: { coalesceMs: 20, minIntervalMs: 50 }, delivery: { sweepMs: 100 }, pipeline: { sweepMs: 100 } },
  });
  cleanups.push(() => running.stop());
  await socket.waitForConnection();
  expect(api.calls('apps.connections.open')[0]?.token).toBe(api.appToken);
  // Nothing Slack listens on the shared port (the web pages may answer 404 or 405).
  expect([404, 405]).toContain((await fetch(`http://127.0.0.1:${running.httpPort}/slack/events`, { method: 'POST' })).status);

  const responseUrl = api.responseUrl();
  const command = socket.send('slash_commands', {
    command: '/meetup', text: 'create Apéro | 5 décembre 2099 18h30 | Mairie | publier', user_id: 'U0ADMIN', user_name: 'chloe',
    channel_id: CHANNEL, channel_name: 'general', team_id: TEAM, response_url: responseUrl, trigger_id: 'socket-trigger-1',
  });
  await socket.waitForAck(command);
  const answer = await api.waitForResponse((response) => responseUrl.endsWith(`/${response.n}`));
  expect(textOf(answer.body)).toContain('Rencontre n°1 créée ; son annonce part');
  const { messageId } = await running.db.announcement.findFirstOrThrow({ where: { messageId: { not: null } } });

  const reaction = reactionEvent('reaction_added', { reaction: 'white_check_mark', channel: CHANNEL, ts: messageId! });
  const event = socket.send('events_api', JSON.parse(eventCallbackBody(reaction)));
  await socket.waitForAck(event);
  await api.waitFor('chat.update', (call) => textOf(call.args).includes('✅ 1 participe'));
});
