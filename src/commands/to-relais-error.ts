import { RelaisError } from '../core/errors.ts';
import type { Logger } from '../logger.ts';

const unavailableNames = new Set(['PrismaClientInitializationError', 'PrismaClientRustPanicError']);
// P1008: an operation timed out, which is how a SQLite lock outlasting busy_timeout surfaces.
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'P1001', 'P1002', 'P1008', 'P1017', 'P2024']);

/** The database (or the network to it) is down or busy: a condition that passes, not a bug. */
export function looksUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, cause, meta } = error as Error & { code?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  const driverCode = meta?.driverAdapterError?.cause?.originalCode;
  if (unavailableNames.has(error.name) || [code, driverCode].some((c) => typeof c === 'string' && unavailableCodes.has(c))) return true;
  if (/DatabaseNotReachable|SocketTimeout|Connection(Closed|Refused)|database is locked|ECONNREFUSED/i.test(error.message)) return true;
  return cause !== undefined && cause !== error && looksUnavailable(cause);
}

/**
 * Every failure becomes a RelaisError with a user message. Unexpected ones are logged with their
 * stack (for operators) and shown to users only as a generic, localized sentence.
 */
export function toRelaisError(error: unknown, logger: Logger, context: Record<string, unknown>): RelaisError {
  if (error instanceof RelaisError) {
    if (error.code === 'internal') logger.error({ err: error, ...context }, 'command failed');
    return error;
  }
  if (looksUnavailable(error)) {
    logger.warn({ err: error, ...context }, 'database unavailable');
    return new RelaisError('unavailable', 'errors.unavailable');
  }
  logger.error({ err: error, ...context }, 'command failed unexpectedly');
  return new RelaisError('internal', 'errors.internal');
}
