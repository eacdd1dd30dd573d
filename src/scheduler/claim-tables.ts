import type { Db } from '../db/client.ts';
import type { ClaimTable } from './claim.ts';

/** The Summary row of a channel's digest for one period. */
export function summaryClaim(db: Db, channelId: number, period: string): ClaimTable {
  return {
    find: () => db.summary.findUnique({ where: { channelId_period: { channelId, period } } }),
    insert: (fields) => db.summary.create({ data: { channelId, period, ...fields } }),
    update: async (where, fields) => (await db.summary.updateMany({ where, data: fields })).count,
  };
}

/** Where a reminder goes: a channel the meetup was announced in, or a member who said going. */
export type ReminderTarget = { channelId: number } | { memberId: number };

export const targetKey = (target: ReminderTarget) => ('channelId' in target ? `channel:${target.channelId}` : `member:${target.memberId}`);

/** The ReminderDelivery row of one meetup, offset and target. */
export function reminderClaim(db: Db, meetupId: number, offsetMinutes: number, target: ReminderTarget): ClaimTable {
  const key = { meetupId, offsetMinutes, target: targetKey(target) };
  return {
    find: () => db.reminderDelivery.findUnique({ where: { meetupId_offsetMinutes_target: key } }),
    insert: (fields) => db.reminderDelivery.create({ data: { ...key, ...fields } }),
    update: async (where, fields) => (await db.reminderDelivery.updateMany({ where, data: fields })).count,
  };
}
