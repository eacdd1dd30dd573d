import { afterEach, describe, expect, it } from 'vitest';
import { runSummary } from '../../src/cli/summary.ts';
import { ManualClock } from '../support/harness.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/test-database.ts';
import { paris } from './support.ts';

describe.each(engines)('npx relais summary (%s)', (engine) => {
  let database: TestDatabase;
  afterEach(async () => database?.close());

  it('prints a channel’s digest as plain text, then its deliveries unless --dry-run', async () => {
    database = await createTestDatabase(engine);
    const channel = await database.db.channel.create({ data: { platform: 'slack', workspace: 'T1', externalId: 'C0123', locale: 'en', digestFrequency: 'daily' } });
    await database.db.summary.create({ data: { channelId: channel.id, period: '2026-11-29', status: 'missed' } });
    const clock = new ManualClock(paris('2026-11-30T10:00'));
    const env = { DATABASE_URL: database.url };

    expect(await runSummary(['--channel', 'C0123', '--dry-run'], env, clock)).toBe('Daily digest\nNothing new this period.');
    expect(await runSummary(['--channel', String(channel.id)], env, clock)).toBe(
      'Daily digest\nNothing new this period.\n\nDeliveries (latest first):\n  2026-11-29  missed',
    );
    await expect(runSummary(['--channel', 'C9999'], env, clock)).rejects.toThrow('No channel "C9999"');
  });
});
