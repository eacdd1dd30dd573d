import { setTimeout as sleep } from 'node:timers/promises';
import { MatrixClient, MatrixError, type IStorageProvider } from 'matrix-bot-sdk';
import type { Logger } from '../../src/core/logger.ts';
import { RequestPacer } from './pacer.ts';
import { prepareBatch, type RoomEvent, type SyncBatch } from './sync-batch.ts';

/** What the client hands to the adapter, awaited in order: SDK event names plus 'room.state'. */
export type SyncListener = (name: string, ...payload: any[]) => Promise<void>;

export interface RelaisClientOptions {
  requestsPerSecond: number;
  logger: Logger;
  /** The account, when already known: saves a whoami request at start. */
  userId?: string;
}

const MAX_ATTEMPTS = 8;
const SYNC_PATH = '/_matrix/client/v3/sync';
/**
 * Without a filter Synapse sends at most 10 events per room and sync, and a filter may ask for
 * up to its filter_timeline_limit (100 by default); whatever is left out is fetched back (fillGaps).
 * Inline, so that no filter id (whose change makes the SDK forget its sync token) is kept.
 */
const SYNC_FILTER = JSON.stringify({ room: { timeline: { limit: 100 } } });
const PAGE = 100;
const SYNC_BACKOFF_MS = { first: 1000, max: 30_000 };

/**
 * matrix-bot-sdk 0.7.1's MatrixClient with what a polite, restart-safe bot needs and 0.7.1 lacks:
 *  - every request except the /sync long-poll waits its turn at MATRIX_RATE requests per second;
 *  - a 429 M_LIMIT_EXCEEDED is retried after retry_after_ms as the very same request, so a send
 *    keeps its transaction id and the server deduplicates it (a new sendMessage would post twice);
 *  - its own sync loop: each batch is handled (awaited, in order) before its token is saved, so a
 *    crash replays a batch rather than losing it (the adapter deduplicates by event id). The
 *    SDK's persistTokenAfterSync is not enough: its loop emits events without awaiting async
 *    listeners, so the token could still be saved before a handler finished. History
 *    (first sync, events before a join) is kept out of the events acted on; stopSync() ends the
 *    pending long-poll and waits for the batch in hand, and start() may start it again (a process
 *    that lost the sync to another keeps sending); start() resolves once what waited on the server
 *    while Relais was down has been handled; stop() is for good: no request is retried after it.
 */
export class RelaisMatrixClient extends MatrixClient {
  private readonly pacer: RequestPacer;
  private readonly logger: Logger;
  /** The sync loop running now: a new one per start(). */
  private syncing = new AbortController();
  private closed = false;
  private listener: SyncListener = async () => {};
  private loop: Promise<void> | undefined;
  private joined = new Set<string>();
  private readonly knownUserId: string | undefined;

  constructor(homeserverUrl: string, accessToken: string, storage: IStorageProvider, options: RelaisClientOptions) {
    super(homeserverUrl, accessToken, storage);
    this.pacer = new RequestPacer(options.requestsPerSecond);
    this.logger = options.logger;
    this.knownUserId = options.userId;
  }

  override async getUserId(): Promise<string> {
    return this.knownUserId ?? super.getUserId();
  }

  /**
   * Sends an event under a transaction id of the caller's: the same id on every attempt, across
   * restarts, so the homeserver keeps one event (matrix-bot-sdk mints a new id per call).
   */
  async sendOnce(roomId: string, type: string, content: object, txnId: string): Promise<string> {
    const path = `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/send/${encodeURIComponent(type)}/${encodeURIComponent(txnId)}`;
    const answer = await this.doRequest('PUT', path, null, content) as { event_id: string };
    return answer.event_id;
  }

  onSync(listener: SyncListener): void {
    this.listener = listener;
  }

  override async doRequest(...args: Parameters<MatrixClient['doRequest']>): Promise<any> {
    // The long-poll is one request held open by the server, not traffic: pacing it would only
    // delay events. Everything else — sends, edits, reactions, lookups — is paced.
    const isSync = args[1] === SYNC_PATH;
    for (let attempt = 1; ; attempt++) {
      if (!isSync) await this.pacer.take();
      try {
        const request = super.doRequest(...args);
        return await (isSync ? this.unlessStopped(request) : request);
      } catch (error) {
        const waitMs = retryDelay(error, attempt);
        if (waitMs === undefined || attempt >= MAX_ATTEMPTS || this.closed || (isSync && this.syncing.signal.aborted)) throw error;
        this.logger.warn({ endpoint: args[1], waitMs, attempt, status: statusOf(error) }, 'the homeserver refused or failed; retrying the same request');
        this.pacer.holdOff(waitMs);
        if (isSync) await sleep(waitMs);
      }
    }
  }

  protected override async startSyncInternal(): Promise<void> {
    const syncing = new AbortController();
    this.syncing = syncing;
    this.joined = new Set(await this.getJoinedRooms());
    const token = await this.storageProvider.getSyncToken();
    await new Promise<void>((firstBatchDone) => {
      this.loop = this.syncLoop(token, syncing.signal, firstBatchDone);
    });
  }

  override stop(): void {
    super.stop();
    this.closed = true;
    this.syncing.abort();
  }

  /** Stops syncing and waits for the batch being handled, if any; sending goes on. */
  async stopSync(): Promise<void> {
    this.syncing.abort();
    await this.loop;
  }

