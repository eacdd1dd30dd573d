import type { Clock } from '../core/clock.ts';
import type { Logger } from '../core/logger.ts';
import type { Messenger } from '../core/messenger.ts';
import { processOwner } from '../core/process.ts';
import type { Config, CoreConfig } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { RenderAnnouncement } from '../domain/meetups/announcer.ts';
import type { Metrics } from '../ops/metrics.ts';
import { defaultClaimTiming, type ClaimTiming } from './claim.ts';

/** What scheduled deliveries need. */
export interface SchedulerDeps {
  db: Db;
  clock: Clock;
  /** The whole configuration: the wiki's schedule is read from it. */
  config: Config;
  logger: Logger;
  messenger: Messenger;
  /** Reminders show the meetup as its announcement does. */
  renderAnnouncement: RenderAnnouncement;
  metrics: Metrics;
}

/** What a delivery needs: its dependencies, who claims (this process), and the lease timing. */
export interface DeliveryContext {
  deps: SchedulerDeps;
  owner: string;
  timing: ClaimTiming;
}

export const deliveryContext = (deps: SchedulerDeps, owner = processOwner, timing = defaultClaimTiming): DeliveryContext => ({ deps, owner, timing });

export const graceMs = (config: Pick<CoreConfig, 'RELAIS_CATCHUP_HOURS'>) => config.RELAIS_CATCHUP_HOURS * 3_600_000;
