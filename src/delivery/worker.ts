import type { Card, Reply } from '../core/card.ts';
import { systemClock, type Clock } from '../core/clock.ts';
import { RelaisError } from '../core/errors.ts';
import type { ReplyTarget } from '../core/gesture.ts';
import type { Logger } from '../core/logger.ts';
import type { Messenger } from '../core/messenger.ts';
import type { ChannelRef, UserRef } from '../core/platform.ts';
import type { Db } from '../db/client.ts';
import { looksUnavailable } from '../db/errors.ts';
import { keepClaimsAlive } from '../db/lease.ts';
import type { Tx } from '../db/transaction.ts';
import { translate } from '../i18n/translate.ts';
import { errorCode, type Metrics } from '../ops/metrics.ts';
import { decode } from './codec.ts';
import { outgoing, type DirectFallback, type Notify, type OutboundKind, type Outgoing } from './outgoing.ts';

/** What a purpose's posts do once they land, or when they cannot. */
export interface Effect {
  /** In the transaction that marks the post sent. */
  posted?(tx: Tx, landed: { id: number; messageId: string; out: Outgoing; now: Date }): Promise<void>;
  /** It will never be sent: undo what waited for it; the returned line tells the person who asked. */
  failed?(tx: Tx, id: number, reason: string, locale: string): Promise<string | undefined>;
}

export interface DeliveryTiming {
  /**
   * A claim on a message being sent, renewed by its process while it lives; past it, another
   * process takes it over (and looks before resending).
   */
  leaseMs: number;
  /** How often to look for messages left by others (a process that died, a platform this one serves). */
  sweepMs: number;
  firstRetryMs: number;
  maxRetryMs: number;
  /** After this many attempts a message is given up, and the person who asked is told. */
  maxAttempts: number;
}

export const defaultDeliveryTiming: DeliveryTiming = { leaseMs: 30_000, sweepMs: 2000, firstRetryMs: 1000, maxRetryMs: 5 * 60_000, maxAttempts: 10 };

export interface DeliveryDeps {
  db: Db;
  messenger: Messenger;
  logger: Logger;
  /** The time Relais lives in (effects record it); leases and retries go by real time, being about processes and platforms. */
  clock: Clock;
  owner: string;
  effects: Record<string, Effect>;
  metrics: Metrics;
  timing?: Partial<DeliveryTiming>;
}

type Row = NonNullable<Awaited<ReturnType<Db['outbound']['findUnique']>>>;

/**
 * Sends what the outbox holds: each message claimed by one process, sent with a key that stays
 * the same on every attempt (adapters make one key appear once: Matrix transaction ids, Slack
 * message metadata looked up before a retry), retried with backoff when the platform fails, given
 * up after `maxAttempts` with the person who asked told why. Messages are sent in the order they
 * were decided.
 */
export class DeliveryWorker {
  private readonly timing: DeliveryTiming;
  private queued = new Set<number>();
  private running: Promise<void> | undefined;
  private again = false;
  private sweeper: NodeJS.Timeout | undefined;
  private stopRenewing: (() => void) | undefined;
  private readonly retries = new Map<number, NodeJS.Timeout>();
  private stopped = false;

  private readonly wall = systemClock;

  constructor(private readonly deps: DeliveryDeps) {
    this.timing = { ...defaultDeliveryTiming, ...deps.timing };
  }

  /** Rows just committed by this process: sent now rather than at the next sweep. */
  kick(ids: number[] = []): void {
    for (const id of ids) this.queued.add(id);
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drainLoop().finally(() => {
      this.running = undefined;
    });
  }

  start(): void {
    this.sweeper = setInterval(() => this.kick(), this.timing.sweepMs);
    this.sweeper.unref();
    const { db, owner, logger } = this.deps;
    this.stopRenewing = keepClaimsAlive(
      this.timing.leaseMs,
      (until) => db.outbound.updateMany({ where: { claimedBy: owner, status: 'sending' }, data: { leaseUntil: until } }),
      (error) => logger.warn({ err: error }, 'could not renew the claims on messages; will try again'),
    );
    this.kick();
  }

