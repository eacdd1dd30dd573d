import { atomically, type Tx } from '../../db/transaction.ts';
import { recipientKey } from '../../delivery/outgoing.ts';
import type { MemberRecord } from '../directory.ts';
import { promoteFromWaitlist } from '../meetups/rsvp.ts';
import { searchFields } from '../tips/search-index.ts';

/** The member that forgotten people's tips and meetups are credited to. Not a platform account. */
export const anonymousIdentity = { platform: 'relais', workspace: 'relais', externalId: 'anonymous' } as const;

export interface Forgotten {
  tipsAnonymised: number;
  meetupsAnonymised: number;
  rsvpsRemoved: number;
  votesRemoved: number;
  rolesRemoved: number;
  /** Upcoming meetups whose seat this freed: their announcements are out of date, promoted people are told. */
  freedSeats: Array<{ meetupId: number; title: string; promoted: MemberRecord[] }>;
}

/**
 * The right to erasure, in one transaction: answers, votes and roles are deleted; tips and meetups,
 * which others rely on, stay but are credited to the anonymous member (the tips' search text is
 * rebuilt so the old name no longer finds them); the member row goes, and with it what identified
 * the person. A seat freed in an upcoming meetup goes to the waitlist as if they had withdrawn.
 */
export async function forgetMember(db: Tx, member: MemberRecord, anonymousName: string, now: Date, forgetPlatformState: (tx: Tx) => Promise<void>): Promise<Forgotten> {
  return atomically(db, async (tx) => {
    const anonymous = await tx.member.upsert({
      where: { platform_workspace_externalId: anonymousIdentity },
      create: { ...anonymousIdentity, displayName: anonymousName },
      update: {},
    });
    const tips = await tx.tip.findMany({ where: { authorId: member.id }, include: { tags: true } });
    for (const tip of tips) {
      await tx.tip.update({ where: { id: tip.id }, data: { authorId: anonymous.id, ...searchFields({ ...tip, authorName: anonymous.displayName }) } });
    }
    // A draft was theirs alone: it goes with them rather than to the anonymous member.
    await tx.meetup.deleteMany({ where: { organizerId: member.id, status: 'draft' } });
    // A draft series goes with its draft first date; a published one goes on, credited as its dates are.
    await tx.meetupSeries.deleteMany({ where: { organizerId: member.id, status: 'draft' } });
    await tx.meetupSeries.updateMany({ where: { organizerId: member.id }, data: { organizerId: anonymous.id } });
    const meetups = await tx.meetup.updateMany({ where: { organizerId: member.id }, data: { organizerId: anonymous.id } });

    const seats = await tx.rsvp.findMany({
      where: { memberId: member.id, status: 'going', waitlisted: false, meetup: { status: 'scheduled', startsAt: { gt: now } } },
      include: { meetup: true },
    });
    const rsvps = await tx.rsvp.deleteMany({ where: { memberId: member.id } });
    const freedSeats: Forgotten['freedSeats'] = [];
    for (const { meetup } of seats) {
      // The revision bump tells every process's announcer that the counts changed.
      await tx.meetup.update({ where: { id: meetup.id }, data: { revision: { increment: 1 } } });
      freedSeats.push({ meetupId: meetup.id, title: meetup.title, promoted: await promoteFromWaitlist(tx, meetup.id, meetup.capacity) });
    }
    // One vote per member and tip: each tip they voted for loses exactly one.
    await tx.tip.updateMany({ where: { votes: { some: { memberId: member.id } } }, data: { voteCount: { decrement: 1 } } });
    const votes = await tx.tipVote.deleteMany({ where: { memberId: member.id } });
    const roles = await tx.role.deleteMany({ where: { memberId: member.id } });
    await forgetTraces(tx, member);
    await forgetPlatformState(tx);
    await tx.member.delete({ where: { id: member.id } });
    return {
      tipsAnonymised: tips.length,
      meetupsAnonymised: meetups.count,
      rsvpsRemoved: rsvps.count,
      votesRemoved: votes.count,
      rolesRemoved: roles.count,
      freedSeats,
    };
  });
}

/**
 * Technical rows that name the person: the gestures they made (kept a while so redeliveries are
 * recognised) and private messages to them still in the outbox. What their platform's adapter
 * remembers (Matrix's reactions, for instance) is the adapter's to erase: `forgetPlatformState`.
 */
async function forgetTraces(tx: Tx, member: MemberRecord): Promise<void> {
  const who = recipientKey(member);
  await tx.inbound.deleteMany({ where: { actor: who } });
  await tx.outbound.deleteMany({ where: { recipient: who } });
}
