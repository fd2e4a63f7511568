import { explainMatch } from '../../dsl/explain-match.js';
import { matchTrace } from '../../dsl/match-trace.js';
import { parseSelector } from '../../dsl/parse-selector.js';
import type { SpanPattern } from '../../dsl/span-pattern.js';
import type { TraceTree } from '../../forest/trace-tree.js';
import type { Finding } from '../../model/finding.js';
import type { RequestRecord } from '../../traffic/request-record.js';
import type { ScenarioExpectation } from '../scenario.js';

interface RouteTally {
  readonly patterns: SpanPattern[];
  n: number;
  matched: number;
  /** The first trace that did not match, with the headline that says why. */
  example: { traceId: string; headline: string } | undefined;
}

/** A request that got a response (any status) and whose trace id is known: its trace can be judged. */
const isCompleted = (record: RequestRecord): record is RequestRecord & { traceId: string } =>
  record.error === undefined && record.status !== undefined && record.traceId !== undefined;

/** Why a trace fails its route's patterns, as the explanation's first line; undefined when all of them match. */
function mismatchOf(
  traceId: string,
  tree: TraceTree | undefined,
  patterns: readonly SpanPattern[],
): (() => string) | undefined {
  if (tree === undefined) return () => `trace ${traceId}: no span of this trace arrived`;
  for (const pattern of patterns) {
    const result = matchTrace(tree, pattern);
    // Rendered only for the route's first mismatch: explaining every one would cost more than matching.
    if (result.kind === 'mismatch') return () => explainMatch(result, tree).split('\n', 1)[0]!;
  }
  return undefined;
}

/**
 * Matches every completed request's trace against the expected trees of its route. A route whose traces do not
 * all match gets one `expectation.mismatch` warning (how many of n matched, the first mismatch's headline and
 * trace id); a route no completed request reached gets an `expectation.unchecked` note. Pure.
 */
export function expectationFindings(
  expectations: readonly ScenarioExpectation[],
  records: readonly RequestRecord[],
  forest: ReadonlyMap<string, TraceTree>,
): Finding[] {
  const routes = new Map<string, RouteTally>();
  for (const { route, tree: given } of expectations) {
    const tree = typeof given === 'string' ? parseSelector(given) : given;
    const tally = routes.get(route);
    if (tally === undefined) routes.set(route, { patterns: [tree], n: 0, matched: 0, example: undefined });
    else tally.patterns.push(tree);
  }
  for (const record of records) {
    const tally = routes.get(record.route);
    if (tally === undefined || !isCompleted(record)) continue;
    tally.n++;
    const mismatch = mismatchOf(record.traceId, forest.get(record.traceId), tally.patterns);
    if (mismatch === undefined) tally.matched++;
    else tally.example ??= { traceId: record.traceId, headline: mismatch() };
  }
  const findings: Finding[] = [];
  for (const [route, { n, matched, example }] of routes) {
    if (n === 0) {
      findings.push({
        level: 'info',
        code: 'expectation.unchecked',
        message: `${route}: no completed request to match the expected span tree against`,
      });
    } else if (example !== undefined) {
      findings.push({
        level: 'warn',
        code: 'expectation.mismatch',
        message: `${route}: ${matched} of ${n} traces match the expected span tree; ${example.headline}`,
        traceId: example.traceId,
      });
    }
  }
  return findings;
}
