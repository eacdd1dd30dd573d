import { systemClock } from '../core/clock.ts';

/**
 * Renews a process's claims every third of their lease for as long as it lives, so a claim that
 * runs out means its process is gone (killed, frozen, cut off) and another may take the work over.
 * Real time: leases are about processes, not the time Relais lives in. Returns the stop.
 */
export function keepClaimsAlive(leaseMs: number, renew: (until: Date) => Promise<unknown>, onError: (error: unknown) => void): () => void {
  const timer = setInterval(() => {
    renew(new Date(systemClock.now().getTime() + leaseMs)).catch(onError);
  }, leaseMs / 3);
  timer.unref();
  return () => clearInterval(timer);
}
