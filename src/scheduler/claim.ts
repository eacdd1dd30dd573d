import type { SendOptions } from '../core/adapter.ts';
import type { Clock } from '../core/clock.ts';
import { isUniqueViolation } from '../db/errors.ts';

/**
 * claimed: a process holds the lease and has sent nothing yet;
 * posting: it recorded its intent and is calling the platform;
 * posted / skipped (empty digest, cancelled meetup) / missed (too late) / uncertain (the process
 * died during the platform call, so the message may or may not be there): settled.
 */
export type ClaimStatus = 'claimed' | 'posting' | 'posted' | 'skipped' | 'missed' | 'uncertain';

const settledStatuses: readonly string[] = ['posted', 'skipped', 'missed', 'uncertain'] satisfies ClaimStatus[];

export interface ClaimRow {
  id: number;
  status: string;
  claimedBy: string | null;
  leaseUntil: Date | null;
  dueAt: Date | null;
}

export interface ClaimFields {
  status: ClaimStatus;
  claimedBy: string;
  leaseUntil: Date | null;
  dueAt: Date;
  messageId?: string | null;
  postedAt?: Date | null;
}

export interface ClaimCondition {
  id: number;
  status?: ClaimStatus;
  claimedBy?: string;
  leaseUntil?: { lt: Date };
  dueAt?: { lt: Date };
}

/** The row of one delivery (a digest for a period, a reminder for an offset) in the table that holds it. */
export interface ClaimTable {
  find(): PromiseLike<ClaimRow | null>;
  /** Fails with a unique violation when the row already exists. */
  insert(fields: ClaimFields): PromiseLike<ClaimRow>;
  /** Writes only if the row still matches `where`; the count (0 or 1) says whether this process won. */
  update(where: ClaimCondition, fields: Partial<ClaimFields>): PromiseLike<number>;
}

export interface ClaimTiming {
  /** How long a claim is reserved before another process may take it over. */
  leaseMs: number;
  /** After a failed post, how long before the delivery is tried again. */
  retryMs: number;
}

export const defaultClaimTiming: ClaimTiming = { leaseMs: 2 * 60_000, retryMs: 5 * 60_000 };

export interface Delivery<Prepared> {
  table: ClaimTable;
  /** The message's key: the same on every attempt, so the platform shows it once. */
  key: string;
  /**
   * The platform makes one key appear once even across crashes: a post whose process died
   * mid-call is then sent again (the platform keeps it single) instead of being left uncertain.
   */
  idempotent: boolean;
  /** This process (or scheduler instance): the claim's owner. */
  owner: string;
  clock: Clock;
  timing: ClaimTiming;
  /** When it was due; a settled row for an earlier due time is done again when `rearm` is set. */
  dueAt: Date;
  /** False when it is too late: the delivery is recorded as missed instead of posted. */
  onTime: boolean;
  rearm?: boolean;
  /** What to post; undefined settles the delivery as skipped. */
  prepare(): Promise<Prepared | undefined>;
  /** Posts and returns the platform's message id. */
  post(prepared: Prepared, options: SendOptions): Promise<string>;
}

/**
 * posted/skipped/missed: settled by this call; uncertain: found left mid-post by a dead process,
 * and settled so; settled: already was; busy: another process holds it.
 */
export type DeliveryOutcome = 'posted' | 'skipped' | 'missed' | 'uncertain' | 'settled' | 'busy';

export const isSettled = (row: Pick<ClaimRow, 'status'>) => settledStatuses.includes(row.status);

/**
 * Posts a delivery once, whatever the number of processes and restarts.
 *
 * The unique key of the row is the lock: the first insert wins, others see the row and do
 * nothing. The winner records its intent ("posting") just before calling the platform and the
 * message id just after. A claim whose lease ran out before its intent was recorded belonged to a
 * process that died before sending: any process may take it over. A row left in "posting" by a
 * dead process may already be in the channel: where the platform makes one key appear once
 * (`idempotent`), it is taken over and sent again under the same key, so it shows once; elsewhere
 * it becomes "uncertain" and is never sent again — a duplicate in a busy channel is worse than a
 * rare missing digest. A post that fails with an error is released and tried again after
 * `retryMs` while still on time.
 */
