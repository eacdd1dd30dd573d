import type { ChatAdapter } from './core/adapter.ts';
import { systemClock, type Clock } from './core/clock.ts';
import type { Logger } from './core/logger.ts';
import { Messenger } from './core/messenger.ts';
import type { PlatformModule } from './core/platform-module.ts';
import type { RelaisPort } from './core/port.ts';
import { processOwner } from './core/process.ts';
import type { Config } from './config.ts';
import { openDatabase, type Db, type Engine } from './db/client.ts';
import { keyValueStore } from './db/key-value.ts';
import { leases } from './db/lease.ts';
import { DeliveryWorker, type DeliveryTiming } from './delivery/worker.ts';
import { userRefOf } from './domain/directory.ts';
import { announcementEffect } from './domain/meetups/announce.ts';
import { Announcer, type AnnouncerTiming } from './domain/meetups/announcer.ts';
import { startRetention } from './domain/privacy/retention.ts';
import { reindexStaleTips } from './domain/tips/search-index.ts';
import { HttpHost } from './http/host.ts';
import { mountHealth } from './http/health.ts';
import { mountMetrics } from './http/metrics.ts';
import { registerPlatformStrings, translate } from './i18n/translate.ts';
import { announcementRenderer } from './interactions/cards.ts';
import { Pipeline, type PipelineTiming } from './interactions/pipeline/pipeline.ts';
import { unavailableCard } from './interactions/pipeline/replies.ts';
import { Interactions } from './interactions/registry.ts';
import { createLogger } from './logger.ts';
import { PrometheusMetrics } from './ops/prometheus.ts';
import { withQueryTiming } from './ops/query-timing.ts';
import { defaultClaimTiming, type ClaimTiming } from './scheduler/claim.ts';
import { deliveryContext, type SchedulerDeps } from './scheduler/context.ts';
import { summaryEffect } from './scheduler/digests.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import { mountWeb } from './web/mount.ts';

/** How long stopping waits, in all, for the work in hand before leaving it to the next process. */
const STOP_GRACE_MS = 10_000;

/** Gestures and messages this process claimed and did not finish: free for another process at once. */
async function releaseClaims(db: Db, owner: string): Promise<void> {
  await db.inbound.updateMany({ where: { status: 'pending', claimedBy: owner }, data: { claimedBy: null, leaseUntil: null } });
  // A message being sent may have landed: left as it is, its lease runs out and a retry looks before sending.
  await db.outbound.updateMany({ where: { status: 'pending', claimedBy: owner }, data: { claimedBy: null, leaseUntil: null } });
}

export interface BuildOptions {
  /** The platforms this build can serve (adapters/index.ts in production, more in tests). */
  platforms: PlatformModule[];
  clock?: Clock;
  logger?: Logger;
  /** Per platform name, what its adapter is handed (the console's streams in tests). */
  platformOptions?: Record<string, unknown>;
  timing?: { announcer?: Partial<AnnouncerTiming>; delivery?: Partial<DeliveryTiming>; pipeline?: Partial<PipelineTiming>; claims?: Partial<ClaimTiming> };
  /** Who claims work in the database: this process unless a test runs two Relais in one. */
  owner?: string;
  /** False: this process schedules nothing (digests, reminders, wiki), for a test that runs its own scheduler. */
  schedule?: boolean;
}

