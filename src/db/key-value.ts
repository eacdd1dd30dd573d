import type { KeyValueStore } from '../core/state.ts';
import type { Tx } from './transaction.ts';

/** An adapter's own state in the BotState table, its keys under `<namespace>:`. */
export function keyValueStore(db: Tx, namespace: string): KeyValueStore {
  const prefix = `${namespace}:`;
  return {
    async get(key) {
      return (await db.botState.findUnique({ where: { key: prefix + key } }))?.value;
    },
    async set(key, value) {
      await db.botState.upsert({ where: { key: prefix + key }, create: { key: prefix + key, value }, update: { value } });
    },
    async delete(key) {
      await db.botState.deleteMany({ where: { key: prefix + key } });
    },
    async entries(start) {
      const rows = await db.botState.findMany({ where: { key: { startsWith: prefix + start } }, orderBy: { key: 'asc' } });
      return rows.map((row) => [row.key.slice(prefix.length), row.value] as [string, string]);
    },
  };
}
