import type { SpanNode } from '../forest/span-node.js';
import type { TraceTree } from '../forest/trace-tree.js';
import type { LogRecord } from '../model/log.js';
import { describeLog } from './_internals/describe-log.js';
import { describeSpan, plural } from './_internals/describe-span.js';
import { failureMessage } from './_internals/failure-message.js';
import type { LogCorrelation, LogProblem } from './_internals/log-correlation.js';
import { correlateLogs } from './_internals/log-correlation.js';
import type { MatcherContextLike } from './_internals/matcher-context.js';
import { messageUtils } from './_internals/matcher-context.js';
import type { MatcherOutcome, MatcherResult } from './_internals/outcome.js';
import { contextOf, describeValue, settle, usageError } from './_internals/received.js';
import { requireTree } from './_internals/trace-subject.js';
import { requestKeys } from './_internals/request-keys.js';
import { renderTree } from './_internals/render-tree.js';

/** Options of `toHaveCorrelatedLogs`. */
export interface CorrelatedLogsOptions {
  /**
   * More text that identifies this request (an order id, a request id): a log whose body or attributes contain one
   * belongs to the request. The trace id and the spans' `tracegate.req` values always count.
   */
  readonly requestKeys?: readonly string[];
}

const USAGE = { matcher: 'toHaveCorrelatedLogs', received: 'trace', expected: 'logs' } as const;

function isLogList(value: unknown): value is readonly LogRecord[] {
  return (
    Array.isArray(value) &&
    value.every((log: Partial<LogRecord> | null) => typeof log?.traceId === 'string' && typeof log.spanId === 'string')
  );
}

function describeProblem(problem: LogProblem): string {
  const log = describeLog(problem.log);
  switch (problem.kind) {
    case 'leaked':
      return `leaked: ${log} carries trace ${problem.log.traceId} but mentions ${problem.mentions}`;
    case 'uncorrelated':
      return `no trace id: ${log} mentions ${problem.mentions}`;
    case 'no-span':
      return `no span id: ${log}`;
    case 'unknown-span':
      return `unknown span: ${log} names span ${problem.log.spanId}, which is not in this trace`;
    case 'wrong-service':
      return `wrong service: ${log} names ${describeSpan(problem.node.span)}`;
  }
}

function summarize(logs: readonly LogRecord[], correlation: LogCorrelation): string {
  if (correlation.requestLogs === 0) {
    return logs.length === 0 ? 'no logs' : `none of ${plural(logs.length, 'log')} carries this trace id or mentions it`;
  }
  const head = `${plural(correlation.requestLogs, 'log')} of this request`;
  if (correlation.problems.length === 0) return `${head}, each with this trace id and a span id of its own service`;
  return `${head}, ${correlation.problems.length} of them not correlated:\n${correlation.problems.map(describeProblem).join('\n')}`;
}

function judge(
  context: MatcherContextLike | undefined,
  tree: TraceTree,
  logs: readonly LogRecord[],
  options: CorrelatedLogsOptions,
): MatcherOutcome {
  const correlation = correlateLogs(tree, logs, requestKeys(tree, options.requestKeys ?? []));
  return {
    pass: correlation.requestLogs > 0 && correlation.problems.length === 0,
    message: () => {
      const notes = new Map<SpanNode, string>();
      for (const problem of correlation.problems) {
        if (problem.kind === 'wrong-service')
          notes.set(problem.node, `named by a log of service ${problem.log.service}`);
      }
      const expected =
        context?.isNot === true
          ? `no log of this request, or one without this trace id and a span id of its own service`
          : `logs of this request, each with trace id ${tree.traceId} and a span id of its own service`;
      return failureMessage(context, {
        ...USAGE,
        lines: [
          { label: 'Expected', text: expected, side: 'expected' },
          { label: 'Received', text: summarize(logs, correlation), side: 'received' },
        ],
        sections: [renderTree(tree, notes, { highlight: messageUtils(context).RECEIVED_COLOR })],
      });
    },
  };
}

/**
 * Every log of this trace's request carries the trace id and the id of a span of its own service; a log that
 * mentions the request but carries another trace's id is leakage. At least one log must belong to the request.
 */
export function toHaveCorrelatedLogs(
  this: unknown,
  received: unknown,
  logs: readonly LogRecord[],
  options: CorrelatedLogsOptions = {},
): MatcherResult {
  const context = contextOf(this);
  if (!isLogList(logs)) {
    usageError(context, { ...USAGE, problem: 'logs must be an array of LogRecord', value: describeValue(logs) });
  }
  const keys = options.requestKeys;
  if (keys !== undefined && (!Array.isArray(keys) || keys.some((key) => typeof key !== 'string'))) {
    usageError(context, { ...USAGE, problem: 'options.requestKeys must be an array of strings' });
  }
  return settle(received, (value) => judge(context, requireTree(context, USAGE, value), logs, options));
}
