import { describe, expect, it } from '@jest/globals';
import { Store } from '../../harness/collect/store.js';
import { EMPTY_ATTRIBUTES } from '../../harness/model/attributes.js';
import type { SpanLink, SpanRecord } from '../../harness/model/span.js';
import { NO_EVENTS, NO_LINKS, STATUS_UNSET } from '../../harness/model/span.js';
import { assembleForest } from '../../harness/forest/assemble-forest.js';
import { assembleTrace } from '../../harness/forest/assemble-trace.js';
import { ForestAssembler } from '../../harness/forest/forest-assembler.js';
import { storeSpanLookup } from '../../harness/forest/span-lookup.js';
import { TraceAssembler } from '../../harness/forest/trace-assembler.js';

const PRODUCER_TRACE = '0af7651916cd43dd8448eb211c80319c';
const BATCH_TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const WEBHOOK_TRACE = '5ce929d0e0e47364bf92f3577b34da6a';
const resource = { serviceName: 'worker', attributes: EMPTY_ATTRIBUTES };
const scope = { name: 'test', version: '', attributes: EMPTY_ATTRIBUTES };

function link(traceId: string, spanId: string): SpanLink {
  return { traceId, spanId, traceState: '', attributes: EMPTY_ATTRIBUTES };
}

function span(traceId: string, spanId: string, overrides: Partial<SpanRecord> = {}): SpanRecord {
  return {
    traceId,
    spanId,
    parentSpanId: '',
    name: 'orders publish',
    kind: 'producer',
    startTimeUnixNano: 1_700_000_000_000_000_000n,
    endTimeUnixNano: 1_700_000_000_000_001_000n,
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

const producerA = span(PRODUCER_TRACE, '00000000000000a1');
const producerB = span(PRODUCER_TRACE, '00000000000000b2');
const batch = span(BATCH_TRACE, '00000000000000c3', {
  name: 'orders process',
  kind: 'consumer',
  links: [
    link(PRODUCER_TRACE, producerA.spanId),
    link(PRODUCER_TRACE, producerB.spanId),
    link(WEBHOOK_TRACE, 'ffffffffffffffff'),
  ],
});

describe('link resolution', () => {
  it('resolves links to spans of other traces and leaves links to absent spans unresolved', () => {
    const trees = assembleForest([batch, producerA, producerB]);
    const links = trees.get(BATCH_TRACE)!.node(batch.spanId)!.links;
    expect(links.map((resolved) => resolved.target)).toEqual([producerA, producerB, undefined]);
    expect(links.map((resolved) => resolved.link)).toEqual(batch.links);
  });

  it('resolves a link whose target arrives after the linking trace was read', () => {
    const forest = new ForestAssembler();
    forest.add([batch, producerA]);
    const before = forest.tree(BATCH_TRACE);
    expect(before.node(batch.spanId)!.links.map((resolved) => resolved.target)).toEqual([
      producerA,
      undefined,
      undefined,
    ]);
    expect(forest.tree(BATCH_TRACE)).toBe(before);

    forest.add([producerB]);
    const after = forest.tree(BATCH_TRACE);
    expect(after.node(batch.spanId)!.links.map((resolved) => resolved.target)).toEqual([
      producerA,
      producerB,
      undefined,
    ]);
  });

  it('moves a link to a later record of the same span id whose kind comes first in SPAN_KINDS', () => {
    const forest = new ForestAssembler();
    const consumerHalf = span(PRODUCER_TRACE, producerA.spanId, { kind: 'consumer' });
    forest.add([batch, consumerHalf]);
    expect(forest.tree(BATCH_TRACE).node(batch.spanId)!.links[0]!.target).toBe(consumerHalf);
    forest.add([producerA]);
    expect(forest.tree(BATCH_TRACE).node(batch.spanId)!.links[0]!.target).toBe(producerA);
  });

  it('resolves only within the trace when a trace is assembled alone', () => {
    const sibling = span(BATCH_TRACE, '00000000000000d4', { links: [link(BATCH_TRACE, batch.spanId)] });
    const tree = assembleTrace(BATCH_TRACE, [batch, sibling]);
    expect(tree.node(sibling.spanId)!.links[0]!.target).toBe(batch);
    expect(tree.node(batch.spanId)!.links.map((resolved) => resolved.target)).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('resolves through the store, and a reused span id to the record whose kind comes first in SPAN_KINDS', () => {
    const store = new Store();
    const client = span(PRODUCER_TRACE, producerA.spanId, { kind: 'client' });
    const server = span(PRODUCER_TRACE, producerA.spanId, { kind: 'server' });
    store.addSpans([client, server, batch]);
    expect(store.span(PRODUCER_TRACE, producerA.spanId)).toEqual(server);
    expect(store.span(PRODUCER_TRACE, producerA.spanId, 'client')).toEqual(client);
    expect(store.span(PRODUCER_TRACE, producerA.spanId, 'consumer')).toBeUndefined();
    expect(store.span(BATCH_TRACE, batch.spanId, 'producer')).toBeUndefined();
    expect(store.span(WEBHOOK_TRACE, batch.spanId)).toBeUndefined();

    const tree = assembleTrace(BATCH_TRACE, store.trace(BATCH_TRACE), storeSpanLookup(store));
    expect(tree.node(batch.spanId)!.links.map((resolved) => resolved.target)).toEqual([server, undefined, undefined]);
  });

  it("reuses a linking trace's cached tree while its link targets stay the same spans, read afresh from the store", () => {
    const store = new Store();
    store.addSpans([producerA, batch]);
    const lookup = storeSpanLookup(store);
    const assembler = new TraceAssembler(BATCH_TRACE);
    assembler.add(store.trace(BATCH_TRACE));
    const first = assembler.tree(lookup);
    expect(assembler.tree(lookup)).toBe(first);
    store.addSpans([producerB]);
    expect(assembler.tree(lookup)).not.toBe(first);
  });

  it('keys and orders the forest by trace id, whatever order the spans came in', () => {
    const trees = assembleForest([batch, producerB, producerA]);
    expect([...trees.keys()]).toEqual([PRODUCER_TRACE, BATCH_TRACE].sort());
    expect(trees.get(PRODUCER_TRACE)!.roots.map((node) => node.span)).toEqual([producerA, producerB]);
  });
});
