/**
 * Small durable state an adapter keeps for itself (the Matrix sync token, remembered reactions…),
 * in the shared database: each adapter sees its own keys only.
 */
export interface KeyValueStore {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  delete(key: string): Promise<void>;
  /** Every entry whose key starts with `prefix`. */
  entries(prefix: string): Promise<Array<[key: string, value: string]>>;
}

/**
 * A name one process holds at a time (the Matrix sync loop of one account), kept in the shared
 * database: it is held for `ttlMs` after each renewal, so a process that dies lets it go then.
 */
export interface Lease {
  /** Takes it when free or run out, renews it when this process holds it: false while another process does. */
  acquire(): Promise<boolean>;
  /** Lets it go at once, if this process holds it. */
  release(): Promise<void>;
}
