/**
 * B5: a Relais process started as `npm start` starts one (dist/src/main.js, environment only) with
 * Slack (HTTP receiver) and Matrix both configured against the local fakes: time from spawn to
 * "Relais is ready", and resident memory once idle. Baseline: the bare Bolt app process.
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { FakeHomeserver } from '../test/fakes/matrix-homeserver.ts';
import type { FakeSlackWebApi } from '../test/fakes/slack-web-api.ts';
import { SIGNING_SECRET } from './ack-latency.ts';
import { portLine, startServer } from './servers/spawn.ts';
import { percentile } from './stats.ts';

const IDLE_MS = 5000;
const RUNS = 3;

export interface Footprint {
  readyMs: number;
  rssMiB: number;
  baselineReadyMs: number;
  baselineRssMiB: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function benchFootprint(api: FakeSlackWebApi, databaseUrl: string): Promise<Footprint> {
  const hs = await FakeHomeserver.start({ log: () => {} });
  const bot = hs.createUser('relais', { displayName: 'Relais' });
  const env = {
    DATABASE_URL: databaseUrl, PORT: '0', LOG_LEVEL: 'info',
    SLACK_BOT_TOKEN: api.botToken, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url,
    MATRIX_HOMESERVER_URL: hs.url, MATRIX_ACCESS_TOKEN: bot.token,
  };
  const measure = async (entry: string, ready: RegExp, extra: Record<string, string> = {}) => {
    const ready$: number[] = [];
    const rss: number[] = [];
    // One unmeasured start warms the file system cache (and tsx's transform cache for the baseline), as any start after the first finds them warm.
    for (let run = 0; run <= RUNS; run++) {
      const server = await startServer(entry, { ...env, ...extra }, ready, portLine);
      await sleep(IDLE_MS);
      if (run > 0) {
        ready$.push(server.readyMs);
        rss.push(server.rssMiB());
      }
      await server.stop();
    }
    return { readyMs: percentile(ready$, 50), rssMiB: percentile(rss, 50) };
  };
  try {
    // As `npm start` runs it since it ships compiled JavaScript: its `prestart` build, then node.
    execFileSync(process.execPath, [path.resolve('node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'], { stdio: 'inherit' });
    const relais = await measure('dist/src/main.js', /"msg":"Relais is ready"/);
    const bare = await measure('bench/servers/bare-bolt.ts', /\{"port":\d+\}/);
    return { readyMs: relais.readyMs, rssMiB: relais.rssMiB, baselineReadyMs: bare.readyMs, baselineRssMiB: bare.rssMiB };
  } finally {
    await hs.close();
  }
}
