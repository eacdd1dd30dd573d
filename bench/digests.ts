/** B3: the digests of all 1,000 channels in one tick, built and rendered as the scheduler does (renderDigest). */
import { loadConfig } from '../src/config.ts';
import type { Db } from '../src/db/client.ts';
import { DigestCache } from '../src/domain/summaries/digest.ts';
import { renderDigest } from '../src/scheduler/digests.ts';
import { DATA_NOW } from './data.ts';
import { ms, now } from './stats.ts';

export async function benchDigests(db: Db): Promise<{ totalMs: number; channels: number; items: number }> {
  const config = loadConfig({ RELAIS_PUBLIC_URL: 'https://relais.example' });
  const channels = await db.channel.findMany({ orderBy: { id: 'asc' } });
  const window = { since: new Date(DATA_NOW.getTime() - 7 * 86_400_000), until: DATA_NOW };
  const start = now();
  // One scheduler tick: the channels share one cache, as runDigests's do.
  const cache = new DigestCache();
  let items = 0;
  for (const channel of channels) {
    const card = await renderDigest({ db, config }, channel, window, 'weekly', cache);
    items += card?.items?.length ?? 0;
  }
  return { totalMs: ms(start), channels: channels.length, items };
}
