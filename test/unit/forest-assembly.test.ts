import { describe, expect, it } from '@jest/globals';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import type { SpanRecord } from '../../harness/model/span.js';
import { NO_EVENTS, NO_LINKS, STATUS_UNSET } from '../../harness/model/span.js';
import { InvalidArgumentError } from '../../harness/errors.js';
import { assembleTrace } from '../../harness/forest/assemble-trace.js';
import { TraceAssembler } from '../../harness/forest/trace-assembler.js';
import type { SpanNode } from '../../harness/forest/span-node.js';
import { ancestors, descendants } from '../../harness/forest/span-node.js';
import type { TraceTree } from '../../harness/forest/trace-tree.js';

const TRACE = '0af7651916cd43dd8448eb211c80319c';
const resource = { serviceName: 'api', attributes: EMPTY_ATTRIBUTES };
const scope = { name: 'test', version: '', attributes: EMPTY_ATTRIBUTES };

function span(spanId: string, parentSpanId: string, overrides: Partial<SpanRecord> = {}): SpanRecord {
  const startTimeUnixNano = overrides.startTimeUnixNano ?? 1_700_000_000_000_000_000n;
  return {
    traceId: TRACE,
    spanId,
    parentSpanId,
    name: `span ${spanId.slice(-2)}`,
    kind: 'internal',
    startTimeUnixNano,
    endTimeUnixNano: startTimeUnixNano + 1000n,
    status: STATUS_UNSET,
    attributes: EMPTY_ATTRIBUTES,
    events: NO_EVENTS,
    links: NO_LINKS,
    resource,
    scope,
    traceFlags: 1,
    traceState: '',
    ...overrides,
  };
}

/** The tree as nested "spanId/kind" labels: what the assertions compare. */
function outline(nodes: readonly SpanNode[]): unknown[] {
  return nodes.map((node) =>
    node.children.length === 0
      ? `${node.span.spanId}/${node.span.kind}`
      : [`${node.span.spanId}/${node.span.kind}`, outline(node.children)],
  );
}

function shape(tree: TraceTree): unknown {
  return { roots: outline(tree.roots), orphans: outline(tree.orphans), cycles: outline(tree.cycles) };
}

const A = '00000000000000a1';
const B = '00000000000000b2';
const C = '00000000000000c3';
const D = '00000000000000d4';
const MISSING = '00000000000000ff';

