import type {
  AttributionMethod,
  BreakClass,
  BrokenHopExample,
  HopContinuityCheck,
  HopEdge,
} from '../report/report-checks.js';
import type { CheckInput, CheckResult } from './check-input.js';
import type { CheckOptions } from './check-options.js';
import { classifyBreaks } from './_internals/break-attribution.js';
import type { CheckContext } from './_internals/check-context.js';
import { checkContext } from './_internals/check-context.js';
import { edgesToJudge } from './_internals/hop-edges.js';
import type { EdgeUnits, HopUnit } from './_internals/hop-units.js';
import { collectUnits } from './_internals/hop-units.js';
import { hopVia } from './_internals/hop-via.js';
import { healthyHopRows } from './_internals/row-hops.js';
import { firstTraceIds, judgeRow, overallStatus } from './_internals/rate-rows.js';

function zeroBreaks(): Record<BreakClass, number> {
  return { restarted: 0, orphaned: 0, missing: 0, late: 0, unsampled: 0 };
}

function zeroAttribution(): Record<AttributionMethod, number> {
  return { traceId: 0, messageId: 0, baggage: 0, timing: 0, none: 0 };
}

function edgeRow(context: CheckContext, edgeUnits: EdgeUnits): HopEdge {
  const { edge, units } = edgeUnits;
  let asChild = 0;
  let asLink = 0;
  const broken: HopUnit[] = [];
  let sample: HopUnit | undefined;
  for (const unit of units.values()) {
    sample ??= unit;
    if (unit.child !== undefined) asChild++;
    else if (unit.link !== undefined) asLink++;
    else broken.push(unit);
  }
  const breaks = zeroBreaks();
  const attribution = zeroAttribution();
  const examples: BrokenHopExample[] = [];
  for (const hop of classifyBreaks(context, edgeUnits, broken)) {
    breaks[hop.break]++;
    attribution[hop.attributedBy]++;
    if (examples.length < context.options.exampleLimit) {
      examples.push({
        traceId: hop.unit.upstream.traceId,
        upstreamSpanId: hop.unit.upstream.spanId,
        break: hop.break,
        attributedBy: hop.attributedBy,
        downstreamTraceId: hop.downstream?.traceId ?? null,
        downstreamSpanId: hop.downstream?.spanId ?? null,
      });
    }
  }
  const continuous = asChild + asLink;
  const judged = judgeRow('hop-continuity', continuous, units.size, context.thresholds);
  const downstream = sample?.child ?? sample?.link ?? sample?.unsampled;
  return {
    from: edge.from,
    to: edge.to,
    via: edge.via ?? (sample === undefined ? 'other' : hopVia(sample.upstream, downstream)),
    accepts: edge.accepts,
    source: edge.source,
    n: units.size,
    continuous,
    asChild,
    asLink,
    rate: judged.value,
    interval: judged.interval,
    status: judged.status,
    breaks,
    attribution,
    examples,
  };
}

/** Hop continuity from a shared context (runChecks). */
export function hopContinuityOf(context: CheckContext): CheckResult<HopContinuityCheck> {
  const spans = context.spans();
  const healthy = spans === undefined ? undefined : healthyHopRows(context, spans);
  const rows = healthy ?? collectUnits(context, edgesToJudge(context)).map((units) => edgeRow(context, units));
  const n = rows.reduce((sum, row) => sum + row.n, 0);
  const continuous = rows.reduce((sum, row) => sum + row.continuous, 0);
  const overall = judgeRow('hop-continuity', continuous, n, context.thresholds);
  const status = overallStatus(overall, rows);
  const empty = rows.filter((row) => row.n === 0).map((row) => `${row.from}>${row.to}`);
  const note =
    rows.length === 0
      ? 'no edge was declared and none was seen in the service graph'
      : empty.length > 0
        ? `no hop seen on ${empty.join(', ')}`
        : null;
  const section: HopContinuityCheck = {
    id: 'hop-continuity',
    status,
    value: overall.value,
    threshold: overall.threshold,
    n,
    interval: n === 0 ? null : overall.interval,
    note,
    examples: firstTraceIds(
      rows.map((row) => row.examples.map((example) => example.traceId)),
      context.options.exampleLimit,
    ),
    continuous,
    edges: rows,
  };
  return { section, findings: [] };
}

/** Hop continuity: per edge, the share of hops whose downstream span continues the upstream trace; breaks classified. */
export function hopContinuity(input: CheckInput, options?: CheckOptions): CheckResult<HopContinuityCheck> {
  return hopContinuityOf(checkContext(input, options));
}
