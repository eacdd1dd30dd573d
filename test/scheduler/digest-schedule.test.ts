import { afterEach, describe, expect, it } from 'vitest';
import { Scheduler } from '../../src/scheduler/scheduler.ts';
import { createHarness, type Harness } from '../support/harness.ts';
import { engines } from '../support/test-database.ts';
import { moderator, paris, postsIn, summaries, tickUntil } from './support.ts';

/** Three channels: weekly Monday 09:00, daily 09:00, daily 02:30 — all Europe/Paris. */
async function threeSchedules(h: Harness): Promise<void> {
  await h.run('/summary config frequency weekly', moderator('!weekly:example.org'));
  await h.run('/summary config frequency daily', moderator('!daily:example.org'));
  await h.run('/summary config frequency daily', moderator('!night:example.org'));
  await h.run('/summary config time 02:30', moderator('!night:example.org'));
}

const posted = async (h: Harness, channel: string) =>
  (await summaries(h, channel)).filter((row) => row.status === 'posted').map((row) => `${row.period} ${row.postedAt}`);

describe.each(engines)('digest schedules across DST in Europe/Paris (%s)', (engine) => {
  let h: Harness;
  afterEach(async () => h?.close());

  it('posts once per period at 09:00 local through the 2027 spring-forward week; 02:30 runs at 03:30 that day', async () => {
    h = await createHarness(engine, { now: paris('2027-03-21T21:00').toISOString(), schedule: false });
    await threeSchedules(h);
    await tickUntil(h, new Scheduler(h.scheduling), paris('2027-03-30T12:00'));

    expect(await posted(h, '!weekly:example.org')).toEqual(['2027-W12 2027-03-22T09:00+01:00', '2027-W13 2027-03-29T09:00+02:00']);
    expect(await posted(h, '!daily:example.org')).toEqual(
      ['22', '23', '24', '25', '26', '27'].map((day) => `2027-03-${day} 2027-03-${day}T09:00+01:00`)
        .concat(['28', '29', '30'].map((day) => `2027-03-${day} 2027-03-${day}T09:00+02:00`)),
    );
    expect(await posted(h, '!night:example.org')).toEqual([
      ...['22', '23', '24', '25', '26', '27'].map((day) => `2027-03-${day} 2027-03-${day}T02:30+01:00`),
      '2027-03-28 2027-03-28T03:30+02:00',
      ...['29', '30'].map((day) => `2027-03-${day} 2027-03-${day}T02:30+02:00`),
    ]);
    // What was already too late when the scheduler first ran is recorded as missed, not posted.
    expect((await summaries(h, '!weekly:example.org'))[0]).toMatchObject({ period: '2027-W11', status: 'missed' });
    expect(postsIn(h, '!weekly:example.org')).toHaveLength(2);
    expect(postsIn(h, '!daily:example.org')).toHaveLength(9);
    expect(postsIn(h, '!night:example.org')).toHaveLength(9);
  });

  it.each([
    ['2026', '2026-10-18T21:00', '2026-10-27T12:00', ['2026-W43 2026-10-19T09:00+02:00', '2026-W44 2026-10-26T09:00+01:00'], '2026-10-25'],
    ['2027', '2027-10-24T21:00', '2027-11-02T12:00', ['2027-W43 2027-10-25T09:00+02:00', '2027-W44 2027-11-01T09:00+01:00'], '2027-10-31'],
  ])('posts once per period at 09:00 local through the %s fall-back week', async (_year, from, until, weekly, fallBackDay) => {
    h = await createHarness(engine, { now: paris(from).toISOString(), schedule: false });
    await threeSchedules(h);
    await tickUntil(h, new Scheduler(h.scheduling), paris(until));

    expect(await posted(h, '!weekly:example.org')).toEqual(weekly);
    const daily = await posted(h, '!daily:example.org');
    expect(daily).toHaveLength(9);
    expect(daily.every((line) => /T09:00[+-]/.test(line))).toBe(true);
    const night = await posted(h, '!night:example.org');
    expect(night).toHaveLength(9);
    expect(night.every((line) => /T02:30[+-]/.test(line))).toBe(true);
    expect(night).toContain(`${fallBackDay} ${fallBackDay}T02:30+01:00`);
    expect(postsIn(h, '!night:example.org')).toHaveLength(9);
  });
});
