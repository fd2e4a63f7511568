import { InvalidArgumentError } from '../errors.js';
import type { SpanRecord } from '../model/span.js';
import type { ResolvedLink } from './span-node.js';
import { addToGroup, primaryOf } from './_internals/child-groups.js';
import type { TraceState } from './_internals/build-tree.js';
import { buildTree } from './_internals/build-tree.js';
import type { SpanLookup } from './span-lookup.js';
import type { TraceTree } from './trace-tree.js';

interface CachedTree {
  readonly tree: TraceTree;
  readonly lookup: SpanLookup;
  readonly links: readonly ResolvedLink[];
}

interface AssemblyState extends TraceState {
  spanCount: number;
}

/**
 * Assembles one trace from spans arriving in any order and any batches. Adding is O(1) per span; the tree is
 * built when read, and equals the tree of the same spans added all at once, in any order.
 */
export class TraceAssembler {
  readonly traceId: string;
  // Kept as one object so that building a tree allocates no view of it.
  readonly #state: AssemblyState;
  #cache: CachedTree | undefined;
  #ownLookup: SpanLookup | undefined;

  constructor(traceId: string) {
    this.traceId = traceId;
    this.#state = { traceId, records: new Map(), groups: new Map(), spanCount: 0 };
  }

  /** Resolves links within this trace only; a forest or a store resolves across traces. */
  get ownLookup(): SpanLookup {
    // Made on first use: a forest of many small traces never needs one per trace.
    this.#ownLookup ??= (traceId, spanId) =>
      traceId === this.traceId ? primaryOf(this.#state.records, spanId) : undefined;
    return this.#ownLookup;
  }

  /** Adds spans of this trace; a repeated (spanId, kind) keeps the first copy. Returns how many were new. */
  add(spans: Iterable<SpanRecord>): number {
    let added = 0;
    for (const span of spans) if (this.addSpan(span)) added++;
    return added;
  }

  /** Adds one span; false when its (spanId, kind) was already here. */
  addSpan(span: SpanRecord): boolean {
    if (span.traceId !== this.traceId) {
      throw new InvalidArgumentError(
        `TraceAssembler.add(): span ${span.spanId} belongs to trace ${span.traceId}, this assembler holds trace ${this.traceId}`,
      );
    }
    if (!this.#insert(span)) return false;
    this.#state.spanCount++;
    this.#cache = undefined;
    return true;
  }

  get spanCount(): number {
    return this.#state.spanCount;
  }

  /** The span children and links attach to for this id (see `primaryRecord`), if it arrived. */
  span(spanId: string): SpanRecord | undefined {
    return primaryOf(this.#state.records, spanId);
  }

  /** The trace as a tree; links resolve through `lookup` (default: within this trace). Cached until a change. */
  tree(lookup: SpanLookup = this.ownLookup): TraceTree {
    const cached = this.#cache;
    // Targets live in other traces too: a link may resolve later, or move to a record of a kind that ranks first.
    if (
      cached !== undefined &&
      cached.lookup === lookup &&
      cached.links.every(({ link, target }) => sameSpan(lookup(link.traceId, link.spanId), target))
    ) {
      return cached.tree;
    }
    const built = buildTree(this.#state, lookup);
    this.#cache = { tree: built.tree, lookup, links: built.links };
    return built.tree;
  }

  #insert(span: SpanRecord): boolean {
    const { records, groups } = this.#state;
    const existing = records.get(span.spanId);
    if (existing === undefined) {
      records.set(span.spanId, span);
    } else if (Array.isArray(existing)) {
      if (existing.some((other) => other.kind === span.kind)) return false;
      existing.push(span);
    } else {
      if (existing.kind === span.kind) return false;
      records.set(span.spanId, [existing, span]);
    }
    addToGroup(groups, span);
    return true;
  }
}

// The store rebuilds records on every read, so a resolved link is the same when its identity is, not its object.
function sameSpan(a: SpanRecord | undefined, b: SpanRecord | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.traceId === b.traceId && a.spanId === b.spanId && a.kind === b.kind;
}
