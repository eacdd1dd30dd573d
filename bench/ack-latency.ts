/**
 * B1: how long Slack waits for the acknowledgement of /tip add, through the real Bolt HTTP
 * receiver with signed requests, against a bare Bolt app that only acknowledges. Both run as
 * their own process; this process sends the load (and plays Slack's Web API).
 */
import { slashCommandRequest } from '../test/fakes/slack-requests.ts';
import type { FakeSlackWebApi } from '../test/fakes/slack-web-api.ts';
import { percentile, pool } from './stats.ts';

export const ACK = { requests: 2000, warmup: 200, concurrency: 50 } as const;
export const SIGNING_SECRET = 'bench-signing-secret';

export interface Latency {
  p50: number;
  p99: number;
  /** Answers other than 200. */
  failed: number;
}

export async function measureAcks(api: FakeSlackWebApi, port: number): Promise<Latency> {
  const url = `http://127.0.0.1:${port}/slack/events`;
  const send = async (i: number) => {
    const request = slashCommandRequest(url, {
      command: '/tip', text: `add Astuce ${i} du banc d’essai : le calendrier partagé évite les doublons #bench`,
      response_url: api.responseUrl(), user_id: `U0B${i % 50}`, trigger_id: `bench.${i}.${Math.random()}`,
    }, SIGNING_SECRET);
    const start = process.hrtime.bigint();
    const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body });
    await response.arrayBuffer();
    return { ms: Number(process.hrtime.bigint() - start) / 1e6, ok: response.status === 200 };
  };
  await pool(Array.from({ length: ACK.warmup }, (_, i) => i), ACK.concurrency, async (i) => void (await send(-i - 1)));
  const durations: number[] = [];
  let failed = 0;
  await pool(Array.from({ length: ACK.requests }, (_, i) => i), ACK.concurrency, async (i) => {
    const { ms, ok } = await send(i);
    durations.push(ms);
    if (!ok) failed += 1;
  });
  return { p50: percentile(durations, 50), p99: percentile(durations, 99), failed };
}
