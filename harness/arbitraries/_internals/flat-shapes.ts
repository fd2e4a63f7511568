import type { SpanShape } from '../span-shape.js';

/** One generated span in generation order, with the trace it belongs to and its parent's index. */
export interface FlatShape {
  readonly shape: SpanShape;
  readonly traceIndex: number;
  readonly parent: number | undefined;
}

/** Every shape of every trace, depth first, parents before children. */
export function flattenShapes(traces: readonly (readonly SpanShape[])[]): FlatShape[] {
  const flat: FlatShape[] = [];
  const visit = (shape: SpanShape, traceIndex: number, parent: number | undefined): void => {
    const index = flat.push({ shape, traceIndex, parent }) - 1;
    for (const child of shape.children) visit(child, traceIndex, index);
  };
  traces.forEach((roots, traceIndex) => roots.forEach((root) => visit(root, traceIndex, undefined)));
  return flat;
}