  /** Stops for good, and waits for the batch being handled, if any. */
  async stopAndWait(): Promise<void> {
    this.stop();
    await this.loop;
  }

  private async syncLoop(token: string | null, stopped: AbortSignal, firstBatchDone: () => void): Promise<void> {
    let failures = 0;
    let catchingUp = true;
    while (!stopped.aborted) {
      try {
        const batch = (await this.sync(token, catchingUp)) as SyncBatch;
        catchingUp = false;
        await this.handle(batch, token);
        token = batch.next_batch;
        await this.storageProvider.setSyncToken(token);
        failures = 0;
      } catch (error) {
        if (stopped.aborted) break;
        failures += 1;
        const waitMs = Math.min(SYNC_BACKOFF_MS.first * 2 ** (failures - 1), SYNC_BACKOFF_MS.max);
        this.logger.warn({ err: error, waitMs }, 'Matrix sync failed; retrying');
        firstBatchDone();
        await sleep(waitMs, undefined, { signal: stopped }).catch(() => {});
      }
      firstBatchDone();
    }
    firstBatchDone();
  }

  /** The first request after start asks for what is waiting without long-polling (timeout 0). */
  private sync(token: string | null, catchingUp: boolean): Promise<unknown> {
    const timeout = catchingUp ? 0 : Math.max(0, this.syncingTimeout);
    const query = { full_state: false, timeout, filter: SYNC_FILTER, ...(token ? { since: token } : {}) };
    return this.doRequest('GET', SYNC_PATH, query, null, token ? timeout + 30_000 : 600_000);
  }

  private async handle(received: SyncBatch, since: string | null): Promise<void> {
    const userId = await this.getUserId();
    const batch = await this.fillGaps(received, since);
    const { live, state } = prepareBatch(batch, userId, { firstSync: since === null, joinedBefore: this.joined });
    for (const { roomId, event } of state) await this.listener('room.state', roomId, event satisfies RoomEvent);
    await this.processSync(live, (name, ...payload) => this.listener(name, ...payload));
    for (const roomId of Object.keys(batch.rooms?.join ?? {})) this.joined.add(roomId);
    for (const roomId of Object.keys(batch.rooms?.leave ?? {})) this.joined.delete(roomId);
  }

  /** The batch with every room's left-out events put back before its timeline, in order (rooms Relais was already in). */
  private async fillGaps(batch: SyncBatch, since: string | null): Promise<SyncBatch> {
    if (since === null) return batch;
    const join = { ...batch.rooms?.join };
    for (const [roomId, room] of Object.entries(join)) {
      const timeline = room.timeline;
      if (!timeline?.limited || !timeline.prev_batch || !this.joined.has(roomId)) continue;
      const missed = await this.eventsBetween(roomId, timeline.prev_batch, since);
      this.logger.info({ room: roomId, events: missed.length }, 'fetched the events a limited sync left out');
      join[roomId] = { ...room, timeline: { ...timeline, events: [...missed, ...(timeline.events ?? [])], limited: false } };
    }
    return { ...batch, rooms: { ...batch.rooms, join } };
  }

  /** GET /rooms/{roomId}/messages backwards from `from` down to the sync token `to`: the events between, oldest first. */
  private async eventsBetween(roomId: string, from: string, to: string): Promise<RoomEvent[]> {
    const path = `/_matrix/client/v3/rooms/${encodeURIComponent(roomId)}/messages`;
    const newestFirst: RoomEvent[] = [];
    for (let token: string | undefined = from; token; ) {
      const page = (await this.doRequest('GET', path, { dir: 'b', from: token, to, limit: PAGE })) as { chunk?: RoomEvent[]; end?: string };
      const chunk = page.chunk ?? [];
      newestFirst.push(...chunk);
      token = chunk.length ? page.end : undefined;
    }
    return newestFirst.reverse();
  }

  private unlessStopped<T>(work: Promise<T>): Promise<T> {
    const { signal } = this.syncing;
    if (signal.aborted) return Promise.reject(new Error('Matrix client stopped'));
    let abort!: () => void;
    const stopped = new Promise<never>((_, reject) => {
      abort = () => reject(new Error('Matrix client stopped'));
      signal.addEventListener('abort', abort, { once: true });
    });
    // One sync after another for days: each must take its listener with it.
    return Promise.race([work, stopped]).finally(() => signal.removeEventListener('abort', abort));
  }
}

const transientStatuses = new Set([502, 503, 504]);
const transientNetworkCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'ETIMEDOUT', 'EPIPE']);

/** The SDK throws a MatrixError for Matrix error bodies, else the raw response or a network error. */
function statusOf(error: unknown): number | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? status : undefined;
}

/**
 * How long to wait before resending the very same request (same transaction id, so the server
 * never applies it twice), or undefined when retrying cannot help: 429 after retry_after_ms;
 * a gateway error or a dropped connection (a homeserver restarting) with exponential backoff.
 */
function retryDelay(error: unknown, attempt: number): number | undefined {
  const backoff = Math.min(1000 * 2 ** (attempt - 1), 30_000);
  if (error instanceof MatrixError && error.errcode === 'M_LIMIT_EXCEEDED') return error.retryAfterMs ?? backoff;
  const status = statusOf(error);
  if (status !== undefined && transientStatuses.has(status)) return backoff;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && transientNetworkCodes.has(code) ? backoff : undefined;
}
