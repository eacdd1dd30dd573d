import { createHash, randomInt } from 'node:crypto';
import { RelaisError } from '../../core/errors.ts';
import { atomically, type Tx } from '../../db/transaction.ts';
import type { MemberRecord } from '../directory.ts';
import { bumpRevision, promoteFromWaitlist } from '../meetups/rsvp.ts';
import { identitiesOf } from './identities.ts';

/** How long a code can be typed on the other platform. */
export const LINK_CODE_MINUTES = 10;
/** Codes one person may ask for, and wrong codes they may type, per hour, whichever of their linked accounts asks. */
export const LINK_CODES_PER_HOUR = 5;
export const LINK_MISSES_PER_HOUR = 5;
const HOUR = 3_600_000;

/** No 0/O, 1/I/L: read on one screen, typed on another. 8 of 31 signs: about 40 bits, for 10 minutes and 5 tries an hour. */
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 8;

const hashOf = (code: string) => createHash('sha256').update(code).digest('hex');

/** Codes and misses count for an hour, then nothing needs them: deleted whenever someone links. */
async function forgetOldAttempts(db: Tx, now: Date): Promise<void> {
  const hourAgo = new Date(now.getTime() - HOUR);
  await db.linkCode.deleteMany({ where: { expiresAt: { lt: hourAgo } } });
  await db.linkAttempt.deleteMany({ where: { createdAt: { lt: hourAgo } } });
}

/** As people type it back: any case, with or without the dash and spaces. */
export const normalizeCode = (typed: string) => typed.toUpperCase().replace(/[\s-]/g, '');

/**
 * A new one-time code for `member` (shown once, privately; only its hash is kept). Asking again
 * ends the codes asked before.
 */
