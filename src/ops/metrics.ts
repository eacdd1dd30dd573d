import { RelaisError } from '../core/errors.ts';
import { looksUnavailable } from '../db/errors.ts';

/**
 * What Relais counts, reported by the parts that do the work (the pipeline, the outbox, the
 * announcer, the scheduler, the database client) and exposed in Prometheus's format at /metrics
 * (prometheus.ts). The parts are handed this interface, never the metrics library.
 */
export interface Metrics {
  /** A gesture handed to the port: recorded, a redelivery already recorded, or refused while the database is away. */
  gestureReceived(platform: string, kind: string, receipt: 'accepted' | 'duplicate' | 'unavailable'): void;
  /** A recorded gesture worked to its end: answered, or answered with an error (counted by code in `error`). */
  gestureWorked(platform: string, kind: string, outcome: 'answered' | 'error'): void;
  /** A message to a platform: sent, to be tried again, or given up. */
  message(platform: string, kind: MessageKind, outcome: 'sent' | 'retried' | 'failed'): void;
  /** A failure, by where it happened and its code (RelaisError codes: unavailable, internal, conflict…). */
  error(stage: 'gesture' | 'delivery' | 'announcement' | 'scheduler', code: string): void;
  /** What a scheduled delivery came to (claim.ts outcomes, or failed: an error, tried again later). */
  claim(job: 'digest' | 'reminder' | 'wiki', outcome: ClaimOutcome): void;
  /** One database operation (a model's, or a raw query's), in seconds. */
  query(model: string, operation: string, seconds: number): void;
}

export type MessageKind = 'post' | 'reply' | 'direct' | 'react' | 'edit';

export type ClaimOutcome = 'posted' | 'skipped' | 'missed' | 'uncertain' | 'settled' | 'busy' | 'failed';


/** The code a failure is counted under: a RelaisError's own, unavailable for a database away, else internal. */
export function errorCode(error: unknown): string {
  if (error instanceof RelaisError) return error.code;
  return looksUnavailable(error) ? 'unavailable' : 'internal';
}
