import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readBody } from './read-body.ts';

/**
 * An in-memory Matrix homeserver speaking the slice of the Client-Server API (spec v1.11) that
 * matrix-bot-sdk's MatrixClient uses, on 127.0.0.1. Tests drive "other users" through the
 * methods below and assert on room timelines; the bot under test talks plain HTTP to it.
 * Power levels are stored and served as state but not enforced (everyone may do anything once
 * joined). Timelines are limited as Synapse limits them: `room.timeline.limit` of the sync's
 * filter (an id or inline JSON), 10 without one, never more than `filterTimelineLimit` (Synapse's
 * filter_timeline_limit, 100); a longer gap answers `limited: true` with a `prev_batch` to page
 * back from with /messages. Other filter fields are stored and returned, not applied. Not
 * modelled: federation, E2EE key endpoints, presence, typing, receipts.
 */

export interface MatrixEvent {
  event_id: string;
  type: string;
  sender: string;
  room_id: string;
  origin_server_ts: number;
  content: Record<string, unknown>;
  state_key?: string;
  redacts?: string;
  unsigned?: Record<string, unknown>;
  /** Not the homeserver's: pantalaimon's flag on events it decrypted for its client. */
  decrypted?: boolean;
}

export interface FakeUser { userId: string; token: string }

/** Route names, for rate-limit injection and the request log. */
export type RouteName =
  | 'versions' | 'whoami' | 'joined_rooms' | 'filter.create' | 'filter.get' | 'sync' | 'join'
  | 'leave' | 'send' | 'state.all' | 'state.get' | 'state.put' | 'joined_members' | 'redact'
  | 'account_data.get' | 'account_data.put' | 'profile' | 'displayname.get' | 'displayname.put' | 'event'
  | 'createRoom' | 'messages';

interface Stored { event: MatrixEvent; pos: number; token?: string; txnId?: string }
interface Room { id: string; events: Stored[]; state: Map<string, Stored>; aliases: string[] }
interface Reply { status: number; body: unknown; headers?: Record<string, string> }
type Params = Record<string, string>;
interface Ctx { user: FakeUser; params: Params; query: URLSearchParams; body: any; path: string }

class HttpError extends Error {
  constructor(readonly status: number, readonly errcode: string, message: string, readonly extra: object = {}, readonly headers: Record<string, string> = {}) {
    super(message);
  }
}

const PREFIX = /^\/_matrix\/client\/(?:r0|v3)/;
/** Stripped state shown with an invite (Synapse's default room_prejoin_state). */
const INVITE_STATE_TYPES = new Set(['m.room.create', 'm.room.name', 'm.room.join_rules', 'm.room.canonical_alias', 'm.room.avatar', 'm.room.encryption', 'm.room.topic']);

export class FakeHomeserver {
  readonly serverName: string;
  /** Every request answered, in order (also unknown ones), with when it was answered (Date.now()), for assertions. */
  readonly requests: Array<{ method: string; path: string; route?: RouteName; status: number; at: number }> = [];
  private server!: Server;
  private port = 0;
  private pos = 0;
  private readonly users = new Map<string, { displayname: string; filters: unknown[]; accountData: Map<string, { content: unknown; pos: number }> }>();
  private readonly tokens = new Map<string, FakeUser>();
  private readonly rooms = new Map<string, Room>();
  private readonly txns = new Map<string, string>();
  private readonly rateLimits = new Map<RouteName, { times: number; retryAfterMs: number; headerOnly: boolean }>();
  /** Woken on every change; `release` = answer hanging /sync now. */
  private readonly waiters = new Set<(release: boolean) => void>();
  private closed = false;
  /** Like Synapse's encryption_enabled_by_default_for_room_type: invite (Tchap turns it on). */
  encryptNewPrivateRooms = false;
  /** Synapse's filter_timeline_limit: the most a filter may ask for per room and sync. */
  filterTimelineLimit = 100;

  private constructor(serverName: string, private readonly log: (line: string) => void) {
    this.serverName = serverName;
  }

