import { empty, join, raw, sqltag as sql, type Sql } from '@prisma/client/runtime/client';
import type { Engine } from '../../db/client.ts';
import { atomically, type Tx } from '../../db/transaction.ts';
import { prefixForms, queryWords, type QueryWord } from './search-text.ts';
import { tipsReadBySql, type Readers } from './visibility.ts';

export interface TipSearchOptions {
  limit: number;
  networkId?: number | null;
  /** Who reads the results (src/domain/tips/visibility.ts). */
  readers: Readers;
  /** Tips verified (and not yet due for review) at this instant rank first. */
  now: Date;
}

/**
 * How many matches are ranked: the newest ones. A common word matches tens of thousands of tips;
 * ranking them all costs tens of milliseconds for a list of ten, and the best of the newest
 * matches is what people look for in a knowledge base that grows.
 */
export const RANKED_MATCHES = 500;

/** FTS5 has prefix indexes for prefixes of up to this many characters (prefix = '2 3 4' in the migrations). */
const INDEXED_PREFIX = 4;
/** How many indexed words a longer prefix being typed expands to. */
const TYPED_EXPANSIONS = 64;

const any = (terms: string[], or: string) => `(${terms.join(or)})`;

/**
 * Words most tips have (every stem in at least half of them): bm25 gives them no weight, yet reads
 * their whole index to find so (FTS5 clamps such a word's IDF to 1e-6). When other words remain,
 * these are checked on each match's text instead of being ranked: which tips match is the same,
 * their order all but the same. SQLite only: ts_rank has no IDF.
 */
async function commonWords(db: Tx, words: QueryWord[]): Promise<Set<QueryWord>> {
  if (words.length < 2) return new Set();
  const rows = await db.$queryRaw<{ word: string; docs: number | bigint }[]>`
    SELECT word, docs FROM "TipSearchWord" WHERE word = '' OR word IN (SELECT value FROM json_each(${JSON.stringify(words.flatMap(({ stems }) => stems))}))`;
  const docs = new Map(rows.map((row) => [row.word, Number(row.docs)]));
  const tips = docs.get('') ?? 0;
  const common = words.filter(({ stems }) => tips > 0 && stems.every((stem) => (docs.get(stem) ?? 0) * 2 >= tips));
  return new Set(common.length < words.length ? common : []);
}

/**
 * The engines' query strings, built from words of letters and digits only (queryWords): nothing a
 * user types becomes an operator. `exact`: every word (but the common ones), as one of its stems.
 * `head`: every word but the last, which may be being typed.
 */
function sqliteQueries(words: QueryWord[], common: Set<QueryWord>) {
  const group = ({ stems }: QueryWord) => any(stems.map((stem) => `"${stem}"`), ' OR ');
  const typed = prefixForms(words.at(-1) as QueryWord);
  return {
    exact: words.filter((word) => !common.has(word)).map(group).join(' AND '),
    /** The common words, checked on the text of each match (one of each word's stems in it). */
    checked: [...common],
    head: words.slice(0, -1).map((word) => `${group(word)} AND `).join(''),
    /** Prefixes FTS5 serves from its prefix indexes ("ab"*), one letter as a word, longer ones as words too (never none). */
    short: JSON.stringify(typed.map((form) => (form.length > 1 && form.length <= INDEXED_PREFIX ? `"${form}"*` : `"${form}"`))),
    /** Longer prefixes, as [from, to) ranges of TipSearchWord to expand. */
    ranges: JSON.stringify(typed.filter((form) => form.length > INDEXED_PREFIX).map((form) => [form, `${form}\uffff`])),
  };
}

function postgresQueries(words: QueryWord[]) {
  const stems = words.map(({ stems }) => any(stems, ' | '));
  const typed = any(prefixForms(words.at(-1) as QueryWord).map((form) => (form.length > 1 ? `${form}:*` : form)), ' | ');
  return { exact: stems.join(' & '), prefixed: [...stems.slice(0, -1), typed].join(' & ') };
}

/**
 * Ranked full-text search over published tips, the list in one statement (on SQLite, a
 * query of several words first reads how many tips have each): FTS5 on SQLite, the stored,
 * GIN-indexed "searchVector" on PostgreSQL. Every word must match, as a stem in French or English
 * ("partager" finds "partagées", "library" finds "libraries"); tips having them come first, ranked
 * (bm25, ts_rank), verified ones before the others. Only when they are fewer than the limit do tips where the last word starts a
 * longer word follow, newest first ("outil" then "outillage"; "parta" finds "partagées"): a
 * prefix of a common word costs a scan of every tip having it, and the constant condition on the
 * first list's size lets both engines skip that scan. The query strings are bound parameters.
 */
