import type { Permission } from '../commands/define-command.ts';
import type { CommandContext } from '../commands/context.ts';
import { RelaisError } from '../core/errors.ts';

/** Who is asking, where: enough to judge a permission outside a command too (forms, buttons). */
export type Asker = Pick<CommandContext, 'services' | 'conversation' | 'channel' | 'member'>;

const rank: Record<Permission, number> = { anyone: 0, owner: 0, organizer: 1, moderator: 2, admin: 3 };
export const grantableRoles = ['organizer', 'moderator'] as const;

/**
 * The caller's highest standing for a network: configured admins everywhere; the local console
 * operator is the machine's owner, so an admin; platform moderators (Slack workspace admins,
 * Matrix power level >= 50) moderate their own channel; otherwise the roles granted in Relais.
 */
export async function standing(ctx: Asker, networkId: number | null = ctx.channel.networkId): Promise<Exclude<Permission, 'owner'>> {
  const { member, conversation, services } = ctx;
  if (member.platform === 'console') return 'admin';
  if (services.config.RELAIS_ADMINS.includes(`${member.platform}:${member.externalId}`)) return 'admin';
  let best: Exclude<Permission, 'owner'> = conversation.isChannelModerator ? 'moderator' : 'anyone';
  if (networkId !== null) {
    const roles = await services.db.role.findMany({ where: { memberId: member.id, networkId } });
    for (const { role } of roles) if (role in rank && rank[role as Permission] > rank[best]) best = role as Exclude<Permission, 'owner'>;
  }
  return best;
}

export async function hasPermission(ctx: Asker, needed: Permission, networkId?: number | null): Promise<boolean> {
  if (needed === 'anyone' || needed === 'owner') return true;
  return rank[await standing(ctx, networkId)] >= rank[needed];
}

export async function requirePermission(ctx: Asker, needed: Permission, networkId?: number | null): Promise<void> {
  if (!(await hasPermission(ctx, needed, networkId))) {
    throw new RelaisError('forbidden', 'errors.forbidden', { role: { key: `roles.${needed}` } });
  }
}

/** For resources with an owner (a tip's author, a meetup's organizer): the owner, or a moderator. */
export async function requireOwnerOrModerator(ctx: Asker, ownerId: number, networkId: number | null): Promise<void> {
  if (ownerId === ctx.member.id) return;
  if (await hasPermission(ctx, 'moderator', networkId)) return;
  throw new RelaisError('forbidden', 'errors.notOwner');
}
