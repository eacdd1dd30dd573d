import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Spaces API requests at least 1/rate seconds apart, in arrival order (Tchap asks bots for about
 * one request per second). A 429 pushes every later request back by the server's retry_after_ms,
 * since the server is telling this whole account, not one request, to slow down.
 */
export class RequestPacer {
  private nextSlot = 0;
  private readonly spacingMs: number;

  constructor(requestsPerSecond: number) {
    this.spacingMs = 1000 / requestsPerSecond;
  }

  async take(): Promise<void> {
    const now = Date.now();
    const slot = Math.max(now, this.nextSlot);
    this.nextSlot = slot + this.spacingMs;
    if (slot > now) await sleep(slot - now);
  }

  holdOff(ms: number): void {
    this.nextSlot = Math.max(this.nextSlot, Date.now() + ms);
  }
}
