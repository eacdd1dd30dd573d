import { setTimeout as sleep } from 'node:timers/promises';

/** Requests that may go at once after a quiet spell: start-up's handful (whoami, profile, joined rooms, filter…) is not paced like bulk sends. */
export const PACER_BURST = 5;

/**
 * Holds API requests to `rate` per second on average, in arrival order (Tchap asks bots for about
 * one request per second): a token bucket of PACER_BURST tokens refilled at `rate`, kept as the
 * time the bucket will be full again (`fullAt`). A 429 pushes every later request back by the
 * server's retry_after_ms and empties the bucket, since the server is telling this whole account,
 * not one request, to slow down.
 */
export class RequestPacer {
  private fullAt = 0;
  private readonly spacingMs: number;
  private readonly burstMs: number;

  constructor(requestsPerSecond: number, burst = PACER_BURST) {
    this.spacingMs = 1000 / requestsPerSecond;
    this.burstMs = (burst - 1) * this.spacingMs;
  }

  async take(): Promise<void> {
    const now = Date.now();
    // A request may go once the bucket holds a token: when it is at most burst - 1 tokens from full.
    const slot = Math.max(now, this.fullAt - this.burstMs);
    this.fullAt = Math.max(this.fullAt, slot) + this.spacingMs;
    if (slot > now) await sleep(slot - now);
  }

  holdOff(ms: number): void {
    this.fullAt = Math.max(this.fullAt, Date.now() + ms + this.burstMs);
  }
}
