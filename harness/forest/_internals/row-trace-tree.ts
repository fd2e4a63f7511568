import { parseSpanId } from '../../collect/span-table/hex-words.js';
import type { RowSpan } from '../../collect/span-table/row-span.js';
import type { SpanKind } from '../../model/span.js';
import type { SpanNode } from '../span-node.js';
import { TraceTree } from '../trace-tree.js';

/** Up to this many spans, `node()` compares id words span by span instead of indexing id strings. */
const SMALL_TREE = 16;
const idWords = new Int32Array(2);
// Reused by every lookup (they are synchronous): a lookup allocates nothing.
const stack: SpanNode[] = [];

/**
 * A trace tree whose spans are all RowSpans with distinct span ids (buildRowTree): a small tree finds a span by
 * comparing the packed id words, so a lookup makes no id string of any span it passes.
 */
export class RowTraceTree extends TraceTree {
  override node(spanId: string, kind?: SpanKind): SpanNode | undefined {
    if (this.spanCount > SMALL_TREE) return super.node(spanId, kind);
    // Every span here has a 16-digit lowercase id: anything else names none of them.
    if (!parseSpanId(spanId, idWords)) return undefined;
    const high = idWords[0]!;
    const low = idWords[1]!;
    stack.length = 0;
    for (const top of this.roots) stack.push(top);
    for (const top of this.orphans) stack.push(top);
    let found: SpanNode | undefined;
    for (let node = stack.pop(); node !== undefined && found === undefined; node = stack.pop()) {
      // Ids are distinct: the one node with this id answers, if its kind is the one asked for.
      if ((node.span as RowSpan).hasSpanId(high, low)) found = node;
      else for (const child of node.children) stack.push(child);
    }
    stack.length = 0;
    return found === undefined || kind === undefined || found.span.kind === kind ? found : undefined;
  }
}
