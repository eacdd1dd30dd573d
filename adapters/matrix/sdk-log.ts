import { format } from 'node:util';
import { LogService } from 'matrix-bot-sdk';
import type { Logger } from '../../src/core/logger.ts';

/**
 * matrix-bot-sdk logs through a global LogService; route it into Relais's logger. Its HTTP layer
 * logs every non-2xx answer as an error, including the 404s the adapter expects (a room without
 * m.room.encryption state): the adapter sees the thrown error and judges, so those go to debug.
 */
export function routeSdkLogs(logger: Logger): void {
  const at = (level: 'trace' | 'debug' | 'warn') => (module: string, ...messages: unknown[]) =>
    logger[level]({ sdkModule: module }, format(...messages));
  const problem = (module: string, ...messages: unknown[]) => (module === 'MatrixHttpClient' ? at('debug') : at('warn'))(module, ...messages);
  LogService.setLogger({ trace: at('trace'), debug: at('trace'), info: at('debug'), warn: problem, error: problem });
}
