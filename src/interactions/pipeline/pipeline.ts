import type { ChatAdapter } from '../../core/adapter.ts';
import { systemClock, type Clock } from '../../core/clock.ts';
import type { Gesture } from '../../core/gesture.ts';
import type { Logger } from '../../core/logger.ts';
import type { Messenger } from '../../core/messenger.ts';
import type { PersonRef } from '../../core/platform.ts';
import type { Receipt } from '../../core/port.ts';
import type { CoreConfig } from '../../config.ts';
import type { Db, Engine } from '../../db/client.ts';
import { isUniqueViolation, looksUnavailable } from '../../db/errors.ts';
import { keepClaimsAlive } from '../../db/lease.ts';
import type { Tx } from '../../db/transaction.ts';
import { decode, encode } from '../../delivery/codec.ts';
import { outgoing, recipientKey } from '../../delivery/outgoing.ts';
import type { DeliveryWorker } from '../../delivery/worker.ts';
import { channelDefaults, type ChannelRecord, type MemberRecord } from '../../domain/directory.ts';
import type { RenderAnnouncement } from '../../domain/meetups/announcer.ts';
import { localeOr, translator, type Locale, type Translate } from '../../i18n/translate.ts';
import type { Metrics } from '../../ops/metrics.ts';
import type { DeliveryContext } from '../../scheduler/context.ts';
import type { InteractionContext } from '../context.ts';
import type { Interactions } from '../registry.ts';
import { Lookups } from './lookups.ts';
import { enforce } from './permission.ts';
import { InputError, planFor, type Plan } from './plan.ts';
import { Recorder, type Row } from './recording.ts';
import { errorReply, toRelaisError } from './replies.ts';
import { sanitized } from './sanitize.ts';

export interface PipelineDeps {
  db: Db;
  engine: Engine;
  clock: Clock;
  config: CoreConfig;
  logger: Logger;
  messenger: Messenger;
  delivery: DeliveryWorker;
  interactions: Interactions;
  renderAnnouncement: RenderAnnouncement;
  owner: string;
  /** `platform:userId` of every administrator. */
  admins: ReadonlySet<string>;
  /** Per platform: who a piece of text names there, and how to forget what its adapter keeps. */
  platformOf(name: string): { commandPrefix: string; parseMention(text: string, gesture: Gesture): PersonRef | undefined; forget(tx: Tx, member: MemberRecord): Promise<void> };
  changed(meetupId: number): void;
  scheduler: DeliveryContext;
  metrics: Metrics;
  timing?: Partial<PipelineTiming>;
}

export interface PipelineTiming {
  /**
   * A claim on a gesture; its process renews it while it lives (every third of it), so past it
   * the process is gone and another one (or this one restarted) takes the gesture over.
   */
  leaseMs: number;
  sweepMs: number;
  /** A gesture waiting for an earlier one of the same person (held by another process) looks again after this. */
  waitMs: number;
  firstRetryMs: number;
  maxRetryMs: number;
}

const defaultTiming: PipelineTiming = { leaseMs: 30_000, sweepMs: 2000, waitMs: 250, firstRetryMs: 500, maxRetryMs: 30_000 };

/** At most this many reactions in one transaction. */
const BATCH = 50;

/** One gesture in the works: what is known of it so far (a failure is answered with what is). */
interface Job {
  row: Row;
  recorded: Gesture;
  gesture: Gesture;
  locale: Locale;
  usage?: string[];
  /** Set once the gesture is read: its channel and person, their language, the plan (none: nothing to do). */
  ready?: { channel: ChannelRecord; member: MemberRecord; t: Translate; plan: Plan | undefined };
  /** Outbox rows written by its transaction, and work for after its commit. */
  created: number[];
  after: Array<() => void>;
}

/** Lets the event loop take what waits (a platform's request to acknowledge) between two pieces of work. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Leases and retries go by real time: they are about processes, not about the time Relais lives in (the injected clock). */
const wall = systemClock;

/** Generous: on SQLite a gesture's transaction may wait for another process's write to finish. */
const transactionLimits = { maxWait: 10_000, timeout: 20_000 };

