import type { Prisma } from '../../generated/sqlite/client.ts';
import type { Engine } from '../../db/client.ts';
import { atomically, type Tx } from '../../db/transaction.ts';
import { notFound, RelaisError } from '../../core/errors.ts';
import type { MemberRecord } from '../directory.ts';
import { excerpt, type Excerpt } from './search-excerpt.ts';
import { searchFields, titleOf } from './search-index.ts';
import { isLanguage, type Language } from './search-text.ts';
import { searchTipIds } from './search.ts';
import { extractTags, resolveAliases, resolveTag, tagOf, uniqueTags, withoutTrailingTags, type Tag } from './tags.ts';
import { personIdOf } from '../people/identities.ts';
import { tipsReadBy, type Readers } from './visibility.ts';

export const tipInclude = {
  author: true,
  network: true,
  tags: { orderBy: { tag: 'asc' } },
  verifiedBy: { select: { displayName: true } },
  // The original messages of the tips merged into this one, shown with it; a restricted one's link never is.
  mergedFrom: { where: { restricted: false, permalink: { not: null } }, select: { id: true, permalink: true }, orderBy: { id: 'asc' } },
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
  /** Read only within its network until published; by default, when its channel is private. */
  restricted?: boolean;
  /** From the injected clock, so digests and tests see the same time as the rest of Relais. */
  createdAt: Date;
}

/** The tip's tags: given ones, then the text's #hashtags, merged ones written as what they were merged into; too many are refused. */
async function tagsOf(db: Tx, text: string, given: string[] = []): Promise<Tag[]> {
  return resolveAliases(db, uniqueTags([...given.map(tagOf), ...extractTags(text)]));
}

/** What a tip takes from its channel unless told: the channel's locale as its language, its privacy. */
async function fromChannel(db: Tx, tip: NewTip): Promise<{ language: Language | null; restricted: boolean }> {
  const channel = tip.channelId === null ? null : await db.channel.findUnique({ where: { id: tip.channelId }, select: { locale: true, private: true } });
  return {
    language: tip.language !== undefined ? tip.language : isLanguage(channel?.locale) ? channel.locale : null,
    restricted: tip.restricted ?? channel?.private ?? false,
  };
}

