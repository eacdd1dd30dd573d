/**
 * A fake Slack Web API on 127.0.0.1 for tests: real HTTP, so the real WebClient (retries, rate
 * limits, form encoding) is exercised. Point a WebClient or Bolt at it with
 * `clientOptions: { slackApiUrl: api.url }`. Also serves `response_url`s (`api.responseUrl()`).
 */
import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { modalProblems } from './slack-views.ts';
import { readBody } from './read-body.ts';

export interface RecordedCall {
  method: string;
  /** Decoded arguments: form fields, with JSON-valued ones (blocks, view…) parsed. */
  args: Record<string, any>;
  /** Bearer token (or `token` field) the call used. */
  token: string | undefined;
}

export interface RecordedResponse {
  /** The n of `/response/<n>`. */
  n: number;
  body: Record<string, any>;
}

export interface FakeSlackWebApiOptions {
  botToken?: string;
  appToken?: string;
  teamId?: string;
  botUserId?: string;
  botId?: string;
  /** users.info answers: id → display name. Unknown ids get `user_not_found`. */
  users?: Record<string, string>;
  /** Users whose users.info says is_admin. */
  admins?: string[];
  /** Channels the bot is not in: chat.postMessage answers `not_in_channel` until conversations.join. */
  notMemberOf?: string[];
  /** Private channels: conversations.join refuses them (an invitation is needed). */
  privateChannels?: string[];
  /** The bot token's scopes, sent as Slack does in the x-oauth-scopes header of every answer; none: no header. */
  scopes?: string[];
}

/** A message as conversations.history returns it. */
export interface StoredMessage {
  ts: string;
  text: string;
  user: string;
  thread_ts?: string;
  bot_id?: string;
  /** Message metadata: Slack returns it from history only when asked (include_all_metadata). */
  metadata?: { event_type: string; event_payload: Record<string, unknown> };
}

/** 429 (Retry-After: 1) and 500 refuse the call; `accepted-500` does it, then answers 500 as a failing gateway would. */
export type InjectedFailure = 429 | 500 | 'accepted-500';
type Injected = { status: InjectedFailure; remaining: number };
type Answer = Record<string, unknown>;

