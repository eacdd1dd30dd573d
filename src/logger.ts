import { pino, type Logger } from 'pino';

export type { Logger };

/** Structured logs on stderr (stdout belongs to the console chat); tokens and secrets are redacted. */
export function createLogger(level: string): Logger {
  return pino(
    {
      level,
      redact: {
        paths: ['token', '*.token', 'accessToken', '*.accessToken', 'headers.authorization', 'config.SLACK_BOT_TOKEN',
          'config.SLACK_SIGNING_SECRET', 'config.SLACK_APP_TOKEN', 'config.MATRIX_ACCESS_TOKEN', 'config.DATABASE_URL', 'config.RELAIS_WIKI_PASSWORD'],
        censor: '[redacted]',
      },
    },
    pino.destination(2),
  );
}