export async function addTip(db: Tx, tip: NewTip): Promise<TipView> {
  const tags = await tagsOf(db, tip.text, tip.tags);
  const { language, restricted } = await fromChannel(db, tip);
  const title = titleOf(tip.text);
  return db.tip.create({
    data: {
      title,
      text: tip.text,
      language,
      restricted,
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

/** A merged tip's number answers with the tip it was merged into: that tip's number, else the one asked. */
export async function currentTipId(db: Tx, id: number): Promise<number> {
  const tip = await db.tip.findUnique({ where: { id }, select: { status: true, mergedIntoId: true } });
  return tip?.status === 'merged' && tip.mergedIntoId !== null ? tip.mergedIntoId : id;
}

/** Acting on a merged tip's old number is refused with the new one: an edit or a removal must name what it changes. */
export async function refuseMerged(db: Tx, id: number): Promise<void> {
  const into = await currentTipId(db, id);
  if (into !== id) throw new RelaisError('conflict', 'curation.errors.merged', { id, into });
}

/**
 * A tip these readers see, or not_found: hidden tips, and restricted ones for other readers, do
 * not exist for them. A merged tip's number gives the tip it was merged into.
 */
export async function getTip(db: Tx, id: number, readers: Readers): Promise<TipView> {
  const tip = await db.tip.findFirst({ where: { id: await currentTipId(db, id), ...tipsReadBy(readers) }, include: tipInclude });
  if (!tip) throw notFound('tip', id);
  return tip;
}

/** A published tip by its own number, whoever reads (its handler was allowed to act on it). */
async function publishedTip(db: Tx, id: number): Promise<TipView> {
  const tip = await db.tip.findFirst({ where: { id, status: 'published' }, include: tipInclude });
  if (!tip) throw notFound('tip', id);
  return tip;
}

/** Replaces the text; title, tags and search text follow. Tags are rewritten in the same transaction. */
export async function editTip(db: Tx, id: number, text: string): Promise<TipView> {
  const current = await publishedTip(db, id);
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

/** Hidden tips stay in the database, out of every reader's sight, until the purge (RELAIS_TIP_PURGE_DAYS after `now`). */
export async function hideTip(db: Tx, id: number, now: Date): Promise<void> {
  await db.tip.update({ where: { id }, data: { status: 'hidden', hiddenAt: now } });
}

export interface Vote {
  /** The tip voted for (a merged tip's number votes for the tip it was merged into). */
  tipId: number;
  /** False when the member had already voted. */
  counted: boolean;
}

/**
 * One vote per person (whichever of their linked identities votes), never for one's own tip. The
 * vote and the tip's count change together. Looked up first rather than caught as a unique
 * violation: inside the gesture's transaction a failed statement aborts it on PostgreSQL (a vote
 * racing the same person's vote from another process is re-run by the pipeline, and finds the vote then).
 */
export async function voteTip(db: Tx, id: number, memberId: number, readers: Readers): Promise<Vote> {
  const { id: tipId, author } = await getTip(db, id, readers);
  const personId = await personIdOf(db, memberId);
  if (author.personId === personId) throw new RelaisError('conflict', 'curation.errors.ownVote', { id: tipId });
  if (await db.tipVote.findUnique({ where: { tipId_personId: { tipId, personId } } })) return { tipId, counted: false };
  await db.tip.update({ where: { id: tipId }, data: { voteCount: { increment: 1 }, votes: { create: { memberId, personId } } } });
  return { tipId, counted: true };
}

/** The newest tips these readers see, of one tag if given (folded; a tag merged away finds what it was merged into). */
export async function latestTips(db: Tx, options: { tag?: string; networkId?: number | null; limit: number; readers: Readers }): Promise<TipView[]> {
  const tag = options.tag ? await resolveTag(db, options.tag) : undefined;
  return db.tip.findMany({
    where: {
      ...tipsReadBy(options.readers),
      ...(tag ? { tags: { some: { tag } } } : {}),
      ...(options.networkId ? { networkId: options.networkId } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: options.limit,
    include: tipInclude,
  });
}

/** The most voted tips, ties to the newest; tips nobody voted for are not "top". */
export async function topTips(db: Tx, options: { limit: number; readers: Readers }): Promise<TipView[]> {
  return db.tip.findMany({
    where: { ...tipsReadBy(options.readers), voteCount: { gt: 0 } },
    orderBy: [{ voteCount: 'desc' }, { createdAt: 'desc' }, { id: 'desc' }],
    take: options.limit,
    include: tipInclude,
  });
}

/** Characters of a result's excerpt: about a line in chat, two in a web page's list. */
const EXCERPT_LENGTH = 140;

/** A search result: the tip, and the part of its text around the matched words (trailing #tags are shown as tags). */
export type SearchHit = TipView & { excerpt: Excerpt };

/** Tips these readers see matching the query, best first (search.ts), each with its excerpt; by default, what the public sees. */
export async function searchTips(db: Tx, engine: Engine, query: string, options: { limit: number; networkId?: number | null; readers?: Readers; now?: Date }): Promise<SearchHit[]> {
  const ids = await searchTipIds(db, engine, query, { readers: 'public', now: new Date(), ...options });
  if (ids.length === 0) return [];
  const tips = await db.tip.findMany({ where: { id: { in: ids } }, include: tipInclude });
  const byId = new Map(tips.map((tip) => [tip.id, tip]));
  return ids.flatMap((id) => {
    const tip = byId.get(id);
    return tip ? [{ ...tip, excerpt: excerpt(withoutTrailingTags(tip.text), query, EXCERPT_LENGTH) }] : [];
  });
}