describe('trace assembly', () => {
  it('orders children by start time, then span id, then kind, whatever the arrival order', () => {
    const t = 1_700_000_000_000_000_000n;
    const spans = [
      span(A, ''),
      span(D, A, { startTimeUnixNano: t + 1n }),
      span(C, A, { startTimeUnixNano: t + 2n }),
      span(B, A, { startTimeUnixNano: t + 2n, kind: 'server' }),
      span(B, A, { startTimeUnixNano: t + 2n, kind: 'internal' }),
    ];
    const expected = {
      roots: [[`${A}/internal`, [`${D}/internal`, `${B}/internal`, `${B}/server`, `${C}/internal`]]],
      orphans: [],
      cycles: [],
    };
    expect(shape(assembleTrace(TRACE, spans))).toEqual(expected);
    expect(shape(assembleTrace(TRACE, [...spans].reverse()))).toEqual(expected);
  });

  it('keeps a span whose parent has not arrived as an orphan, and re-parents it when the parent arrives', () => {
    const assembler = new TraceAssembler(TRACE);
    assembler.add([span(A, ''), span(C, B)]);
    const before = assembler.tree();
    expect(shape(before)).toEqual({ roots: [`${A}/internal`], orphans: [`${C}/internal`], cycles: [] });
    expect(before.hasOrphans).toBe(true);

    assembler.add([span(B, A)]);
    const after = assembler.tree();
    expect(shape(after)).toEqual({
      roots: [[`${A}/internal`, [[`${B}/internal`, [`${C}/internal`]]]]],
      orphans: [],
      cycles: [],
    });
    expect(after.hasOrphans).toBe(false);
    expect(after.node(C)?.depth).toBe(2);
    expect(after.node(C)?.parent?.span.spanId).toBe(B);
  });

  it('lists orphans of different missing parents together in canonical order', () => {
    const t = 1_700_000_000_000_000_000n;
    const tree = assembleTrace(TRACE, [
      span(C, MISSING, { startTimeUnixNano: t + 5n }),
      span(B, D, { startTimeUnixNano: t }),
    ]);
    expect(tree.orphans.map((node) => node.span.spanId)).toEqual([B, C]);
    expect(tree.roots).toEqual([]);
  });

  it('attaches children of a span id reused with two kinds to the record whose kind comes first in SPAN_KINDS', () => {
    const client = span(A, '', { kind: 'client', name: 'GET /orders' });
    const server = span(A, '', { kind: 'server', name: 'GET /orders' });
    const work = span(B, A, { name: 'load order' });
    for (const order of [
      [client, server, work],
      [work, client, server],
      [server, work, client],
    ]) {
      const tree = assembleTrace(TRACE, order);
      expect(shape(tree)).toEqual({
        roots: [[`${A}/server`, [`${B}/internal`]], `${A}/client`],
        orphans: [],
        cycles: [],
      });
      expect(tree.node(A)?.span).toBe(server);
      expect(tree.node(A, 'client')?.span).toBe(client);
      expect(tree.node(A, 'consumer')).toBeUndefined();
      expect(tree.spanCount).toBe(3);
    }
  });

  it('keeps the first copy of a repeated span id and kind, counting it once', () => {
    const assembler = new TraceAssembler(TRACE);
    const first = span(A, '', { name: 'first' });
    expect(assembler.add([first, span(A, '', { name: 'second' })])).toBe(1);
    expect(assembler.add([span(A, '', { name: 'third' })])).toBe(0);
    expect(assembler.tree().node(A)?.span).toBe(first);
    expect(assembler.tree().spanCount).toBe(1);
  });

  it('cuts a parent loop above its canonically first span, so every span still appears once', () => {
    const t = 1_700_000_000_000_000_000n;
    const loop = [
      span(B, C, { startTimeUnixNano: t + 1n }),
      span(C, B, { startTimeUnixNano: t }),
      span(D, C, { startTimeUnixNano: t + 2n }),
      span(A, A, { startTimeUnixNano: t + 3n }),
    ];
    for (const order of [loop, [...loop].reverse()]) {
      const tree = assembleTrace(TRACE, order);
      expect(shape(tree)).toEqual({
        roots: [],
        orphans: [],
        cycles: [[`${C}/internal`, [`${B}/internal`, `${D}/internal`]], `${A}/internal`],
      });
      expect([...tree.walk()]).toHaveLength(4);
    }
  });

  it('walks depth first and answers descendants and ancestors in canonical order', () => {
    const t = 1_700_000_000_000_000_000n;
    const tree = assembleTrace(TRACE, [
      span(A, ''),
      span(B, A, { startTimeUnixNano: t + 1n }),
      span(C, B, { startTimeUnixNano: t + 2n }),
      span(D, A, { startTimeUnixNano: t + 3n }),
      span(MISSING.replace('ff', 'ee'), MISSING),
    ]);
    expect([...tree.walk()].map((node) => node.span.spanId)).toEqual([A, B, C, D, '00000000000000ee']);
    expect([...descendants(tree.node(A)!)].map((node) => node.span.spanId)).toEqual([B, C, D]);
    expect([...ancestors(tree.node(C)!)].map((node) => node.span.spanId)).toEqual([B, A]);
    expect(tree.node(MISSING)).toBeUndefined();
  });

  it('returns the same tree until a span arrives, then a new one', () => {
    const assembler = new TraceAssembler(TRACE);
    assembler.add([span(A, '')]);
    const first = assembler.tree();
    expect(assembler.tree()).toBe(first);
    assembler.add([span(B, A)]);
    expect(assembler.tree()).not.toBe(first);
    expect(first.spanCount).toBe(1);
  });

  it('refuses a span of another trace, naming both traces', () => {
    const assembler = new TraceAssembler(TRACE);
    const stray = span(A, '', { traceId: '1'.repeat(32) });
    expect(() => assembler.add([stray])).toThrow(InvalidArgumentError);
    expect(() => assembler.add([stray])).toThrow(
      `TraceAssembler.add(): span ${A} belongs to trace ${'1'.repeat(32)}, this assembler holds trace ${TRACE}`,
    );
  });

  it('assembles an empty tree for a trace without spans', () => {
    const tree = assembleTrace(TRACE, []);
    expect(tree).toMatchObject({ traceId: TRACE, roots: [], orphans: [], cycles: [], spanCount: 0, hasOrphans: false });
  });

  it('assembles a chain far deeper than the call stack allows recursion', () => {
    const depth = 50_000;
    const ids = Array.from({ length: depth }, (_, i) => (i + 1).toString(16).padStart(16, '0'));
    const tree = assembleTrace(
      TRACE,
      ids.map((id, i) => span(id, i === 0 ? '' : ids[i - 1]!)),
    );
    expect(tree.node(ids[depth - 1]!)?.depth).toBe(depth - 1);
    expect([...tree.walk()]).toHaveLength(depth);
  });
});
