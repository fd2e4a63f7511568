import { InvalidArgumentError } from '../../errors.js';
import type { SpanKind } from '../../model/span.js';
import type { RequestRecord } from '../../traffic/request-record.js';
import type { Thresholds } from '../../verdict/thresholds.js';
import { DEFAULT_THRESHOLDS } from '../../verdict/thresholds.js';
import type { CheckInput } from '../check-input.js';
import type { CheckOptions } from '../check-options.js';
import type { EdgeSpec } from '../parse-edge.js';
import { parseEdge } from '../parse-edge.js';
import type { ForestIndex } from './forest-index.js';
import { indexForest } from './forest-index.js';
import type { RequestEntry } from './request-entries.js';
import { findRequestEntries } from './request-entries.js';
import { rowEntries } from './row-entries.js';
import { SpanColumns } from './span-columns.js';
import { RowForest } from '../../forest/row-forest.js';

/** Options with their defaults filled in. */
export interface ResolvedOptions {
  readonly entryKinds: ReadonlySet<SpanKind>;
  readonly edges: readonly EdgeSpec[];
  readonly inferEdges: boolean;
  readonly exampleLimit: number;
  readonly attributionWindowNs: bigint;
  readonly timingSkewMs: number;
  readonly requestIdAttributes: readonly string[];
  readonly isFailure: (record: RequestRecord) => boolean;
  readonly requestKeys: (record: RequestRecord) => readonly string[];
  readonly nameCardinalityLimit: number;
}

/** Everything the checks share, each part computed once and only when a check asks for it. */
export interface CheckContext {
  readonly input: CheckInput;
  readonly thresholds: Thresholds;
  readonly options: ResolvedOptions;
  index(): ForestIndex;
  entries(): readonly RequestEntry[];
  /** The forest's spans read in place, when it is a RowForest laid out in columns (checkInputFromStore). */
  spans(): SpanColumns | undefined;
}

const API = 'tracegate.runChecks()';
/** Where OTel HTTP semconv puts a captured request header, and the usual hand-written keys. */
const REQUEST_ID_ATTRIBUTES = ['http.request.header.x-request-id', 'http.response.header.x-request-id', 'request.id'];

function count(name: string, value: number | undefined, fallback: number, least: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < least) {
    throw new InvalidArgumentError(`${API}: ${name} must be an integer of at least ${least}, got ${String(value)}`);
  }
  return value;
}

function resolveOptions(options: CheckOptions): ResolvedOptions {
  const entryKinds = options.entryKinds ?? ['server'];
  if (
    !Array.isArray(entryKinds) ||
    entryKinds.length === 0 ||
    entryKinds.some((k) => k !== 'server' && k !== 'consumer')
  ) {
    throw new InvalidArgumentError(`${API}: entryKinds must list "server" and/or "consumer"`);
  }
  const edges = (options.edges ?? []).map(parseEdge);
  return {
    entryKinds: new Set(entryKinds),
    edges,
    inferEdges: options.inferEdges ?? edges.length === 0,
    exampleLimit: count('exampleLimit', options.exampleLimit, 5, 0),
    attributionWindowNs: BigInt(count('attributionWindowMs', options.attributionWindowMs, 10_000, 0)) * 1_000_000n,
    timingSkewMs: count('timingSkewMs', options.timingSkewMs, 100, 0),
    requestIdAttributes: options.requestIdAttributes ?? REQUEST_ID_ATTRIBUTES,
    isFailure: options.isFailure ?? (() => false),
    requestKeys: options.requestKeys ?? (() => []),
    nameCardinalityLimit: count('nameCardinalityLimit', options.nameCardinalityLimit, 10, 1),
  };
}

/** Checks the input and options and returns the shared, lazily computed context. */
export function checkContext(input: CheckInput, options: CheckOptions = {}): CheckContext {
  if (typeof input !== 'object' || input === null) throw new InvalidArgumentError(`${API}: input must be an object`);
  if (!Array.isArray(input.records)) throw new InvalidArgumentError(`${API}: input.records must be an array`);
  if (!(input.forest instanceof Map))
    throw new InvalidArgumentError(`${API}: input.forest must be a Map of trace trees`);
  const resolved = resolveOptions(options);
  let index: ForestIndex | undefined;
  let entries: readonly RequestEntry[] | undefined;
  const forest = input.forest;
  const columns = forest instanceof RowForest ? forest.columns : undefined;
  const spans = columns === undefined ? undefined : new SpanColumns(columns);
  const context: CheckContext = {
    input,
    thresholds: input.thresholds ?? DEFAULT_THRESHOLDS,
    options: resolved,
    index: () => (index ??= indexForest(input.forest)),
    entries: () =>
      (entries ??= (spans === undefined ? undefined : rowEntries(context, spans)) ?? findRequestEntries(context)),
    spans: () => spans,
  };
  return context;
}
