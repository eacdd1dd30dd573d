import { systemClock } from '../core/clock.ts';
import type { Lease } from '../core/state.ts';
import { isUniqueViolation } from './errors.ts';
import type { Tx } from './transaction.ts';

interface Held { owner: string; until: string }

/**
 * Leases in the BotState table, under `<namespace>:lease:<name>`, each row saying who holds it and
 * until when. Taking over is a compare-and-set on the row as it was read, so of two processes
 * racing for a lease that ran out, one wins. Times are the machines' own clocks (they go by real
 * time, like the inbox's claims): processes sharing a database must keep them in step (NTP).
 */
export function leases(db: Tx, namespace: string, owner: string): (name: string, ttlMs: number) => Lease {
  return (name, ttlMs) => {
    const key = `${namespace}:lease:${name}`;
    return {
      async acquire() {
        const now = systemClock.now().getTime();
        const value = JSON.stringify({ owner, until: new Date(now + ttlMs).toISOString() } satisfies Held);
        const row = await db.botState.findUnique({ where: { key } });
        if (!row) {
          try {
            await db.botState.create({ data: { key, value } });
            return true;
          } catch (error) {
            if (isUniqueViolation(error)) return false;
            throw error;
          }
        }
        const held = JSON.parse(row.value) as Held;
        if (held.owner !== owner && Date.parse(held.until) > now) return false;
        return (await db.botState.updateMany({ where: { key, value: row.value }, data: { value } })).count === 1;
      },
      async release() {
        const row = await db.botState.findUnique({ where: { key } });
        if (row && (JSON.parse(row.value) as Held).owner === owner) await db.botState.deleteMany({ where: { key, value: row.value } });
      },
    };
  };
}

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
