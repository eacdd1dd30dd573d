// Statements outside a transaction while one is open: on SQLite they share Prisma's one
// connection (src/db/one-writer.ts makes them wait for the transaction's end). What the
// pipeline relies on: a gesture recorded while another gesture's transaction is open is kept
// when that transaction rolls back, and nothing reads what a transaction has not committed.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, engines, type TestDatabase } from '../support/test-database.ts';

let open: TestDatabase | undefined;
afterEach(async () => {
  await open?.close();
  open = undefined;
});

const gesture = (key: string) => ({ key, platform: 'console', actor: 'console:local:ana', payload: '{}' });

/**
 * Gives a statement sent beside the open transaction time to run, if it can (without the
 * serialization it runs inside it at once; with it, it waits for the transaction's end).
 */
const aChanceFor = (statement: Promise<unknown>) => Promise.race([statement, new Promise((resolve) => setTimeout(resolve, 200))]);

/** A transaction that writes, waits until told, then fails; `paused` resolves once it is waiting. */
function failingTransaction(db: TestDatabase['db']) {
  let fail!: () => void;
  let paused!: () => void;
  const waiting = new Promise<void>((resolve) => (paused = resolve));
  const told = new Promise<void>((resolve) => (fail = resolve));
  const done = db.$transaction(async (tx) => {
    await tx.inbound.create({ data: gesture('inside') });
    paused();
    await told;
    throw new Error('the handler failed');
  }).catch((error: Error) => error.message);
  return { waiting, fail, done };
}

describe.each(engines)('statements beside an open transaction (%s)', (engine) => {
  it('a row recorded meanwhile is kept when the transaction rolls back', async () => {
    open = await createTestDatabase(engine);
    const { db } = open;
    const tx = failingTransaction(db);
    await tx.waiting;
    const recorded = db.inbound.create({ data: gesture('beside') });
    await aChanceFor(recorded);
    tx.fail();
    expect(await tx.done).toBe('the handler failed');
    await recorded;
    expect((await db.inbound.findMany({ orderBy: { id: 'asc' } })).map((row) => row.key)).toEqual(['beside']);
  });

  it('a read meanwhile does not see what the transaction wrote and then rolled back', async () => {
    open = await createTestDatabase(engine);
    const { db } = open;
    const tx = failingTransaction(db);
    await tx.waiting;
    const read = db.inbound.findUnique({ where: { key: 'inside' } });
    await aChanceFor(read);
    tx.fail();
    await tx.done;
    expect(await read).toBeNull();
  });
});
