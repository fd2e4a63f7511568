import fc from 'fast-check';
import { kindRank } from '../../forest/span-order.js';
import { spanIdArbitrary, traceIdArbitrary } from '../ids.js';
import type { FlatShape } from './flat-shapes.js';

/** Per span: maybe reuse another span's id, and links to other spans (`to`) or to spans that do not exist. */
export interface SpanPlan {
  readonly reuse: number | null;
  readonly links: readonly ({ readonly to: number } | { readonly traceId: string; readonly spanId: string })[];
}

/** Plans with up to two links each when `withLinks`, else none; an id reuse one time in five. */
export const planArbitrary = (withLinks: boolean): fc.Arbitrary<SpanPlan> =>
  fc.record({
    reuse: fc.option(fc.nat(), { freq: 4 }),
    links: withLinks
      ? fc.array(
          fc.oneof(fc.record({ to: fc.nat() }), fc.record({ traceId: traceIdArbitrary(), spanId: spanIdArbitrary() })),
          { maxLength: 2 },
        )
      : fc.constant([]),
  });

/**
 * Chooses each span's id. A span may take the id of another span of its trace with another kind — but only a
 * leaf, and only when the other is a leaf too or keeps priority (see primaryRecord), so no span changes parent.
 */
export function assignSpanIds(
  flat: readonly FlatShape[],
  uniqueIds: readonly string[],
  plans: readonly SpanPlan[],
): string[] {
  const ids = [...uniqueIds];
  const used = new Set(flat.map((node, i) => `${ids[i]}/${node.shape.kind}`));
  flat.forEach((node, i) => {
    const reuse = plans[i]!.reuse;
    if (reuse === null || node.shape.children.length > 0) return;
    const j = reuse % flat.length;
    const other = flat[j]!;
    if (j === i || other.traceIndex !== node.traceIndex || other.shape.kind === node.shape.kind) return;
    // Only a span still holding its own id is a target, so the one holder that may have children is `other`.
    if (ids[j] !== uniqueIds[j]) return;
    if (other.shape.children.length > 0 && kindRank(node.shape.kind) < kindRank(other.shape.kind)) return;
    if (used.has(`${ids[j]}/${node.shape.kind}`)) return;
    used.delete(`${ids[i]}/${node.shape.kind}`);
    ids[i] = ids[j]!;
    used.add(`${ids[i]}/${node.shape.kind}`);
  });
  return ids;
}
