import { RelaisError } from '../core/errors.ts';
import type { Tx } from '../db/transaction.ts';
import type { ChannelRecord, MemberRecord } from './directory.ts';

export type Role = 'organizer' | 'moderator' | 'admin';
/** A person's standing in one network: a role granted in Relais, or administration (RELAIS_ADMINS). */
export type Standing = 'anyone' | Role;

const rank: Record<Standing, number> = { anyone: 0, organizer: 1, moderator: 2, admin: 3 };
export const grantableRoles = ['organizer', 'moderator'] as const;

/** Who is asking, where. */
export interface Asker {
  db: Tx;
  member: MemberRecord;
  channel: ChannelRecord;
  /** A moderator of this channel on the platform: counts for the channel's own settings only. */
  channelModerator: boolean;
  /** `platform:userId` of the administrators (RELAIS_ADMINS and what platforms add, e.g. the console's user). */
  admins: ReadonlySet<string>;
}

const named = (admins: ReadonlySet<string>, member: Pick<MemberRecord, 'platform' | 'externalId'>) => admins.has(`${member.platform}:${member.externalId}`);

/**
 * An administrator: one of the person's identities is named in RELAIS_ADMINS (or by a platform).
 * Linking needs both identities' consent (src/domain/people/linking.ts), so the rights follow the person.
 */
export async function isAdmin(asker: Pick<Asker, 'db' | 'member' | 'admins'>): Promise<boolean> {
  if (named(asker.admins, asker.member)) return true;
  const linked = await asker.db.member.findMany({ where: { personId: asker.member.personId, id: { not: asker.member.id } }, select: { platform: true, externalId: true } });
  return linked.some((member) => named(asker.admins, member));
}

/** The asker's standing in a network (none: only administrators stand out). Roles are the person's, whichever identity asks. */
export async function standingIn(asker: Asker, networkId: number | null): Promise<Standing> {
  if (await isAdmin(asker)) return 'admin';
  if (networkId === null) return 'anyone';
  const roles = await asker.db.role.findMany({ where: { personId: asker.member.personId, networkId }, select: { role: true } });
  return roles.reduce<Standing>((best, { role }) => (role in rank && rank[role as Role] > rank[best] ? (role as Role) : best), 'anyone');
}

/** The author or organizer `ownerId` is the asker, or another identity linked to theirs. */
export async function isOwner(asker: Pick<Asker, 'db' | 'member'>, ownerId: number): Promise<boolean> {
  if (ownerId === asker.member.id) return true;
  return (await asker.db.member.count({ where: { id: ownerId, personId: asker.member.personId } })) > 0;
}

export const atLeast = (standing: Standing, needed: Standing) => rank[standing] >= rank[needed];

/** May the asker change this channel's own settings? Its platform moderators, its network's moderators, administrators. */
export async function mayConfigureChannel(asker: Asker): Promise<boolean> {
  return asker.channelModerator || atLeast(await standingIn(asker, asker.channel.networkId), 'moderator');
}

export const forbidden = (role: Standing | 'channel') =>
  new RelaisError('forbidden', role === 'channel' ? 'errors.channelOnly' : 'errors.forbidden', role === 'channel' ? {} : { role: { key: `roles.${role}` } });