  /** Messages in hand, or waiting for a retry. */
  get busy(): boolean {
    return this.running !== undefined || this.queued.size > 0 || this.retries.size > 0;
  }

  /** Resolves once what this process has in hand is sent (or waiting for a retry). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweeper) clearInterval(this.sweeper);
    this.stopRenewing?.();
    for (const timer of this.retries.values()) clearTimeout(timer);
    this.retries.clear();
    await this.idle();
  }

  private async drainLoop(): Promise<void> {
    do {
      this.again = false;
      const ids = [...this.queued];
      this.queued = new Set();
      try {
        const rows = await this.claim(ids);
        for (const row of rows) await this.send(row);
        if (rows.length) this.again = true;
      } catch (error) {
        // The database is away: the rows stay as they are and the sweep tries again.
        for (const id of ids) this.queued.add(id);
        this.deps.logger.warn({ err: error }, 'outbox unavailable; will try again');
        return;
      }
    } while (this.again && !this.stopped);
  }

  /** Claims the given rows, or else the due ones of platforms this process serves, oldest first. */
  private async claim(ids: number[]): Promise<Row[]> {
    const { db, messenger, owner } = this.deps;
    const now = this.wall.now();
    const platforms = messenger.platforms;
    if (platforms.length === 0) return [];
    const due = { OR: [{ status: 'pending', nextAttemptAt: { lte: now } }, { status: 'sending', leaseUntil: { lt: now } }], platform: { in: platforms } };
    const candidates = ids.length
      ? await db.outbound.findMany({ where: { id: { in: ids }, ...due }, orderBy: { id: 'asc' } })
      : await db.outbound.findMany({ where: due, orderBy: { id: 'asc' }, take: 100 });
    const leaseUntil = new Date(now.getTime() + this.timing.leaseMs);
    const claimed: Row[] = [];
    // Rows seen in the same state are claimed in one statement; each only if still in that state (another process may have claimed it since).
    const alike = new Map<string, Row[]>();
    for (const row of candidates) alike.set(`${row.status}/${row.attempts}`, [...(alike.get(`${row.status}/${row.attempts}`) ?? []), row]);
    for (const rows of alike.values()) {
      const ids = rows.map((row) => row.id);
      const won = await db.outbound.updateMany({
        where: { id: { in: ids }, status: rows[0]!.status, attempts: rows[0]!.attempts },
        data: { status: 'sending', claimedBy: owner, leaseUntil, attempts: { increment: 1 } },
      });
      if (won.count === rows.length) claimed.push(...rows);
      else if (won.count > 0) {
        const ours = await db.outbound.findMany({ where: { id: { in: ids }, status: 'sending', claimedBy: owner, leaseUntil }, select: { id: true } });
        claimed.push(...rows.filter((row) => ours.some((mine) => mine.id === row.id)));
      }
    }
    // Sent in the order they were decided.
    return claimed.sort((a, b) => a.id - b.id);
  }

  private async send(row: Row): Promise<void> {
    const { logger, metrics } = this.deps;
    // A row that was ever tried before may have reached the platform.
    const options = { key: row.key, retry: row.attempts > 0 };
    try {
      const messageId = await this.call(row.kind as OutboundKind, row, options);
      await this.settle(row, messageId);
      metrics.message(row.platform, row.kind as OutboundKind, 'sent');
    } catch (error) {
      if (looksUnavailable(error)) throw error;
      const failure = error instanceof RelaisError ? error : undefined;
      const attempts = row.attempts + 1;
      const permanent = (failure && failure.code !== 'unavailable') || attempts >= this.timing.maxAttempts;
      logger.warn({ err: error, outbound: row.key, kind: row.kind, platform: row.platform, attempts, permanent }, permanent ? 'message given up' : 'message not sent; will retry');
      metrics.message(row.platform, row.kind as OutboundKind, permanent ? 'failed' : 'retried');
      metrics.error('delivery', errorCode(error));
      if (permanent) await this.giveUp(row, failure);
      else await this.retryLater(row, attempts);
    }
  }

