import type { IAppserviceStorageProvider, IFilterInfo, IStorageProvider } from 'matrix-bot-sdk';
import type { KeyValueStore } from '../../src/core/state.ts';

/**
 * matrix-bot-sdk storage in the adapter's own state (the shared database), so a restart resumes
 * the /sync stream where it stopped: no replay of old events, no gap. Keys are namespaced per bot
 * user (`<userId>:sync_token`) so several bots (or a test and a bot) can share one database.
 *
 * Every method is async: matrix-bot-sdk 0.7.1 wraps each storage call in `Promise.resolve(...)`
 * and awaits it (MatrixClient.start/startSync, Appservice, Intent), so no in-memory cache is
 * needed for correctness and the database stays the single source of truth.
 */
export class BotStateStorageProvider implements IStorageProvider, IAppserviceStorageProvider {
  private readonly prefix: string;

  constructor(private readonly state: KeyValueStore, userId: string) {
    this.prefix = `${userId}:`;
  }

  async setSyncToken(token: string | null): Promise<void> {
    await this.write('sync_token', token);
  }

  async getSyncToken(): Promise<string | null> {
    return (await this.read('sync_token')) ?? null;
  }

  async setFilter(filter: IFilterInfo): Promise<void> {
    // The SDK compares JSON.stringify(stored.filter) with the requested filter: JSON round-trips keep key order.
    await this.write('filter', JSON.stringify(filter));
  }

  async getFilter(): Promise<IFilterInfo> {
    const raw = await this.read('filter');
    // The SDK's own providers return null/undefined here and it checks truthiness; the d.ts is just narrow.
    return (raw ? JSON.parse(raw) : null) as IFilterInfo;
  }

  async storeValue(key: string, value: string): Promise<void> {
    await this.write(`kv:${key}`, value);
  }

  async readValue(key: string): Promise<string | null> {
    return (await this.read(`kv:${key}`)) ?? null;
  }

  async deleteValue(key: string): Promise<void> {
    await this.write(`kv:${key}`, null);
  }

  /** Every `kv:` entry whose key starts with `start`, keys without the prefix. */
  async values(start: string): Promise<Array<[string, string]>> {
    const entries = await this.state.entries(`${this.prefix}kv:${start}`);
    return entries.map(([key, value]) => [key.slice(`${this.prefix}kv:`.length), value]);
  }

  // Appservice bookkeeping (unused by a plain bot user, but cheap to have if Relais ever becomes one).
  async addRegisteredUser(userId: string): Promise<void> {
    await this.write(`registered:${userId}`, '1');
  }

  async isUserRegistered(userId: string): Promise<boolean> {
    return (await this.read(`registered:${userId}`)) !== undefined;
  }

  async setTransactionCompleted(transactionId: string): Promise<void> {
    await this.write(`txn:${transactionId}`, '1');
  }

  async isTransactionCompleted(transactionId: string): Promise<boolean> {
    return (await this.read(`txn:${transactionId}`)) !== undefined;
  }

  private read(key: string): Promise<string | undefined> {
    return this.state.get(this.prefix + key);
  }

  private async write(key: string, value: string | null): Promise<void> {
    if (value === null) await this.state.delete(this.prefix + key);
    else await this.state.set(this.prefix + key, value);
  }
}
