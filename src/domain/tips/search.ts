import type { Engine } from '../../db/client.ts';
import type { Tx } from '../../db/transaction.ts';
import { fold } from '../text.ts';

/**
 * Query words: folded (so "réunion" finds "reunion"), letters and digits only (so nothing a user
 * types can become query syntax), light plural folding for French and English ("outils" → "outil").
 */
export function queryTerms(query: string): string[] {
  const words = fold(query).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const stems = words.map((word) => (word.length > 3 && /[sx]$/.test(word) ? word.slice(0, -1) : word));
  return [...new Set(stems)].slice(0, 12);
}

export interface TipSearchOptions {
  limit: number;
  networkId?: number | null;
}

/**
 * How many matches are ranked: the newest ones. A common word matches tens of thousands of tips;
 * ranking them all costs tens of milliseconds for a list of ten, and the best of the newest
 * matches is what people look for in a knowledge base that grows.
 */
export const RANKED_MATCHES = 500;

type Matching = 'exact' | 'prefix';

/** The newest RANKED_MATCHES published tips having every term (as a word, or as a word's start), best ranked first. */
async function rankedMatches(db: Tx, engine: Engine, terms: string[], matching: Matching, options: TipSearchOptions): Promise<number[]> {
  const network = options.networkId ?? null;
  const star = matching === 'prefix' ? '*' : '';
  const rows =
    engine === 'sqlite'
      ? await db.$queryRaw<{ id: number }[]>`
          SELECT id FROM (
            SELECT t.id AS id, bm25("TipSearch") AS score FROM "TipSearch" s JOIN "Tip" t ON t.id = s.rowid
            WHERE "TipSearch" MATCH ${terms.map((term) => `"${term}"${star}`).join(' ')}
              AND t.status = 'published' AND (${network} IS NULL OR t."networkId" = ${network})
            ORDER BY s.rowid DESC LIMIT ${RANKED_MATCHES})
          ORDER BY score, id DESC LIMIT ${options.limit}`
      : await db.$queryRaw<{ id: number }[]>`
          WITH q AS (SELECT to_tsquery('simple', ${terms.map((term) => `${term}${star ? ':*' : ''}`).join(' & ')}) AS query),
          newest AS (
            SELECT id, "searchText" FROM "Tip", q
            WHERE to_tsvector('simple', "searchText") @@ q.query
              AND status = 'published' AND (${network}::int IS NULL OR "networkId" = ${network}::int)
            ORDER BY id DESC LIMIT ${RANKED_MATCHES})
          SELECT id FROM newest, q
          ORDER BY ts_rank(to_tsvector('simple', "searchText"), q.query) DESC, id DESC
          LIMIT ${options.limit}`;
  return rows.map((row) => Number(row.id));
}

/**
 * Ranked full-text search over published tips: FTS5 with bm25 on SQLite, a GIN-indexed tsvector
 * with ts_rank on PostgreSQL. All terms must match. Tips having the words themselves come first;
 * only when they are fewer than the limit do tips where the terms start longer words follow
 * ("outil" then "outillage"): expanding a common word's prefix is what costs, and is rarely needed.
 * The query text is always a bound parameter.
 */
export async function searchTipIds(db: Tx, engine: Engine, query: string, options: TipSearchOptions): Promise<number[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const exact = await rankedMatches(db, engine, terms, 'exact', options);
  if (exact.length >= options.limit) return exact;
  const prefixed = await rankedMatches(db, engine, terms, 'prefix', options);
  return [...new Set([...exact, ...prefixed])].slice(0, options.limit);
}
