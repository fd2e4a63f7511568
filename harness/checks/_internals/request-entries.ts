import type { SpanNode } from '../../forest/span-node.js';
import type { TraceTree } from '../../forest/trace-tree.js';
import { millisToNanos } from '../../model/time.js';
import type { CorrelationMethod, RequestRecord } from '../../traffic/request-record.js';
import type { CheckContext } from './check-context.js';

/** A request and the entry span found for it, if any. */
export interface RequestEntry {
  readonly record: RequestRecord;
  /** The request's trace: injected, reported, or the found entry span's. */
  readonly traceId: string | undefined;
  readonly entry: SpanNode | undefined;
  /** True when an entry span was found (`entry !== undefined`, without building it when it is read in place). */
  readonly found: boolean;
  /** The entry span's position in the forest's columns (SpanColumns), -1 when none or not read in place. */
  readonly position: number;
  /** The request trace's index in the forest's columns (ForestColumns.traceOf); undefined when not read in place. */
  readonly trace?: number;
  /** How the trace was found; `timing` and `request-id` only when an entry span was found that way. */
  readonly method: CorrelationMethod;
  /** False when the request never reached the service (refused, unknown host, connect timeout): not judged. */
  readonly reached: boolean;
}

const NOT_REACHED = new Set(['connection-refused', 'host-not-found', 'connect-timeout']);

/** False when the request never reached the service (refused, unknown host, connect timeout). */
export function reachedService(record: RequestRecord): boolean {
  return record.error === undefined || !NOT_REACHED.has(record.error.code);
}

function isEntryBelow(node: SpanNode, parentId: string, kinds: ReadonlySet<string>): boolean {
  return node.span.parentSpanId === parentId && kinds.has(node.span.kind);
}

function underInjected(
  tree: TraceTree | undefined,
  parentId: string,
  kinds: ReadonlySet<string>,
): SpanNode | undefined {
  if (tree === undefined) return undefined;
  // The injected client span never arrives, so the entry is an orphan; only an in-process harness records the
  // client span, and only then is the (costlier) lookup by id needed. Plain loops: this runs once per request.
  for (const orphan of tree.orphans) if (isEntryBelow(orphan, parentId, kinds)) return orphan;
  const injected = tree.node(parentId);
  if (injected === undefined) return undefined;
  for (const child of injected.children) if (isEntryBelow(child, parentId, kinds)) return child;
  return undefined;
}

function attributeText(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [value];
}

/** Finds every request's entry span: by the injected parent, `traceresponse`, request id, or timing. */
export function findRequestEntries(context: CheckContext): RequestEntry[] {
  const { forest, records } = context.input;
  const { entryKinds, requestIdAttributes, timingSkewMs } = context.options;
  const claimed = new Set<SpanNode>();
  const results: (RequestEntry | undefined)[] = [];
  const pendingTiming: number[] = [];
  let roots: SpanNode[] | undefined;
  let byRequestId: Map<string, SpanNode> | undefined;
  const entryRoots = (): SpanNode[] => {
    if (roots !== undefined) return roots;
    roots = [];
    for (const tree of forest.values())
      for (const root of tree.roots) if (entryKinds.has(root.span.kind)) roots.push(root);
    return roots;
  };
  for (let i = 0; i < records.length; i++) {
    const record = records[i]!;
    const reached = record.error === undefined || !NOT_REACHED.has(record.error.code);
    const method = record.correlation;
    if (method === 'traceparent' && record.traceId !== undefined && record.spanId !== undefined) {
      const entry = underInjected(forest.get(record.traceId), record.spanId, entryKinds);
      results.push({
        record,
        reached,
        method,
        traceId: record.traceId,
        entry,
        found: entry !== undefined,
        position: -1,
      });
    } else if (method === 'traceresponse' && record.traceId !== undefined) {
      const tree = forest.get(record.traceId);
      const own = record.spanId === undefined ? undefined : tree?.node(record.spanId);
      const entry =
        own !== undefined && entryKinds.has(own.span.kind) ? own : tree?.roots.find((n) => entryKinds.has(n.span.kind));
      results.push({
        record,
        reached,
        method,
        traceId: record.traceId,
        entry,
        found: entry !== undefined,
        position: -1,
      });
    } else if (method === 'request-id' && record.requestId !== undefined) {
      if (byRequestId === undefined) {
        byRequestId = new Map();
        for (const root of entryRoots()) {
          for (const key of requestIdAttributes) {
            for (const value of attributeText(root.span.attributes[key])) {
              if (typeof value === 'string' && !byRequestId.has(value)) byRequestId.set(value, root);
            }
          }
        }
      }
      const entry = byRequestId.get(record.requestId);
      if (entry !== undefined) claimed.add(entry);
      const found = entry !== undefined;
      results.push({ record, reached, method, traceId: entry?.span.traceId, entry, found, position: -1 });
    } else {
      results.push(undefined);
      pendingTiming.push(i);
    }
  }
  if (pendingTiming.length > 0)
    timingEntries(
      pendingTiming,
      results,
      entryRoots().filter((root) => !claimed.has(root)),
      context,
      timingSkewMs,
    );
  return results as RequestEntry[];
}

/** Ties requests without ids to the earliest unclaimed root entry span that started while they ran. */
function timingEntries(
  pending: readonly number[],
  results: (RequestEntry | undefined)[],
  roots: SpanNode[],
  context: CheckContext,
  skewMs: number,
): void {
  const records = context.input.records;
  const order = [...pending].sort((a, b) => records[a]!.timings.startUnixMs - records[b]!.timings.startUnixMs);
  roots.sort((a, b) =>
    a.span.startTimeUnixNano < b.span.startTimeUnixNano
      ? -1
      : a.span.startTimeUnixNano > b.span.startTimeUnixNano
        ? 1
        : 0,
  );
  const used = new Uint8Array(roots.length);
  let first = 0;
  for (const i of order) {
    const record = records[i]!;
    const from = millisToNanos(record.timings.startUnixMs - skewMs);
    const until = millisToNanos(record.timings.startUnixMs + record.timings.totalMs + skewMs);
    while (first < roots.length && roots[first]!.span.startTimeUnixNano < from) first++;
    let found: SpanNode | undefined;
    for (let k = first; k < roots.length && roots[k]!.span.startTimeUnixNano <= until; k++) {
      if (used[k] === 0) {
        used[k] = 1;
        found = roots[k];
        break;
      }
    }
    const reached = record.error === undefined || !NOT_REACHED.has(record.error.code);
    const traceId = found?.span.traceId;
    results[i] = { record, reached, method: 'timing', traceId, entry: found, found: found !== undefined, position: -1 };
  }
}
