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
import { keepShape } from '../../forest/_internals/keep-shape.js';

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

// Defaults are module functions, not closures per verdict: the checks call them per request (see SharedContext).
const neverFailed = (): boolean => false;
const NO_KEYS: readonly string[] = Object.freeze([]);
const noRequestKeys = (): readonly string[] => NO_KEYS;

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
    isFailure: options.isFailure ?? neverFailed,
    requestKeys: options.requestKeys ?? noRequestKeys,
    nameCardinalityLimit: count('nameCardinalityLimit', options.nameCardinalityLimit, 10, 1),
  };
}

/**
 * The shared context as a class, not an object of closures: the checks call it per log and per span, and a call
 * site that sees a new closure every verdict is re-optimized every verdict.
 */
class SharedContext implements CheckContext {
  readonly input: CheckInput;
  readonly thresholds: Thresholds;
  readonly options: ResolvedOptions;
  readonly #spans: SpanColumns | undefined;
  #index: ForestIndex | undefined;
  #entries: readonly RequestEntry[] | undefined;

  constructor(input: CheckInput, options: ResolvedOptions) {
    this.input = input;
    this.thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
    this.options = options;
    const forest = input.forest;
    const columns = forest instanceof RowForest ? forest.columns : undefined;
    this.#spans = columns === undefined ? undefined : new SpanColumns(columns);
  }

  index(): ForestIndex {
    return (this.#index ??= indexForest(this.input.forest));
  }

  entries(): readonly RequestEntry[] {
    const spans = this.#spans;
    return (this.#entries ??= (spans === undefined ? undefined : rowEntries(this, spans)) ?? findRequestEntries(this));
  }

  spans(): SpanColumns | undefined {
    return this.#spans;
  }
}

keepShape(new SharedContext({ records: [], forest: new Map() }, resolveOptions({})));

/** Checks the input and options and returns the shared, lazily computed context. */
export function checkContext(input: CheckInput, options: CheckOptions = {}): CheckContext {
  if (typeof input !== 'object' || input === null) throw new InvalidArgumentError(`${API}: input must be an object`);
  if (!Array.isArray(input.records)) throw new InvalidArgumentError(`${API}: input.records must be an array`);
  if (!(input.forest instanceof Map))
    throw new InvalidArgumentError(`${API}: input.forest must be a Map of trace trees`);
  return new SharedContext(input, resolveOptions(options));
}
