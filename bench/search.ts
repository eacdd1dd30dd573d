/**
 * B2: tip search at 100k tips — searchTips as /tip search runs it (ranked full-text, then the tips
 * loaded), against a LIKE scan of the same table for the same queries.
 */
import type { Db, Engine } from '../src/db/client.ts';
import { queryWords } from '../src/domain/tips/search-text.ts';
import { searchTips } from '../src/domain/tips/service.ts';
import { vocabulary } from './data.ts';
import { seeded } from './random.ts';
import { ms, now, percentile } from './stats.ts';

/** 200 queries people would type: mostly one or two words, common and rare, some prefixes. */
export function searchQueries(): string[] {
  const random = seeded(99);
  const words = vocabulary();
  return Array.from({ length: 200 }, (_, i) => {
    const word = i % 3 === 0 ? random.pick(words.slice(0, 60)) : random.pick(words);
    if (i % 5 === 0) return word.slice(0, Math.max(3, word.length - 2));
    return i % 2 ? `${word} ${random.skewed(words)}` : word;
  });
}

async function scan(db: Db, query: string): Promise<number[]> {
  // queryWords keeps letters and digits only, so the folded words can be written into the SQL as they are.
  const where = queryWords(query).map(({ word }) => `"searchText" LIKE '%${word}%'`).join(' AND ') || '1 = 1';
  const rows = await db.$queryRawUnsafe<Array<{ id: number }>>(`SELECT id FROM "Tip" WHERE status = 'published' AND ${where} ORDER BY id DESC LIMIT 10`);
  return rows.map((row) => Number(row.id));
}

export interface SearchResult {
  searchP95: number;
  scanP95: number;
  searchP50: number;
  scanP50: number;
}

/** Times per query: each query is run this many times, search and scan taking turns, and its median kept. */
const ROUNDS = 3;

/**
 * Search and scan take turns on each query, so that both see the same load of a shared machine;
 * each query's median of ROUNDS runs is kept, so that one run slowed by another process does not
 * stand for the query. p95 and p50 are over the 200 queries.
 */
export async function benchSearch(db: Db, engine: Engine): Promise<SearchResult> {
  const queries = searchQueries();
  const search = (query: string) => searchTips(db, engine, query, { limit: 10 });
  for (const query of queries.slice(0, 20)) {
    await search(query); // warm caches and the JIT
    await scan(db, query);
  }
  const timed = async (run: () => Promise<unknown>) => {
    const start = now();
    await run();
    return ms(start);
  };
  const searched: number[] = [];
  const scanned: number[] = [];
  for (const query of queries) {
    const rounds: Array<[number, number]> = [];
    for (let round = 0; round < ROUNDS; round++) rounds.push([await timed(() => search(query)), await timed(() => scan(db, query))]);
    searched.push(percentile(rounds.map(([time]) => time), 50));
    scanned.push(percentile(rounds.map(([, time]) => time), 50));
  }
  return { searchP95: percentile(searched, 95), scanP95: percentile(scanned, 95), searchP50: percentile(searched, 50), scanP50: percentile(scanned, 50) };
}
