import type { MessageKey, MessageParams } from './errors.ts';

/**
 * One line of `relais doctor`: what was found and, when it is wrong, what to do about it, both
 * as message keys (a platform's own under `platforms.<name>.`), rendered in the operator's language.
 */
export interface Check {
  /** failed: Relais cannot work so; warning: it works, with something to know or to do. */
  status: 'ok' | 'warning' | 'failed' | 'skipped';
  message: MessageKey;
  /** What to do, when the status is not ok. */
  fix?: MessageKey;
  params?: MessageParams;
}
