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

/** How many times the 200 queries are run, one after the other, for each of search and scan. */
const PASSES = 3;

/**
 * Each of search and scan runs the 200 queries PASSES times over, in order (as the original
 * single pass did), and each query's median over the passes is kept: one run slowed by another
 * process on a shared machine does not stand for the query. p95 and p50 are over the 200 queries.
 */
export async function benchSearch(db: Db, engine: Engine): Promise<SearchResult> {
  const queries = searchQueries();
  const timeEach = async (run: (query: string) => Promise<unknown>) => {
    for (const query of queries.slice(0, 20)) await run(query); // warm caches and the JIT
    const passes: number[][] = [];
    for (let pass = 0; pass < PASSES; pass++) {
      const durations: number[] = [];
      for (const query of queries) {
        const start = now();
        await run(query);
        durations.push(ms(start));
      }
      passes.push(durations);
    }
    return queries.map((_query, i) => percentile(passes.map((durations) => durations[i]!), 50));
  };
  const search = await timeEach((query) => searchTips(db, engine, query, { limit: 10 }));
  const scanned = await timeEach((query) => scan(db, query));
  return { searchP95: percentile(search, 95), scanP95: percentile(scanned, 95), searchP50: percentile(search, 50), scanP50: percentile(scanned, 50) };
}