export async function deliverOnce<Prepared>(delivery: Delivery<Prepared>): Promise<DeliveryOutcome> {
  const acquired = await acquire(delivery);
  if (typeof acquired === 'string') return acquired;
  const { table, owner, clock, timing } = delivery;
  const mine = { id: acquired.id, claimedBy: owner };
  const stage: ClaimStatus = acquired.resumed ? 'posting' : 'claimed';
  const retryLater = (status: ClaimStatus) => table.update({ ...mine, status }, { status: 'claimed', leaseUntil: lease(clock, timing.retryMs) });
  const prepared = await delivery.prepare().catch(async (error: unknown) => {
    await retryLater(stage);
    throw error;
  });
  if (prepared === undefined) {
    const won = await table.update({ ...mine, status: stage }, { status: 'skipped', leaseUntil: null });
    return won ? 'skipped' : 'busy';
  }
  if (!acquired.resumed) {
    const intent = await table.update({ ...mine, status: 'claimed' }, { status: 'posting', leaseUntil: lease(clock, timing.leaseMs) });
    if (!intent) return 'busy';
  }
  const messageId = await delivery.post(prepared, { key: delivery.key, retry: acquired.resumed }).catch(async (error: unknown) => {
    // A failed call may still have landed: an idempotent platform is asked again as a retry
    // (the row stays "posting", taken over once its lease runs out); others go back to "claimed".
    if (delivery.idempotent) await table.update({ ...mine, status: 'posting' }, { leaseUntil: lease(clock, timing.retryMs) });
    else await retryLater('posting');
    throw error;
  });
  // Whatever another process concluded meanwhile (a slow call marked uncertain), the message is there.
  await table.update(mine, { status: 'posted', messageId, postedAt: clock.now(), leaseUntil: null });
  return 'posted';
}

const lease = (clock: Clock, ms: number) => new Date(clock.now().getTime() + ms);

/**
 * The row's id when this process now holds its claim (`resumed`: a dead process's post, taken
 * over in "posting"), else what became of the delivery.
 */
async function acquire(delivery: Delivery<unknown>): Promise<{ id: number; resumed: boolean } | DeliveryOutcome> {
  const { table, owner, clock, timing, dueAt, onTime } = delivery;
  const now = clock.now();
  const claim: ClaimFields = onTime
    ? { status: 'claimed', claimedBy: owner, leaseUntil: lease(clock, timing.leaseMs), dueAt }
    : { status: 'missed', claimedBy: owner, leaseUntil: null, dueAt };
  const outcome = onTime ? undefined : 'missed';
  const row = await table.find();
  if (!row) {
    try {
      const inserted = await table.insert(claim);
      return outcome ?? { id: inserted.id, resumed: false };
    } catch (error) {
      if (isUniqueViolation(error)) return 'busy';
      throw error;
    }
  }
  const expired = row.leaseUntil !== null && row.leaseUntil < now;
  if (row.status === 'posting' && expired) {
    if (delivery.idempotent && onTime) {
      const won = await table.update({ id: row.id, status: 'posting', leaseUntil: { lt: now } }, { claimedBy: owner, leaseUntil: lease(clock, timing.leaseMs) });
      return won ? { id: row.id, resumed: true } : 'busy';
    }
    const marked = await table.update({ id: row.id, status: 'posting', leaseUntil: { lt: now } }, { status: 'uncertain' });
    return marked ? 'uncertain' : 'busy';
  }
  if (delivery.rearm && isSettled(row) && row.dueAt !== null && row.dueAt < dueAt) {
    const won = await table.update({ id: row.id, dueAt: { lt: dueAt } }, { ...claim, messageId: null, postedAt: null });
    return won ? (outcome ?? { id: row.id, resumed: false }) : 'busy';
  }
  if (row.status === 'claimed' && expired) {
    const won = await table.update({ id: row.id, status: 'claimed', leaseUntil: { lt: now } }, claim);
    return won ? (outcome ?? { id: row.id, resumed: false }) : 'busy';
  }
  return isSettled(row) ? 'settled' : 'busy';
}
