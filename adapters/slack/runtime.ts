import { looksUnavailable } from '../../src/commands/to-relais-error.ts';
import type { webApi } from '@slack/bolt';
import type { Config } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import type { Relais } from '../../src/relais.ts';
import type { WorkQueue } from '../../src/core/work-queue.ts';
import type { People } from './people.ts';

/** What every Slack listener works with. */
export interface SlackRuntime {
  relais: Relais;
  config: Config;
  client: webApi.WebClient;
  people: People;
  logger: Logger;
  /** Where listeners do their work once Slack has its acknowledgement. */
  work: WorkQueue;
}

/**
 * True the first time Slack delivers this gesture (an event_id, a click's action_ts and user…);
 * a redelivery is logged and ignored, in this process or any other sharing the database.
 */
export async function firstDelivery(runtime: Pick<SlackRuntime, 'relais' | 'logger'>, key: string): Promise<boolean | 'unavailable'> {
  let first: boolean;
  try {
    first = await runtime.relais.firstDelivery(`slack:${key}`);
  } catch (error) {
    if (!looksUnavailable(error)) throw error;
    // Slack will not redeliver what was acknowledged: the caller answers "temporarily
    // unavailable" (or goes on, where there is nobody to answer) rather than staying silent.
    runtime.logger.warn({ key }, 'could not record a delivery: database unavailable');
    return 'unavailable';
  }
  if (!first) runtime.logger.info({ key }, 'Slack delivered this again; ignored');
  return first;
}