export async function searchTipIds(db: Tx, engine: Engine, query: string, options: TipSearchOptions): Promise<number[]> {
  const words = queryWords(query);
  if (words.length === 0) return [];
  const network = options.networkId ?? null;
  const { now } = options;
  if (engine === 'sqlite') {
    // The last word's prefixes: short ones as FTS5 prefix queries, longer ones expanded to the
    // indexed words they start (FTS5 would read the whole index of each), in the MATCH string.
    // Matches are ranked straight from the index, and hidden tips left out of the ranked ones:
    // joining every match to its tip first costs as much again (only a network filter does).
    // The gate, a CROSS JOIN's outer loop (SQLite keeps that order), skips the prefix scan when
    // the exact matches fill the list: as a plain condition, SQLite would still start the scan.
    const { exact, checked, head, short, ranges } = sqliteQueries(words, await commonWords(db, words));
    const rows = await db.$queryRaw<{ id: number | bigint }[]>`
      WITH exact AS MATERIALIZED (
        SELECT s.rowid AS id, bm25("TipSearch") AS score FROM "TipSearch" s
          ${checked.length ? sql`JOIN "Tip" t ON t.id = s.rowid ${join(checked.map(({ stems }) => sql`AND (${join(stems.map((stem) => sql`instr(' ' || t."searchText" || ' ', ${` ${stem} `}) > 0`), ' OR ')})`), ' ')}` : empty}
        WHERE "TipSearch" MATCH ${exact}
          AND (${network} IS NULL OR EXISTS (SELECT 1 FROM "Tip" WHERE id = s.rowid AND "networkId" = ${network}))
        ORDER BY s.rowid DESC LIMIT ${RANKED_MATCHES}),
      typed(term) AS MATERIALIZED (
        SELECT value FROM json_each(${short})
        UNION ALL SELECT * FROM (
          SELECT '"' || w.word || '"' FROM json_each(${ranges}) r
          JOIN "TipSearchWord" w ON w.word >= r.value ->> 0 AND w.word < r.value ->> 1 LIMIT ${TYPED_EXPANSIONS})),
      prefixed AS MATERIALIZED (
        SELECT s.rowid AS id FROM (SELECT 1 WHERE (SELECT count(*) FROM exact) < ${options.limit}) gate CROSS JOIN "TipSearch" s
        WHERE "TipSearch" MATCH (SELECT ${head} || '(' || group_concat(term, ' OR ') || ')' FROM typed)
          AND (${network} IS NULL OR EXISTS (SELECT 1 FROM "Tip" WHERE id = s.rowid AND "networkId" = ${network}))
        ORDER BY s.rowid DESC LIMIT ${RANKED_MATCHES})
      SELECT r.id AS id FROM (
        SELECT id, 0 AS stage, score FROM exact
        UNION ALL SELECT id, 1 AS stage, 0 AS score FROM prefixed WHERE id NOT IN (SELECT id FROM exact)) r
      JOIN "Tip" t ON t.id = r.id AND ${tipsReadBySql(options.readers, 't.')}
      ORDER BY r.stage, CASE WHEN t."reviewAt" > ${now} THEN 0 ELSE 1 END, r.score, r.id DESC LIMIT ${options.limit}`;
    return rows.map((row) => Number(row.id));
  }
  // The newest matches are found by id alone, then ranked: carrying each match's tsvector
  // through the sort costs twice as much as fetching it again for the ones kept.
  const { exact, prefixed } = postgresQueries(words);
  const visible = tipsReadBySql(options.readers, '');
  const verified = (column: Sql) => sql`CASE WHEN ${column} > ${now} THEN 0 ELSE 1 END`;
  const rows = await db.$queryRaw<{ id: number }[]>`
    WITH exact AS MATERIALIZED (
      SELECT t.id, ts_rank(t."searchVector", to_tsquery('simple', ${exact})) AS score, ${verified(raw('t."reviewAt"'))} AS unverified FROM (
        SELECT id FROM "Tip"
        WHERE "searchVector" @@ to_tsquery('simple', ${exact}) AND ${visible} AND (${network}::int IS NULL OR "networkId" = ${network}::int)
        ORDER BY id DESC LIMIT ${RANKED_MATCHES}) newest JOIN "Tip" t USING (id)),
    prefixed AS MATERIALIZED (
      SELECT id, ${verified(raw('"reviewAt"'))} AS unverified FROM "Tip"
      WHERE (SELECT count(*) FROM exact) < ${options.limit}
        AND "searchVector" @@ to_tsquery('simple', ${prefixed}) AND ${visible} AND (${network}::int IS NULL OR "networkId" = ${network}::int)
      ORDER BY id DESC LIMIT ${options.limit})
    SELECT id FROM (
      SELECT id, 0 AS stage, unverified, score FROM exact
      UNION ALL SELECT id, 1 AS stage, unverified, 0 AS score FROM prefixed WHERE id NOT IN (SELECT id FROM exact)) ranked
    ORDER BY stage, unverified, score DESC, id DESC LIMIT ${options.limit}`;
  return rows.map((row) => Number(row.id));
}
