import { InvalidArgumentError } from '../../errors.js';
import { Store } from '../store.js';

/** How to start a receiver; every field is optional. */
export interface ReceiverOptions {
  /** Where received spans and logs go. Default: a new Store. */
  readonly store?: Store;
  /** Interface to listen on. Default '127.0.0.1' (loopback only). */
  readonly host?: string;
  /** Port to listen on. Default 0: a free port, read back from `receiver.port`. */
  readonly port?: number;
  /** When set, every request must carry `Authorization: Bearer <token>` or gets 401. Default: none. */
  readonly token?: string;
  /** Largest body accepted, measured after decompression (compressed input is bounded the same). Default 20 MiB. */
  readonly maxBodyBytes?: number;
  /** Most export bodies in flight at once; more are answered 429. Default 64. */
  readonly maxQueuedBodies?: number;
  /** Most bytes of bodies in flight held in memory; more are answered 429. Default 64 MiB. */
  readonly maxQueuedBytes?: number;
  /** `Retry-After` sent with 429, in whole seconds from 0 to 2. Default 1. */
  readonly retryAfterSeconds?: number;
  /**
   * Worker threads that decode OTLP/JSON trace bodies off the receiving thread; 0 decodes them inline. Default
   * 0 (see docs/receiver.md, Performance).
   */
  readonly decodeWorkers?: number;
}

/** ReceiverOptions with every default filled in. */
export interface ResolvedReceiverOptions {
  readonly store: Store;
  readonly host: string;
  readonly port: number;
  readonly token: string | undefined;
  readonly maxBodyBytes: number;
  readonly maxQueuedBodies: number;
  readonly maxQueuedBytes: number;
  readonly retryAfterSeconds: number;
  readonly decodeWorkers: number;
}

export const RECEIVER_DEFAULTS = {
  host: '127.0.0.1',
  port: 0,
  maxBodyBytes: 20 * 1024 * 1024,
  maxQueuedBodies: 64,
  maxQueuedBytes: 64 * 1024 * 1024,
  retryAfterSeconds: 1,
  decodeWorkers: 0,
} as const;

// More decode workers than this would only compete with each other for cores.
const MAX_DECODE_WORKERS = 64;

const API = 'tracegate.startReceiver()';
// Well below what one Buffer or one JSON string can hold in V8.
const MAX_BODY_BYTES_CEILING = 1024 * 1024 * 1024;
// Visible ASCII without spaces: what an HTTP header value can carry after "Bearer ".
const TOKEN = /^[\x21-\x7e]+$/;

function integerIn(name: string, value: number | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InvalidArgumentError(`${API}: ${name} must be an integer from ${min} to ${max}, got ${String(value)}`);
  }
  return value;
}

/** Checks options and fills in defaults; throws InvalidArgumentError naming the first bad option. */
export function resolveReceiverOptions(options: ReceiverOptions = {}): ResolvedReceiverOptions {
  if (typeof options !== 'object' || options === null) {
    throw new InvalidArgumentError(`${API}: options must be an object, got ${String(options)}`);
  }
  const { store, host, token } = options;
  if (store !== undefined && typeof (store as Partial<Store>).addSpans !== 'function') {
    throw new InvalidArgumentError(`${API}: store must be a tracegate Store`);
  }
  if (host !== undefined && (typeof host !== 'string' || host.trim() === '')) {
    throw new InvalidArgumentError(`${API}: host must be a non-empty string, got ${JSON.stringify(host)}`);
  }
  if (token !== undefined && (typeof token !== 'string' || !TOKEN.test(token))) {
    throw new InvalidArgumentError(
      `${API}: token must be a non-empty string of visible ASCII characters without spaces`,
    );
  }
  const d = RECEIVER_DEFAULTS;
  return {
    store: store ?? new Store(),
    host: host ?? d.host,
    port: integerIn('port', options.port, d.port, 0, 65535),
    token,
    maxBodyBytes: integerIn('maxBodyBytes', options.maxBodyBytes, d.maxBodyBytes, 1, MAX_BODY_BYTES_CEILING),
    maxQueuedBodies: integerIn('maxQueuedBodies', options.maxQueuedBodies, d.maxQueuedBodies, 1, 1_000_000),
    maxQueuedBytes: integerIn('maxQueuedBytes', options.maxQueuedBytes, d.maxQueuedBytes, 1, Number.MAX_SAFE_INTEGER),
    retryAfterSeconds: integerIn('retryAfterSeconds', options.retryAfterSeconds, d.retryAfterSeconds, 0, 2),
    decodeWorkers: integerIn('decodeWorkers', options.decodeWorkers, d.decodeWorkers, 0, MAX_DECODE_WORKERS),
  };
}