/** The gesture's transaction found its row no longer ours: another process took it over. */
class Superseded extends Error {}

/** An earlier gesture of the same person is not worked yet: this one waits for it, so answers apply in the order given. */
class Waiting extends Error {}

/**
 * The one inbound pipeline, for every gesture of every platform:
 *   record (the delivery key makes a redelivery a no-op) → registration of the channel and the
 *   person → locale → the declaration (usage errors with the usage line) → platform lookups →
 *   in one transaction: the "done" mark, the declared permission, the handler, its replies and
 *   messages (outbox) → after commit, sending and announcement edits.
 * A failure is answered with a localized card; a database outage leaves the gesture recorded and
 * retried, so nothing acknowledged is lost and nothing is applied twice, across crashes and processes.
 */
export class Pipeline {
  private readonly timing: PipelineTiming;
  private queue: Row[] = [];
  /** Gestures waiting for an earlier one of their person, by row id. */
  private readonly waiting = new Map<number, NodeJS.Timeout>();
  private stopRenewing: (() => void) | undefined;
  private sweeping = false;
  private running: Promise<void> | undefined;
  private sweeper: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private failures = 0;
  private stopped = false;
  /** How many gestures at the head of the queue are being worked. */
  private inWorks = 1;

  private readonly recorder: Recorder;

  constructor(private readonly deps: PipelineDeps) {
    this.timing = { ...defaultTiming, ...deps.timing };
    this.recorder = new Recorder(deps.db, deps.engine);
  }

  /** Records the gesture, claimed by this process, and has it worked in turn. */
  async handle(gesture: Gesture): Promise<Receipt> {
    // Only a platform this process serves can hand it gestures: its adapter is what answers them.
    if (!this.deps.messenger.platforms.includes(gesture.channel.platform)) throw new Error(`no ${gesture.channel.platform} adapter in this process`);
    const receipt = await this.record(sanitized(gesture));
    this.deps.metrics.gestureReceived(gesture.channel.platform, gesture.kind, receipt);
    return receipt;
  }

  private async record(clean: Gesture): Promise<Receipt> {
    const { owner, logger } = this.deps;
    const now = wall.now();
    let row: Row | 'duplicate';
    try {
      row = await this.recorder.record({
        key: `${clean.channel.platform}:${clean.deliveryKey}`,
        platform: clean.channel.platform,
        actor: recipientKey(clean.user),
        payload: encode(clean),
        claimedBy: owner,
        leaseUntil: new Date(now.getTime() + this.timing.leaseMs),
        createdAt: now,
      });
    } catch (error) {
      if (looksUnavailable(error)) {
        logger.warn({ err: error, key: clean.deliveryKey }, 'could not record a gesture: database unavailable');
        return 'unavailable';
      }
      throw error;
    }
    if (row === 'duplicate') {
      logger.info({ key: clean.deliveryKey, platform: clean.channel.platform }, 'delivered again; already recorded');
      return 'duplicate';
    }
    this.queue.push(row);
    this.pump();
    return 'accepted';
  }

  start(): void {
    this.sweeper = setInterval(() => void this.sweep(), this.timing.sweepMs);
    this.sweeper.unref();
    const { db, owner, logger } = this.deps;
    this.stopRenewing = keepClaimsAlive(
      this.timing.leaseMs,
      (until) => db.inbound.updateMany({ where: { claimedBy: owner, status: 'pending' }, data: { leaseUntil: until } }),
      (error) => logger.warn({ err: error }, 'could not renew the claims on gestures; will try again'),
    );
    void this.sweep();
  }

  /** Gestures in hand. */
  get busy(): boolean {
    return this.running !== undefined || (this.queue.length > 0 && !this.retryTimer);
  }

