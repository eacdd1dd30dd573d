/**
 * `npm run bench`: generates the data set on SQLite and on a throwaway PostgreSQL, runs B1–B5 and
 * prints one table. Every ratio is against a baseline measured in the same run, on this machine.
 */
import { execFileSync } from 'node:child_process';
import os from 'node:os';
import { openDatabase, type Engine } from '../src/db/client.ts';
import { FakeSlackWebApi } from '../test/fakes/slack-web-api.ts';
import { measureAcks, SIGNING_SECRET, type Latency } from './ack-latency.ts';
import { generate } from './data.ts';
import { benchDatabases } from './databases.ts';
import { benchDigests } from './digests.ts';
import { benchFootprint } from './footprint.ts';
import { benchSearch } from './search.ts';
import { portLine, startServer } from './servers/spawn.ts';
import { benchStorm } from './storm.ts';

interface Row {
  id: string;
  measure: string;
  engine: string;
  relais: string;
  baseline: string;
  ratio: string;
  target: string;
  met: boolean | undefined;
}

const rows: Row[] = [];
const f = (value: number, digits = 1) => value.toFixed(digits);
const log = (message: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${message}\n`);

async function ackRows(api: FakeSlackWebApi, engine: Engine, url: string): Promise<void> {
  const ack = await ackLatency(api, url);
  rows.push({ id: 'B1', measure: '/tip add ack p50 (ms)', engine, relais: f(ack.relais.p50, 2), baseline: `${f(ack.bare.p50, 2)} (bare Bolt)`, ratio: `${f(ack.relais.p50 / ack.bare.p50, 2)}×`, target: '—', met: undefined });
  rows.push({ id: 'B1', measure: '/tip add ack p99 (ms)', engine, relais: f(ack.relais.p99, 2), baseline: `${f(ack.bare.p99, 2)} (bare Bolt)`, ratio: `${f(ack.relais.p99 / ack.bare.p99, 2)}×`, target: '≤ 1.3×, < 50 ms', met: ack.relais.p99 / ack.bare.p99 <= 1.3 && ack.relais.p99 < 50 && ack.relais.failed === 0 });
  log(`${engine}: B1 done (failed acks: Relais ${ack.relais.failed}, bare ${ack.bare.failed})`);
}

async function ackLatency(api: FakeSlackWebApi, url: string): Promise<{ relais: Latency; bare: Latency }> {
  const env = { DATABASE_URL: url, SLACK_BOT_TOKEN: api.botToken, SLACK_SIGNING_SECRET: SIGNING_SECRET, SLACK_API_URL: api.url, LOG_LEVEL: 'silent', PORT: '0' };
  const measure = async (entry: string) => {
    const server = await startServer(entry, env, /\{"port":\d+\}/, portLine);
    try {
      return await measureAcks(api, server.port);
    } finally {
      await server.stop();
    }
  };
  const bare = await measure('bench/servers/bare-bolt.ts');
  const relais = await measure('test/faults/relais-process.ts');
  return { relais, bare };
}

/** `npm run bench -- B2 B5` runs only those; no argument runs all. */
const only = process.argv.slice(2).map((id) => id.toUpperCase());
const want = (id: string) => only.length === 0 || only.includes(id);

async function main(): Promise<void> {
  const databases = await benchDatabases();
  const users = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`U0B${i}`, `Personne ${i}`]));
  const api = await FakeSlackWebApi.start({ users });
  try {
    for (const engine of ['sqlite', 'postgres'] as Engine[]) {
      if (want('B1')) await ackRows(api, engine, await databases.create(engine, 'relais_bench_ack'));
      if (!['B2', 'B3', 'B4'].some(want)) continue;
      const url = await databases.create(engine, 'relais_bench_data');
      const started = Date.now();
      const counts = await generate(engine, url);
      log(`${engine}: generated ${Object.entries(counts).map(([table, n]) => `${n} ${table}`).join(', ')} in ${f((Date.now() - started) / 1000)} s`);
      const { db, close } = await openDatabase(url, { migrate: false });
      try {
        if (want('B2')) {
          const search = await benchSearch(db, engine);
          const limit = engine === 'sqlite' ? 5 : 10;
          const speedup = search.scanP95 / search.searchP95;
          rows.push({ id: 'B2', measure: 'tip search p95 at 100k tips (ms)', engine, relais: f(search.searchP95, 2), baseline: `${f(search.scanP95, 2)} (LIKE scan)`, ratio: `${f(speedup)}× faster`, target: `≤ ${limit} ms, ≥ 20×`, met: search.searchP95 <= limit && speedup >= 20 });
          log(`${engine}: B2 done`);
        }
        if (want('B3')) {
          const digests = await benchDigests(db);
          rows.push({ id: 'B3', measure: `digests of ${digests.channels} channels (s)`, engine, relais: f(digests.totalMs / 1000, 2), baseline: '—', ratio: `${f(digests.totalMs / digests.channels, 2)} ms/channel`, target: '≤ 2 s', met: digests.totalMs <= 2000 });
          log(`${engine}: B3 done`);
        }
        if (want('B4')) {
          const storm = await benchStorm(url, engine);
          rows.push({ id: 'B4', measure: 'RSVP reactions ingested per second', engine, relais: f(storm.perSecond, 0), baseline: '—', ratio: `lost ${storm.lost}, doubled ${storm.duplicated}, errors ${storm.errors}`, target: engine === 'sqlite' ? '≥ 2,000/s, 0 lost, 0 doubled' : '0 lost, 0 doubled', met: (engine !== 'sqlite' || storm.perSecond >= 2000) && storm.lost === 0 && storm.duplicated === 0 && storm.errors === 0 });
          rows.push({ id: 'B4', measure: 'announcement edits per message per second', engine, relais: `max ${storm.maxEditsPerSecond}`, baseline: '—', ratio: `mean ${f(storm.meanEditsPerSecond, 2)}`, target: '≤ 2', met: storm.maxEditsPerSecond <= 2 });
          log(`${engine}: B4 done`);
        }
      } finally {
        await close();
      }
    }
    if (want('B5')) {
      const footprint = await benchFootprint(api, await databases.create('sqlite', 'relais_bench_footprint'));
      rows.push({ id: 'B5', measure: 'start to ready, Slack + Matrix (s)', engine: 'sqlite', relais: f(footprint.readyMs / 1000, 2), baseline: `${f(footprint.baselineReadyMs / 1000, 2)} (bare Bolt)`, ratio: `${f(footprint.readyMs / footprint.baselineReadyMs, 2)}×`, target: '≤ 1.5 s', met: footprint.readyMs <= 1500 });
      rows.push({ id: 'B5', measure: 'resident memory idle (MiB)', engine: 'sqlite', relais: f(footprint.rssMiB, 0), baseline: `${f(footprint.baselineRssMiB, 0)} (bare Bolt)`, ratio: `${f(footprint.rssMiB / footprint.baselineRssMiB, 2)}×`, target: '—', met: undefined });
    }
  } finally {
    await api.close();
    await databases.close();
  }
  print();
}

function print(): void {
  const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  const header = ['', 'Measure', 'Engine', 'Relais', 'Baseline (same run)', 'Ratio / detail', 'Target', 'Met'];
  const table = rows.map((row) => [row.id, row.measure, row.engine, row.relais, row.baseline, row.ratio, row.target, row.met === undefined ? '—' : row.met ? 'yes' : 'NO']);
  process.stdout.write(`Relais benchmarks — ${new Date().toISOString().slice(0, 16)}Z, commit ${commit}\n`);
  process.stdout.write(`Machine: ${os.cpus().length} CPU (${os.cpus()[0]?.model ?? '?'}), ${f(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}, load average ${os.loadavg().map((l) => f(l, 2)).join(' ')}\n\n`);
  process.stdout.write(`| ${header.join(' | ')} |\n|${header.map(() => '---').join('|')}|\n`);
  for (const row of table) process.stdout.write(`| ${row.join(' | ')} |\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
