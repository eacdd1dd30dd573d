import { RelaisError } from '../../core/errors.ts';
import type { Tx } from '../../db/transaction.ts';
import { fold } from '../text.ts';

export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 40;

/** A tag as stored: `tag` folded (what matches and merges), `label` as written (what is shown). */
export interface Tag {
  tag: string;
  label: string;
}

const TAG_CHARS = /^[\p{L}\p{N}_-]+$/u;
const hashtag = /(?<=^|\s)#([\p{L}\p{N}_-]+)/gu;

/** "#Délibérations" → { tag: "deliberations", label: "Délibérations" }; refused when it is no tag. */
export function tagOf(written: string): Tag {
  const label = written.normalize('NFC').trim().replace(/^#/, '');
  if (!TAG_CHARS.test(label)) throw new RelaisError('invalid_argument', 'tags.errors.invalid', { tag: written });
  if ([...label].length > MAX_TAG_LENGTH) throw new RelaisError('invalid_argument', 'tags.errors.tooLong', { tag: label, max: MAX_TAG_LENGTH });
  return { tag: fold(label), label };
}

/** Unique by folded tag, the first written form kept, in order; more than MAX_TAGS is refused, not cut. */
export function uniqueTags(tags: Tag[]): Tag[] {
  const byTag = new Map<string, Tag>();
  for (const tag of tags) if (!byTag.has(tag.tag)) byTag.set(tag.tag, tag);
  const unique = [...byTag.values()];
  if (unique.length > MAX_TAGS) throw new RelaisError('invalid_argument', 'tags.errors.tooMany', { count: unique.length, max: MAX_TAGS });
  return unique;
}

/** The #hashtags of a text, as written: "#Outils #réunions" → outils/Outils, reunions/réunions. */
export function extractTags(text: string): Tag[] {
  return [...text.normalize('NFC').matchAll(hashtag)].map((match) => tagOf(match[1] ?? ''));
}

/** The text without its trailing hashtags, e.g. for a title. */
export function withoutTrailingTags(text: string): string {
  return text.replace(/(\s+#[\p{L}\p{N}_-]+)+\s*$/u, '').trim();
}

/** The folded key of a tag as typed ("#Réunions" → "reunions"), for lookups; no validation. */
export function normaliseTag(tag: string): string {
  return fold(tag.normalize('NFC').replace(/^#/, ''));
}

/** Tags merged away are written as what they were merged into (its label too); duplicates this creates go. */
export async function resolveAliases(db: Tx, tags: Tag[]): Promise<Tag[]> {
  if (tags.length === 0) return [];
  const aliases = await db.tagAlias.findMany({ where: { from: { in: tags.map(({ tag }) => tag) } } });
  const into = new Map(aliases.map((alias) => [alias.from, { tag: alias.into, label: alias.label }]));
  return uniqueTags(tags.map((tag) => into.get(tag.tag) ?? tag));
}

/** The folded tag a lookup (e.g. /tip list #accessibility) means: the one it was merged into, if any. */
export async function resolveTag(db: Tx, tag: string): Promise<string> {
  const alias = await db.tagAlias.findUnique({ where: { from: tag } });
  return alias?.into ?? tag;
}

/** The most used written form of a tag, if any tip has it (else any resource). */
export async function usualLabel(db: Tx, tag: string): Promise<string | undefined> {
  const order = [{ _count: { label: 'desc' as const } }, { label: 'asc' as const }];
  const onTips = await db.tipTag.groupBy({ by: ['label'], where: { tag }, _count: { label: true }, orderBy: order, take: 1 });
  if (onTips[0]) return onTips[0].label;
  const onResources = await db.resourceTag.groupBy({ by: ['label'], where: { tag }, _count: { label: true }, orderBy: order, take: 1 });
  return onResources[0]?.label;
}

/**
 * A tag someone typed to look tips up (/tip list #accessibility, /tips?tag=…), as it is kept and
 * shown: what it was merged into, written as most of its tips write it.
 */
export async function lookedUpTag(db: Tx, typed: string): Promise<Tag> {
  const folded = normaliseTag(typed);
  const alias = await db.tagAlias.findUnique({ where: { from: folded } });
  const tag = alias?.into ?? folded;
  return { tag, label: (await usualLabel(db, tag)) ?? alias?.label ?? typed.normalize('NFC').trim().replace(/^#/, '') };
}

/** Tags with how many of some items carry each, shown in their most used written form, most used first. */
export function countedTags(groups: Array<{ tag: string; label: string; count: number }>): Array<Tag & { count: number }> {
  const byTag = new Map<string, { tag: string; label: string; count: number; best: number }>();
  for (const { tag, label, count } of groups) {
    const known = byTag.get(tag);
    if (!known) byTag.set(tag, { tag, label, count, best: count });
    else {
      known.count += count;
      if (count > known.best) Object.assign(known, { label, best: count });
    }
  }
  return [...byTag.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag)).map(({ tag, label, count }) => ({ tag, label, count }));
}