  /** Resolves once the gestures this process holds are worked (or waiting for the database). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.sweeper) clearInterval(this.sweeper);
    this.stopRenewing?.();
    if (this.retryTimer) clearTimeout(this.retryTimer);
    for (const timer of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
    await this.idle();
  }

  private pump(): void {
    if (this.running || this.stopped) return;
    this.running = this.workQueue().finally(() => {
      this.running = undefined;
      if (this.queue.length && !this.retryTimer) this.pump();
    });
  }

  private async workQueue(): Promise<void> {
    while (this.queue.length && !this.stopped) {
      const batch = this.reactionsAhead();
      if (batch.length > 1 && (await this.together(batch))) {
        this.failures = 0;
        this.queue.splice(0, batch.length);
        await yieldToEvents();
        continue;
      }
      // One at a time, also the reactions of a batch that failed: each then fails, waits or is worked on its own.
      for (let alone = Math.max(batch.length, 1); alone > 0 && this.queue.length && !this.stopped; alone--) {
        const row = this.queue[0]!;
        try {
          await this.work(row);
          this.failures = 0;
          this.queue.shift();
        } catch (error) {
          if (error instanceof Waiting) {
            this.queue.shift();
            this.waitFor(row);
            continue;
          }
          // Only an unavailable database gets here: the gesture stays recorded and is tried again.
          this.deps.metrics.error('gesture', 'unavailable');
          this.failures += 1;
          const delay = Math.min(this.timing.firstRetryMs * 2 ** (this.failures - 1), this.timing.maxRetryMs);
          this.deps.logger.warn({ err: error, key: row.key, retryInMs: delay }, 'gesture not worked: database unavailable');
          this.retryTimer = setTimeout(() => {
            this.retryTimer = undefined;
            this.pump();
          }, delay);
          this.retryTimer.unref();
          return;
        }
        await yieldToEvents();
      }
    }
  }

  /**
   * The reactions at the head of the queue, worked together: they come in storms, and what their
   * plans read (the channel, the person, the announcement) is not what reactions write.
   */
  private reactionsAhead(): Row[] {
    const batch: Row[] = [];
    for (const row of this.queue) {
      if (batch.length === BATCH || decode<Gesture>(row.payload).kind !== 'reaction') break;
      batch.push(row);
    }
    this.inWorks = Math.max(batch.length, 1);
    return batch;
  }

  private waitFor(row: Row): void {
    if (this.stopped) return;
    const timer = setTimeout(() => {
      this.waiting.delete(row.id);
      this.queue.push(row);
      this.pump();
    }, this.timing.waitMs);
    timer.unref();
    this.waiting.set(row.id, timer);
  }

