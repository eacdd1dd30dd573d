import { pino } from 'pino';
import type { Logger } from './core/logger.ts';

export type { Logger };

/** Structured logs on stderr (stdout belongs to the console chat); tokens, secrets and the configuration are redacted. */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['token', '*.token', 'accessToken', '*.accessToken', 'password', '*.password', 'headers.authorization', 'config'],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  ) as unknown as Logger;
}
