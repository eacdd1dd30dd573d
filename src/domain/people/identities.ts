import type { Tx } from '../../db/transaction.ts';
import type { MemberRecord } from '../directory.ts';

/** Every identity of one person (one per platform), oldest first: the first one's name is the one shown on the web. */
export function identitiesOf(db: Tx, personId: number): Promise<MemberRecord[]> {
  return db.member.findMany({ where: { personId }, orderBy: { id: 'asc' } });
}

/** The person an identity belongs to. */
export async function personIdOf(db: Tx, memberId: number): Promise<number> {
  return (await db.member.findUniqueOrThrow({ where: { id: memberId }, select: { personId: true } })).personId;
}