  /** Gestures recorded by a process that died (or this one before a restart), and ones whose claim ran out. */
  private async sweep(): Promise<void> {
    const { db, owner, messenger } = this.deps;
    // Not held back by work in hand: what this process works may be waiting for what it has to take over.
    if (this.stopped || this.sweeping || this.retryTimer) return;
    this.sweeping = true;
    try {
      const now = wall.now();
      const stale = await db.inbound.findMany({
        where: { status: 'pending', platform: { in: messenger.platforms }, OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }] },
        orderBy: { id: 'asc' },
        take: 100,
        select: { id: true, key: true, actor: true, payload: true, attempts: true, leaseUntil: true },
      });
      for (const row of stale) {
        const won = await db.inbound.updateMany({
          where: { id: row.id, status: 'pending', leaseUntil: row.leaseUntil },
          data: { claimedBy: owner, leaseUntil: new Date(now.getTime() + this.timing.leaseMs), attempts: { increment: 1 } },
        });
        if (won.count && !this.waiting.has(row.id) && !this.queue.some((queued) => queued.id === row.id)) this.queue.push(row);
      }
      if (stale.length) this.oldestFirst();
      if (this.queue.length) this.pump();
    } catch (error) {
      this.deps.logger.warn({ err: error }, 'inbox sweep failed; will try again');
    } finally {
      this.sweeping = false;
    }
  }

  /** Gestures taken over are older than the ones in hand, which may be waiting for them: the queue goes by age (its head may be in the works). */
  private oldestFirst(): void {
    const first = this.running ? this.inWorks : 0;
    this.queue = [...this.queue.slice(0, first), ...this.queue.slice(first).sort((a, b) => a.id - b.id)];
  }

  private async work(row: Row, retried = false): Promise<void> {
    const { db, config, logger, owner } = this.deps;
    const job = this.job(row);
    const platform = job.recorded.channel.platform;
    let outcome: 'answered' | 'error' = 'answered';
    try {
      await this.inTurn(row);
      await this.read(job, new Lookups(db, channelDefaults(config)));
      await db.$transaction(async (tx) => {
        await this.markDone(tx, row, owner);
        await this.apply(tx, job);
      }, transactionLimits);
    } catch (error) {
      if (error instanceof Superseded) return;
      if (error instanceof Waiting || looksUnavailable(error)) throw error;
      // Another process wrote the same row meanwhile (two votes of one person at once): once more, it reads what won.
      if (isUniqueViolation(error) && !retried) return this.work(row, true);
      if (error instanceof InputError) job.usage = error.usage;
      job.created.length = 0;
      job.after.length = 0;
      const failure = toRelaisError(error instanceof InputError ? error.failure : error, logger, { platform, gesture: job.gesture.kind, key: row.key });
      outcome = 'error';
      this.deps.metrics.error('gesture', failure.code);
      await db.$transaction(async (tx) => {
        await this.markDone(tx, row, owner);
        await outgoing(tx, { key: `reply:${row.key}` }, job.created).reply(platform, job.gesture.replyTo, errorReply(failure, job.locale, job.usage));
      }, transactionLimits);
    }
    this.finished(job, outcome);
  }

  /**
   * Several reactions in one transaction, each with its "done" mark: all of them apply, or none.
   * False when they must be worked one at a time instead — one of them waits for an earlier
   * gesture, fails, or the database does — which then says what becomes of each.
   */
  private async together(rows: Row[]): Promise<boolean> {
    const { db, config, owner } = this.deps;
    // In the order given (the queue's order may differ after a take-over): one person's reactions apply in that order.
    const jobs = [...rows].sort((a, b) => a.id - b.id).map((row) => this.job(row));
    try {
      if (await this.anyWaiting(rows)) return false;
      const lookups = new Lookups(db, channelDefaults(config));
      for (const job of jobs) await this.read(job, lookups);
      await db.$transaction(async (tx) => {
        const won = await tx.inbound.updateMany({
          where: { id: { in: rows.map((row) => row.id) }, status: 'pending', claimedBy: owner },
          data: { status: 'done', doneAt: wall.now(), leaseUntil: null },
        });
        if (won.count !== rows.length) throw new Superseded();
        for (const job of jobs) await this.apply(tx, job);
      }, transactionLimits);
    } catch {
      return false;
    }
    for (const job of jobs) this.finished(job, 'answered');
    return true;
  }

  private job(row: Row): Job {
    const recorded = decode<Gesture>(row.payload);
    return { row, recorded, gesture: recorded, locale: this.deps.config.RELAIS_LOCALE, created: [], after: [] };
  }

  /** Before the transaction: what the platform says, registration, locale, plan (with its platform lookups). */
  private async read(job: Job, lookups: Lookups): Promise<void> {
    const { config, clock, interactions, messenger } = this.deps;
    const adapter = messenger.adapterFor(job.recorded.channel.platform);
    const platformModule = this.deps.platformOf(job.recorded.channel.platform);
    job.gesture = await this.described(adapter, job.recorded);
    const gesture = job.gesture;
    // Registering is idempotent: done before the transaction, it may be done again after a crash, harmlessly.
    const channel = await lookups.channel(gesture.channel);
    const member = await lookups.member(gesture.user);
    job.locale = localeOr(channel.locale, config.RELAIS_LOCALE);
    const t = translator(job.locale);
    const plan = await planFor(gesture, {
      db: this.deps.db, interactions, adapter, prefix: platformModule.commandPrefix, channel, t, locale: job.locale, timeZone: channel.timezone, now: clock.now(),
      mention: (text) => platformModule.parseMention(text, gesture),
      announcement: (messageId) => lookups.announcement(channel.id, messageId),
    });
    job.usage = plan?.usage;
    job.ready = { channel, member, t, plan };
  }

  /** In the gesture's transaction, after its "done" mark: the declared permission, the handler, its replies. */
  private async apply(tx: Tx, job: Job): Promise<void> {
    const { clock, config, logger, messenger } = this.deps;
    const { row, gesture, locale } = job;
    const { channel, member, t, plan } = job.ready!;
    if (!plan) return;
    const platform = gesture.channel.platform;
    const adapter = messenger.adapterFor(platform);
    const platformModule = this.deps.platformOf(platform);
    const notify = { platform, replyTo: gesture.replyTo, locale };
    const out = outgoing(tx, { key: `reply:${row.key}`, inboundId: row.id, notify }, job.created);
    const ctx: InteractionContext = {
      db: tx, engine: this.deps.engine, clock, config, logger, gesture, channel, member, locale, timeZone: channel.timezone, t,
      prefix: platformModule.commandPrefix,
      prefixOn: (name) => this.deps.platformOf(name).commandPrefix,
      forms: adapter.showsForms === true,
      privateReplies: adapter.privateReplies === true,
      asker: { db: tx, member, channel, channelModerator: gesture.channelModerator === true, admins: this.deps.admins },
      out,
      renderAnnouncement: this.deps.renderAnnouncement,
      afterCommit: (work) => job.after.push(work),
      changed: (meetupId) => job.after.push(() => this.deps.changed(meetupId)),
      mention: (text) => platformModule.parseMention(text, gesture),
      // An identity linked to this one may be on another platform: its own module forgets it.
      forgetPlatformState: (who) => this.deps.platformOf(who.platform).forget(tx, who),
      delivery: this.deps.scheduler,
    };
    await enforce(plan.access, plan.args, ctx.asker);
    const replies = await plan.run(ctx);
    for (const reply of [replies].flat()) await out.reply(platform, gesture.replyTo, reply);
  }

  /** After its commit: sending what it wrote, the work it left for then. */
  private finished(job: Job, outcome: 'answered' | 'error'): void {
    this.deps.metrics.gestureWorked(job.recorded.channel.platform, job.recorded.kind, outcome);
    if (job.created.length) this.deps.delivery.kick(job.created);
    for (const work of job.after) work();
  }

  /** Whether a gesture of the batch has an earlier one of its person pending, outside the batch (worked before it, in its order, otherwise). */
  private async anyWaiting(rows: Row[]): Promise<boolean> {
    const ids = rows.map((row) => row.id);
    const earlier = await this.deps.db.inbound.findMany({
      where: { actor: { in: [...new Set(rows.map((row) => row.actor))] }, status: 'pending', id: { lt: Math.max(...ids), notIn: ids } },
      select: { id: true, actor: true },
    });
    return rows.some((row) => earlier.some((other) => other.actor === row.actor && other.id < row.id));
  }

  /** Fails with Waiting while an earlier gesture of the same person is pending (after a crash, or held by another process). */
  private async inTurn(row: Row): Promise<void> {
    const earlier = await this.deps.db.inbound.findFirst({ where: { actor: row.actor, status: 'pending', id: { lt: row.id } }, select: { id: true } });
    if (earlier) throw new Waiting();
  }

  /** The gesture with what the platform says of who and where; as recorded when the platform cannot say. */
  private async described(adapter: ChatAdapter, gesture: Gesture): Promise<Gesture> {
    if (!adapter.describe) return gesture;
    try {
      return await adapter.describe(gesture);
    } catch (error) {
      this.deps.logger.warn({ err: error, platform: adapter.platform }, 'the platform could not describe a gesture; working it as recorded');
      return gesture;
    }
  }

  /** First in the gesture's transaction: the row is ours and not yet done, or the transaction goes no further. */
  private async markDone(tx: Tx, row: Row, owner: string): Promise<void> {
    const won = await tx.inbound.updateMany({
      where: { id: row.id, status: 'pending', claimedBy: owner },
      data: { status: 'done', doneAt: wall.now(), leaseUntil: null },
    });
    if (won.count === 0) throw new Superseded();
  }
}
