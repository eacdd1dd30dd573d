/**
 * The B1 baseline: a bare Bolt app on the same receiver setup as Relais's Slack adapter (Bolt's
 * HTTPReceiver at /slack/events behind a plain node:http server, processBeforeResponse false)
 * whose /tip listener only acknowledges. Prints {"port":…} when listening.
 */
import { createServer } from 'node:http';
import { App, HTTPReceiver } from '@slack/bolt';

const receiver = new HTTPReceiver({ signingSecret: process.env.SLACK_SIGNING_SECRET!, endpoints: '/slack/events', processBeforeResponse: false });
const app = new App({
  token: process.env.SLACK_BOT_TOKEN!,
  receiver,
  botId: 'B0BOT',
  botUserId: 'U0BOT',
  // Like Relais's app: no conversation store, so both sides do the same work before the ack.
  convoStore: false,
  clientOptions: { slackApiUrl: process.env.SLACK_API_URL! },
});
app.command('/tip', async ({ ack }) => {
  await ack();
});
const server = createServer((request, response) => {
  try {
    receiver.requestListener(request, response);
  } catch {
    response.writeHead(405).end();
  }
});
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(`${JSON.stringify({ port: typeof address === 'object' && address ? address.port : 0 })}\n`);
});
process.once('SIGTERM', () => server.close(() => process.exit(0)));
