/**
 * Leases in the database (src/db/lease.ts), as two or more processes see them: one holder at a
 * time, renewals, release, take-over once run out, and one winner when several race for it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { leases } from '../../src/db/lease.ts';
import { createTestDatabase, engines, type TestDatabase } from '../support/test-database.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(engines)('leases (%s)', (engine) => {
  let database: TestDatabase;
  afterEach(async () => database?.close());
  const lease = (owner: string, ttlMs = 60_000) => leases(database.db, 'matrix', owner)('sync:@relais:example.org', ttlMs);

  it('has one holder, who renews and releases it; then another may take it', async () => {
    database = await createTestDatabase(engine);
    const [a, b] = [lease('a'), lease('b')];
    expect(await a.acquire()).toBe(true);
    expect(await b.acquire()).toBe(false);
    expect(await a.acquire()).toBe(true);
    await b.release(); // not b's: nothing happens
    expect(await b.acquire()).toBe(false);
    await a.release();
    expect(await b.acquire()).toBe(true);
    expect(await a.acquire()).toBe(false);
    expect(await database.db.botState.findMany({ where: { key: { contains: 'lease' } }, select: { key: true } })).toEqual([{ key: 'matrix:lease:sync:@relais:example.org' }]);
  });

  it('is taken over once it runs out, and the late holder learns it lost it', async () => {
    database = await createTestDatabase(engine);
    const [a, b] = [lease('a', 100), lease('b', 100)];
    expect(await a.acquire()).toBe(true);
    await sleep(200);
    expect(await b.acquire()).toBe(true);
    expect(await a.acquire()).toBe(false);
  });

  it('goes to exactly one of several processes racing for it, free or run out', async () => {
    database = await createTestDatabase(engine);
    const racers = Array.from({ length: 8 }, (_, i) => lease(`p${i}`, 100));
    expect((await Promise.all(racers.map((racer) => racer.acquire()))).filter(Boolean)).toHaveLength(1);
    await sleep(200);
    expect((await Promise.all(racers.map((racer) => racer.acquire()))).filter(Boolean)).toHaveLength(1);
  });
});
