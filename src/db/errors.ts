/** A unique constraint refused the write: someone (maybe another process) got there first. */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 'P2002';
}

const unavailableNames = new Set(['PrismaClientInitializationError', 'PrismaClientRustPanicError']);
// P1008: an operation timed out, which is how a SQLite lock outlasting busy_timeout surfaces.
const unavailableCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'P1001', 'P1002', 'P1008', 'P1017', 'P2024', 'P2028', '57P01', '57P03', '08006', '08001']);

/** The database (or the network to it) is down or busy: a condition that passes, not a bug. */
export function looksUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, cause, meta } = error as Error & { code?: unknown; cause?: unknown; meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } };
  const driverCode = meta?.driverAdapterError?.cause?.originalCode;
  if (unavailableNames.has(error.name) || [code, driverCode].some((c) => typeof c === 'string' && unavailableCodes.has(c))) return true;
  if (/DatabaseNotReachable|SocketTimeout|Connection(Closed|Refused)|database is locked|ECONNREFUSED|Connection terminated|terminating connection|the database system is (starting|shutting) up|Transaction API error/i.test(error.message)) return true;
  return cause !== undefined && cause !== error && looksUnavailable(cause);
}
