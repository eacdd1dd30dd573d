import { AsyncLocalStorage } from 'node:async_hooks';
import type { SqlDriverAdapter, SqlDriverAdapterFactory, SqlQuery, Transaction } from '@prisma/driver-adapter-utils';
import type Database from 'better-sqlite3';
import { reusePreparedStatements } from './statement-cache.ts';

const urgent = new AsyncLocalStorage<true>();

/**
 * Runs `work` with its statements and transactions ahead of those waiting for their turn (not
 * of the one under way): for what a person waits on, such as the inbox insert before an
 * acknowledgement, while gestures already acknowledged are worked behind it.
 */
export function firstInLine<T>(work: () => Promise<T>): Promise<T> {
  return urgent.run(true, work);
}

/** Turns taken in order of asking, urgent ones first: each `take` resolves with the function that ends the turn. */
class Turns {
  private busy = false;
  private readonly waiting: { urgent: Array<() => void>; normal: Array<() => void> } = { urgent: [], normal: [] };

  async take(): Promise<() => void> {
    if (this.busy) await new Promise<void>((resolve) => this.waiting[urgent.getStore() ? 'urgent' : 'normal'].push(resolve));
    this.busy = true;
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      const next = this.waiting.urgent.shift() ?? this.waiting.normal.shift();
      // The turn passes straight to the next in line: nobody can slip in between.
      if (next) next();
      else this.busy = false;
    };
  }
}

/**
 * Prisma's better-sqlite3 adapter has one connection: a statement sent outside a transaction
 * while one is open (between two of its awaits) runs on that same connection, inside it. It is
 * then not committed when it returns, and it is undone if that transaction rolls back — an
 * inbox row acknowledged to a platform, lost. Here each statement outside a transaction waits
 * for the open one to end, and a transaction for the statements asked before it.
 */
export function oneAtATime(factory: SqlDriverAdapterFactory): SqlDriverAdapterFactory {
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const adapter = await factory.connect();
      // The adapter's better-sqlite3 connection (a public field of @prisma/adapter-better-sqlite3 7.10's adapter).
      reusePreparedStatements((adapter as unknown as { client: Database.Database }).client);
      return serialized(adapter);
    },
  };
}

function serialized(inner: SqlDriverAdapter): SqlDriverAdapter {
  const turns = new Turns();
  const alone = async <T>(work: () => Promise<T>): Promise<T> => {
    const end = await turns.take();
    try {
      return await work();
    } finally {
      end();
    }
  };
  return {
    provider: inner.provider,
    adapterName: inner.adapterName,
    queryRaw: (query: SqlQuery) => alone(() => inner.queryRaw(query)),
    executeRaw: (query: SqlQuery) => alone(() => inner.executeRaw(query)),
    executeScript: (script: string) => alone(() => inner.executeScript(script)),
    ...(inner.getConnectionInfo ? { getConnectionInfo: () => inner.getConnectionInfo!() } : {}),
    dispose: () => inner.dispose(),
    async startTransaction(isolationLevel) {
      const end = await turns.take();
      try {
        return ending(await inner.startTransaction(isolationLevel), end);
      } catch (error) {
        end();
        throw error;
      }
    },
  };
}

/** The transaction as it is, its turn ended once it commits or rolls back. */
function ending(tx: Transaction, end: () => void): Transaction {
  const then = async (finish: () => Promise<void>) => {
    try {
      await finish();
    } finally {
      end();
    }
  };
  // Forwarded one by one: the adapter's transaction keeps its state in private fields.
  return {
    provider: tx.provider,
    adapterName: tx.adapterName,
    options: tx.options,
    queryRaw: (query) => tx.queryRaw(query),
    executeRaw: (query) => tx.executeRaw(query),
    commit: () => then(() => tx.commit()),
    rollback: () => then(() => tx.rollback()),
    ...(tx.createSavepoint ? { createSavepoint: (name: string) => tx.createSavepoint!(name) } : {}),
    ...(tx.rollbackToSavepoint ? { rollbackToSavepoint: (name: string) => tx.rollbackToSavepoint!(name) } : {}),
    ...(tx.releaseSavepoint ? { releaseSavepoint: (name: string) => tx.releaseSavepoint!(name) } : {}),
  };
}
