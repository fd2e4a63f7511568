import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { checkInputFromStore } from '../../harness/checks/check-input-from-store.js';
import type { RunChecksOptions } from '../../harness/checks/run-checks.js';
import { runChecks } from '../../harness/checks/run-checks.js';
import { Store } from '../../harness/collect/store.js';
import { assembleForest } from '../../harness/forest/assemble-forest.js';
import type { RowForest } from '../../harness/forest/row-forest.js';
import type { SpanNode } from '../../harness/forest/span-node.js';
import { storeSpanLookup } from '../../harness/forest/span-lookup.js';
import type { TraceTree } from '../../harness/forest/trace-tree.js';
import type { LogRecord } from '../../harness/model/log.js';
import type { SpanRecord } from '../../harness/model/span.js';
import type { HopFate, RequestPlan } from '../unit/checks-support.js';
import { idsOf, log, recordOf, spanHex, spansOf } from '../unit/checks-support.js';
import { spanForestArbitrary } from '../support/arbitraries.js';

// The store path reads spans in place (RowForest columns, RowSpan); the record path assembles fresh SpanRecords
// with the general assembler. Both must give the same CheckResults, whatever the forest looks like.
const ALL_FATES: readonly HopFate[] = [
  'child',
  'link',
  'restarted-message-id',
  'restarted-baggage',
  'restarted-timing',
  'orphaned',
  'missing',
  'unsampled',
  'no-hop',
];
// Mostly healthy runs, so the path that reads every check from the columns is taken often.
const HEALTHY_FATES: readonly HopFate[] = ['child', 'child', 'child', 'no-hop'];

function planArbitrary(fates: readonly HopFate[]): fc.Arbitrary<RequestPlan> {
  return fc.record({
    hop: fc.constantFrom(...fates),
    entry: fc.constantFrom(true, true, true, false),
    status: fc.constantFrom(200, 200, 404, 502),
    apiError: fc.constantFrom(undefined, 'recorded', 'no-event', 'no-status'),
  });
}

type LogKind = 'own' | 'wrong-span' | 'no-ids' | 'leaked' | 'other-service' | 'upper-case';
const logKindArbitrary = fc.constantFrom<LogKind>(
  'own',
  'own',
  'wrong-span',
  'no-ids',
  'leaked',
  'other-service',
  'upper-case',
);

function logOf(i: number, kind: LogKind, requests: number): LogRecord {
  const { traceId, server } = idsOf(i);
  const body = `order ${i + 1} for ${traceId}`;
  switch (kind) {
    case 'own':
      return log('api', body, { traceId, spanId: server });
    case 'upper-case':
      return log('api', body, { traceId: traceId.toUpperCase(), spanId: server.toUpperCase() });
    case 'wrong-span':
      return log('api', body, { traceId, spanId: spanHex(i + 1, 0xe) });
    case 'no-ids':
      return log('api', body);
    case 'leaked':
      return log('api', body, { traceId: idsOf((i + 1) % requests).traceId, spanId: server });
    case 'other-service':
      return log('worker', body, { traceId, spanId: server });
  }
}

const optionsArbitrary: fc.Arbitrary<RunChecksOptions> = fc.record(
  {
    edges: fc.constantFrom([], ['api>worker'], ['api>worker:child'], ['worker>api']),
    exampleLimit: fc.integer({ min: 0, max: 3 }),
    entryKinds: fc.constantFrom(['server'] as const, ['server', 'consumer'] as const),
  },
  { requiredKeys: [] },
);

function key(span: SpanRecord): string {
  return `${span.traceId}/${span.spanId}/${span.kind}`;
}

function draw(node: SpanNode): unknown {
  return {
    span: key(node.span),
    name: node.span.name,
    depth: node.depth,
    links: node.links.map((resolved) => (resolved.target === undefined ? null : key(resolved.target))),
    children: node.children.map(draw),
  };
}

function picture(tree: TraceTree): unknown {
  return { spanCount: tree.spanCount, tops: [tree.roots, tree.orphans, tree.cycles].map((tops) => tops.map(draw)) };
}

interface Case {
  readonly plans: readonly RequestPlan[];
  readonly extra: readonly SpanRecord[];
  readonly logs: readonly LogKind[];
  readonly options: RunChecksOptions;
}

function caseArbitrary(fates: readonly HopFate[], withExtra: boolean): fc.Arbitrary<Case> {
  return fc.record({
    plans: fc.array(planArbitrary(fates), { minLength: 1, maxLength: 12 }),
    extra: withExtra ? fc.option(spanForestArbitrary(), { nil: [] }) : fc.constant([]),
    logs: fc.array(logKindArbitrary, { maxLength: 12 }),
    options: optionsArbitrary,
  });
}

/** Runs both paths over one case; returns whether the store path laid the forest out in columns. */
function compare({ plans, extra, logs, options }: Case): boolean {
  const records = plans.map((plan, i) => recordOf(i, plan));
  const spans = [...plans.flatMap((plan, i) => spansOf(i, plan)), ...extra];
  const store = new Store();
  // Batches in another order than the spans were made: arrival order must not matter.
  store.addSpans(spans.filter((_, i) => i % 2 === 1));
  store.addSpans(spans.filter((_, i) => i % 2 === 0));
  store.addLogs(logs.map((kind, i) => logOf(i % plans.length, kind, plans.length)));
  const inPlace = checkInputFromStore(store, records);
  const byRecords = assembleForest(store.spans(), storeSpanLookup(store));
  expect(runChecks(inPlace, options)).toEqual(runChecks({ records, forest: byRecords, logs: store.logs() }, options));
  // The trees themselves, read after the checks (built on first read), equal the record path's.
  expect([...inPlace.forest.keys()]).toEqual([...byRecords.keys()]);
  expect([...inPlace.forest.values()].map(picture)).toEqual([...byRecords.values()].map(picture));
  return (inPlace.forest as RowForest).columns !== undefined;
}

describe('checks over spans read in place', () => {
  it('give the same CheckResults as the record path, mostly healthy runs', () => {
    let inColumns = 0;
    fc.assert(
      fc.property(caseArbitrary(HEALTHY_FATES, false), (scenario) => {
        if (compare(scenario)) inColumns++;
      }),
      { numRuns: 150 },
    );
    // The columns path was exercised, not skipped.
    expect(inColumns).toBeGreaterThan(100);
  });

  it('give the same CheckResults as the record path, any hop fate and odd forests besides', () => {
    fc.assert(
      fc.property(caseArbitrary(ALL_FATES, true), (scenario) => {
        compare(scenario);
      }),
      { numRuns: 200 },
    );
  });
});
