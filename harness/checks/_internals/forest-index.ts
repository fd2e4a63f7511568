import type { SpanNode } from '../../forest/span-node.js';
import type { TraceTree } from '../../forest/trace-tree.js';
import { RowTraceTree } from '../../forest/_internals/row-trace-tree.js';
import { RowSpan } from '../../collect/span-table/row-span.js';
import type { SpanRecord } from '../../model/span.js';

/** A run of spans of one service along a path: its top's parent (if any) belongs to another service. */
export interface Segment {
  readonly service: string;
  readonly top: SpanNode;
  /** The segment the top's parent sits in. */
  readonly parent: Segment | undefined;
  /** The top of the whole subtree: a root, an orphan or a cut cycle. */
  readonly treeTop: SpanNode;
  readonly tree: TraceTree;
}

/** What one pass over the forest learns, shared by every check. */
export interface ForestIndex {
  /** Every span, depth first, trace by trace. */
  readonly nodes: readonly SpanNode[];
  /** Every segment, in the same order as their tops in `nodes`. */
  readonly segments: readonly Segment[];
  /** Spans with at least one link. */
  readonly linking: readonly SpanNode[];
  /** Client and producer spans, by service. */
  readonly exits: ReadonlyMap<string, readonly SpanNode[]>;
  /** Spans whose direct child belongs to another service: they handed work on (see `isHandedOff`). */
  readonly handedOff: ReadonlySet<SpanNode>;
  /**
   * Whether any span carries a trace flag. Exporters before OTLP 1.1 leave every flag 0, so a sampled bit 0 means
   * "unsampled" only when flags are reported at all.
   */
  readonly flagsReported: boolean;
  /**
   * A span's identity across traces (`spanKey`), or its row when every span and link target of the forest is read
   * in place from traces with distinct span ids: there one (trace id, span id) is exactly one row, and a number
   * key costs no string.
   */
  readonly keyOf: (span: SpanRecord) => string | number;
}

/** A span's identity across traces. */
export function spanKey(traceId: string, spanId: string): string {
  return traceId + spanId;
}

const keyByIds = (span: SpanRecord): string => spanKey(span.traceId, span.spanId);
const keyByRow = (span: SpanRecord): number => (span as RowSpan).row;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** One depth-first pass over every trace. */
export function indexForest(forest: ReadonlyMap<string, TraceTree>): ForestIndex {
  const nodes: SpanNode[] = [];
  const segments: Segment[] = [];
  const linking: SpanNode[] = [];
  const exits = new Map<string, SpanNode[]>();
  const handedOff = new Set<SpanNode>();
  let flagsReported = false;
  // Every tree read in place (RowTraceTree) and every link target a RowSpan: rows then identify spans.
  let inPlace = true;
  // Parallel stacks: no tuple allocated per span.
  const stackNodes: SpanNode[] = [];
  const stackSegments: (Segment | undefined)[] = [];
  for (const tree of forest.values()) {
    if (inPlace && !(tree instanceof RowTraceTree)) inPlace = false;
    for (const tops of [tree.roots, tree.orphans, tree.cycles]) {
      for (const top of tops) {
        stackNodes.push(top);
        stackSegments.push(undefined);
        let treeTop = top;
        while (stackNodes.length > 0) {
          const node = stackNodes.pop()!;
          const above = stackSegments.pop();
          const span = node.span;
          const service = span.resource.serviceName;
          let segment = above;
          if (above === undefined || above.service !== service) {
            if (above === undefined) treeTop = node;
            else handedOff.add(node.parent!);
            segment = { service, top: node, parent: above, treeTop, tree };
            segments.push(segment);
          }
          nodes.push(node);
          if (span.links.length > 0) {
            linking.push(node);
            if (node.links.some(({ target }) => target !== undefined && !(target instanceof RowSpan))) inPlace = false;
          }
          if (span.kind === 'client' || span.kind === 'producer') push(exits, service, node);
          if (span.traceFlags !== 0) flagsReported = true;
          const children = node.children;
          for (let i = children.length - 1; i >= 0; i--) {
            stackNodes.push(children[i]!);
            stackSegments.push(segment);
          }
        }
      }
    }
  }
  return { nodes, segments, linking, exits, handedOff, flagsReported, keyOf: inPlace ? keyByRow : keyByIds };
}

/**
 * True when a span with the node's trace and span id handed work on. Usually the node itself; a record sharing its
 * span id with another kind (B3) is matched by key, through keys built only when some exit span needs them.
 */
export function handedOffTest(index: ForestIndex): (node: SpanNode) => boolean {
  const { handedOff, keyOf } = index;
  let keys: Set<string | number> | undefined;
  return (node) => {
    if (handedOff.has(node)) return true;
    if (keys === undefined) {
      keys = new Set();
      for (const parent of handedOff) keys.add(keyOf(parent.span));
    }
    return keys.has(keyOf(node.span));
  };
}

/** The deepest span of `service` above the segment's top, jumping segment by segment. */
export function nearestAbove(segment: Segment, service: string): SpanNode | undefined {
  let node = segment.top.parent;
  for (let above = segment.parent; node !== undefined && above !== undefined; above = above.parent) {
    if (above.service === service) return node;
    node = above.top.parent;
  }
  return undefined;
}
