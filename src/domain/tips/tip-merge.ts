import { RelaisError } from '../../core/errors.ts';
import { atomically, type Tx } from '../../db/transaction.ts';
import { reindexTips } from './search-index.ts';
import { tipInclude, type TipView } from './service.ts';
import { uniqueTags } from './tags.ts';

/**
 * A moderator's merge of a duplicate (`fromId`) into the tip that stays (`intoId`), in one
 * transaction: votes move (one per person, never the author's own), tags join (more than the
 * maximum is refused), and the original message goes along — `into` takes it when it has none
 * (a restricted tip's never becomes a public one's), and shows the links of every public tip
 * merged into it. The old tip becomes a pointer: its number
 * answers with the new one (tips merged into it earlier now point to `into` too). Its open flags
 * are settled: the tip they were about is gone.
 */
export async function mergeTips(db: Tx, fromId: number, intoId: number, now: Date): Promise<TipView> {
  if (fromId === intoId) throw new RelaisError('invalid_argument', 'curation.errors.mergeSelf', { id: fromId });
  return atomically(db, async (tx) => {
    const [from, into] = await Promise.all([
      tx.tip.findFirstOrThrow({ where: { id: fromId, status: 'published' }, include: { tags: true, votes: true } }),
      tx.tip.findFirstOrThrow({ where: { id: intoId, status: 'published' }, include: { tags: true, votes: true, author: { select: { personId: true } } } }),
    ]);
    const tags = uniqueTags([...into.tags, ...from.tags].map(({ tag, label }) => ({ tag, label })));
    const newTags = tags.filter(({ tag }) => !into.tags.some((kept) => kept.tag === tag));
    if (newTags.length) await tx.tipTag.createMany({ data: newTags.map((tag) => ({ tipId: intoId, ...tag })) });

    // One vote per person (linked identities are one), never the author's own.
    const voters = new Set(into.votes.map(({ personId }) => personId));
    const moving = from.votes.filter(({ personId }) => personId !== into.author.personId && !voters.has(personId));
    if (moving.length) await tx.tipVote.createMany({ data: moving.map(({ memberId, personId, createdAt }) => ({ tipId: intoId, memberId, personId, createdAt })) });
    await tx.tipVote.deleteMany({ where: { tipId: fromId } });

    await tx.tipFlag.updateMany({ where: { tipId: fromId, resolvedAt: null }, data: { resolvedAt: now } });
    await tx.tip.updateMany({ where: { mergedIntoId: fromId }, data: { mergedIntoId: intoId } });
    await tx.tip.update({ where: { id: fromId }, data: { status: 'merged', mergedIntoId: intoId, voteCount: 0 } });
    await tx.tip.update({
      where: { id: intoId },
      data: { voteCount: into.votes.length + moving.length, ...(into.permalink === null && from.permalink !== null && (into.restricted || !from.restricted) ? { permalink: from.permalink } : {}) },
    });
    await reindexTips(tx, [intoId]);
    return tx.tip.findUniqueOrThrow({ where: { id: intoId }, include: tipInclude });
  });
}
