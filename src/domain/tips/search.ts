import type { Db, Engine } from '../../db/client.ts';
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

/**
 * Ranked full-text search over published tips: FTS5 with bm25 on SQLite, a GIN-indexed tsvector
 * with ts_rank on PostgreSQL, over the newest RANKED_MATCHES matches. Every term is a prefix match
 * and all terms must match. The query text is always a bound parameter.
 */
export async function searchTipIds(db: Db, engine: Engine, query: string, options: TipSearchOptions): Promise<number[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const network = options.networkId ?? null;
  const rows =
    engine === 'sqlite'
      ? await db.$queryRaw<{ id: number }[]>`
          SELECT id FROM (
            SELECT t.id AS id, bm25("TipSearch") AS score FROM "TipSearch" s JOIN "Tip" t ON t.id = s.rowid
            WHERE "TipSearch" MATCH ${terms.map((term) => `"${term}"*`).join(' ')}
              AND t.status = 'published' AND (${network} IS NULL OR t."networkId" = ${network})
            ORDER BY s.rowid DESC LIMIT ${RANKED_MATCHES})
          ORDER BY score, id DESC LIMIT ${options.limit}`
      : await db.$queryRaw<{ id: number }[]>`
          WITH q AS (SELECT to_tsquery('simple', ${terms.map((term) => `${term}:*`).join(' & ')}) AS query),
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
