import { notFound, RelaisError } from '../../core/errors.ts';
import { atLeast, forbidden, isOwner, mayConfigureChannel, standingIn, type Asker } from '../../domain/permissions.ts';
import { getResource } from '../../domain/resources/service.ts';
import { refuseMerged } from '../../domain/tips/service.ts';
import { readersIn, tipsReadBy } from '../../domain/tips/visibility.ts';
import type { Access, Permission, TargetKind } from '../declare.ts';

interface Target {
  ownerId: number;
  networkId: number | null;
  /** The network is the target itself: no fallback to the channel's. */
  named?: boolean;
}

/**
 * What a declaration acts on: a tip or meetup by the `id` argument (its owner and network; a tip
 * the asker's channel does not see is not found), a network by the `slug` argument (one not
 * created yet belongs to no network: only admins stand there).
 */
async function loadTarget(asker: Asker, kind: TargetKind, args: { id?: unknown; slug?: unknown }): Promise<Target | undefined> {
  const { db } = asker;
  if (kind === 'network') {
    if (typeof args.slug !== 'string') return undefined;
    const network = await db.network.findUnique({ where: { slug: args.slug }, select: { id: true } });
    return { ownerId: 0, networkId: network?.id ?? null, named: true };
  }
  const id = args.id;
  if (typeof id !== 'number') return undefined;
  if (kind === 'tip') {
    // An old number names nothing to change: its tip was merged into another.
    await refuseMerged(db, id);
    const tip = await db.tip.findFirst({ where: { id, ...tipsReadBy(readersIn(asker.channel)) }, select: { authorId: true, networkId: true } });
    if (!tip) throw notFound('tip', id);
    return { ownerId: tip.authorId, networkId: tip.networkId };
  }
  if (kind === 'resource') {
    const resource = await getResource(db, id);
    // Shared by someone since forgotten: only moderators own it now.
    return { ownerId: resource.addedById ?? 0, networkId: resource.networkId };
  }
  const meetup = await db.meetup.findUnique({ where: { id }, select: { organizerId: true, networkId: true } });
  if (!meetup) throw notFound('meetup', id);
  return { ownerId: meetup.organizerId, networkId: meetup.networkId };
}

async function allows(asker: Asker, permission: Permission, target: Target | undefined): Promise<void> {
  if (permission === 'anyone') return;
  if (permission === 'channel') {
    if (!(await mayConfigureChannel(asker))) throw forbidden('channel');
    return;
  }
  // A target without a network (made in a channel of none) is judged in the asker's channel's network.
  const networkId = target?.named ? target.networkId : (target?.networkId ?? asker.channel.networkId);
  const standing = await standingIn(asker, networkId);
  if (permission === 'relay') {
    if (atLeast(standing, 'organizer') || (await mayConfigureChannel(asker))) return;
    throw forbidden('organizer');
  }
  if (permission === 'owner') {
    if ((target && (await isOwner(asker, target.ownerId))) || atLeast(standing, 'moderator')) return;
    throw new RelaisError('forbidden', 'errors.notOwner');
  }
  if (!atLeast(standing, permission)) throw forbidden(permission);
}

/**
 * Enforces a declaration's access before its handler runs: the permission itself, then every
 * stricter rule the arguments call for. A target that does not exist is "not found", whoever asks.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function enforce(access: Access<any>, args: unknown, asker: Asker): Promise<void> {
  const target = access.target ? await loadTarget(asker, access.target, (args ?? {}) as { id?: unknown; slug?: unknown }) : undefined;
  await allows(asker, access.permission, target);
  for (const rule of access.stricter ?? []) {
    if (rule.when(args)) await allows(asker, rule.permission, target);
  }
}
