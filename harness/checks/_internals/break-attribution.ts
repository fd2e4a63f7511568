import type { SpanNode } from '../../forest/span-node.js';
import type { SpanRecord } from '../../model/span.js';
import type { AttributionMethod, BreakClass } from '../../report/report-checks.js';
import type { CheckContext } from './check-context.js';
import type { EdgeUnits, HopUnit } from './hop-units.js';
import { isUnsampled } from './hop-units.js';

/** A broken hop, classified. */
export interface BrokenHop {
  readonly unit: HopUnit;
  readonly break: BreakClass;
  readonly attributedBy: AttributionMethod;
  readonly downstream: SpanRecord | undefined;
}

export const MESSAGE_ID = 'messaging.message.id';
export const REQUEST_ATTRIBUTE = 'tracegate.req';

function text(value: unknown): string | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'bigint'
    ? String(value)
    : undefined;
}

function byStart(a: { readonly startTimeUnixNano: bigint }, b: { readonly startTimeUnixNano: bigint }): number {
  return a.startTimeUnixNano < b.startTimeUnixNano ? -1 : a.startTimeUnixNano > b.startTimeUnixNano ? 1 : 0;
}

/** The tracegate request (`tracegate.req`) of a downstream span: its own attribute or a direct child's. */
function requestOfNode(node: SpanNode): string | undefined {
  const own = text(node.span.attributes[REQUEST_ATTRIBUTE]);
  if (own !== undefined) return own;
  for (const child of node.children) {
    const value = text(child.span.attributes[REQUEST_ATTRIBUTE]);
    if (value !== undefined) return value;
  }
  return undefined;
}

function firstUnused<T>(list: readonly T[] | undefined, used: ReadonlySet<T>): T | undefined {
  return list?.find((item) => !used.has(item));
}

function groupBy<T>(items: Iterable<T>, keyOf: (item: T) => string | undefined): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === undefined) continue;
    const list = map.get(key);
    if (list === undefined) map.set(key, [item]);
    else list.push(item);
  }
  return map;
}

/**
 * Classifies the edge's broken hops (DESIGN.md, Checks): evidence in the upstream trace first, then a restarted
 * trace tied by message id, then by tracegate baggage, then a late span, then an unsampled upstream, then timing.
 */
export function classifyBreaks(context: CheckContext, edgeUnits: EdgeUnits, broken: readonly HopUnit[]): BrokenHop[] {
  // A healthy edge has nothing to classify: skip indexing every request and restarted span for it.
  if (broken.length === 0) return [];
  const { flagsReported } = context.index();
  const requestOfTrace = new Map<string, string>();
  for (const entry of context.entries()) {
    if (entry.traceId !== undefined) requestOfTrace.set(entry.traceId, String(entry.record.seq));
  }
  const used = new Set<SpanNode>();
  const restarts = [...edgeUnits.restarts].sort((a, b) => byStart(a.span, b.span));
  const byMessage = groupBy(restarts, (node) => text(node.span.attributes[MESSAGE_ID]));
  const byRequest = groupBy(restarts, requestOfNode);
  const late = (context.input.lateSpans ?? []).filter((span) => span.resource.serviceName === edgeUnits.edge.to);
  const lateByTrace = groupBy(late, (span) => span.traceId);
  const lateByMessage = groupBy(late, (span) => text(span.attributes[MESSAGE_ID]));
  const lateByRequest = groupBy(late, (span) => text(span.attributes[REQUEST_ATTRIBUTE]));

  const results: BrokenHop[] = [];
  const found = (unit: HopUnit, node: SpanNode, cls: BreakClass, attributedBy: AttributionMethod): void => {
    used.add(node);
    const sampledClass = isUnsampled(node.span, flagsReported) ? 'unsampled' : cls;
    results.push({ unit, break: sampledClass, attributedBy, downstream: node.span });
  };
  const timing: HopUnit[] = [];
  for (const unit of [...broken].sort((a, b) => byStart(a.upstream, b.upstream))) {
    const up = unit.upstream;
    const messageId = text(up.attributes[MESSAGE_ID]);
    const request = requestOfTrace.get(up.traceId) ?? text(up.attributes[REQUEST_ATTRIBUTE]);
    const stray = edgeUnits.strays
      .get(up.traceId)
      ?.find((node) => !used.has(node) && node.span.startTimeUnixNano >= up.startTimeUnixNano);
    const byId = messageId === undefined ? undefined : firstUnused(byMessage.get(messageId), used);
    const byBaggage = request === undefined ? undefined : firstUnused(byRequest.get(request), used);
    const lateSpan =
      lateByTrace.get(up.traceId)?.[0] ??
      (messageId === undefined ? undefined : lateByMessage.get(messageId)?.[0]) ??
      (request === undefined ? undefined : lateByRequest.get(request)?.[0]);
    if (unit.unsampled !== undefined) {
      results.push({ unit, break: 'unsampled', attributedBy: 'traceId', downstream: unit.unsampled });
    } else if (unit.linkOnly !== undefined) {
      // The link names the upstream trace: the work went on in a new trace, as a child-only edge forbids.
      results.push({ unit, break: 'restarted', attributedBy: 'traceId', downstream: unit.linkOnly });
    } else if (stray !== undefined) found(unit, stray, 'orphaned', 'traceId');
    else if (byId !== undefined) found(unit, byId, 'restarted', 'messageId');
    else if (byBaggage !== undefined) found(unit, byBaggage, 'restarted', 'baggage');
    else if (lateSpan !== undefined) {
      const method =
        lateSpan.traceId === up.traceId
          ? 'traceId'
          : text(lateSpan.attributes[MESSAGE_ID]) === messageId
            ? 'messageId'
            : 'baggage';
      results.push({ unit, break: 'late', attributedBy: method, downstream: lateSpan });
    } else if (isUnsampled(up, flagsReported)) {
      results.push({ unit, break: 'unsampled', attributedBy: 'none', downstream: undefined });
    } else timing.push(unit);
  }
  attributeByTiming(context, timing, restarts, used, found, results);
  // Examples read in the order the hops happened, whichever pass classified them.
  return results.sort((a, b) => byStart(a.unit.upstream, b.unit.upstream));
}

/** Ties each remaining hop to the earliest unused restarted span starting after it, within the window. */
function attributeByTiming(
  context: CheckContext,
  units: readonly HopUnit[],
  restarts: readonly SpanNode[],
  used: Set<SpanNode>,
  found: (unit: HopUnit, node: SpanNode, cls: BreakClass, attributedBy: AttributionMethod) => void,
  results: BrokenHop[],
): void {
  const window = context.options.attributionWindowNs;
  let first = 0;
  for (const unit of units) {
    const start = unit.upstream.startTimeUnixNano;
    while (first < restarts.length && restarts[first]!.span.startTimeUnixNano < start) first++;
    let match: SpanNode | undefined;
    for (let k = first; k < restarts.length && restarts[k]!.span.startTimeUnixNano - start <= window; k++) {
      if (!used.has(restarts[k]!)) {
        match = restarts[k];
        break;
      }
    }
    if (match !== undefined) found(unit, match, 'restarted', 'timing');
    else results.push({ unit, break: 'missing', attributedBy: 'none', downstream: undefined });
  }
}
