/**
 * /metrics as Prometheus scrapes it, after real work through the port: gestures by platform and
 * kind, what became of them, the messages sent, errors by code, the scheduler's claims, the
 * backlog shared in the database and the time database operations took; and its token.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';
import { moderator, paris } from '../scheduler/support.ts';

const TOKEN = 'metrics-token-0123456789';

/** The value of one sample of the exposition text, or undefined when the series is absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  const wanted = Object.entries(labels).map(([key, value]) => `${key}="${value}"`);
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = (match[2] ?? '').split(/,(?=[a-zA-Z_])/);
    if (wanted.every((pair) => present.includes(pair))) return Number(match[3]);
  }
  return undefined;
}

describe.each(engines)('/metrics (%s)', (engine) => {
  let h: Harness;
  afterEach(async () => h?.close());

  const scrape = async (init: { path?: string; headers?: Record<string, string> } = {}) =>
    fetch(`http://127.0.0.1:${h.relais.httpPort}${init.path ?? '/metrics'}`, { headers: init.headers ?? {} });

  it('counts gestures, their outcomes, messages, errors, claims, the backlog and query times', async () => {
    h = await createHarness(engine, { now: paris('2026-11-30T09:00').toISOString() });
    await h.run('/summary config frequency weekly', moderator());
    await h.run('/tip add Use the shared calendar #outils');
    // A vote from someone other than the tip's author (no one votes for their own tip).
    const bob = { user: '@bob:example.org' };
    expect(await h.gesture({ kind: 'command', command: 'tip', text: 'vote 1', deliveryKey: 'twice' }, bob)).toMatchObject({ receipt: 'accepted' });
    expect(await h.gesture({ kind: 'command', command: 'tip', text: 'vote 1', deliveryKey: 'twice' }, bob)).toMatchObject({ receipt: 'duplicate' });
    expect(await h.run('/tip show 999')).toEqual([expect.stringContaining('999')]);
    // An announcement the platform refuses for good, and one it takes on the second try.
    h.adapter.failures = ['refused'];
    await h.run('/meetup create Apéro numérique | 3 décembre 2026 18h30 | Mairie | publier', { user: '@admin:example.org' });
    h.adapter.failures = ['down'];
    await h.run('/meetup create Atelier cartes | 4 décembre 2026 18h30 | Mairie | publier', { user: '@admin:example.org' });
    await h.relais.settle();
    await new Scheduler(h.scheduling).tick();
    // A Slack gesture recorded by another process, not worked yet: this one serves no Slack.
    await h.db.inbound.create({ data: { key: 'slack:event:Ev1', platform: 'slack', actor: 'slack:T1:U1', payload: '{}', createdAt: new Date() } });

    const response = await scrape();
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(sample(text, 'relais_gestures_total', { platform: 'memory', kind: 'command', receipt: 'accepted' })).toBe(6);
    expect(sample(text, 'relais_gestures_total', { platform: 'memory', kind: 'command', receipt: 'duplicate' })).toBe(1);
    expect(sample(text, 'relais_gestures_worked_total', { platform: 'memory', kind: 'command', outcome: 'answered' })).toBe(5);
    expect(sample(text, 'relais_gestures_worked_total', { platform: 'memory', kind: 'command', outcome: 'error' })).toBe(1);
    expect(sample(text, 'relais_errors_total', { stage: 'gesture', code: 'not_found' })).toBe(1);
    expect(sample(text, 'relais_messages_total', { platform: 'memory', kind: 'reply', outcome: 'sent' })).toBeGreaterThanOrEqual(6);
    expect(sample(text, 'relais_messages_total', { platform: 'memory', kind: 'post', outcome: 'failed' })).toBe(1);
    expect(sample(text, 'relais_messages_total', { platform: 'memory', kind: 'post', outcome: 'retried' })).toBe(1);
    expect(sample(text, 'relais_messages_total', { platform: 'memory', kind: 'post', outcome: 'sent' })).toBe(1);
    expect(sample(text, 'relais_errors_total', { stage: 'delivery', code: 'conflict' })).toBe(1);
    expect(sample(text, 'relais_errors_total', { stage: 'delivery', code: 'unavailable' })).toBe(1);
    expect(sample(text, 'relais_scheduler_claims_total', { job: 'digest', outcome: 'posted' })).toBe(1);
    expect(sample(text, 'relais_work_pending', { queue: 'inbound', platform: 'slack' })).toBe(1);
    expect(sample(text, 'relais_database_up')).toBe(1);
    // Gestures are recorded in groups (one here: each was worked before the next came), the 6 accepted ones at least.
    expect(sample(text, 'relais_db_query_duration_seconds_count', { model: 'Inbound', operation: 'createManyAndReturn' })).toBeGreaterThanOrEqual(6);
    expect(sample(text, 'relais_db_query_duration_seconds_sum', { model: 'Inbound', operation: 'createManyAndReturn' })).toBeGreaterThan(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
  });

  it('answers only with RELAIS_METRICS_TOKEN when it is set, as a bearer token or ?token=', async () => {
    h = await createHarness(engine, { env: { RELAIS_METRICS_TOKEN: TOKEN } });
    expect((await scrape()).status).toBe(401);
    expect((await scrape({ headers: { authorization: 'Bearer not-the-token-at-all' } })).status).toBe(401);
    expect((await scrape({ path: '/metrics?token=wrong' })).status).toBe(401);
    expect((await scrape({ headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(200);
    const byQuery = await scrape({ path: `/metrics?token=${TOKEN}` });
    expect(byQuery.status).toBe(200);
    expect(await byQuery.text()).toContain('relais_gestures_total');
    // The health check stays open for load balancers.
    expect((await scrape({ path: '/healthz' })).status).toBe(200);
  });
});
