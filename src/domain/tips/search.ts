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
 * Ranked full-text search over published tips: FTS5 with bm25 on SQLite, a GIN-indexed tsvector
 * with ts_rank on PostgreSQL. Every term is a prefix match and all terms must match.
 * The query text is always a bound parameter.
 */
export async function searchTipIds(db: Db, engine: Engine, query: string, options: TipSearchOptions): Promise<number[]> {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  const network = options.networkId ?? null;
  const rows =
    engine === 'sqlite'
      ? await db.$queryRaw<{ id: number }[]>`
          SELECT t.id AS id FROM "TipSearch" s JOIN "Tip" t ON t.id = s.rowid
          WHERE "TipSearch" MATCH ${terms.map((term) => `"${term}"*`).join(' ')}
            AND t.status = 'published' AND (${network} IS NULL OR t."networkId" = ${network})
          ORDER BY bm25("TipSearch"), t.id DESC LIMIT ${options.limit}`
      : await db.$queryRaw<{ id: number }[]>`
          SELECT id FROM "Tip"
          WHERE to_tsvector('simple', "searchText") @@ to_tsquery('simple', ${terms.map((term) => `${term}:*`).join(' & ')})
            AND status = 'published' AND (${network}::int IS NULL OR "networkId" = ${network}::int)
          ORDER BY ts_rank(to_tsvector('simple', "searchText"), to_tsquery('simple', ${terms.map((term) => `${term}:*`).join(' & ')})) DESC, id DESC
          LIMIT ${options.limit}`;
  return rows.map((row) => Number(row.id));
}