/** Fields WebClient sends as JSON strings inside the form body. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'unfurls', 'user_auth_blocks']);

export class FakeSlackWebApi {
  readonly botToken: string;
  readonly appToken: string;
  readonly teamId: string;
  readonly botUserId: string;
  readonly botId: string;
  /** Returned by apps.connections.open; set by FakeSocketModeServer. */
  socketUrl: string | undefined;

  private readonly recorded: RecordedCall[] = [];
  private readonly responsesPosted: RecordedResponse[] = [];
  private readonly injected = new Map<string, Injected>();
  private readonly events = new EventEmitter();
  private readonly users: Record<string, string>;
  private readonly admins: Set<string>;
  private readonly notMemberOf: Set<string>;
  private readonly privateChannels: Set<string>;
  private readonly scopes: string[] | undefined;
  private readonly messages = new Map<string, StoredMessage[]>();
  private counter = 0;
  private responseUrls = 0;

  private constructor(private readonly server: Server, readonly origin: string, opts: FakeSlackWebApiOptions) {
    this.botToken = opts.botToken ?? 'xoxb-fake-bot-token';
    this.appToken = opts.appToken ?? 'xapp-fake-app-token';
    this.teamId = opts.teamId ?? 'T0FAKE';
    this.botUserId = opts.botUserId ?? 'U0BOT';
    this.botId = opts.botId ?? 'B0BOT';
    this.users = opts.users ?? {};
    this.admins = new Set(opts.admins ?? []);
    this.notMemberOf = new Set(opts.notMemberOf ?? []);
    this.privateChannels = new Set(opts.privateChannels ?? []);
    this.scopes = opts.scopes;
  }

  /** A message of a channel, as stored. */
  storedMessage(channel: string, ts: string): StoredMessage | undefined {
    return this.messages.get(channel)?.find((m) => m.ts === ts);
  }

  /** A channel's messages as stored (thread replies too), oldest first. */
  channelMessages(channel: string): StoredMessage[] {
    return [...(this.messages.get(channel) ?? [])];
  }

  /** A message people posted, for conversations.history / conversations.replies to find. */
  addMessage(channel: string, message: StoredMessage): void {
    this.messages.set(channel, [...(this.messages.get(channel) ?? []), message]);
  }

  static async start(opts: FakeSlackWebApiOptions = {}): Promise<FakeSlackWebApi> {
    let api: FakeSlackWebApi | undefined;
    const server = createServer((req, res) => void api?.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    api = new FakeSlackWebApi(server, `http://127.0.0.1:${port}`, opts);
    return api;
  }

  /** Base URL for WebClient's `slackApiUrl`. */
  get url(): string {
    return `${this.origin}/api/`;
  }

  /** Every call so far, optionally of one method. */
  calls(method?: string): RecordedCall[] {
    return method ? this.recorded.filter((c) => c.method === method) : [...this.recorded];
  }

  /** Resolves with the first call (past or future) of `method` matching `predicate`. */
  waitFor(method: string, predicate: (c: RecordedCall) => boolean = () => true, timeoutMs = 3000): Promise<RecordedCall> {
    return this.waitOn('call', () => this.recorded.find((c) => c.method === method && predicate(c)), timeoutMs,
      `${method} call`);
  }

  /** Answers the next `count` calls of `method` with HTTP 429 (Retry-After: 1) or 500, or does them and answers 500. */
  failNext(method: string, count = 1, status: InjectedFailure = 429): void {
    this.injected.set(method, { status, remaining: count });
  }

  /** A fresh response_url served by this fake, for slash commands and interactions. */
  responseUrl(): string {
    this.responseUrls += 1;
    return `${this.origin}/response/${this.responseUrls}`;
  }

  /** Everything POSTed to response_urls, optionally to one of them. */
  responses(n?: number): RecordedResponse[] {
    return this.responsesPosted.filter((r) => n === undefined || r.n === n);
  }

  waitForResponse(predicate: (r: RecordedResponse) => boolean = () => true, timeoutMs = 3000): Promise<RecordedResponse> {
    return this.waitOn('response', () => this.responsesPosted.find(predicate), timeoutMs, 'response_url POST');
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private waitOn<T>(event: string, find: () => T | undefined, timeoutMs: number, what: string): Promise<T> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const found = find();
        if (found === undefined) return;
        cleanup();
        resolve(found);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`fake Slack: no ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.events.off(event, check);
      };
      this.events.on(event, check);
      check();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', this.origin).pathname;
    const response = /^\/response\/(\d+)$/.exec(path);
    if (response && req.method === 'POST') {
      this.responsesPosted.push({ n: Number(response[1]), body: parseBody(raw, req.headers['content-type']) });
      this.events.emit('response');
      return send(res, 200, { ok: true });
    }
    const api = /^\/api\/([\w.]+)$/.exec(path);
    if (!api?.[1] || req.method !== 'POST') return send(res, 404, { ok: false, error: 'not_found' });

    const method = api[1];
    const args = parseBody(raw, req.headers['content-type']);
    const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
    const token = bearer ?? (typeof args.token === 'string' ? args.token : undefined);
    delete args.token;
    this.recorded.push({ method, args, token });
    this.events.emit('call');

    const injected = this.injected.get(method);
    if (injected && injected.remaining > 0) {
      injected.remaining -= 1;
      if (injected.status === 429) return send(res, 429, { ok: false, error: 'ratelimited' }, { 'Retry-After': '1' });
      if (injected.status === 500) return send(res, 500, { ok: false, error: 'internal_error' });
      this.answer(method, args);
      return send(res, 500, { ok: false, error: 'internal_error' });
    }
    const expected = method === 'apps.connections.open' ? this.appToken : this.botToken;
    if (!token) return send(res, 200, { ok: false, error: 'not_authed' });
    if (token !== expected) return send(res, 200, { ok: false, error: 'invalid_auth' });
    return send(res, 200, this.answer(method, args), this.scopes && token === this.botToken ? { 'x-oauth-scopes': this.scopes.join(',') } : {});
  }

  /** Realistic (trimmed) success payloads, shaped like Slack's. */
  private answer(method: string, args: Record<string, any>): Answer {
    const channel = String(args.channel ?? 'C0FAKE');
    switch (method) {
      case 'auth.test':
        return { ok: true, url: 'https://fake.slack.com/', team: 'Fake', user: 'relais', team_id: this.teamId,
          user_id: this.botUserId, bot_id: this.botId, is_enterprise_install: false };
      case 'chat.postMessage': {
        if (this.notMemberOf.has(channel)) return { ok: false, error: 'not_in_channel' };
        const ts = this.nextTs();
        // Kept in the channel's history, as Slack does, with its metadata.
        const metadata = args.metadata && typeof args.metadata === 'object' ? args.metadata : undefined;
        this.addMessage(channel, { ts, text: String(args.text ?? ''), user: this.botUserId, bot_id: this.botId, ...(args.thread_ts ? { thread_ts: String(args.thread_ts) } : {}), ...(metadata ? { metadata } : {}) });
        return { ok: true, channel, ts, message: this.message(args, ts) };
      }
      case 'chat.update': {
        const stored = this.messages.get(channel)?.find((m) => m.ts === String(args.ts));
        if (stored) stored.text = String(args.text ?? '');
        return { ok: true, channel, ts: args.ts, text: args.text ?? '', message: this.message(args, String(args.ts)) };
      }
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.getPermalink':
        return { ok: true, channel,
          permalink: `https://fake.slack.com/archives/${channel}/p${String(args.message_ts).replace('.', '')}` };
      case 'reactions.add':
      case 'reactions.remove':
        return { ok: true };
      case 'views.open':
      case 'views.update':
      case 'views.push': {
        const view = typeof args.view === 'object' && args.view ? args.view : {};
        const problems = modalProblems(view);
        if (problems.length) return { ok: false, error: 'invalid_arguments', response_metadata: { messages: problems } };
        const id = String(args.view_id ?? `V${this.next()}`);
        return { ok: true, view: { ...view, id, team_id: this.teamId, hash: `${Date.now()}.${this.next()}` } };
      }
      case 'users.info': {
        const id = String(args.user);
        const name = this.users[id];
        if (name === undefined) return { ok: false, error: 'user_not_found' };
        return { ok: true, user: { id, team_id: this.teamId, name: name.toLowerCase(), real_name: name, tz: 'Europe/Paris',
          is_bot: false, is_admin: this.admins.has(id), is_owner: false, profile: { display_name: name, real_name: name } } };
      }
      case 'conversations.info':
        return { ok: true, channel: { id: channel, name: `channel-${channel.toLowerCase()}`, is_channel: true,
          is_private: this.privateChannels.has(channel), is_im: channel.startsWith('D'), is_member: true } };
      case 'conversations.join':
        if (this.privateChannels.has(channel)) return { ok: false, error: 'method_not_supported_for_channel_type' };
        this.notMemberOf.delete(channel);
        return { ok: true, channel: { id: channel, is_channel: true, is_member: true } };
      case 'conversations.history': {
        // Top-level messages only, newest first, as Slack does: thread replies are reached with conversations.replies.
        const shown = this.inRange(channel, args).filter((m) => !m.thread_ts || m.thread_ts === m.ts);
        const metadata = args.include_all_metadata === true || args.include_all_metadata === 'true';
        return { ok: true, has_more: false, messages: shown.slice(0, Number(args.limit ?? 100)).map(({ metadata: kept, ...m }) => (metadata && kept ? { ...m, metadata: kept } : m)) };
      }
      case 'conversations.replies':
        return { ok: true, has_more: false, messages: this.inRange(channel, args).filter((m) => m.ts === String(args.ts) || m.thread_ts === String(args.ts)) };
      case 'conversations.open': {
        const user = String(args.users ?? args.user ?? 'U0').split(',')[0];
        return { ok: true, channel: { id: `D${user}`, is_im: true } };
      }
      case 'apps.connections.open':
        return this.socketUrl ? { ok: true, url: this.socketUrl } : { ok: false, error: 'no_socket_server' };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  /** A channel's messages between `oldest` and `latest` (both included when `inclusive`), newest first. */
  private inRange(channel: string, args: Record<string, any>): StoredMessage[] {
    const inclusive = args.inclusive === true || args.inclusive === 'true';
    const after = (ts: string) => args.oldest === undefined || (inclusive ? Number(ts) >= Number(args.oldest) : Number(ts) > Number(args.oldest));
    const before = (ts: string) => args.latest === undefined || (inclusive ? Number(ts) <= Number(args.latest) : Number(ts) < Number(args.latest));
    return (this.messages.get(channel) ?? []).filter((m) => after(m.ts) && before(m.ts)).sort((a, b) => Number(b.ts) - Number(a.ts));
  }

  private message(args: Record<string, any>, ts: string): Answer {
    return { type: 'message', ts, user: this.botUserId, bot_id: this.botId, text: args.text ?? '',
      ...(args.blocks ? { blocks: args.blocks } : {}) };
  }

  private next(): number {
    this.counter += 1;
    return this.counter;
  }

  /** Unique, increasing, Slack-shaped: "1733420000.000001". */
  private nextTs(): string {
    return `${Math.floor(Date.now() / 1000)}.${String(this.next()).padStart(6, '0')}`;
  }
}


/** Form bodies (WebClient's default) with JSON-string fields decoded, or JSON bodies. */
function parseBody(raw: string, contentType: string | undefined): Record<string, any> {
  if (!raw) return {};
  if (contentType?.includes('application/json')) return JSON.parse(raw) as Record<string, any>;
  const out: Record<string, any> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    out[key] = JSON_FIELDS.has(key) ? tryJson(value) : value;
  }
  return out;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}
