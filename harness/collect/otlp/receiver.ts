import '../../dispose.js';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createDebug } from '../../debug.js';
import type { Store } from '../store.js';
import { answerInternalError } from './answer.js';
import { BearerTokenCheck } from './bearer-token.js';
import { DecodePool } from './decode-pool.js';
import { IngestPipeline } from './ingest-pipeline.js';
import { IngestQueue } from './ingest-queue.js';
import type { ReceiverContext } from './receiver-context.js';
import { resolveReceiverOptions } from './receiver-options.js';
import type { ReceiverOptions } from './receiver-options.js';
import type { ReceiverStats } from './receiver-stats.js';
import { zeroStats } from './receiver-stats.js';
import { handleRequest } from './request-handler.js';

/** A running OTLP/HTTP receiver. Close it with `close()`, or let `await using` do so. */
export interface Receiver extends AsyncDisposable {
  /** Base URL, e.g. `http://127.0.0.1:4318`: what services put in OTEL_EXPORTER_OTLP_ENDPOINT. */
  readonly url: string;
  /** `${url}/v1/traces`, for OTEL_EXPORTER_OTLP_TRACES_ENDPOINT. */
  readonly tracesUrl: string;
  /** `${url}/v1/logs`, for OTEL_EXPORTER_OTLP_LOGS_ENDPOINT. */
  readonly logsUrl: string;
  readonly port: number;
  readonly store: Store;
  /** Requests answered so far, by outcome (a copy). */
  stats(): ReceiverStats;
  /** Stops listening and closes every connection; bodies not yet stored were never acknowledged. */
  close(): Promise<void>;
}

// Slow senders hold a place in the ingest queue; these bound how long (Node's defaults are minutes).
const HEADERS_TIMEOUT_MS = 10_000;
const REQUEST_TIMEOUT_MS = 30_000;

function urlHost(host: string): string {
  // A wildcard address is where to listen, not where to connect; loopback reaches it from this machine.
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

/** Starts an OTLP/HTTP receiver (traces, logs; metrics accepted and discarded) that stores into a Store. */
export async function startReceiver(options?: ReceiverOptions): Promise<Receiver> {
  const resolved = resolveReceiverOptions(options);
  const pool = resolved.decodeWorkers === 0 ? undefined : new DecodePool(resolved.decodeWorkers);
  const context: ReceiverContext = {
    store: resolved.store,
    queue: new IngestQueue(resolved.maxQueuedBodies, resolved.maxQueuedBytes),
    ingest: new IngestPipeline(resolved.store, pool),
    maxBodyBytes: resolved.maxBodyBytes,
    retryAfterSeconds: resolved.retryAfterSeconds,
    bearer: resolved.token === undefined ? undefined : new BearerTokenCheck(resolved.token),
    counts: zeroStats(),
    debug: createDebug('tracegate:receiver'),
  };
  const server = createServer(
    { headersTimeout: HEADERS_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
    (request, response) => {
      try {
        handleRequest(context, request, response);
      } catch (error) {
        answerInternalError(context, request, response, error);
      }
    },
  );
  await pool?.start();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ host: resolved.host, port: resolved.port }, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await pool?.close();
    throw error;
  }
  const port = (server.address() as AddressInfo).port;
  const url = `http://${urlHost(resolved.host)}:${port}`;
  context.debug(() => `listening on ${url}`);

  let closed: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closed ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Without this, keep-alive connections of exporters would hold close() open until they time out.
      server.closeAllConnections();
      await stopped;
      // Bodies cut off mid-way are counted as aborted by then, so stats() is final once close() resolves.
      await context.queue.whenIdle();
      await pool?.close();
      context.debug(() => `closed ${url}`);
    })();
    return closed;
  };
  return {
    url,
    tracesUrl: `${url}/v1/traces`,
    logsUrl: `${url}/v1/logs`,
    port,
    store: resolved.store,
    stats: () => ({ ...context.counts }),
    close,
    [Symbol.asyncDispose]: close,
  };
}
