import type { Prisma } from '../../generated/sqlite/client.ts';
import type { Engine } from '../../db/client.ts';
import { atomically, type Tx } from '../../db/transaction.ts';
import { notFound } from '../../core/errors.ts';
import type { MemberRecord } from '../directory.ts';
import { truncate } from '../../core/text.ts';
import { fold } from '../text.ts';
import { extractTags, withoutTrailingTags } from './tags.ts';
import { searchTipIds } from './search.ts';

export const tipInclude = {
  author: true,
  network: true,
  tags: { orderBy: { tag: 'asc' } },
} satisfies Prisma.TipInclude;

export type TipView = Prisma.TipGetPayload<{ include: typeof tipInclude }>;

export interface NewTip {
  text: string;
  author: MemberRecord;
  channelId: number | null;
  networkId: number | null;
  permalink?: string | null;
  /** Tags given apart from the text (e.g. captured messages); merged with the text's #hashtags. */
  tags?: string[];
  /** From the injected clock, so digests and tests see the same time as the rest of Relais. */
  createdAt: Date;
}

function searchTextOf(title: string, text: string, tags: string[], authorName: string): string {
  return fold([title, text, tags.join(' '), authorName].join(' '));
}

function titleOf(text: string): string {
  const firstLine = withoutTrailingTags(text).split('\n')[0] ?? '';
  return truncate(firstLine.trim() || text.trim(), 80, { atWord: true });
}

export async function addTip(db: Tx, tip: NewTip): Promise<TipView> {
  const tags = [...new Set([...(tip.tags ?? []), ...extractTags(tip.text)])];
  const title = titleOf(tip.text);
  return db.tip.create({
    data: {
      title,
      text: tip.text,
      searchText: searchTextOf(title, tip.text, tags, tip.author.displayName),
      authorId: tip.author.id,
      channelId: tip.channelId,
      networkId: tip.networkId,
      permalink: tip.permalink ?? null,
      createdAt: tip.createdAt,
      tags: { create: tags.map((tag) => ({ tag })) },
    },
    include: tipInclude,
  });
}

/** A published tip, or not_found: hidden tips do not exist for readers. */
export async function getTip(db: Tx, id: number): Promise<TipView> {
  const tip = await db.tip.findFirst({ where: { id, status: 'published' }, include: tipInclude });
  if (!tip) throw notFound('tip', id);
  return tip;
}

/** Replaces the text; title, tags and search text follow. Tags are rewritten in the same transaction. */
export async function editTip(db: Tx, id: number, text: string): Promise<TipView> {
  const current = await getTip(db, id);
  const tags = extractTags(text);
  const title = titleOf(text);
  return atomically(db, async (tx) => {
    await tx.tipTag.deleteMany({ where: { tipId: id } });
    return tx.tip.update({
      where: { id },
      data: {
        text,
        title,
        searchText: searchTextOf(title, text, tags, current.author.displayName),
        tags: { create: tags.map((tag) => ({ tag })) },
      },
      include: tipInclude,
    });
  });
}

export async function hideTip(db: Tx, id: number): Promise<void> {
  await db.tip.update({ where: { id }, data: { status: 'hidden' } });
}

/**
 * One vote per member; returns false when the member had already voted. The vote and the tip's
 * count change together. Looked up first rather than caught as a unique violation: inside the
 * gesture's transaction a failed statement aborts it on PostgreSQL (a vote racing the same
 * person's vote from another process is re-run by the pipeline, and finds the vote then).
 */
export async function voteTip(db: Tx, tipId: number, memberId: number): Promise<boolean> {
  await getTip(db, tipId);
  if (await db.tipVote.findUnique({ where: { tipId_memberId: { tipId, memberId } } })) return false;
  await db.tip.update({ where: { id: tipId }, data: { voteCount: { increment: 1 }, votes: { create: { memberId } } } });
  return true;
}

export async function latestTips(db: Tx, options: { tag?: string; networkId?: number | null; limit: number }): Promise<TipView[]> {
  return db.tip.findMany({
    where: {
      status: 'published',
      ...(options.tag ? { tags: { some: { tag: options.tag } } } : {}),
      ...(options.networkId ? { networkId: options.networkId } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: options.limit,
    include: tipInclude,
  });
}

export async function topTips(db: Tx, limit: number, since?: Date): Promise<TipView[]> {
  return db.tip.findMany({
    where: { status: 'published', ...(since ? { createdAt: { gte: since } } : {}) },
    orderBy: [{ voteCount: 'desc' }, { createdAt: 'desc' }],
    take: limit,
    include: tipInclude,
  });
}

export async function searchTips(db: Tx, engine: Engine, query: string, options: { limit: number; networkId?: number | null }): Promise<TipView[]> {
  const ids = await searchTipIds(db, engine, query, options);
  if (ids.length === 0) return [];
  const tips = await db.tip.findMany({ where: { id: { in: ids } }, include: tipInclude });
  const byId = new Map(tips.map((tip) => [tip.id, tip]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