export interface RunningRelais {
  config: Config;
  db: Db;
  engine: Engine;
  clock: Clock;
  logger: Logger;
  port: RelaisPort;
  adapters: ChatAdapter[];
  announcer: Announcer;
  /** What scheduled deliveries work with (tests run schedulers of their own on it). */
  scheduling: SchedulerDeps;
  /** The port the HTTP server listens on. */
  httpPort: number;
  /** Resolves once every gesture, message and announcement edit this process holds is done. */
  settle(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The one wiring point, used by `npm start` (src/main.ts), the tests and the benchmarks:
 * database (migrated) → declarations → pipeline, outbox and announcer → the configured platforms'
 * adapters (or the fallback one, the console) → HTTP → scheduler.
 */
export async function buildRelais(config: Config, options: BuildOptions): Promise<RunningRelais> {
  const configured = options.platforms.filter((module) => !module.fallback && module.configured(config as never));
  const modules = configured.length ? configured : options.platforms.filter((module) => module.fallback);
  const logger = options.logger ?? createLogger(config.LOG_LEVEL ?? (configured.length ? 'info' : 'warn'));
  const clock = options.clock ?? systemClock;
  const owner = options.owner ?? processOwner;
  for (const module of options.platforms) registerPlatformStrings(module.name, module.strings);

  const database = await openDatabase(config.DATABASE_URL);
  const { engine } = database;
  const metrics = new PrometheusMetrics(database.db, logger);
  const db = withQueryTiming(database.db, metrics);
  // The one data step SQL migrations cannot do: tips indexed by older search rules are stemmed again.
  await reindexStaleTips(db);
  const messenger = new Messenger();
  const interactions = new Interactions(config);
  const renderAnnouncement = announcementRenderer(config.RELAIS_PUBLIC_URL);
  const announcer = new Announcer({ db, messenger, logger, render: renderAnnouncement, metrics }, options.timing?.announcer);
  const delivery = new DeliveryWorker({
    db, messenger, logger, clock, owner, effects: { announcement: announcementEffect, summary: summaryEffect }, metrics, timing: options.timing?.delivery,
  });
  const schedulerDeps: SchedulerDeps = { db, clock, config, logger, messenger, renderAnnouncement, metrics, outbox: delivery };
  const byName = new Map(options.platforms.map((module) => [module.name, module]));
  const admins = new Set([...config.RELAIS_ADMINS, ...modules.flatMap((module) => module.admins?.(config as never) ?? [])]);
  const pipeline = new Pipeline({
    db, engine, clock, config, logger, messenger, delivery, interactions, renderAnnouncement, owner, admins, metrics,
    changed: (meetupId) => announcer.changed(meetupId),
    scheduler: deliveryContext(schedulerDeps, owner, { ...defaultClaimTiming, ...options.timing?.claims }),
    timing: options.timing?.pipeline,
    platformOf(name) {
      const module = byName.get(name);
      return {
        commandPrefix: module?.commandPrefix ?? '/',
        parseMention: (text, gesture) => module?.parseMention(text, gesture.channel),
        forget: async (tx, member) => module?.forget?.(keyValueStore(tx, name), userRefOf(member)),
      };
    },
  });
  const settle = async () => {
    // Work begets work (a gesture queues messages, a landed post queues its reactions): until quiet.
    do {
      await pipeline.idle();
      await delivery.idle();
      await announcer.flush();
      await new Promise((resolve) => setImmediate(resolve));
    } while (pipeline.busy || delivery.busy);
  };
  const port: RelaisPort = {
    handle: (gesture) => pipeline.handle(gesture),
    declarations: interactions.declarations(),
    checkForm(formId, values, locale, subject) {
      const checked = interactions.form(formId)?.check(values, { locale, now: clock.now(), subject });
      return checked && !checked.ok ? checked.errors : undefined;
    },
    unavailableCard: (locale) => unavailableCard(locale ?? config.RELAIS_LOCALE),
    translate,
    defaultLocale: config.RELAIS_LOCALE,
    clock,
    drain: settle,
  };

  const http = new HttpHost();
  mountHealth(http, { db, engine });
  mountMetrics(http, metrics, config.RELAIS_METRICS_TOKEN);
  mountWeb(http, { db, engine, config, clock, logger });
  const adapters: ChatAdapter[] = [];
  try {
    for (const module of modules) {
      const adapter = await module.create({
        port, config: config as never, logger: logger.child({ platform: module.name }), http, state: keyValueStore(db, module.name), lease: leases(db, module.name, owner),
        options: options.platformOptions?.[module.name],
      });
      adapters.push(adapter);
      messenger.register(adapter);
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  const listening = await http.listen(config.PORT);
  for (const adapter of adapters) await adapter.start();
  pipeline.start();
  delivery.start();
  announcer.start();
  const scheduler = options.schedule === false ? undefined : new Scheduler(schedulerDeps, { owner, timing: options.timing?.claims });
  scheduler?.start();
  const retention = startRetention({ db, clock, logger, rsvpDays: config.RELAIS_RSVP_RETENTION_DAYS, tipDays: config.RELAIS_TIP_PURGE_DAYS });
  logger.info({ platforms: messenger.platforms, port: listening, engine }, 'Relais is ready');

  return {
    config, db, engine, clock, logger, port, adapters, announcer, scheduling: schedulerDeps, httpPort: listening, settle,
    async stop() {
      // Each step waits for the work in hand, all of them within one bound: a platform call that
      // hangs must not keep the process from stopping. What is left stays recorded, released
      // below for the next process to take (a message being sent is looked for before a resend).
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, STOP_GRACE_MS).unref());
      const bounded = (work: Promise<unknown>) => Promise.race([work, deadline]);
      await bounded(retention.stop());
      if (scheduler) await bounded(scheduler.stop());
      // Inbound first: no new gesture arrives while the last ones and their messages finish.
      for (const adapter of adapters) await bounded(adapter.stop());
      await bounded(settle());
      await bounded(pipeline.stop());
      await bounded(delivery.stop());
      await bounded(announcer.stop());
      await releaseClaims(db, owner).catch((error: unknown) => logger.warn({ err: error }, 'could not release claims at shutdown'));
      await http.close();
      await database.close();
    },
  };
}
