import type { MessageKey, MessageParams } from '../i18n/translate.ts';

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
 * An error meant for a person: `userMessage` is an i18n key rendered in the reader's language;
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
  new RelaisError('not_found', `errors.notFound.${what}`, { id: String(id) });


