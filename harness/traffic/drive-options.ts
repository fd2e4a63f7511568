import { randomBytes, randomInt } from 'node:crypto';
import type { Clock } from '../clock.js';
import { systemClock } from '../clock.js';
import { integerOption, invalid, shown } from './_internals/invalid-argument.js';
import type { RequestRecord, TrafficProgress } from './request-record.js';

/** How to drive: propagation, reproducibility, limits, and where progress goes. Every field is optional. */
export interface DriveOptions {
  /**
   * Send a fresh sampled `traceparent` and tracegate's `baggage` with every request. Default true. With false no
   * trace context is sent at all (as a browser or third party would) and records are correlated from the
   * response: `traceresponse`, then the request-id header, else by timing.
   */
  readonly propagate?: boolean;
  /** Seed for trace ids, span ids and the mix: any safe integer. Default: random, reported in the result. */
  readonly seed?: number;
  /** Sent in baggage as `tracegate.run` and in `{{runId}}`: 1–64 of `A-Z a-z 0-9 . _ : -`. Default: 16 random hex. */
  readonly runId?: string;
  /** Most time to open a connection, in ms. Default 10,000. */
  readonly connectTimeoutMs?: number;
  /** Most time from sending a request to its complete response headers, in ms. Default 30,000. */
  readonly headersTimeoutMs?: number;
  /** Most time between two pieces of a response body, in ms. Default 30,000. */
  readonly bodyTimeoutMs?: number;
  /** Largest response body read; a larger one is cut off and recorded as `too-large`. Default 1 MiB. */
  readonly maxResponseBytes?: number;
  /** Response header holding the service's request id, recorded as `requestId`. Default `x-request-id`. */
  readonly requestIdHeader?: string;
  /** Keep every record and return them in the result. Default true; set false for long runs that use `onRecord`. */
  readonly keepRecords?: boolean;
  /** Called with each record as its request ends. */
  readonly onRecord?: (record: RequestRecord) => void;
  /** Called every `progressIntervalMs` while the run lasts, and once at its end. */
  readonly onProgress?: (progress: TrafficProgress) => void;
  /** Default 250 ms. */
  readonly progressIntervalMs?: number;
  /** Aborting stops starting requests and cuts off those in flight (recorded as `aborted`). */
  readonly signal?: AbortSignal;
  /** Time for pacing, the duration limit, progress and timings. Default: the system clock. */
  readonly clock?: Clock;
}

/** The defaults of DriveOptions (and of the plan's amounts), for documentation and for callers that show them. */
export const DRIVE_DEFAULTS = {
  count: 100,
  concurrency: 8,
  propagate: true,
  connectTimeoutMs: 10_000,
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 30_000,
  maxResponseBytes: 1024 * 1024,
  requestIdHeader: 'x-request-id',
  keepRecords: true,
  progressIntervalMs: 250,
} as const;

/** DriveOptions with every default filled in. */
export interface ResolvedDriveOptions {
  readonly propagate: boolean;
  readonly seed: number;
  readonly runId: string;
  readonly connectTimeoutMs: number;
  readonly headersTimeoutMs: number;
  readonly bodyTimeoutMs: number;
  readonly maxResponseBytes: number;
  readonly requestIdHeader: string;
  readonly keepRecords: boolean;
  readonly onRecord: ((record: RequestRecord) => void) | undefined;
  readonly onProgress: ((progress: TrafficProgress) => void) | undefined;
  readonly progressIntervalMs: number;
  readonly signal: AbortSignal | undefined;
  readonly clock: Clock;
}

// Characters a baggage value carries without percent-encoding, and that read well in a report.
const RUN_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const HOUR_MS = 3_600_000;

function booleanOption(name: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') invalid(`${name} must be true or false, got ${shown(value)}`);
  return value;
}

function callbackOption<T>(name: string, value: T | undefined): T | undefined {
  if (value !== undefined && typeof value !== 'function') invalid(`${name} must be a function`);
  return value;
}

/** Checks options and fills in defaults; throws InvalidArgumentError naming the first bad option. */
export function resolveDriveOptions(options: DriveOptions = {}): ResolvedDriveOptions {
  if (typeof options !== 'object' || options === null) invalid(`options must be an object, got ${shown(options)}`);
  const d = DRIVE_DEFAULTS;
  const { seed, runId, requestIdHeader, signal, clock } = options;
  if (seed !== undefined && !Number.isSafeInteger(seed)) invalid(`seed must be a safe integer, got ${shown(seed)}`);
  if (runId !== undefined && (typeof runId !== 'string' || !RUN_ID.test(runId))) {
    invalid(`runId must be 1 to 64 characters of A-Z a-z 0-9 . _ : -, got ${shown(runId)}`);
  }
  if (requestIdHeader !== undefined && (typeof requestIdHeader !== 'string' || !HEADER_NAME.test(requestIdHeader))) {
    invalid(`requestIdHeader must be an HTTP header name, got ${shown(requestIdHeader)}`);
  }
  if (signal !== undefined && !(signal instanceof AbortSignal)) invalid('signal must be an AbortSignal');
  if (clock !== undefined && (typeof clock !== 'object' || typeof clock?.now !== 'function')) {
    invalid('clock must be a tracegate Clock');
  }
  return {
    propagate: booleanOption('propagate', options.propagate, d.propagate),
    // 48 bits: two runs that share a receiver must not share trace ids, so default seeds must not repeat.
    seed: seed ?? randomInt(0, 2 ** 48 - 1),
    runId: runId ?? randomBytes(8).toString('hex'),
    connectTimeoutMs: integerOption('connectTimeoutMs', options.connectTimeoutMs, d.connectTimeoutMs, 1, HOUR_MS),
    headersTimeoutMs: integerOption('headersTimeoutMs', options.headersTimeoutMs, d.headersTimeoutMs, 1, HOUR_MS),
    bodyTimeoutMs: integerOption('bodyTimeoutMs', options.bodyTimeoutMs, d.bodyTimeoutMs, 1, HOUR_MS),
    maxResponseBytes: integerOption('maxResponseBytes', options.maxResponseBytes, d.maxResponseBytes, 0, 2 ** 40),
    requestIdHeader: (requestIdHeader ?? d.requestIdHeader).toLowerCase(),
    keepRecords: booleanOption('keepRecords', options.keepRecords, d.keepRecords),
    onRecord: callbackOption('onRecord', options.onRecord),
    onProgress: callbackOption('onProgress', options.onProgress),
    progressIntervalMs: integerOption(
      'progressIntervalMs',
      options.progressIntervalMs,
      d.progressIntervalMs,
      10,
      HOUR_MS,
    ),
    signal,
    clock: clock ?? systemClock,
  };
}
