import type { Logger } from '../../src/core/logger.ts';
import type { Lease } from '../../src/core/state.ts';

export interface LeadershipTiming {
  /** How long the lease lasts after each renewal: a process that dies lets another take over after at most this (plus one renewal). */
  ttlMs: number;
  /** How often the holder renews, and the others try to take it. */
  renewMs: number;
}

/** Another process takes over within 25 s of the holder's death. */
export const defaultLeadership: LeadershipTiming = { ttlMs: 20_000, renewMs: 5000 };

export interface Role {
  /** This process now holds the lease: resolves once it has caught up (the sync's first batch). */
  lead(): Promise<void>;
  /** It no longer does, or is stopping: resolves once it has stopped leading. */
  follow(): Promise<void>;
}

/**
 * One process at a time plays a role (the sync loop of one Matrix account) among all those
 * sharing the database: whoever holds the lease, renewed every `renewMs`; the others try to take
 * it as often. A holder that cannot renew (the database away) gives the role up before its lease
 * could have run out for the others, so two processes never lead at once.
 */
export class Leadership {
  private leading = false;
  private renewedAt = 0;
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;
  /** Turns never overlap: each waits for the one before. */
  private turns: Promise<void> = Promise.resolve();
  private catchingUp: Promise<void> | undefined;
  private toldFollowing = false;

  constructor(
    private readonly lease: Lease,
    private readonly role: Role,
    private readonly logger: Logger,
    private readonly timing: LeadershipTiming = defaultLeadership,
  ) {}

  /** Takes the lease if it is free and, if so, resolves once caught up; then keeps trying or renewing. */
  async start(): Promise<void> {
    await this.turn();
    this.timer = setInterval(() => void this.turn(), this.timing.renewMs);
    this.timer.unref();
    await this.catchingUp;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.turns;
    if (this.leading) await this.giveUp();
    // Free at once for the next process, rather than when it runs out.
    await this.lease.release().catch((error: unknown) => this.logger.warn({ err: error }, 'could not release the sync lease; it runs out by itself'));
  }

  private turn(): Promise<void> {
    this.turns = this.turns.then(() => this.decide());
    return this.turns;
  }

  private async decide(): Promise<void> {
    if (this.stopped) return;
    let held: boolean;
    try {
      held = await this.lease.acquire();
    } catch (error) {
      // Unrenewed, the lease may soon be another's: give the role up one renewal before it can be.
      const lapsing = this.leading && Date.now() - this.renewedAt >= this.timing.ttlMs - this.timing.renewMs;
      this.logger.warn({ err: error, leading: this.leading, givingUp: lapsing }, 'could not renew the sync lease');
      if (lapsing) await this.giveUp();
      return;
    }
    if (held) {
      this.renewedAt = Date.now();
      if (!this.leading) {
        this.leading = true;
        this.logger.info('this process now syncs with the homeserver');
        // Not awaited here: renewals go on while the first batch is handled.
        this.catchingUp = this.role.lead().catch((error: unknown) => {
          // Still holding the lease, the next turn tries again.
          this.leading = false;
          this.logger.error({ err: error }, 'could not start syncing with the homeserver');
        });
      }
    } else if (this.leading) {
      await this.giveUp();
    } else if (!this.toldFollowing) {
      this.toldFollowing = true;
      this.logger.info('another process syncs with the homeserver; this one sends, and takes over if that one stops');
    }
  }

  private async giveUp(): Promise<void> {
    this.leading = false;
    if (!this.stopped) this.logger.warn('this process no longer syncs with the homeserver');
    // A sync being started is let start first, then stopped.
    await this.catchingUp;
    await this.role.follow();
  }
}
