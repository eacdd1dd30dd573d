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
