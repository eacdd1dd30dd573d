import type { Db } from './client.ts';

/** A client inside a transaction: the models, no $transaction. Domain code takes this, so it runs inside the gesture's transaction. */
export type Tx = Omit<Db, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;

/**
 * Runs `work` atomically: in a new transaction, or inside the one `db` already is (an inbound
 * gesture's), so that domain functions compose into one commit.
 */
export function atomically<T>(db: Tx, work: (tx: Tx) => Promise<T>): Promise<T> {
  const client = db as Partial<Db>;
  // A transaction's client has $transaction too (a savepoint), but not $connect: inside one, the work simply joins it.
  return typeof client.$connect === 'function' ? client.$transaction!((tx) => work(tx as Tx)) : work(db);
}