export async function issueLinkCode(db: Tx, member: MemberRecord, now: Date): Promise<{ code: string; expiresAt: Date }> {
  await forgetOldAttempts(db, now);
  const recent = await db.linkCode.count({ where: { member: { personId: member.personId }, createdAt: { gt: new Date(now.getTime() - HOUR) } } });
  if (recent >= LINK_CODES_PER_HOUR) throw new RelaisError('conflict', 'people.link.errors.tooManyCodes', { count: LINK_CODES_PER_HOUR });
  const raw = Array.from({ length: CODE_LENGTH }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
  const expiresAt = new Date(now.getTime() + LINK_CODE_MINUTES * 60_000);
  await db.linkCode.updateMany({ where: { memberId: member.id, usedAt: null, expiresAt: { gt: now } }, data: { expiresAt: now } });
  await db.linkCode.create({ data: { codeHash: hashOf(raw), memberId: member.id, expiresAt, createdAt: now } });
  return { code: `${raw.slice(0, 4)}-${raw.slice(4)}`, expiresAt };
}

export type LinkRefusal = 'wrong' | 'expired' | 'used' | 'tooManyMisses' | 'samePerson' | 'samePlatform';

export type LinkOutcome =
  | { linked: true; issuer: MemberRecord; identities: MemberRecord[]; changedMeetups: number[]; promoted: Array<{ meetupId: number; members: MemberRecord[] }> }
  | { linked: false; refusal: LinkRefusal; platform?: string };

/**
 * `member` types a code another identity asked for: the two people become one (the code's
 * asker's person keeps everything and takes in the other's). A refusal is returned, not thrown,
 * so that the miss it counts commits with the gesture.
 */
export async function redeemLinkCode(db: Tx, member: MemberRecord, typed: string, now: Date): Promise<LinkOutcome> {
  await forgetOldAttempts(db, now);
  const misses = await db.linkAttempt.count({ where: { member: { personId: member.personId }, createdAt: { gt: new Date(now.getTime() - HOUR) } } });
  if (misses >= LINK_MISSES_PER_HOUR) return { linked: false, refusal: 'tooManyMisses' };
  const found = await db.linkCode.findUnique({ where: { codeHash: hashOf(normalizeCode(typed)) }, include: { member: true } });
  const refusal: LinkRefusal | undefined = !found ? 'wrong' : found.usedAt ? 'used' : found.expiresAt <= now ? 'expired' : undefined;
  if (refusal || !found) {
    await db.linkAttempt.create({ data: { memberId: member.id, createdAt: now } });
    return { linked: false, refusal: refusal ?? 'wrong' };
  }
  const issuer = found.member;
  if (issuer.personId === member.personId) return { linked: false, refusal: 'samePerson' };
  const [theirs, mine] = await Promise.all([identitiesOf(db, issuer.personId), identitiesOf(db, member.personId)]);
  // One identity per platform and person: `/relais unlink <platform>` names which one leaves.
  const clash = mine.find((identity) => theirs.some((other) => other.platform === identity.platform));
  if (clash) return { linked: false, refusal: 'samePlatform', platform: clash.platform };
  // Conditional, so that of two people typing one code at once (two processes) one links.
  const taken = await db.linkCode.updateMany({ where: { id: found.id, usedAt: null }, data: { usedAt: now } });
  if (taken.count === 0) return { linked: false, refusal: 'used' };
  const merged = await mergePeople(db, issuer.personId, member.personId, now);
  return { linked: true, issuer, identities: await identitiesOf(db, issuer.personId), ...merged };
}

/**
 * Moves everything of person `goneId` to person `keepId`, then deletes `goneId`. Where both had
 * answered one meetup or voted for one tip, the latest answer stays and the other goes (a seat it
 * held goes to the waitlist), and a vote counts once; a role both held is kept once.
 */
async function mergePeople(db: Tx, keepId: number, goneId: number, now: Date) {
  return atomically(db, async (tx) => {
    await tx.member.updateMany({ where: { personId: goneId }, data: { personId: keepId } });
    const changedMeetups: number[] = [];
    const promoted: Array<{ meetupId: number; members: MemberRecord[] }> = [];
    for (const answer of await tx.rsvp.findMany({ where: { personId: goneId }, include: { meetup: true } })) {
      const other = await tx.rsvp.findUnique({ where: { meetupId_personId: { meetupId: answer.meetupId, personId: keepId } } });
      if (!other) {
        await tx.rsvp.update({ where: { id: answer.id }, data: { personId: keepId } });
        continue;
      }
      // Locks the meetup's row (as an answer does) before its seats change.
      await bumpRevision(tx, answer.meetupId);
      const [stays, goes] = other.updatedAt >= answer.updatedAt ? [other, answer] : [answer, other];
      await tx.rsvp.delete({ where: { id: goes.id } });
      if (stays.id !== other.id) await tx.rsvp.update({ where: { id: stays.id }, data: { personId: keepId } });
      changedMeetups.push(answer.meetupId);
      const upcoming = answer.meetup.status === 'scheduled' && answer.meetup.startsAt > now;
      if (upcoming && goes.status === 'going' && !goes.waitlisted) {
        promoted.push({ meetupId: answer.meetupId, members: await promoteFromWaitlist(tx, answer.meetupId, answer.meetup.capacity) });
      }
    }
    const keptVotes = new Set((await tx.tipVote.findMany({ where: { personId: keepId }, select: { tipId: true } })).map((vote) => vote.tipId));
    for (const vote of await tx.tipVote.findMany({ where: { personId: goneId } })) {
      if (keptVotes.has(vote.tipId)) {
        await tx.tipVote.delete({ where: { tipId_personId: { tipId: vote.tipId, personId: goneId } } });
        await tx.tip.update({ where: { id: vote.tipId }, data: { voteCount: { decrement: 1 } } });
      } else {
        await tx.tipVote.update({ where: { tipId_personId: { tipId: vote.tipId, personId: goneId } }, data: { personId: keepId } });
      }
    }
    const keptRoles = new Set((await tx.role.findMany({ where: { personId: keepId } })).map((role) => `${role.networkId}:${role.role}`));
    for (const role of await tx.role.findMany({ where: { personId: goneId } })) {
      if (keptRoles.has(`${role.networkId}:${role.role}`)) await tx.role.delete({ where: { id: role.id } });
      else await tx.role.update({ where: { id: role.id }, data: { personId: keepId } });
    }
    const gone = await tx.person.delete({ where: { id: goneId } });
    const kept = await tx.person.findUniqueOrThrow({ where: { id: keepId } });
    // Reminders turned off on either side stay off: nobody gets messages they declined.
    await tx.person.update({ where: { id: keepId }, data: { reminderDMs: kept.reminderDMs && gone.reminderDMs, ...(!kept.calendarToken && gone.calendarToken ? { calendarToken: gone.calendarToken } : {}) } });
    return { changedMeetups, promoted };
  });
}

/**
 * Separates the person's identity on `platform` (which may be the asker's own) from the others:
 * it becomes a person of its own again, taking the answers, votes and roles it gave or was given.
 * The others keep the rest, and the personal calendar.
 */
export async function unlinkPlatform(db: Tx, member: MemberRecord, platform: string): Promise<MemberRecord> {
  return atomically(db, async (tx) => {
    const identities = await identitiesOf(tx, member.personId);
    const leaving = identities.find((identity) => identity.platform === platform);
    if (identities.length < 2) throw new RelaisError('conflict', 'people.unlink.errors.nothingLinked');
    if (!leaving) throw new RelaisError('not_found', 'people.unlink.errors.noSuchPlatform', { platform, platforms: identities.map((identity) => identity.platform).join(', ') });
    const { reminderDMs } = await tx.person.findUniqueOrThrow({ where: { id: member.personId } });
    const { id: personId } = await tx.person.create({ data: { reminderDMs } });
    await tx.member.update({ where: { id: leaving.id }, data: { personId } });
    await tx.rsvp.updateMany({ where: { memberId: leaving.id }, data: { personId } });
    await tx.tipVote.updateMany({ where: { memberId: leaving.id }, data: { personId } });
    await tx.role.updateMany({ where: { memberId: leaving.id }, data: { personId } });
    return leaving;
  });
}
