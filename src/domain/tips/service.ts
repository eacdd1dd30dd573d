import type { Prisma } from '../../generated/sqlite/client.ts';
import type { Engine } from '../../db/client.ts';
import { atomically, type Tx } from '../../db/transaction.ts';
import { notFound } from '../../core/errors.ts';
import type { MemberRecord } from '../directory.ts';
import { truncate } from '../../core/text.ts';
import { excerpt, type Excerpt } from './search-excerpt.ts';
import { searchFields } from './search-index.ts';
import { isLanguage, type Language } from './search-text.ts';
import { searchTipIds } from './search.ts';
import { extractTags, resolveAliases, resolveTag, tagOf, uniqueTags, withoutTrailingTags, type Tag } from './tags.ts';
import { personIdOf } from '../people/identities.ts';

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
  /** Tags given apart from the text (e.g. captured messages), as written; merged with the text's #hashtags. */
  tags?: string[];
  /** The language it is written in; by default its channel's locale (none: both languages). */
  language?: Language | null;
  /** From the injected clock, so digests and tests see the same time as the rest of Relais. */
  createdAt: Date;
}

function titleOf(text: string): string {
  const firstLine = withoutTrailingTags(text).split('\n')[0] ?? '';
  return truncate(firstLine.trim() || text.trim(), 80, { atWord: true });
}

/** The tip's tags: given ones, then the text's #hashtags, merged ones written as what they were merged into; too many are refused. */
async function tagsOf(db: Tx, text: string, given: string[] = []): Promise<Tag[]> {
  return resolveAliases(db, uniqueTags([...given.map(tagOf), ...extractTags(text)]));
}

async function languageOf(db: Tx, tip: NewTip): Promise<Language | null> {
  if (tip.language !== undefined) return tip.language;
  if (tip.channelId === null) return null;
  const channel = await db.channel.findUnique({ where: { id: tip.channelId }, select: { locale: true } });
  return isLanguage(channel?.locale) ? channel.locale : null;
}

export async function addTip(db: Tx, tip: NewTip): Promise<TipView> {
  const tags = await tagsOf(db, tip.text, tip.tags);
  const language = await languageOf(db, tip);
  const title = titleOf(tip.text);
  return db.tip.create({
    data: {
      title,
      text: tip.text,
      language,
      ...searchFields({ title, text: tip.text, tags, authorName: tip.author.displayName, language }),
      authorId: tip.author.id,
      channelId: tip.channelId,
      networkId: tip.networkId,
      permalink: tip.permalink ?? null,
      createdAt: tip.createdAt,
      tags: { create: tags },
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
  const tags = await tagsOf(db, text);
  const title = titleOf(text);
  return atomically(db, async (tx) => {
    await tx.tipTag.deleteMany({ where: { tipId: id } });
    return tx.tip.update({
      where: { id },
      data: {
        text,
        title,
        ...searchFields({ title, text, tags, authorName: current.author.displayName, language: current.language }),
        tags: { create: tags },
      },
      include: tipInclude,
    });
  });
}

export async function hideTip(db: Tx, id: number): Promise<void> {
  await db.tip.update({ where: { id }, data: { status: 'hidden' } });
}

/**
 * One vote per person (whichever of their linked identities votes); returns false when they had already voted. The vote and the tip's
 * count change together. Looked up first rather than caught as a unique violation: inside the
 * gesture's transaction a failed statement aborts it on PostgreSQL (a vote racing the same
 * person's vote from another process is re-run by the pipeline, and finds the vote then).
 */
export async function voteTip(db: Tx, tipId: number, memberId: number): Promise<boolean> {
  await getTip(db, tipId);
  const personId = await personIdOf(db, memberId);
  if (await db.tipVote.findUnique({ where: { tipId_personId: { tipId, personId } } })) return false;
  await db.tip.update({ where: { id: tipId }, data: { voteCount: { increment: 1 }, votes: { create: { memberId, personId } } } });
  return true;
}

/** The newest tips, of one tag if given (folded; a tag merged away finds what it was merged into). */
export async function latestTips(db: Tx, options: { tag?: string; networkId?: number | null; limit: number }): Promise<TipView[]> {
  const tag = options.tag ? await resolveTag(db, options.tag) : undefined;
  return db.tip.findMany({
    where: {
      status: 'published',
      ...(tag ? { tags: { some: { tag } } } : {}),
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

/** Characters of a result's excerpt: about a line in chat, two in a web page's list. */
const EXCERPT_LENGTH = 140;

/** A search result: the tip, and the part of its text around the matched words (trailing #tags are shown as tags). */
export type SearchHit = TipView & { excerpt: Excerpt };

/** Published tips matching the query, best first (search.ts), each with its excerpt. */
export async function searchTips(db: Tx, engine: Engine, query: string, options: { limit: number; networkId?: number | null }): Promise<SearchHit[]> {
  const ids = await searchTipIds(db, engine, query, options);
  if (ids.length === 0) return [];
  const tips = await db.tip.findMany({ where: { id: { in: ids } }, include: tipInclude });
  const byId = new Map(tips.map((tip) => [tip.id, tip]));
  return ids.flatMap((id) => {
    const tip = byId.get(id);
    return tip ? [{ ...tip, excerpt: excerpt(withoutTrailingTags(tip.text), query, EXCERPT_LENGTH) }] : [];
  });
}
