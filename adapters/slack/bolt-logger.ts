import { format } from 'node:util';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/core/logger.ts';

/**
 * Bolt and the WebClient log through Relais's logger, so their warnings (a bad signature, a rate
 * limit) land with ours, structured and redacted. The level is Relais's LOG_LEVEL: Bolt's own
 * setLevel calls are ignored.
 */
export function boltLogger(logger: Logger): BoltLogger {
  const write = (level: 'debug' | 'info' | 'warn' | 'error') => (...messages: unknown[]) => {
    const [first, ...rest] = messages;
    if (first instanceof Error) logger[level]({ err: first }, format(...rest));
    else logger[level](format(...messages));
  };
  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => undefined,
    getLevel: () => (logger.isLevelEnabled('debug') ? LogLevel.DEBUG : logger.isLevelEnabled('info') ? LogLevel.INFO : logger.isLevelEnabled('warn') ? LogLevel.WARN : LogLevel.ERROR),
    setName: () => undefined,
  };
}
