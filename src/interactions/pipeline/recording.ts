import type { Db, Engine } from '../../db/client.ts';
import { isUniqueViolation } from '../../db/errors.ts';
import { firstInLine } from '../../db/one-writer.ts';
import type { PrismaClient as PostgresClient } from '../../generated/postgres/client.ts';

/** A gesture's row in the inbox, as the pipeline works it. */
export type Row = { id: number; key: string; actor: string; payload: string; attempts: number };

export interface InboxRecord {
  key: string;
  platform: string;
  actor: string;
  payload: string;
  claimedBy: string;
  leaseUntil: Date;
  createdAt: Date;
}

const select = { id: true, key: true, actor: true, payload: true, attempts: true } as const;

type Waiter = { record: InboxRecord; resolve(row: Row | 'duplicate'): void; reject(error: unknown): void };

/**
 * Records gestures in the inbox, those arriving together in one transaction (group commit): a
 * platform waits for its acknowledgement until its gesture is committed, and then one commit
 * acknowledges many. One group is written at a time; those arriving meanwhile form the next.
 * A redelivery of a recorded gesture resolves `duplicate`. When the group cannot be written as
 * one (another process recorded one of its gestures meanwhile, or the database is away), each
 * gesture is recorded on its own and answered as it alone would be. On SQLite's one connection,
 * these writes go before the pipeline's, which work what is already acknowledged.
 */
export class Recorder {
  private waiting: Waiter[] = [];
  private writing = false;

  constructor(private readonly db: Db, private readonly engine: Engine) {}

  record(record: InboxRecord): Promise<Row | 'duplicate'> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ record, resolve, reject });
      // Gestures handed in this turn of the event loop join the group.
      if (!this.writing) {
        this.writing = true;
        setImmediate(() => void this.write());
      }
    });
  }

  private async write(): Promise<void> {
    while (this.waiting.length) {
      const group = this.waiting;
      this.waiting = [];
      await firstInLine(() => this.together(group).catch(() => this.alone(group)));
    }
    this.writing = false;
  }

  private async together(group: Waiter[]): Promise<void> {
    const byKey = new Map<string, Waiter>();
    const again: Waiter[] = [];
    // The same gesture twice in one group (a platform's quick retry): the second is the redelivery.
    for (const waiter of group) {
      if (byKey.has(waiter.record.key)) again.push(waiter);
      else byKey.set(waiter.record.key, waiter);
    }
    const data = [...byKey.values()].map((waiter) => waiter.record);
    // PostgreSQL skips the keys already there in the one statement; SQLite cannot (with Prisma): it looks first, in the same transaction.
    const created = this.engine === 'postgres'
      ? await (this.db as unknown as PostgresClient).inbound.createManyAndReturn({ data, skipDuplicates: true, select })
      : await this.db.$transaction(async (tx) => {
      const known = new Set((await tx.inbound.findMany({ where: { key: { in: [...byKey.keys()] } }, select: { key: true } })).map((row) => row.key));
      const fresh = data.filter((record) => !known.has(record.key));
      return fresh.length ? tx.inbound.createManyAndReturn({ data: fresh, select }) : [];
    });
    const createdByKey = new Map(created.map((row) => [row.key, row]));
    for (const waiter of byKey.values()) waiter.resolve(createdByKey.get(waiter.record.key) ?? 'duplicate');
    for (const waiter of again) waiter.resolve('duplicate');
  }

  private async alone(group: Waiter[]): Promise<void> {
    for (const waiter of group) {
      try {
        waiter.resolve(await this.db.inbound.create({ data: waiter.record, select }));
      } catch (error) {
        if (isUniqueViolation(error)) waiter.resolve('duplicate');
        else waiter.reject(error);
      }
    }
  }
}
