import { atomically, type Tx } from '../../db/transaction.ts';
import { recipientKey } from '../../delivery/outgoing.ts';
import { ownPerson, type MemberRecord } from '../directory.ts';
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
 * The right to erasure, in one transaction, for the person and every identity linked to theirs:
 * answers, votes and roles are deleted; tips and meetups, which others rely on, stay but are
 * credited to the anonymous member (the tips' search text is rebuilt so the old name no longer
 * finds them); the member rows and the person go, and with them what identified the person. A
 * seat freed in an upcoming meetup goes to the waitlist as if they had withdrawn.
 */
export async function forgetMember(db: Tx, member: MemberRecord, anonymousName: string, now: Date, forgetPlatformState: (tx: Tx, identity: MemberRecord) => Promise<void>): Promise<Forgotten> {
  return atomically(db, async (tx) => {
    const { personId } = member;
    const identities = await tx.member.findMany({ where: { personId } });
    const ids = identities.map((identity) => identity.id);
    const anonymous = await tx.member.upsert({
      where: { platform_workspace_externalId: anonymousIdentity },
      create: { ...anonymousIdentity, displayName: anonymousName, ...ownPerson },
      update: {},
    });
    const tips = await tx.tip.findMany({ where: { authorId: { in: ids } }, include: { tags: true } });
    for (const tip of tips) {
      await tx.tip.update({ where: { id: tip.id }, data: { authorId: anonymous.id, ...searchFields({ ...tip, authorName: anonymous.displayName }) } });
    }
    // A draft was theirs alone: it goes with them rather than to the anonymous member.
    await tx.meetup.deleteMany({ where: { organizerId: { in: ids }, status: 'draft' } });
    // A draft series goes with its draft first date; a published one goes on, credited as its dates are.
    await tx.meetupSeries.deleteMany({ where: { organizerId: { in: ids }, status: 'draft' } });
    await tx.meetupSeries.updateMany({ where: { organizerId: { in: ids } }, data: { organizerId: anonymous.id } });
    const meetups = await tx.meetup.updateMany({ where: { organizerId: { in: ids } }, data: { organizerId: anonymous.id } });

    const seats = await tx.rsvp.findMany({
      where: { personId, status: 'going', waitlisted: false, meetup: { status: 'scheduled', startsAt: { gt: now } } },
      include: { meetup: true },
    });
    const rsvps = await tx.rsvp.deleteMany({ where: { personId } });
    const freedSeats: Forgotten['freedSeats'] = [];
    for (const { meetup } of seats) {
      // The revision bump tells every process's announcer that the counts changed.
      await tx.meetup.update({ where: { id: meetup.id }, data: { revision: { increment: 1 } } });
      freedSeats.push({ meetupId: meetup.id, title: meetup.title, promoted: await promoteFromWaitlist(tx, meetup.id, meetup.capacity) });
    }
    // One vote per person and tip: each tip they voted for loses exactly one.
    await tx.tip.updateMany({ where: { votes: { some: { personId } } }, data: { voteCount: { decrement: 1 } } });
    const votes = await tx.tipVote.deleteMany({ where: { personId } });
    const roles = await tx.role.deleteMany({ where: { personId } });
    for (const identity of identities) {
      await forgetTraces(tx, identity);
      await forgetPlatformState(tx, identity);
    }
    await tx.member.deleteMany({ where: { personId } });
    await tx.person.delete({ where: { id: personId } });
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
