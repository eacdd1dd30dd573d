import { platforms } from '../adapters/index.ts';
import { ConsoleAdapter } from '../adapters/console/console-adapter.ts';
import { createRegistry } from './commands/index.ts';
import { loadConfig, type Config } from './config.ts';
import type { ChatAdapter } from './core/adapter.ts';
import { systemClock, type Clock } from './core/clock.ts';
import { Messenger } from './core/messenger.ts';
import { openDatabase } from './db/client.ts';
import { Announcer, type AnnouncerTiming } from './domain/meetups/announcer.ts';
import { startRetention } from './domain/privacy/retention.ts';
import { HttpHost } from './http/host.ts';
import { mountHealth } from './http/health.ts';
import { mountWeb } from './web/mount.ts';
import { createLogger, type Logger } from './logger.ts';
import { Relais } from './relais.ts';
import { Scheduler } from './scheduler/scheduler.ts';
import type { Services } from './services.ts';

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  clock?: Clock;
  logger?: Logger;
  announcerTiming?: Partial<AnnouncerTiming>;
  /** Streams for the console chat when no platform is configured. */
  consoleIo?: { input: NodeJS.ReadableStream; output: NodeJS.WritableStream };
}

export interface RunningRelais {
  config: Config;
  services: Services;
  relais: Relais;
  adapters: ChatAdapter[];
  /** Set when no platform is configured: the terminal chat. */
  console?: ConsoleAdapter;
  /** The port the HTTP server listens on. */
  port: number;
  stop(): Promise<void>;
}

/**
 * The composition root: config → database (migrated) → services → commands → adapters → HTTP.
 * Used by `npm start` and by the tests, so tests run Relais exactly as production does.
 */
export async function startRelais(options: StartOptions = {}): Promise<RunningRelais> {
  const config = loadConfig(options.env ?? process.env);
  const consoleOnly = !platforms.some((entry) => entry.configured(config));
  const logger = options.logger ?? createLogger(config.LOG_LEVEL ?? (consoleOnly ? 'warn' : 'info'));
  const database = await openDatabase(config.DATABASE_URL);
  const clock = options.clock ?? systemClock;
  const messenger = new Messenger();
  const announcer = new Announcer({ db: database.db, messenger, clock, logger, config }, options.announcerTiming);
  const services: Services = { db: database.db, engine: database.engine, config, clock, logger, messenger, announcer };
  const relais = new Relais(services, createRegistry());
  const http = new HttpHost();
  mountHealth(http, services);
  mountWeb(http, services);

  const adapters: ChatAdapter[] = [];
  for (const entry of platforms.filter((candidate) => candidate.configured(config))) {
    const { adapter } = await entry.load();
    adapters.push(await adapter.create({ relais, config, logger: logger.child({ platform: entry.platform }), http }));
  }
  let consoleAdapter: ConsoleAdapter | undefined;
  if (adapters.length === 0) {
    const io = options.consoleIo ?? { input: process.stdin, output: process.stdout };
    consoleAdapter = new ConsoleAdapter(relais, { input: io.input as never, output: io.output as never });
    adapters.push(consoleAdapter);
  }
  for (const adapter of adapters) messenger.register(adapter);

  const port = await http.listen(config.PORT);
  for (const adapter of adapters) await adapter.start();
  announcer.start();
  const scheduler = new Scheduler(services);
  scheduler.start();
  const retention = startRetention(services);
  logger.info({ platforms: messenger.platforms, port, engine: database.engine }, 'Relais is ready');

  return {
    config,
    services,
    relais,
    adapters,
    ...(consoleAdapter ? { console: consoleAdapter } : {}),
    port,
    async stop() {
      await retention.stop();
      await scheduler.stop();
      // Inbound first, so no answer arrives after the last announcement edit; edits that are
      // still pending go out through the clients, which keep working once listening has stopped.
      for (const adapter of adapters) await adapter.stop();
      await announcer.stop();
      await http.close();
      await database.close();
    },
  };
}