  static async start(options: { serverName?: string; log?: (line: string) => void } = {}): Promise<FakeHomeserver> {
    const hs = new FakeHomeserver(options.serverName ?? 'fake.test', options.log ?? ((line) => console.warn(line)));
    hs.server = createServer((req, res) => void hs.handle(req, res));
    await new Promise<void>((resolve) => hs.server.listen(0, '127.0.0.1', resolve));
    hs.port = (hs.server.address() as AddressInfo).port;
    return hs;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  // ---- test controls ------------------------------------------------------------------------

  /** `server`: a user of another homeserver, whose profile this one answers as federation would. */
  createUser(localpart: string, options: { displayName?: string; token?: string; server?: string } = {}): FakeUser {
    const userId = `@${localpart}:${options.server ?? this.serverName}`;
    const token = options.token ?? `syt_${localpart}_${randomBytes(6).toString('hex')}`;
    if (!this.users.has(userId)) this.users.set(userId, { displayname: options.displayName ?? localpart, filters: [], accountData: new Map() });
    const user = { userId, token };
    this.tokens.set(token, user);
    return user;
  }

  /**
   * Creates a room with `creator` joined; `encrypted` adds m.room.encryption state (megolm).
   * Room version 10 by default; from version 12 (MSC4289/MSC4291) the room id names no server, the
   * creators (sender and `additionalCreators`) have unlimited power and are in no power-level list.
   */
  createRoom(creator: string, options: { name?: string; alias?: string; encrypted?: boolean; public?: boolean; version?: '10' | '12'; additionalCreators?: string[] } = {}): string {
    const v12 = options.version === '12';
    const id = v12 ? `!${randomBytes(32).toString('base64url')}` : `!${randomBytes(9).toString('base64url')}:${this.serverName}`;
    const room: Room = { id, events: [], state: new Map(), aliases: [] };
    this.rooms.set(id, room);
    const create = v12 ? { room_version: '12', ...(options.additionalCreators ? { additional_creators: options.additionalCreators } : {}) } : { creator, room_version: '10' };
    this.append(room, creator, 'm.room.create', create, '');
    this.append(room, creator, 'm.room.member', { membership: 'join', displayname: this.profile(creator).displayname }, creator);
    this.append(room, creator, 'm.room.power_levels', { users: v12 ? {} : { [creator]: 100 }, users_default: 0 }, '');
    this.append(room, creator, 'm.room.join_rules', { join_rule: options.public ? 'public' : 'invite' }, '');
    this.append(room, creator, 'm.room.history_visibility', { history_visibility: 'shared' }, '');
    if (options.name) this.append(room, creator, 'm.room.name', { name: options.name }, '');
    if (options.alias) {
      room.aliases.push(options.alias);
      this.append(room, creator, 'm.room.canonical_alias', { alias: options.alias }, '');
    }
    if (options.encrypted) this.append(room, creator, 'm.room.encryption', { algorithm: 'm.megolm.v1.aes-sha2' }, '');
    return id;
  }

  invite(roomId: string, inviter: string, invitee: string): string {
    this.requireJoined(this.room(roomId), inviter);
    return this.append(this.room(roomId), inviter, 'm.room.member', { membership: 'invite' }, invitee).event_id;
  }

  join(roomId: string, userId: string): string {
    return this.doJoin(this.room(roomId), userId).event_id;
  }

  sendMessage(roomId: string, sender: string, content: string | Record<string, unknown>): string {
    const body = typeof content === 'string' ? { msgtype: 'm.text', body: content } : content;
    return this.sendEvent(roomId, sender, 'm.room.message', body);
  }

  /** A message as pantalaimon hands it to its client: already decrypted, and flagged so. */
  sendDecrypted(roomId: string, sender: string, body: string): string {
    const eventId = this.sendMessage(roomId, sender, body);
    this.room(roomId).events.at(-1)!.event.decrypted = true; // before any sync can answer
    return eventId;
  }

  react(roomId: string, sender: string, targetEventId: string, key: string): string {
    return this.sendEvent(roomId, sender, 'm.reaction', { 'm.relates_to': { rel_type: 'm.annotation', event_id: targetEventId, key } });
  }

  redact(roomId: string, sender: string, eventId: string, reason?: string): string {
    return this.doRedact(this.room(roomId), sender, eventId, reason).event_id;
  }

  /** Any event (state if stateKey is given) from a joined user. */
  sendEvent(roomId: string, sender: string, type: string, content: Record<string, unknown>, stateKey?: string): string {
    const room = this.room(roomId);
    this.requireJoined(room, sender);
    return this.append(room, sender, type, content, stateKey).event_id;
  }

  /**
   * The next `times` requests to `route` answer 429 M_LIMIT_EXCEEDED with retry_after_ms, or
   * (`headerOnly`, as servers may since spec v1.10) with only a Retry-After header, in seconds.
   */
  rateLimit(route: RouteName, times: number, retryAfterMs: number, options: { headerOnly?: boolean } = {}): void {
    this.rateLimits.set(route, { times, retryAfterMs, headerOnly: options.headerOnly ?? false });
  }

  /** The room's events in order, as stored (redactions applied, edits are separate events). */
  timeline(roomId: string): MatrixEvent[] {
    return this.room(roomId).events.map((s) => structuredClone(s.event));
  }

  waitForEvent(roomId: string, predicate: (event: MatrixEvent) => boolean, timeoutMs = 5000): Promise<MatrixEvent> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.rooms.get(roomId)?.events.find((s) => predicate(s.event));
        if (found) {
          this.waiters.delete(check);
          clearTimeout(timer);
          resolve(structuredClone(found.event));
        }
        return !!found;
      };
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`waitForEvent: no matching event in ${roomId} within ${timeoutMs} ms`));
      }, timeoutMs);
      if (!check()) this.waiters.add(check);
    });
  }

  /** A sync token for "now": a client whose stored token reached it has seen everything before. */
  position(): string {
    return `s${this.pos}`;
  }

  /** Answers every hanging /sync now (empty, as on timeout): lets a stopped client's loop end. */
  releaseLongPolls(): void {
    this.notify(true);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.notify(true);
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections(); // keep-alive sockets of the SDK's `forever` agent
    });
  }

  // ---- HTTP ---------------------------------------------------------------------------------

  private readonly routes: Array<{ method: string; pattern: RegExp; name: RouteName; auth: boolean; run: (ctx: Ctx) => Promise<unknown> | unknown }> = [
    { method: 'GET', pattern: /^\/versions$/, name: 'versions', auth: false, run: () => ({ versions: ['r0.6.1', 'v1.1', 'v1.2', 'v1.3', 'v1.4', 'v1.5', 'v1.6', 'v1.7', 'v1.8', 'v1.9', 'v1.10', 'v1.11'], unstable_features: {} }) },
    { method: 'GET', pattern: /^\/account\/whoami$/, name: 'whoami', auth: true, run: ({ user }) => ({ user_id: user.userId, device_id: `DEV_${user.token.slice(-6)}`, is_guest: false }) },
    { method: 'GET', pattern: /^\/joined_rooms$/, name: 'joined_rooms', auth: true, run: ({ user }) => ({ joined_rooms: [...this.rooms.values()].filter((r) => this.membership(r, user.userId) === 'join').map((r) => r.id) }) },
    { method: 'POST', pattern: /^\/user\/(?<userId>[^/]+)\/filter$/, name: 'filter.create', auth: true, run: (c) => this.createFilter(c) },
    { method: 'GET', pattern: /^\/user\/(?<userId>[^/]+)\/filter\/(?<filterId>[^/]+)$/, name: 'filter.get', auth: true, run: (c) => this.getFilter(c) },
    { method: 'GET', pattern: /^\/sync$/, name: 'sync', auth: true, run: (c) => this.sync(c) },
    { method: 'POST', pattern: /^\/join\/(?<room>[^/]+)$/, name: 'join', auth: true, run: (c) => this.joinRoute(c, c.params.room!) },
    { method: 'POST', pattern: /^\/rooms\/(?<room>[^/]+)\/join$/, name: 'join', auth: true, run: (c) => this.joinRoute(c, c.params.room!) },
    { method: 'POST', pattern: /^\/rooms\/(?<roomId>[^/]+)\/leave$/, name: 'leave', auth: true, run: (c) => this.leaveRoute(c) },
    { method: 'PUT', pattern: /^\/rooms\/(?<roomId>[^/]+)\/send\/(?<type>[^/]+)\/(?<txnId>[^/]+)$/, name: 'send', auth: true, run: (c) => this.sendRoute(c) },
    { method: 'GET', pattern: /^\/rooms\/(?<roomId>[^/]+)\/state$/, name: 'state.all', auth: true, run: (c) => this.stateAll(c) },
    { method: 'GET', pattern: /^\/rooms\/(?<roomId>[^/]+)\/state\/(?<type>[^/]+)(?:\/(?<key>[^/]*))?$/, name: 'state.get', auth: true, run: (c) => this.stateGet(c) },
    { method: 'PUT', pattern: /^\/rooms\/(?<roomId>[^/]+)\/state\/(?<type>[^/]+)(?:\/(?<key>[^/]*))?$/, name: 'state.put', auth: true, run: (c) => this.statePut(c) },
    { method: 'GET', pattern: /^\/rooms\/(?<roomId>[^/]+)\/joined_members$/, name: 'joined_members', auth: true, run: (c) => this.joinedMembers(c) },
    { method: 'PUT', pattern: /^\/rooms\/(?<roomId>[^/]+)\/redact\/(?<eventId>[^/]+)\/(?<txnId>[^/]+)$/, name: 'redact', auth: true, run: (c) => this.redactRoute(c) },
    { method: 'GET', pattern: /^\/user\/(?<userId>[^/]+)\/account_data\/(?<type>[^/]+)$/, name: 'account_data.get', auth: true, run: (c) => this.accountDataGet(c) },
    { method: 'PUT', pattern: /^\/user\/(?<userId>[^/]+)\/account_data\/(?<type>[^/]+)$/, name: 'account_data.put', auth: true, run: (c) => this.accountDataPut(c) },
    { method: 'GET', pattern: /^\/profile\/(?<userId>[^/]+)$/, name: 'profile', auth: true, run: (c) => ({ displayname: this.profile(c.params.userId!).displayname }) },
    { method: 'GET', pattern: /^\/profile\/(?<userId>[^/]+)\/displayname$/, name: 'displayname.get', auth: true, run: (c) => ({ displayname: this.profile(c.params.userId!).displayname }) },
    { method: 'PUT', pattern: /^\/profile\/(?<userId>[^/]+)\/displayname$/, name: 'displayname.put', auth: true, run: (c) => this.setDisplayname(c) },
    { method: 'GET', pattern: /^\/rooms\/(?<roomId>[^/]+)\/event\/(?<eventId>[^/]+)$/, name: 'event', auth: true, run: (c) => this.eventRoute(c) },
    { method: 'POST', pattern: /^\/createRoom$/, name: 'createRoom', auth: true, run: (c) => this.createRoomRoute(c) },
    { method: 'GET', pattern: /^\/rooms\/(?<roomId>[^/]+)\/messages$/, name: 'messages', auth: true, run: (c) => this.messagesRoute(c) },
  ];

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    let routeName: RouteName | undefined;
    let reply: Reply;
    try {
      const raw = await readBody(req);
      const path = url.pathname.replace(PREFIX, '');
      const match = PREFIX.test(url.pathname) ? this.match(method, path) : undefined;
      if (!match) {
        this.log(`fake homeserver: unrecognised ${method} ${url.pathname}`);
        throw new HttpError(404, 'M_UNRECOGNIZED', 'Unrecognized request');
      }
      routeName = match.route.name;
      const user = match.route.auth ? this.authenticate(req, url) : (undefined as unknown as FakeUser);
      const limit = this.rateLimits.get(routeName);
      if (limit && limit.times > 0) {
        limit.times -= 1;
        if (limit.headerOnly) throw new HttpError(429, 'M_LIMIT_EXCEEDED', 'Too Many Requests', {}, { 'retry-after': String(Math.ceil(limit.retryAfterMs / 1000)) });
        throw new HttpError(429, 'M_LIMIT_EXCEEDED', 'Too Many Requests', { retry_after_ms: limit.retryAfterMs });
      }
      let body: unknown = {};
      if (raw.length) {
        try {
          body = JSON.parse(raw);
        } catch {
          throw new HttpError(400, 'M_NOT_JSON', 'Content not JSON.');
        }
      }
      reply = { status: 200, body: await match.route.run({ user, params: match.params, query: url.searchParams, body, path: url.pathname }) };
    } catch (e) {
      if (!(e instanceof HttpError)) this.log(`fake homeserver: ${method} ${url.pathname} failed: ${String(e)}`);
      reply = e instanceof HttpError
        ? { status: e.status, body: { errcode: e.errcode, error: e.message, ...e.extra }, headers: e.headers }
        : { status: 500, body: { errcode: 'M_UNKNOWN', error: String(e) } };
    }
    this.requests.push({ method, path: url.pathname, route: routeName, status: reply.status, at: Date.now() });
    if (res.destroyed) return;
    res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
    res.end(JSON.stringify(reply.body));
  }

  private match(method: string, path: string) {
    for (const route of this.routes) {
      const m = route.method === method ? route.pattern.exec(path) : null;
      if (m) {
        const params: Params = {};
        for (const [k, v] of Object.entries(m.groups ?? {})) if (v !== undefined) params[k] = decodeURIComponent(v);
        return { route, params };
      }
    }
    return undefined;
  }

  private authenticate(req: IncomingMessage, url: URL): FakeUser {
    const header = req.headers.authorization;
    const token = header?.startsWith('Bearer ') ? header.slice(7) : url.searchParams.get('access_token');
    if (!token) throw new HttpError(401, 'M_MISSING_TOKEN', 'Missing access token.');
    const user = this.tokens.get(token);
    if (!user) throw new HttpError(401, 'M_UNKNOWN_TOKEN', 'Unrecognised access token.', { soft_logout: false });
    return user;
  }

  // ---- endpoints ----------------------------------------------------------------------------

  private createFilter({ user, params, body }: Ctx) {
    this.requireSelf(user, params.userId!);
    const filters = this.users.get(user.userId)!.filters;
    filters.push(body);
    return { filter_id: String(filters.length - 1) };
  }

  private getFilter({ user, params }: Ctx) {
    this.requireSelf(user, params.userId!);
    const filter = this.users.get(user.userId)!.filters[Number(params.filterId)];
    if (filter === undefined) throw new HttpError(404, 'M_NOT_FOUND', 'No such filter.');
    return filter;
  }

  /** Long-polls until something for `user` happens after `since`, or `timeout` ms pass. */
  private async sync({ user, query }: Ctx) {
    const sinceRaw = query.get('since');
    const since = sinceRaw === null ? undefined : positionOf(sinceRaw);
    const limit = this.timelineLimit(user, query.get('filter'));
    const deadline = Date.now() + Math.min(Number(query.get('timeout') ?? 0) || 0, 60_000);
    for (;;) {
      const response = this.syncResponse(user, since, limit);
      if (since === undefined || response.hasData || Date.now() >= deadline || this.closed) return response.body;
      const released = await new Promise<boolean>((resolve) => {
        const wake = (release: boolean) => {
          this.waiters.delete(wake);
          clearTimeout(timer);
          resolve(release);
        };
        const timer = setTimeout(() => wake(true), Math.max(0, deadline - Date.now()));
        this.waiters.add(wake);
      });
      // Released (timeout, close, releaseLongPolls) answers now; any other change loops, and the
      // wait goes on if the change did not concern this user.
      if (released) return this.syncResponse(user, since, limit).body;
    }
  }

  /** The filter's room.timeline.limit (a filter id or inline JSON), 10 without one, at most filterTimelineLimit. */
  private timelineLimit(user: FakeUser, filter: string | null): number {
    let parsed: unknown;
    if (filter?.startsWith('{')) {
      try {
        parsed = JSON.parse(filter);
      } catch {
        throw new HttpError(400, 'M_NOT_JSON', 'Filter is not JSON.');
      }
    } else if (filter !== null) {
      parsed = this.users.get(user.userId)!.filters[Number(filter)];
      if (parsed === undefined) throw new HttpError(400, 'M_INVALID_PARAM', 'No such filter.');
    }
    const asked = (parsed as { room?: { timeline?: { limit?: unknown } } } | undefined)?.room?.timeline?.limit;
    return Math.min(typeof asked === 'number' && asked > 0 ? asked : 10, this.filterTimelineLimit);
  }

  private syncResponse(user: FakeUser, since: number | undefined, limit: number) {
    const me = user.userId;
    const after = since ?? -1;
    const join: Record<string, unknown> = {};
    const invite: Record<string, unknown> = {};
    const leave: Record<string, unknown> = {};
    for (const room of this.rooms.values()) {
      const member = room.state.get(stateKey('m.room.member', me));
      if (!member) continue;
      const membership = member.event.content.membership;
      const strip = (s: Stored) => this.forClient(s, user);
      if (membership === 'join') {
        const joinedAfter = member.pos > after;
        // A room just joined comes with recent history, from before the join too where the room's
        // history visibility allows it (as Synapse does): what bots must not mistake for news.
        const visibility = room.state.get(stateKey('m.room.history_visibility', ''))?.event.content.history_visibility;
        const seesHistory = visibility === 'shared' || visibility === 'world_readable';
        const newEvents = room.events.filter((s) => (joinedAfter ? seesHistory || s.pos >= member.pos : s.pos > after));
        const timeline = newEvents.slice(-limit);
        if (!timeline.length && since !== undefined) continue;
        const inTimeline = new Set(timeline);
        const state = since === undefined || joinedAfter ? [...room.state.values()].filter((s) => !inTimeline.has(s)).map(strip) : [];
        join[room.id] = {
          // prev_batch: the position just before the timeline's first event, where paging back starts.
          timeline: { events: timeline.map(strip), limited: timeline.length < newEvents.length, prev_batch: `p${(timeline[0]?.pos ?? this.pos + 1) - 1}` },
          state: { events: state },
          account_data: { events: [] },
          ephemeral: { events: [] },
          unread_notifications: { highlight_count: 0, notification_count: 0 },
        };
      } else if (membership === 'invite' && member.pos > after) {
        const stripped = [...room.state.values()]
          .filter((s) => INVITE_STATE_TYPES.has(s.event.type) || s === member)
          .map(({ event }) => ({ type: event.type, state_key: event.state_key, content: event.content, sender: event.sender }));
        invite[room.id] = { invite_state: { events: stripped } };
      } else if ((membership === 'leave' || membership === 'ban') && member.pos > after && since !== undefined) {
        leave[room.id] = { timeline: { events: room.events.filter((s) => s.pos > after && s.pos <= member.pos).map(strip) }, state: { events: [] } };
      }
    }
    const accountData = [...this.users.get(me)!.accountData.entries()]
      .filter(([, v]) => v.pos > after)
      .map(([type, v]) => ({ type, content: v.content }));
    const hasData = Object.keys(join).length + Object.keys(invite).length + Object.keys(leave).length + accountData.length > 0;
    return {
      hasData,
      body: {
        next_batch: `s${this.pos}`,
        rooms: { join, invite, leave },
        account_data: { events: accountData },
        presence: { events: [] },
        to_device: { events: [] },
        device_lists: { changed: [], left: [] },
        device_one_time_keys_count: {},
      },
    };
  }

  /**
   * GET /rooms/{roomId}/messages, backwards only (what clients fill a gap with): the events at
   * or before `from`, newest first, down to (not including) `to`, `limit` at a time (10 by default);
   * `end` is where the next page starts, absent once there is nothing more.
   */
  private messagesRoute({ user, params, query }: Ctx) {
    const room = this.room(params.roomId!);
    this.requireJoined(room, user.userId);
    if (query.get('dir') !== 'b') throw new HttpError(400, 'M_INVALID_PARAM', 'Only dir=b is modelled.');
    const fromRaw = query.get('from');
    const from = fromRaw === null ? this.pos : positionOf(fromRaw);
    const toRaw = query.get('to');
    const to = toRaw === null ? 0 : positionOf(toRaw);
    const limit = Math.min(Math.max(Number(query.get('limit') ?? 10) || 10, 1), 1000);
    const older = room.events.filter((s) => s.pos <= from && s.pos > to).reverse();
    const page = older.slice(0, limit);
    return {
      chunk: page.map((s) => this.forClient(s, user, true)),
      start: fromRaw ?? `p${from}`,
      ...(older.length > page.length ? { end: `p${page.at(-1)!.pos - 1}` } : {}),
    };
  }

  /** POST /createRoom: name, preset (public_chat → public), initial_state, invite (with is_direct). */
  private createRoomRoute({ user, body }: Ctx) {
    const initial: Array<{ type: string; state_key?: string; content: Record<string, unknown> }> = Array.isArray(body.initial_state) ? body.initial_state : [];
    const roomId = this.createRoom(user.userId, {
      ...(typeof body.name === 'string' ? { name: body.name } : {}),
      public: body.preset === 'public_chat',
      encrypted: this.encryptNewPrivateRooms && body.preset !== 'public_chat',
    });
    const room = this.room(roomId);
    for (const event of initial) this.append(room, user.userId, event.type, event.content, event.state_key ?? '');
    for (const invitee of Array.isArray(body.invite) ? body.invite : []) {
      this.append(room, user.userId, 'm.room.member', { membership: 'invite', ...(body.is_direct ? { is_direct: true } : {}) }, String(invitee));
    }
    return { room_id: roomId };
  }

  private joinRoute({ user }: Ctx, target: string) {
    const room = target.startsWith('#') ? [...this.rooms.values()].find((r) => r.aliases.includes(target)) : this.rooms.get(target);
    if (!room) throw new HttpError(404, 'M_NOT_FOUND', 'No known servers / unknown room.');
    this.doJoin(room, user.userId);
    return { room_id: room.id };
  }

  private leaveRoute({ user, params }: Ctx) {
    const room = this.room(params.roomId!);
    const membership = this.membership(room, user.userId);
    if (membership !== 'join' && membership !== 'invite') throw new HttpError(403, 'M_FORBIDDEN', 'User is not in the room.');
    this.append(room, user.userId, 'm.room.member', { membership: 'leave' }, user.userId);
    return {};
  }

  private sendRoute({ user, params, body, path }: Ctx) {
    return this.idempotent(user, path, () => {
      const room = this.room(params.roomId!);
      this.requireJoined(room, user.userId);
      return this.append(room, user.userId, params.type!, body, undefined, user.token, params.txnId);
    });
  }

  private redactRoute({ user, params, body, path }: Ctx) {
    return this.idempotent(user, path, () =>
      this.doRedact(this.room(params.roomId!), user.userId, params.eventId!, body.reason, user.token, params.txnId));
  }

  private stateAll({ user, params }: Ctx) {
    const room = this.room(params.roomId!);
    this.requireJoined(room, user.userId);
    return [...room.state.values()].map((s) => this.forClient(s, user, true));
  }

  private stateGet({ user, params, query }: Ctx) {
    const room = this.room(params.roomId!);
    this.requireJoined(room, user.userId);
    const found = room.state.get(stateKey(params.type!, params.key ?? ''));
    if (!found) throw new HttpError(404, 'M_NOT_FOUND', 'Event not found.');
    return query.get('format') === 'event' ? this.forClient(found, user, true) : found.event.content;
  }

  private statePut({ user, params, body }: Ctx) {
    const room = this.room(params.roomId!);
    this.requireJoined(room, user.userId);
    return { event_id: this.append(room, user.userId, params.type!, body, params.key ?? '').event_id };
  }

  private joinedMembers({ user, params }: Ctx) {
    const room = this.room(params.roomId!);
    this.requireJoined(room, user.userId);
    const joined: Record<string, { display_name: string; avatar_url: null }> = {};
    for (const s of room.state.values()) {
      if (s.event.type === 'm.room.member' && s.event.content.membership === 'join') {
        joined[s.event.state_key!] = { display_name: this.profile(s.event.state_key!).displayname, avatar_url: null };
      }
    }
    return { joined };
  }

  private accountDataGet({ user, params }: Ctx) {
    this.requireSelf(user, params.userId!);
    const found = this.users.get(user.userId)!.accountData.get(params.type!);
    if (!found) throw new HttpError(404, 'M_NOT_FOUND', 'Account data not found.');
    return found.content;
  }

  private accountDataPut({ user, params, body }: Ctx) {
    this.requireSelf(user, params.userId!);
    this.users.get(user.userId)!.accountData.set(params.type!, { content: body, pos: ++this.pos });
    this.notify();
    return {};
  }

  private setDisplayname({ user, params, body }: Ctx) {
    this.requireSelf(user, params.userId!);
    this.profile(user.userId).displayname = String(body.displayname ?? '');
    return {};
  }

  private eventRoute({ user, params }: Ctx) {
    const room = this.room(params.roomId!);
    this.requireJoined(room, user.userId);
    const found = room.events.find((s) => s.event.event_id === params.eventId);
    if (!found) throw new HttpError(404, 'M_NOT_FOUND', 'Event not found.');
    return this.forClient(found, user, true);
  }

  // ---- model --------------------------------------------------------------------------------

  private append(room: Room, sender: string, type: string, content: Record<string, unknown>, key?: string, token?: string, txnId?: string): MatrixEvent {
    const event: MatrixEvent = {
      event_id: `$${randomBytes(16).toString('base64url')}`,
      type, sender, room_id: room.id, origin_server_ts: Date.now(), content: structuredClone(content),
      ...(key !== undefined ? { state_key: key } : {}),
    };
    if (type === 'm.room.redaction') event.redacts = content.redacts as string;
    const stored: Stored = { event, pos: ++this.pos, token, txnId };
    room.events.push(stored);
    if (key !== undefined) room.state.set(stateKey(type, key), stored);
    this.notify();
    return event;
  }

  private doJoin(room: Room, userId: string): MatrixEvent {
    const membership = this.membership(room, userId);
    const joinRule = room.state.get(stateKey('m.room.join_rules', ''))?.event.content.join_rule;
    if (membership === 'join') return room.state.get(stateKey('m.room.member', userId))!.event;
    if (membership === 'ban') throw new HttpError(403, 'M_FORBIDDEN', 'You are banned from this room.');
    if (membership !== 'invite' && joinRule !== 'public') throw new HttpError(403, 'M_FORBIDDEN', 'You are not invited to this room.');
    return this.append(room, userId, 'm.room.member', { membership: 'join', displayname: this.profile(userId).displayname }, userId);
  }

  /** Redaction per the spec's algorithm (simplified: content keys kept for the common types). */
  private doRedact(room: Room, sender: string, eventId: string, reason?: unknown, token?: string, txnId?: string): MatrixEvent {
    this.requireJoined(room, sender);
    const target = room.events.find((s) => s.event.event_id === eventId);
    const content: Record<string, unknown> = { redacts: eventId, ...(typeof reason === 'string' ? { reason } : {}) };
    const redaction = this.append(room, sender, 'm.room.redaction', content, undefined, token, txnId);
    if (target) {
      const keep = KEPT_ON_REDACTION[target.event.type] ?? [];
      target.event.content = Object.fromEntries(Object.entries(target.event.content).filter(([k]) => keep.includes(k)));
      target.event.unsigned = { ...target.event.unsigned, redacted_because: structuredClone(redaction) };
    }
    return redaction;
  }

  private idempotent(user: FakeUser, path: string, run: () => MatrixEvent) {
    // Spec: the transaction id is scoped to the access token (device) and the endpoint path.
    const key = `${user.token} ${path}`;
    const known = this.txns.get(key);
    if (known) return { event_id: known };
    const event = run();
    this.txns.set(key, event.event_id);
    return { event_id: event.event_id };
  }

  /** The client view: room_id dropped in sync, age and transaction_id (sender's token only) in unsigned. */
  private forClient(stored: Stored, user: FakeUser, withRoomId = false): Record<string, unknown> {
    const { room_id, ...rest } = structuredClone(stored.event);
    const unsigned: Record<string, unknown> = { ...rest.unsigned, age: Date.now() - rest.origin_server_ts };
    if (stored.token === user.token && stored.txnId) unsigned.transaction_id = stored.txnId;
    return { ...rest, ...(withRoomId ? { room_id } : {}), unsigned };
  }

  private room(roomId: string): Room {
    const room = this.rooms.get(roomId);
    if (!room) throw new HttpError(404, 'M_NOT_FOUND', `Unknown room ${roomId}`);
    return room;
  }

  private membership(room: Room, userId: string): unknown {
    return room.state.get(stateKey('m.room.member', userId))?.event.content.membership;
  }

  private requireJoined(room: Room, userId: string): void {
    if (this.membership(room, userId) !== 'join') throw new HttpError(403, 'M_FORBIDDEN', `${userId} not in room ${room.id}`);
  }

  private requireSelf(user: FakeUser, userId: string): void {
    if (user.userId !== userId) throw new HttpError(403, 'M_FORBIDDEN', 'Cannot act for other users.');
  }

  private profile(userId: string) {
    const p = this.users.get(userId);
    if (!p) throw new HttpError(404, 'M_NOT_FOUND', 'Profile not found.');
    return p;
  }

  private notify(release = false): void {
    for (const wake of [...this.waiters]) wake(release);
  }
}

const KEPT_ON_REDACTION: Record<string, string[]> = {
  'm.room.member': ['membership', 'join_authorised_via_users_server'],
  'm.room.create': ['creator', 'room_version', 'additional_creators'],
  'm.room.join_rules': ['join_rule', 'allow'],
  'm.room.power_levels': ['ban', 'events', 'events_default', 'invite', 'kick', 'redact', 'state_default', 'users', 'users_default'],
  'm.room.history_visibility': ['history_visibility'],
};

function stateKey(type: string, key: string): string {
  return `${type}\u0000${key}`;
}

/** A sync or pagination token (`s12`, `p12`): the position after the event numbered 12. */
function positionOf(token: string): number {
  const position = Number(token.replace(/^[sp]/, ''));
  if (!Number.isInteger(position) || position < 0) throw new HttpError(400, 'M_INVALID_PARAM', `Bad token ${token}.`);
  return position;
}
