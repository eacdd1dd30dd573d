import type { ChannelRef, UserRef } from '../core/adapter.ts';
import type { Db } from '../db/client.ts';

export type ChannelRecord = NonNullable<Awaited<ReturnType<Db['channel']['findUnique']>>>;
export type MemberRecord = NonNullable<Awaited<ReturnType<Db['member']['findUnique']>>>;

export interface ChannelDefaults {
  locale: string;
  timezone: string;
}

/**
 * Registers a channel on first sight. An upsert, so two processes seeing the same
 * new channel at once still end up with one row.
 */
export async function ensureChannel(db: Db, ref: ChannelRef, defaults: ChannelDefaults): Promise<ChannelRecord> {
  const key = { platform: ref.platform, workspace: ref.workspace, externalId: ref.externalId };
  const known = await db.channel.findUnique({ where: { platform_workspace_externalId: key } });
  if (known && (ref.name === undefined || known.name === ref.name)) return known;
  return db.channel.upsert({
    where: { platform_workspace_externalId: key },
    create: { ...key, name: ref.name ?? null, locale: defaults.locale, timezone: defaults.timezone },
    update: { name: ref.name ?? null },
  });
}

/** Registers a member on first sight and keeps the display name current. */
export async function ensureMember(db: Db, ref: UserRef): Promise<MemberRecord> {
  const key = { platform: ref.platform, workspace: ref.workspace, externalId: ref.externalId };
  const known = await db.member.findUnique({ where: { platform_workspace_externalId: key } });
  if (known && known.displayName === ref.displayName) return known;
  return db.member.upsert({
    where: { platform_workspace_externalId: key },
    create: { ...key, displayName: ref.displayName },
    update: { displayName: ref.displayName },
  });
}

export function channelRefOf(channel: ChannelRecord): ChannelRef {
  return {
    platform: channel.platform as ChannelRef['platform'],
    workspace: channel.workspace,
    externalId: channel.externalId,
    ...(channel.name ? { name: channel.name } : {}),
  };
}

export function userRefOf(member: MemberRecord): UserRef {
  return {
    platform: member.platform as UserRef['platform'],
    workspace: member.workspace,
    externalId: member.externalId,
    displayName: member.displayName,
  };
}
