import type { Tx } from '../../db/transaction.ts';
import type { MemberRecord } from '../directory.ts';
import { identitiesOf } from '../people/identities.ts';

/** At most this many rows of each kind are listed on the card; the counts are always complete. */
export const LISTED_PER_KIND = 10;

/**
 * Everything Relais stores about one person, as they see it in /relais my-data: their identities
 * (every platform account linked to the one asking), roles (and administration, which the
 * configuration grants), tips written, votes given, answers to meetups and meetups organized.
 */
export interface PersonalData {
  member: MemberRecord;
  identities: MemberRecord[];
  admin: boolean;
  roles: Array<{ role: string; network: string }>;
  tips: { total: number; latest: Array<{ id: number; title: string; status: string; createdAt: Date }> };
  votes: { total: number; latest: Array<{ tipId: number; createdAt: Date }> };
  rsvps: { total: number; latest: Array<{ meetupId: number; title: string; status: string; waitlisted: boolean; updatedAt: Date }> };
  meetups: { total: number; latest: Array<{ id: number; title: string; startsAt: Date }> };
}

export async function personalData(db: Tx, member: MemberRecord, admin: boolean): Promise<PersonalData> {
  const { personId } = member;
  const identities = await identitiesOf(db, personId);
  const ids = { in: identities.map((identity) => identity.id) };
  const take = LISTED_PER_KIND;
  const [roles, tips, tipTotal, votes, voteTotal, rsvps, rsvpTotal, meetups, meetupTotal] = await Promise.all([
    db.role.findMany({ where: { personId }, include: { network: true }, orderBy: { id: 'asc' } }),
    db.tip.findMany({ where: { authorId: ids }, orderBy: { id: 'desc' }, take, select: { id: true, title: true, status: true, createdAt: true } }),
    db.tip.count({ where: { authorId: ids } }),
    db.tipVote.findMany({ where: { personId }, orderBy: { createdAt: 'desc' }, take, select: { tipId: true, createdAt: true } }),
    db.tipVote.count({ where: { personId } }),
    db.rsvp.findMany({ where: { personId }, orderBy: { updatedAt: 'desc' }, take, include: { meetup: { select: { title: true } } } }),
    db.rsvp.count({ where: { personId } }),
    db.meetup.findMany({ where: { organizerId: ids }, orderBy: { startsAt: 'desc' }, take, select: { id: true, title: true, startsAt: true } }),
    db.meetup.count({ where: { organizerId: ids } }),
  ]);
  return {
    member,
    identities,
    admin,
    roles: roles.map((role) => ({ role: role.role, network: role.network.slug })),
    tips: { total: tipTotal, latest: tips },
    votes: { total: voteTotal, latest: votes },
    rsvps: {
      total: rsvpTotal,
      latest: rsvps.map((rsvp) => ({ meetupId: rsvp.meetupId, title: rsvp.meetup.title, status: rsvp.status, waitlisted: rsvp.waitlisted, updatedAt: rsvp.updatedAt })),
    },
    meetups: { total: meetupTotal, latest: meetups },
  };
}
