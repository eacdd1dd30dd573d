import type { Logger } from '../logger.ts';

export interface WorkQueueOptions {
  /** What the logs call this queue ("Slack"…). */
  name: string;
  logger: Pick<Logger, 'warn'>;
  /** Jobs under way at once: a job waiting on the network (a Web API answer) lets the next start. */
  concurrency?: number;
  /** A backlog this long is logged: answers are running late. */
  warnAt?: number;
  /** Beyond this many waiting jobs, a new job runs at once, as without a queue: memory stays bounded. */
  maxBacklog?: number;
}

/**
 * The work an adapter does after acknowledging a platform's request (deduplication, lookups,
 * database writes, the answer). Acknowledgements must not wait behind it, and on SQLite every
 * query blocks the event loop: so jobs start one `setImmediate` apart, and the requests that
 * arrived meanwhile are read and acknowledged before the next job starts. Jobs start in arrival
 * order; `first` puts a job ahead of the backlog (one holding a Slack trigger id, which expires).
 */
export class WorkQueue {
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private scheduled = false;
  private lateLogged = false;
  private overflowLogged = false;
  private readonly idleWaiters: (() => void)[] = [];
  private readonly concurrency: number;
  private readonly warnAt: number;
  private readonly maxBacklog: number;

  constructor(private readonly options: WorkQueueOptions) {
    this.concurrency = options.concurrency ?? 1;
    this.warnAt = options.warnAt ?? 500;
    this.maxBacklog = options.maxBacklog ?? 5000;
  }

  /** Runs the job in its turn; settles as the job does. */
  run<T>(job: () => Promise<T>, { first = false } = {}): Promise<T> {
    if (this.waiting.length >= this.maxBacklog) {
      if (!this.overflowLogged) this.options.logger.warn({ queue: this.options.name, backlog: this.waiting.length }, 'work backlog full: new work runs at once, acknowledgements will slow down');
      this.overflowLogged = true;
      return this.track(job);
    }
    return new Promise<T>((resolve, reject) => {
      const start = () => void this.track(job).then(resolve, reject);
      if (first) this.waiting.unshift(start);
      else this.waiting.push(start);
      if (this.waiting.length === this.warnAt && !this.lateLogged) {
        this.options.logger.warn({ queue: this.options.name, backlog: this.waiting.length }, 'work is piling up: answers are running late');
        this.lateLogged = true;
      }
      this.pump();
    });
  }

  /** Resolves once nothing is waiting or under way (to stop without dropping acknowledged work). */
  idle(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private async track<T>(job: () => Promise<T>): Promise<T> {
    this.running += 1;
    try {
      return await job();
    } finally {
      this.running -= 1;
      this.pump();
    }
  }

  private pump(): void {
    if (this.running === 0 && this.waiting.length === 0) {
      this.lateLogged = false;
      this.overflowLogged = false;
      for (const resolve of this.idleWaiters.splice(0)) resolve();
      return;
    }
    if (this.scheduled || this.running >= this.concurrency || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.running < this.concurrency) this.waiting.shift()?.();
      this.pump();
    });
  }
}
