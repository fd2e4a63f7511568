import type { DebugLog } from '../../debug.js';
import type { Store } from '../store.js';
import type { BearerTokenCheck } from './bearer-token.js';
import type { IngestPipeline } from './ingest-pipeline.js';
import type { IngestQueue } from './ingest-queue.js';
import type { RequestOutcome } from './receiver-stats.js';

/** What every request of one receiver shares: where records go, the limits, and the counts. */
export interface ReceiverContext {
  readonly store: Store;
  readonly queue: IngestQueue;
  /** Decodes complete bodies and stores them in completion order. */
  readonly ingest: IngestPipeline;
  readonly maxBodyBytes: number;
  readonly retryAfterSeconds: number;
  readonly bearer: BearerTokenCheck | undefined;
  readonly counts: Record<RequestOutcome, number>;
  readonly debug: DebugLog;
}
