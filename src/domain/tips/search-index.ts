import type { Db } from '../../db/client.ts';
import type { Tx } from '../../db/transaction.ts';
import { indexedText, isLanguage } from './search-text.ts';
import { withoutTrailingTags } from './tags.ts';

/**
 * The version of the rules a tip's derived fields follow: its searchText (search-text.ts) and its
 * title. Bump it when they change: opening the database re-indexes older rows (SQL migrations
 * cannot stem). 2: titles are no longer cut at 80 characters.
 */
export const SEARCH_VERSION = 2;

/** A tip's title: its first line, whole, without trailing #tags (platforms that need shorter ones cut it when showing it). */
export function titleOf(text: string): string {
  const firstLine = withoutTrailingTags(text).split('\n')[0]?.trim();
  return firstLine || text.trim();
}

export interface Indexable {
  title: string;
  text: string;
  tags: { label: string }[];
  authorName: string;
  language: string | null;
}

/** Tip.searchText and Tip.searchVersion for a tip's words: title, text, tags (as written) and author. */
export function searchFields(tip: Indexable): { searchText: string; searchVersion: number } {
  const parts = [tip.title, tip.text, tip.tags.map(({ label }) => label).join(' '), tip.authorName];
  return { searchText: indexedText(parts, isLanguage(tip.language) ? tip.language : null), searchVersion: SEARCH_VERSION };
}

/** Rebuilds the title and search text of these tips from what they hold now (after their tags or author changed). */
export async function reindexTips(tx: Tx, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  const tips = await tx.tip.findMany({ where: { id: { in: ids } }, include: { tags: true, author: true } });
  for (const tip of tips) {
    const title = titleOf(tip.text);
    await tx.tip.update({ where: { id: tip.id }, data: { title, ...searchFields({ ...tip, title, authorName: tip.author.displayName }) } });
  }
}

const BATCH = 500;

/** Re-indexes, a batch per transaction, the tips indexed by older rules; returns how many. */
export async function reindexStaleTips(db: Db): Promise<number> {
  let done = 0;
  for (;;) {
    const stale = await db.tip.findMany({ where: { searchVersion: { lt: SEARCH_VERSION } }, select: { id: true }, orderBy: { id: 'asc' }, take: BATCH });
    if (stale.length === 0) return done;
    await db.$transaction((tx) => reindexTips(tx, stale.map(({ id }) => id)), { timeout: 60_000 });
    done += stale.length;
  }
}