  private async call(kind: OutboundKind, row: Row, options: { key: string; retry: boolean }): Promise<string | null> {
    const { messenger } = this.deps;
    const content = decode<unknown>(row.content);
    switch (kind) {
      case 'post':
        return (await messenger.post(decode<ChannelRef>(row.target), content as Card, options)).messageId;
      case 'reply':
        await messenger.reply(row.platform, decode<ReplyTarget>(row.target), content as Reply, options);
        return null;
      case 'direct': {
        const { fallback, ...user } = decode<UserRef & { fallback?: DirectFallback }>(row.target);
        if (fallback && !messenger.adapterFor(row.platform).sendDirect) {
          return (await messenger.post(fallback.channel, fallback.card, { ...options, inReplyTo: fallback.messageId })).messageId;
        }
        await messenger.direct(user, content as Card, options);
        return null;
      }
      case 'react': {
        const { channel, messageId } = decode<{ channel: ChannelRef; messageId: string }>(row.target);
        await messenger.addReactions(channel, messageId, content as string[]);
        return null;
      }
    }
  }

  private async settle(row: Row, messageId: string | null): Promise<void> {
    const { db, clock } = this.deps;
    const created: number[] = [];
    const sent = { status: 'sent', messageId, sentAt: this.wall.now(), leaseUntil: null, error: null };
    const [kind, id] = purposeOf(row);
    const effect = kind && messageId !== null ? this.deps.effects[kind]?.posted : undefined;
    // Most messages (replies, edits) have no effect to commit with the mark: one statement, no transaction.
    if (!effect) return void (await db.outbound.update({ where: { id: row.id }, data: sent }));
    await db.$transaction(async (tx) => {
      await tx.outbound.update({ where: { id: row.id }, data: sent });
      await effect(tx, { id, messageId: messageId!, out: outgoing(tx, { key: `after:${row.key}` }, created), now: clock.now() });
    });
    if (created.length) this.kick(created);
  }

  private async retryLater(row: Row, attempts: number): Promise<void> {
    const { db } = this.deps;
    const delay = Math.min(this.timing.firstRetryMs * 2 ** (attempts - 1), this.timing.maxRetryMs);
    await db.outbound.update({ where: { id: row.id }, data: { status: 'pending', nextAttemptAt: new Date(this.wall.now().getTime() + delay), leaseUntil: null } });
    if (this.stopped) return;
    clearTimeout(this.retries.get(row.id));
    const timer = setTimeout(() => {
      this.retries.delete(row.id);
      this.kick([row.id]);
    }, delay);
    timer.unref();
    this.retries.set(row.id, timer);
  }

  private async giveUp(row: Row, failure: RelaisError | undefined): Promise<void> {
    const { db } = this.deps;
    const notify = row.notify ? decode<Notify>(row.notify) : undefined;
    const locale = notify?.locale ?? 'fr';
    const reason = translate(locale, failure?.userMessage ?? 'errors.unavailable', failure?.params);
    const created: number[] = [];
    await db.$transaction(async (tx) => {
      await tx.outbound.update({ where: { id: row.id }, data: { status: 'failed', leaseUntil: null, error: reason } });
      const [kind, id] = purposeOf(row);
      const line = kind ? await this.deps.effects[kind]?.failed?.(tx, id, reason, locale) : undefined;
      if (line && notify) {
        const card: Card = { locale, tone: 'error', body: [[line]] };
        await outgoing(tx, { key: `${row.key}:failed` }, created).reply(notify.platform, notify.replyTo, { visibility: 'ephemeral', card });
      }
    });
    if (created.length) this.kick(created);
  }
}

function purposeOf(row: Row): [string | undefined, number] {
  if (!row.purpose) return [undefined, 0];
  const [kind, id] = row.purpose.split(':');
  return [kind, Number(id)];
}
