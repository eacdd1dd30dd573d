import { RelaisError } from '../../core/errors.ts';
import { atomically, type Tx } from '../../db/transaction.ts';
import { reindexTips } from './search-index.ts';
import { tagOf, usualLabel, type Tag } from './tags.ts';

export interface TagMerge {
  /** What the tag is now, written as shown. */
  into: Tag;
  /** Tips that had `from` (each now has `into` once). */
  tipIds: number[];
}

/**
 * A moderator's merge of `from` into `into` ("accessibility" into "accessibilité"): every tip
 * (and resource) tagged `from` is tagged `into` instead, and `from` becomes an alias — written later, it is
 * saved as `into`; looked up, it finds `into`'s tips. Aliases of `from` follow; `into` stops
 * being an alias itself (no cycle), and an alias given as `into` means what it stands for.
 * Merging a tag into another spelling of itself ("deliberations" into "délibérations") rewrites
 * its label. `into` is then shown, on every tip, as the moderator wrote it when they wrote accents
 * or capitals, else as its tips mostly write it. The moved tips' search text is rebuilt in the
 * same transaction, since tags are part of it.
 */
export async function mergeTags(db: Tx, fromWritten: string, intoWritten: string): Promise<TagMerge> {
  const from = tagOf(fromWritten);
  const asked = tagOf(intoWritten);
  return atomically(db, async (tx) => {
    const target = (await tx.tagAlias.findUnique({ where: { from: asked.tag } }))?.into ?? asked.tag;
    const relabel = target === from.tag;
    if (relabel && asked.tag !== from.tag) throw new RelaisError('conflict', 'tags.errors.alreadyMerged', { from: from.label, into: asked.label });
    if (relabel && asked.label === from.label) throw new RelaisError('conflict', 'tags.errors.sameTag', { tag: from.label });
    const written = target === asked.tag && asked.label !== asked.tag;
    const into = { tag: target, label: relabel || written ? asked.label : ((await usualLabel(tx, target)) ?? asked.label) };

    const tipIds = (await tx.tipTag.findMany({ where: { tag: from.tag }, select: { tipId: true } })).map(({ tipId }) => tipId);
    const resourceIds = (await tx.resourceTag.findMany({ where: { tag: from.tag }, select: { resourceId: true } })).map(({ resourceId }) => resourceId);
    const aliased = await tx.tagAlias.count({ where: { into: from.tag } });
    if (tipIds.length === 0 && resourceIds.length === 0 && aliased === 0) throw new RelaisError('not_found', 'tags.errors.unknown', { tag: from.label });
    if (!relabel) {
      const both = new Set((await tx.tipTag.findMany({ where: { tag: into.tag, tipId: { in: tipIds } }, select: { tipId: true } })).map(({ tipId }) => tipId));
      await tx.tipTag.deleteMany({ where: { tag: from.tag } });
      await tx.tipTag.createMany({ data: tipIds.filter((id) => !both.has(id)).map((tipId) => ({ tipId, ...into })) });
      // Resources carry the same tags: they move alike.
      const tagged = new Set((await tx.resourceTag.findMany({ where: { tag: into.tag, resourceId: { in: resourceIds } }, select: { resourceId: true } })).map(({ resourceId }) => resourceId));
      await tx.resourceTag.deleteMany({ where: { tag: from.tag } });
      await tx.resourceTag.createMany({ data: resourceIds.filter((id) => !tagged.has(id)).map((resourceId) => ({ resourceId, ...into })) });
      await tx.tagAlias.deleteMany({ where: { from: into.tag } });
      await tx.tagAlias.upsert({ where: { from: from.tag }, create: { from: from.tag, into: into.tag, label: into.label }, update: { into: into.tag, label: into.label } });
    }
    await tx.tipTag.updateMany({ where: { tag: into.tag }, data: { label: into.label } });
    await tx.resourceTag.updateMany({ where: { tag: into.tag }, data: { label: into.label } });
    await tx.tagAlias.updateMany({ where: { into: { in: [from.tag, into.tag] } }, data: { into: into.tag, label: into.label } });
    await reindexTips(tx, tipIds);
    return { into, tipIds };
  });
}
