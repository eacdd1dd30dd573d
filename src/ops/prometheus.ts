import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Logger } from '../core/logger.ts';
import type { Db } from '../db/client.ts';
import type { ClaimOutcome, Metrics, MessageKind } from './metrics.ts';

/** From a tenth of a millisecond (an SQLite read) to seconds (a lock waited for). */
const QUERY_BUCKETS = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5];

/** Node's own metrics (memory, event loop delay, garbage collection): one set per process, however many Relais it runs. */
let processRegistry: Registry | undefined;
function processMetrics(): Registry {
  if (!processRegistry) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/**
 * The metrics of one Relais (each build has its own registry: tests run several in one process),
 * served with the process's. The backlog and whether the database answers are read from the
 * database when scraped.
 */
export class PrometheusMetrics implements Metrics {
  private readonly registry = new Registry();
  private readonly gestures: Counter<'platform' | 'kind' | 'receipt'>;
  private readonly worked: Counter<'platform' | 'kind' | 'outcome'>;
  private readonly messages: Counter<'platform' | 'kind' | 'outcome'>;
  private readonly errors: Counter<'stage' | 'code'>;
  private readonly claims: Counter<'job' | 'outcome'>;
  private readonly queries: Histogram<'model' | 'operation'>;

  constructor(db: Db, logger: Logger) {
    const registers = [this.registry];
    this.gestures = new Counter({
      name: 'relais_gestures_total', help: 'Gestures (commands, buttons, reactions, forms, captures) handed to Relais, by what recording them gave', labelNames: ['platform', 'kind', 'receipt'], registers,
    });
    this.worked = new Counter({
      name: 'relais_gestures_worked_total', help: 'Gestures worked to their end: answered, or answered with an error', labelNames: ['platform', 'kind', 'outcome'], registers,
    });
    this.messages = new Counter({
      name: 'relais_messages_total', help: 'Posts, replies, private messages, reactions and announcement edits sent to the platforms', labelNames: ['platform', 'kind', 'outcome'], registers,
    });
    this.errors = new Counter({ name: 'relais_errors_total', help: 'Failures, by where they happened and their code', labelNames: ['stage', 'code'], registers });
    this.claims = new Counter({
      name: 'relais_scheduler_claims_total', help: 'Scheduled deliveries (digests, reminders, wiki publications) by outcome', labelNames: ['job', 'outcome'], registers,
    });
    this.queries = new Histogram({
      name: 'relais_db_query_duration_seconds', help: 'Database operations, by model (raw: SQL written by hand) and operation', labelNames: ['model', 'operation'], buckets: QUERY_BUCKETS, registers,
    });
    // One read of the database per scrape (the registry collects every metric at once): the
    // backlog, and whether the database answered at all.
    let reading: Promise<PendingWork[] | undefined> | undefined;
    const read = () => (reading ??= pendingWork(db).catch((error: unknown) => {
      logger.warn({ err: error }, 'metrics: could not read the backlog');
      return undefined;
    }).finally(() => {
      reading = undefined;
    }));
    new Gauge({
      name: 'relais_work_pending',
      help: 'Gestures (inbound) and messages (outbound) waiting to be worked or sent, shared by every process on the database',
      labelNames: ['queue', 'platform'],
      registers,
      async collect() {
        const pending = await read();
        this.reset();
        for (const { queue, platform, count } of pending ?? []) this.set({ queue, platform }, count);
      },
    });
    new Gauge({
      name: 'relais_database_up', help: '1 when the database answered this scrape, else 0', registers,
      async collect() {
        this.set((await read()) ? 1 : 0);
      },
    });
  }

  /** The exposition text: these metrics and the process's. */
  scrape(): Promise<string> {
    return Registry.merge([processMetrics(), this.registry]).metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  gestureReceived(platform: string, kind: string, receipt: 'accepted' | 'duplicate' | 'unavailable'): void {
    this.gestures.inc({ platform, kind, receipt });
  }

  gestureWorked(platform: string, kind: string, outcome: 'answered' | 'error'): void {
    this.worked.inc({ platform, kind, outcome });
  }

  message(platform: string, kind: MessageKind, outcome: 'sent' | 'retried' | 'failed'): void {
    this.messages.inc({ platform, kind, outcome });
  }

  error(stage: string, code: string): void {
    this.errors.inc({ stage, code });
  }

  claim(job: string, outcome: ClaimOutcome): void {
    this.claims.inc({ job, outcome });
  }

  query(model: string, operation: string, seconds: number): void {
    this.queries.observe({ model, operation }, seconds);
  }
}

interface PendingWork { queue: 'inbound' | 'outbound'; platform: string; count: number }

async function pendingWork(db: Db): Promise<PendingWork[]> {
  const [inbound, outbound] = await Promise.all([
    db.inbound.groupBy({ by: ['platform'], where: { status: 'pending' }, _count: { _all: true } }),
    db.outbound.groupBy({ by: ['platform'], where: { status: { in: ['pending', 'sending'] } }, _count: { _all: true } }),
  ]);
  return [
    ...inbound.map((row) => ({ queue: 'inbound' as const, platform: row.platform, count: row._count._all })),
    ...outbound.map((row) => ({ queue: 'outbound' as const, platform: row.platform, count: row._count._all })),
  ];
}
