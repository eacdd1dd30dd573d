/** Stable codes: logs, tests and adapters branch on these, never on message text. */
export type ErrorCode =
  | 'usage'
  | 'invalid_argument'
  | 'not_found'
  | 'forbidden'
  | 'conflict'
  | 'unavailable'
  | 'internal';

/**
 * The message keys a user message may name. src/i18n fills this interface in (declaration
 * merging), so every key is checked where an error is thrown while the core imports no catalog.
 * Adapters' own strings live under `platforms.<name>.`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface MessageKeys {}
export type MessageKey = Extract<keyof MessageKeys, string> | `platforms.${string}`;
export type MessageParams = Record<string, string | number | { key: MessageKey }>;

/**
 * An error meant for a person: `userMessage` is a message key rendered in the reader's language;
 * the Error's own message is for logs only and may hold details users must not see.
 */
export class RelaisError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly userMessage: MessageKey,
    readonly params: MessageParams = {},
    internalMessage?: string,
  ) {
    super(internalMessage ?? `${code}: ${userMessage}`);
    this.name = 'RelaisError';
  }
}

export const notFound = (what: 'tip' | 'meetup' | 'network' | 'member', id: string | number) =>
  new RelaisError('not_found', `errors.notFound.${what}` as MessageKey, { id: String(id) });
