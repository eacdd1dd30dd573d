import type { ChannelRef, UserRef } from '../core/platform.ts';
import type { Db } from '../db/client.ts';
import type { Tx } from '../db/transaction.ts';

export type ChannelRecord = NonNullable<Awaited<ReturnType<Db['channel']['findUnique']>>>;
export type MemberRecord = NonNullable<Awaited<ReturnType<Db['member']['findUnique']>>>;

/** What a channel starts with when Relais first sees it: the deployment's language and timezone. */
export interface ChannelDefaults {
  locale: string;
  timezone: string;
}

export const channelDefaults = (config: { RELAIS_LOCALE: string; RELAIS_TIMEZONE: string }): ChannelDefaults =>
  ({ locale: config.RELAIS_LOCALE, timezone: config.RELAIS_TIMEZONE });

const identity = (ref: Pick<ChannelRef, 'platform' | 'workspace' | 'externalId'>) =>
  ({ platform: ref.platform, workspace: ref.workspace, externalId: ref.externalId });

/**
 * Registers a channel on first sight, and keeps its name and privacy as its platform last said
 * (what an adapter does not know stays as recorded). An upsert, so two processes seeing the same
 * new channel at once still end up with one row.
 */
export async function ensureChannel(db: Tx, ref: ChannelRef, defaults: ChannelDefaults): Promise<ChannelRecord> {
  const key = identity(ref);
  const known = await db.channel.findUnique({ where: { platform_workspace_externalId: key } });
  const said = { ...(ref.name === undefined ? {} : { name: ref.name }), ...(ref.private === undefined ? {} : { private: ref.private }) };
  if (known && Object.entries(said).every(([field, value]) => known[field as keyof typeof said] === value)) return known;
  return db.channel.upsert({
    where: { platform_workspace_externalId: key },
    create: { ...key, name: ref.name ?? null, private: ref.private ?? false, locale: defaults.locale, timezone: defaults.timezone },
    update: said,
  });
}

/** What a new identity is created with: a person of its own, until it is linked to another (src/domain/people). */
export const ownPerson = { person: { create: {} } } as const;

/** Registers a member on first sight and keeps the display name current. */
export async function ensureMember(db: Tx, ref: UserRef): Promise<MemberRecord> {
  const key = identity(ref);
  const known = await db.member.findUnique({ where: { platform_workspace_externalId: key } });
  if (known && known.displayName === ref.displayName) return known;
  return db.member.upsert({
    where: { platform_workspace_externalId: key },
    create: { ...key, displayName: ref.displayName, ...ownPerson },
    update: { displayName: ref.displayName },
  });
}

export function channelRefOf(channel: ChannelRecord): ChannelRef {
  return { ...identity(channel), ...(channel.name ? { name: channel.name } : {}) };
}

export function userRefOf(member: MemberRecord): UserRef {
  return { ...identity(member), displayName: member.displayName };
}
