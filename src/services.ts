import type { Config } from './config.ts';
import type { Clock } from './core/clock.ts';
import type { Db, Engine } from './db/client.ts';
import type { Announcer } from './domain/meetups/announcer.ts';
import type { Messenger } from './core/messenger.ts';
import type { Logger } from './logger.ts';

/** The long-lived parts every handler and adapter shares, wired once in main.ts. */
export interface Services {
  db: Db;
  engine: Engine;
  config: Config;
  clock: Clock;
  logger: Logger;
  messenger: Messenger;
  announcer: Announcer;
}
