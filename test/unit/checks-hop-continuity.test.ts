import { describe, expect, it } from '@jest/globals';
import { hopContinuity, parseEdge } from '../../harness/checks/index.js';
import type { HopEdge } from '../../harness/report/index.js';
import { InvalidArgumentError } from '../../harness/errors.js';
import { idsOf, inputOf, plansWith, spanHex, spansOf, traceHex } from './checks-support.js';

function onlyEdge(edges: readonly HopEdge[]): HopEdge {
  expect(edges).toHaveLength(1);
  return edges[0]!;
}

describe('hop-continuity', () => {
  it('passes when every consumer continues the trace as a child, and infers the api→worker edge', () => {
    const { section } = hopContinuity(inputOf(plansWith(50, () => false, {})));
    expect(section).toMatchObject({ status: 'pass', n: 50, continuous: 50, value: 1 });
    expect(onlyEdge(section.edges)).toMatchObject({
      from: 'api',
      to: 'worker',
      via: 'messaging',
      accepts: 'child-or-link',
      source: 'inferred',
      asChild: 50,
      asLink: 0,
      breaks: { restarted: 0, orphaned: 0, missing: 0, late: 0, unsampled: 0 },
      examples: [],
    });
  });

  it('counts a span link as continuing the hop, unless the edge is child-only', () => {
    const plans = plansWith(40, (i) => i % 2 === 0, { hop: 'link' });
    const either = onlyEdge(hopContinuity(inputOf(plans)).section.edges);
    expect(either).toMatchObject({ n: 40, continuous: 40, asChild: 20, asLink: 20, status: 'pass' });
    const childOnly = onlyEdge(hopContinuity(inputOf(plans), { edges: ['api>worker:child'] }).section.edges);
    expect(childOnly).toMatchObject({ source: 'scenario', accepts: 'child', continuous: 20, status: 'fail' });
    expect(childOnly.breaks.restarted).toBe(20);
    expect(childOnly.attribution.traceId).toBe(20);
  });

  it('classifies a worker that drops context as restarted, attributed by messaging.message.id', () => {
    const plans = plansWith(100, (i) => i % 10 === 0, { hop: 'restarted-message-id' });
    const { section } = hopContinuity(inputOf(plans), { edges: ['api>worker'] });
    const edge = onlyEdge(section.edges);
    expect(edge).toMatchObject({ n: 100, continuous: 90, rate: 0.9, status: 'fail' });
    expect(edge.breaks).toEqual({ restarted: 10, orphaned: 0, missing: 0, late: 0, unsampled: 0 });
    expect(edge.attribution).toEqual({ traceId: 0, messageId: 10, baggage: 0, timing: 0, none: 0 });
    expect(edge.examples[0]).toEqual({
      traceId: idsOf(0).traceId,
      upstreamSpanId: idsOf(0).producer,
      break: 'restarted',
      attributedBy: 'messageId',
      downstreamTraceId: traceHex(1, 2),
      downstreamSpanId: spanHex(1, 0xc),
    });
    expect(section.examples).toHaveLength(5);
  });

  it('attributes restarted hops by tracegate baggage, and by timing when nothing else ties them', () => {
    const baggage = onlyEdge(
      hopContinuity(inputOf(plansWith(40, (i) => i < 4, { hop: 'restarted-baggage' }))).section.edges,
    );
    expect(baggage.attribution).toMatchObject({ baggage: 4, timing: 0 });
    const timing = onlyEdge(
      hopContinuity(inputOf(plansWith(40, (i) => i < 4, { hop: 'restarted-timing' }))).section.edges,
    );
    expect(timing).toMatchObject({ continuous: 36, breaks: { restarted: 4 }, attribution: { timing: 4 } });
    // Each restarted trace is tied to the hop right before it, not to an earlier one.
    expect(timing.examples.map((example) => example.downstreamTraceId)).toEqual(
      [1, 2, 3, 4].map((n) => traceHex(n, 2)),
    );
  });

  it('classifies an orphaned consumer, a missing consumer and an unsampled hop', () => {
    const plans = [
      ...plansWith(37, () => false, {}),
      { hop: 'orphaned' as const },
      { hop: 'missing' as const },
      { hop: 'unsampled' as const },
    ];
    const edge = onlyEdge(hopContinuity(inputOf(plans), { edges: ['api>worker'] }).section.edges);
    expect(edge).toMatchObject({ n: 40, continuous: 37 });
    expect(edge.breaks).toEqual({ restarted: 0, orphaned: 1, missing: 1, late: 0, unsampled: 1 });
    expect(edge.attribution).toEqual({ traceId: 2, messageId: 0, baggage: 0, timing: 0, none: 1 });
    expect(edge.examples.map((example) => [example.traceId, example.break])).toEqual([
      [idsOf(37).traceId, 'orphaned'],
      [idsOf(38).traceId, 'missing'],
      [idsOf(39).traceId, 'unsampled'],
    ]);
  });

  it('judges a declared edge whose every hop broke (nothing to infer from), and counts late spans', () => {
    const plans = plansWith(40, () => true, { hop: 'missing' });
    const late = spansOf(0, { hop: 'child' }).filter((span) => span.resource.serviceName === 'worker');
    expect(hopContinuity(inputOf(plans)).section).toMatchObject({ status: 'skip', edges: [] });
    const edge = onlyEdge(hopContinuity(inputOf(plans, { lateSpans: late }), { edges: ['api>worker'] }).section.edges);
    expect(edge).toMatchObject({ n: 40, continuous: 0, status: 'fail', via: 'messaging' });
    expect(edge.breaks).toMatchObject({ missing: 39, late: 1 });
  });

  it('is inconclusive on an edge with fewer hops than minSamples, and reads edges strictly', () => {
    const { section } = hopContinuity(inputOf(plansWith(5, () => false, {})));
    expect(section.status).toBe('inconclusive');
    expect(parseEdge('api > worker:child')).toEqual({ from: 'api', to: 'worker', accepts: 'child' });
    expect(() => parseEdge('api>worker:link')).toThrow(InvalidArgumentError);
    expect(() => parseEdge('api->worker')).toThrow('tracegate.parseEdge(): edge "api->worker" must read "from>to"');
    expect(() => parseEdge('api>api')).toThrow(/two different service names/);
  });
});
