/**
 * `npx relais doctor` against the fake Slack Web API and the fake homeserver, a real database and
 * a real Relais behind the public address: a deployment that works, then one where everything is
 * wrong, each line saying what was found and what to fix.
 */
import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { botScopes } from '../../adapters/slack/scopes.ts';
import { FakeHomeserver } from '../fakes/matrix-homeserver.ts';
import { FakeSlackWebApi } from '../fakes/slack-web-api.ts';
import { doctor } from '../support/doctor.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { createTestDatabase, emptyDatabase, type TestDatabase } from '../support/test-database.ts';

/** A port nothing listens on: taken, then let go. */
async function closedPort(): Promise<number> {
  const server: Server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('relais doctor', () => {
  let slack: FakeSlackWebApi | undefined;
  let hs: FakeHomeserver | undefined;
  let database: TestDatabase | undefined;
  let h: Harness | undefined;
  afterEach(async () => {
    await h?.close();
    await database?.close();
    await hs?.close();
    await slack?.close();
    h = database = hs = slack = undefined;
  });

  async function platforms(scopes: string[]) {
    slack = await FakeSlackWebApi.start({ scopes, teamId: 'T0NET' });
    hs = await FakeHomeserver.start({ log: () => {} });
    const bot = hs.createUser('relais');
    const alice = hs.createUser('alice');
    return { bot, alice, hs };
  }

  it('says that a working deployment works, one line per check, and exits 0', async () => {
    const { bot, alice, hs: server } = await platforms(botScopes);
    server.join(server.createRoom(alice.userId, { name: 'Général', public: true }), bot.userId);
    database = await createTestDatabase('sqlite');
    h = await createHarness('sqlite');
    slack!.socketUrl = 'ws://127.0.0.1:9/socket';
    const { code, lines } = await doctor({
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: slack!.botToken, SLACK_APP_TOKEN: slack!.appToken, SLACK_API_URL: slack!.url,
      MATRIX_HOMESERVER_URL: server.url, MATRIX_ACCESS_TOKEN: bot.token, MATRIX_USER_ID: bot.userId,
      RELAIS_PUBLIC_URL: `http://127.0.0.1:${h.relais.httpPort}`,
    });
    expect(lines).toEqual([
      '✓ Configuration: valid (slack, matrix)',
      expect.stringMatching(/^✓ Database: file:.*relais\.db answers; its \d+ migrations are applied$/),
      '✓ Slack: connected to the Fake workspace (T0NET) as relais',
      `✓ Slack: the token has the ${botScopes.length} scopes the manifest asks for`,
      '✓ Slack: the app-level token (Socket Mode) is accepted',
      `✓ Matrix: ${server.url} answers; the token is @relais:fake.test’s`,
      '✓ Matrix: the bot is in 1 room',
      `✓ Public address: http://127.0.0.1:${h.relais.httpPort}/healthz answers`,
      '- Wiki: none (RELAIS_WIKI_API_URL is not set)',
    ]);
    expect(code).toBe(0);
    expect(slack!.calls('auth.test')).toHaveLength(1);
  });

  it('says what is wrong and what to do, and exits 1', async () => {
    const { bot, alice, hs: server } = await platforms(botScopes.filter((scope) => scope !== 'reactions:write' && scope !== 'im:write'));
    const empty = await emptyDatabase('sqlite');
    const nowhere = await closedPort();
    try {
      const missingScopes = await doctor({
        DATABASE_URL: empty.url,
        SLACK_BOT_TOKEN: slack!.botToken, SLACK_SIGNING_SECRET: 'secret', SLACK_API_URL: slack!.url,
        MATRIX_HOMESERVER_URL: server.url, MATRIX_ACCESS_TOKEN: bot.token, MATRIX_USER_ID: alice.userId,
        RELAIS_PUBLIC_URL: `http://127.0.0.1:${nowhere}`,
        RELAIS_WIKI_API_URL: `http://127.0.0.1:${nowhere}/w/api.php`, RELAIS_WIKI_USER: 'RelaisBot@relais', RELAIS_WIKI_PASSWORD: 'bot-password',
      });
      expect(missingScopes.lines).toEqual([
        '✓ Configuration: valid (slack, matrix)',
        expect.stringMatching(/^! Database: file:.*empty\.db has no tables nor migrations yet — Relais applies them at start; or now: npx relais migrate$/),
        '✓ Slack: connected to the Fake workspace (T0NET) as relais',
        expect.stringMatching(/^✗ Slack: the token lacks the scopes reactions:write, im:write — add them under OAuth & Permissions/),
        `✗ Matrix: MATRIX_USER_ID says ${alice.userId}, but the token is ${bot.userId}’s — correct MATRIX_USER_ID, or remove it (Relais then asks the server)`,
        '! Matrix: the bot is in no room yet — MATRIX_AUTOJOIN is empty, so every invitation is declined: say who may invite the bot, then invite it',
        `✗ Public address: http://127.0.0.1:${nowhere}/healthz does not answer (ECONNREFUSED) — Relais must be running, and the reverse proxy must forward this address to Relais’s PORT`,
        `✗ The wiki http://127.0.0.1:${nowhere}/w/api.php does not answer (connect ECONNREFUSED 127.0.0.1:${nowhere}): check RELAIS_WIKI_API_URL, or try again later.`,
      ]);
      expect(missingScopes.code).toBe(1);

      const refused = await doctor({
        DATABASE_URL: `postgres://relais:secret@127.0.0.1:${nowhere}/relais`,
        SLACK_BOT_TOKEN: 'xoxb-not-the-token', SLACK_APP_TOKEN: 'xapp-not-the-token', SLACK_API_URL: slack!.url,
        MATRIX_HOMESERVER_URL: server.url, MATRIX_ACCESS_TOKEN: 'syt_not_the_token', MATRIX_AUTOJOIN: 'fake.test',
      });
      expect(refused.lines).toEqual([
        '✓ Configuration: valid (slack, matrix)',
        expect.stringMatching(new RegExp(`^✗ Database: postgres://relais:\\*\\*\\*@127\\.0\\.0\\.1:${nowhere}/relais does not answer \\(.*ECONNREFUSED.*\\) — check DATABASE_URL`)),
        expect.stringMatching(/^✗ Slack: the bot token is refused \(invalid_auth\) — copy the app’s Bot User OAuth Token/),
        expect.stringMatching(/^✗ Slack: the app-level token \(Socket Mode\) is refused \(invalid_auth\) — under Basic Information → App-Level Tokens/),
        `✗ Matrix: ${server.url} refuses the access token (M_UNKNOWN_TOKEN) — log the bot account in again (README, “Connect to Matrix / Tchap”) and put the new token in MATRIX_ACCESS_TOKEN`,
        '- Public address: RELAIS_PUBLIC_URL is not set (announcements and digests do not link to the web pages)',
        '- Wiki: none (RELAIS_WIKI_API_URL is not set)',
      ]);
      expect(refused.lines.join('\n')).not.toContain('secret');
      expect(refused.code).toBe(1);
    } finally {
      await empty.drop();
    }
  });

  it('checks nothing else on a configuration Relais would not start with', async () => {
    const { code, lines } = await doctor({ SLACK_BOT_TOKEN: 'xoxb-1', RELAIS_LOCALE: 'fr' });
    expect(lines).toEqual([
      '✗ Configuration : SLACK_SIGNING_SECRET: is required for the Slack HTTP receiver (or set SLACK_APP_TOKEN for Socket Mode) — corrigez la variable dans le fichier .env ou l’environnement (voir le tableau « Configuration » du README)',
    ]);
    expect(code).toBe(1);
  });
});
