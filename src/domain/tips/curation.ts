import { DateTime, Duration } from 'luxon';
import { RelaisError } from '../../core/errors.ts';
import type { Prisma } from '../../generated/sqlite/client.ts';
import { atomically, type Tx } from '../../db/transaction.ts';
import type { MemberRecord } from '../directory.ts';
import { getTip, tipInclude, type TipView } from './service.ts';
import { tipsReadBy, type Readers } from './visibility.ts';

/** How long a verification holds when the moderator does not say: then the tip is due for review. */
export const DEFAULT_REVIEW_INTERVAL: Duration = Duration.fromObject({ months: 12 });
const SHORTEST_REVIEW = Duration.fromObject({ days: 1 });
const LONGEST_REVIEW = Duration.fromObject({ years: 5 });

const intervalUnits: Record<string, 'days' | 'weeks' | 'months' | 'years'> = {
  j: 'days', jour: 'days', jours: 'days', d: 'days', day: 'days', days: 'days',
  sem: 'weeks', semaine: 'weeks', semaines: 'weeks', w: 'weeks', week: 'weeks', weeks: 'weeks',
  m: 'months', mois: 'months', month: 'months', months: 'months',
  a: 'years', an: 'years', ans: 'years', annee: 'years', annees: 'years', année: 'years', années: 'years', y: 'years', year: 'years', years: 'years',
};

/** "6 mois", "18m", "1 an", "90 days"…: how long a verification holds, from one day to five years. */
export function reviewInterval(text: string): Duration {
  const match = /^(\d{1,4})\s*(\p{L}+)$/u.exec(text.trim().toLowerCase());
  const unit = match ? intervalUnits[match[2]!] : undefined;
  const interval = match && unit ? Duration.fromObject({ [unit]: Number(match[1]) }) : undefined;
  if (!interval || interval < SHORTEST_REVIEW || interval > LONGEST_REVIEW) throw new RelaisError('invalid_argument', 'curation.errors.interval', { text });
  return interval;
}

/** Verified now: a moderator verified it and its review date is still ahead. */
export const isVerified = (tip: Pick<TipView, 'verifiedAt' | 'reviewAt'>, now: Date): boolean =>
  tip.verifiedAt !== null && tip.reviewAt !== null && tip.reviewAt > now;

/**
 * A moderator says the tip is right: verified until `now` plus the interval (12 months unless
 * said), when it comes back to the moderation queue. Its open flags are settled by it.
 */
export async function verifyTip(db: Tx, id: number, by: MemberRecord, now: Date, interval: Duration = DEFAULT_REVIEW_INTERVAL): Promise<TipView> {
  const reviewAt = DateTime.fromJSDate(now).plus(interval).toJSDate();
  return atomically(db, async (tx) => {
    await tx.tipFlag.updateMany({ where: { tipId: id, resolvedAt: null }, data: { resolvedAt: now } });
    return tx.tip.update({ where: { id }, data: { verifiedAt: now, verifiedById: by.id, reviewAt }, include: tipInclude });
  });
}

export const MAX_FLAG_REASON = 500;

/** Anyone may say a tip is outdated or wrong, once until a moderator has looked at it: once per person, whichever of their linked accounts. */
export async function flagTip(db: Tx, id: number, by: MemberRecord, reason: string, now: Date, readers: Readers): Promise<TipView> {
  const tip = await getTip(db, id, readers);
  const flagged = await db.tipFlag.findFirst({ where: { tipId: tip.id, resolvedAt: null, member: { personId: by.personId } } });
  if (flagged) throw new RelaisError('conflict', 'curation.errors.alreadyFlagged', { id: tip.id });
  await db.tipFlag.create({ data: { tipId: tip.id, memberId: by.id, reason, createdAt: now } });
  return tip;
}

/** A restricted tip (saved in a private channel) becomes public: the web pages, the exports and the wiki show it. */
export async function publishTip(db: Tx, id: number): Promise<void> {
  const tip = await db.tip.findUniqueOrThrow({ where: { id }, select: { restricted: true } });
  if (!tip.restricted) throw new RelaisError('conflict', 'curation.errors.alreadyPublic', { id });
  await db.tip.update({ where: { id }, data: { restricted: false } });
}

const queueInclude = {
  ...tipInclude,
  flags: { where: { resolvedAt: null }, orderBy: { createdAt: 'asc' }, include: { member: { select: { displayName: true } } } },
} satisfies Prisma.TipInclude;

export type QueuedTip = Prisma.TipGetPayload<{ include: typeof queueInclude }>;

export interface ModerationQueue {
  tips: QueuedTip[];
  /** All the tips waiting, of which `tips` are the first. */
  total: number;
}

/** What a moderation queue covers: one network's tips, or (read in a channel of no network) every one's. */
export type QueueScope = { networkId: number } | 'all';

/**
 * The tips waiting for a moderator: flagged ones, and verified ones whose review date has come;
 * the longest waiting first (review dates, then numbers).
 */
export async function moderationQueue(db: Tx, options: { scope: QueueScope; readers: Readers; now: Date; limit: number }): Promise<ModerationQueue> {
  const where: Prisma.TipWhereInput = {
    AND: [
      tipsReadBy(options.readers),
      options.scope === 'all' ? {} : { networkId: options.scope.networkId },
      { OR: [{ flags: { some: { resolvedAt: null } } }, { reviewAt: { lte: options.now } }] },
    ],
  };
  const [tips, total] = await Promise.all([
    db.tip.findMany({ where, include: queueInclude, orderBy: [{ reviewAt: { sort: 'asc', nulls: 'last' } }, { id: 'asc' }], take: options.limit }),
    db.tip.count({ where }),
  ]);
  return { tips, total };
}

/** The queue of a channel's network: every network's for a channel attached to none. */
export const queueScopeOf = (channel: { networkId: number | null }): QueueScope => (channel.networkId === null ? 'all' : { networkId: channel.networkId });
