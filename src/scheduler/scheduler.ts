import cron, { type ScheduledTask } from 'node-cron';
import { processOwner } from '../core/process.ts';
import { defaultClaimTiming, type ClaimTiming } from './claim.ts';
import type { DeliveryContext, SchedulerDeps } from './context.ts';
import { runDigests } from './digests.ts';
import { runReminders } from './reminders.ts';
import { runSeries } from './series.ts';
import { WikiSchedule } from './wiki.ts';

export interface SchedulerOptions {
  /** Who claims deliveries: this process by default; tests run two schedulers in one process. */
  owner?: string;
  timing?: Partial<ClaimTiming>;
}

/**
 * Digests and meetup reminders. node-cron only ticks once a minute; each tick asks the database
 * what is due now (by the injected clock), so nothing is lost on restart, DST changes are
 * computed rather than counted, and several processes sharing one database post each thing once.
 */
export class Scheduler {
  private task: ScheduledTask | undefined;
  private running: Promise<void> | undefined;
  private readonly ctx: DeliveryContext;
  private readonly wiki: WikiSchedule;

  constructor(deps: SchedulerDeps, options: SchedulerOptions = {}) {
    this.ctx = { deps, owner: options.owner ?? processOwner, timing: { ...defaultClaimTiming, ...options.timing } };
    this.wiki = new WikiSchedule(this.ctx);
  }

  /** Ticks every minute, and once right away to catch up on what came due while Relais was down. */
  start(): void {
    const { logger } = this.ctx.deps;
    this.task = cron.schedule('* * * * *', () => this.tick(), {
      name: 'relais-scheduler',
      logger: {
        info: (message: string) => logger.debug(message),
        warn: (message: string) => logger.warn(message),
        error: (message: string) => logger.error(message),
        debug: (message: string) => logger.debug(message),
      },
    });
    void this.tick();
  }

  /** Posts what is due now. Ticks never overlap: a tick asked for while one runs waits for it. */
  tick(): Promise<void> {
    this.running ??= this.runOnce().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async runOnce(): Promise<void> {
    const { logger } = this.ctx.deps;
    void this.wiki.tick();
    await runDigests(this.ctx).catch((error: unknown) => logger.error({ err: error }, 'digest tick failed'));
    // Before reminders: a date announced this tick may already be due for one.
    await runSeries(this.ctx).catch((error: unknown) => logger.error({ err: error }, 'series tick failed'));
    await runReminders(this.ctx).catch((error: unknown) => logger.error({ err: error }, 'reminder tick failed'));
  }

  /** Stops ticking and waits for the tick in progress, so nothing is cut off mid-post on shutdown. */
  async stop(): Promise<void> {
    await this.task?.destroy();
    this.task = undefined;
    await this.running;
    await this.wiki.stop();
  }
}
