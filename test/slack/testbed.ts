/**
 * Relais started exactly as `npm start` does with Slack configured (startRelais + env), its Web API
 * pointed at the local fake, and helpers that send it correctly signed Slack requests.
 */
import { EventEmitter } from 'node:events';
import { pino } from 'pino';
import type { RunningRelais } from '../../src/build.ts';
import { startRelais } from '../../src/main.ts';
import type { Db, Engine } from '../../src/db/client.ts';
import { FakeSlackWebApi, type FakeSlackWebApiOptions, type RecordedResponse } from '../fakes/slack-web-api.ts';
import {
  blockActionsPayload, eventRequest, interactionRequest, messageActionPayload, post, reactionEvent, slashCommandRequest,
  viewSubmissionPayload, type BlockAction, type EventOptions, type MessageAction, type SignedRequest, type ViewSubmission,
} from '../fakes/slack-requests.ts';
import { ManualClock } from '../support/harness.ts';
import { createTestDatabase } from '../support/test-database.ts';

export const SECRET = 'test-signing-secret';
export const TEAM = 'T0FAKE';
export const CHANNEL = 'C0FAKE';
/** Monday 30 November 2026, 10:00 in Paris: "jeudi prochain" is 3 December. */
export const NOW = '2026-11-30T09:00:00Z';

export interface Testbed {
  api: FakeSlackWebApi;
  running: RunningRelais;
  db: Db;
  clock: ManualClock;
  /** http://127.0.0.1:<port>/slack/events */
  url: string;
  /** Sends a signed slash command; resolves with the HTTP status and the first answer on its response_url. */
  slash(command: string, text: string, who?: { user?: string; channel?: string; userName?: string }): Promise<SlashResult>;
  /** Sends a signed slash command without waiting for its answer on the response_url; `ack` is the body of Slack's HTTP response. */
  slashOnly(command: string, text: string, who?: { user?: string; channel?: string; triggerId?: string }): Promise<{ status: number; n: number; ack: string }>;
  click(action: BlockAction): Promise<Response>;
  react(type: 'reaction_added' | 'reaction_removed', reaction: string, ts: string, who?: { user?: string; channel?: string }, opts?: EventOptions): Promise<SignedRequest>;
  submit(view: ViewSubmission): Promise<Response>;
  shortcut(action: MessageAction): Promise<Response>;
  /** Waits until scheduled announcement edits have run. */
  settle(): Promise<void>;
  /** Relais's log records (debug and up), as operators would read them. */
  logs: LogRecord[];
  waitForLog(predicate: (record: LogRecord) => boolean): Promise<LogRecord>;
  close(): Promise<void>;
}

export interface SlashResult {
  status: number;
  reply: RecordedResponse['body'];
}

export type LogRecord = Record<string, any> & { msg?: string };

/** A logger that keeps its records, so tests can wait for what operators would see. */
function recordingLogger() {
  const logs: LogRecord[] = [];
  const events = new EventEmitter();
  const logger = pino({ level: 'debug' }, { write: (line: string) => { logs.push(JSON.parse(line) as LogRecord); events.emit('log'); } });
  const waitForLog = (predicate: (record: LogRecord) => boolean) => new Promise<LogRecord>((resolve, reject) => {
    const check = () => {
      const found = logs.find(predicate);
      if (!found) return;
      cleanup();
      resolve(found);
    };
    const timer = setTimeout(() => {
      cleanup();
      reject(new Error('no such log record within 3000 ms'));
    }, 3000);
    const cleanup = () => {
      clearTimeout(timer);
      events.off('log', check);
    };
    events.on('log', check);
    check();
  });
  return { logger, logs, waitForLog };
}

export interface TestbedOptions {
  engine?: Engine;
  env?: Record<string, string>;
  api?: FakeSlackWebApiOptions;
}

export async function startTestbed(options: TestbedOptions = {}): Promise<Testbed> {
  const database = await createTestDatabase(options.engine ?? 'sqlite');
  const api = await FakeSlackWebApi.start({ users: { U0USER: 'Ana', U0BEA: 'Béa', U0ADMIN: 'Chloé' }, admins: ['U0ADMIN'], ...options.api });
  const clock = new ManualClock(new Date(NOW));
  const { logger, logs, waitForLog } = recordingLogger();
  let running: RunningRelais;
  try {
    running = await startRelais({
      env: {
        DATABASE_URL: database.url,
        SLACK_BOT_TOKEN: api.botToken,
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: api.url,
        PORT: '0',
        // Chloé administers the workspace on Slack and Relais itself: workspace admins alone moderate their channels only.
        RELAIS_ADMINS: 'slack:U0ADMIN',
        ...options.env,
      },
      clock,
      logger,
      timing: { announcer: { coalesceMs: 20, minIntervalMs: 50, sweepMs: 100 }, delivery: { sweepMs: 100 }, pipeline: { sweepMs: 100 } },
    });
  } catch (error) {
    await api.close();
    await database.close();
    throw error;
  }
  const url = `http://127.0.0.1:${running.httpPort}/slack/events`;
  let triggers = 0;

  const slashOnly: Testbed['slashOnly'] = async (command, text, who = {}) => {
    const responseUrl = api.responseUrl();
    const n = Number(/\/(\d+)$/.exec(responseUrl)?.[1]);
    triggers += 1;
    const request = slashCommandRequest(url, {
      command, text, response_url: responseUrl, user_id: who.user ?? 'U0USER', channel_id: who.channel ?? CHANNEL, team_id: TEAM,
      trigger_id: who.triggerId ?? `trigger-${triggers}-${Date.now()}`,
    }, SECRET);
    const response = await post(request);
    return { status: response.status, n, ack: await response.text() };
  };

  return {
    api, running, db: running.db, clock, url, slashOnly, logs, waitForLog,
    async slash(command, text, who = {}) {
      const { status, n } = await slashOnly(command, text, who);
      const { body } = await api.waitForResponse((response) => response.n === n);
      return { status, reply: body };
    },
    click: (action) => post(interactionRequest(url, blockActionsPayload({ channel: CHANNEL, ...action }), SECRET)),
    async react(type, reaction, ts, who = {}, opts) {
      const request = eventRequest(url, reactionEvent(type, { reaction, ts, user: who.user ?? 'U0USER', channel: who.channel ?? CHANNEL }), SECRET, opts);
      const response = await post(request);
      if (response.status !== 200) throw new Error(`event answered ${response.status}`);
      return request;
    },
    submit: (view) => post(interactionRequest(url, viewSubmissionPayload(view), SECRET)),
    shortcut: (action) => post(interactionRequest(url, messageActionPayload(action), SECRET)),
    settle: () => running.settle(),
    async close() {
      await running.stop();
      await api.close();
      await database.close();
    },
  };
}

/** The plain-text fallback of a recorded message or response (what notifications show). */
export const textOf = (message: { text?: unknown } | undefined): string => String(message?.text ?? '');
