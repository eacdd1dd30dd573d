import type { Tx } from '../../db/transaction.ts';
import type { MemberRecord } from '../directory.ts';

/** A person holding a role, named by each of their identities. */
export interface RoleHolder {
  identities: Array<Pick<MemberRecord, 'displayName' | 'platform'>>;
}

/** The network's organizers and moderators, each person once, in the order they were granted. */
export async function networkRoles(db: Tx, networkId: number): Promise<{ organizer: RoleHolder[]; moderator: RoleHolder[] }> {
  const roles = await db.role.findMany({
    where: { networkId, role: { in: ['organizer', 'moderator'] } },
    orderBy: { id: 'asc' },
    include: { person: { include: { members: { orderBy: { id: 'asc' }, select: { displayName: true, platform: true } } } } },
  });
  const holders = (role: string) => roles.filter((row) => row.role === role).map((row) => ({ identities: row.person.members }));
  return { organizer: holders('organizer'), moderator: holders('moderator') };
}

/** "Ana (slack), Ana B. (matrix)". */
export const holderName = (holder: RoleHolder) => holder.identities.map((identity) => `${identity.displayName} (${identity.platform})`).join(', ');
