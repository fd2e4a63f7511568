import type { ReportCheck } from '../report-checks.js';
import { spanId, traceId } from './id-shapes.js';
import type { Shape } from './shape.js';
import { array, count, discriminated, nonEmptyString, nullable, object, oneOf, share, string } from './shape.js';

export const interval = object({ low: share, high: share });
const rowStatus = oneOf('pass', 'fail', 'inconclusive');
const level = oneOf('info', 'warn', 'error');

/** The fields every check has; each variant adds its own. */
const checkFields = {
  status: oneOf('pass', 'fail', 'skip', 'inconclusive'),
  value: nullable(share),
  threshold: nullable(share),
  n: count,
  interval: nullable(interval),
  note: nullable(string),
};
const examples = array(traceId);

/** Fields of a row judged as a share, after its counts. */
const shareFields = { rate: nullable(share), interval, status: rowStatus };

const route = object({ route: string, n: count, covered: count, ...shareFields, examples });

const breakClass = oneOf('restarted', 'orphaned', 'missing', 'late', 'unsampled');
const attributionMethod = oneOf('traceId', 'messageId', 'baggage', 'timing', 'none');

const edge = object({
  from: nonEmptyString,
  to: nonEmptyString,
  via: oneOf('http', 'rpc', 'messaging', 'outbox', 'job', 'other'),
  accepts: oneOf('child', 'child-or-link'),
  source: oneOf('scenario', 'inferred'),
  n: count,
  continuous: count,
  asChild: count,
  asLink: count,
  ...shareFields,
  breaks: object({ restarted: count, orphaned: count, missing: count, late: count, unsampled: count }),
  attribution: object({ traceId: count, messageId: count, baggage: count, timing: count, none: count }),
  examples: array(
    object({
      traceId,
      upstreamSpanId: spanId,
      break: breakClass,
      attributedBy: attributionMethod,
      downstreamTraceId: nullable(traceId),
      downstreamSpanId: nullable(spanId),
    }),
  ),
});

const operation = object({
  service: string,
  operation: string,
  n: count,
  recorded: count,
  withoutErrorStatus: count,
  withoutExceptionEvent: count,
  status: rowStatus,
  examples: array(
    object({ traceId, spanId: nullable(spanId), problem: oneOf('no-error-status', 'no-exception-event') }),
  ),
});

const logService = object({
  service: string,
  n: count,
  correlated: count,
  withoutIds: count,
  unresolved: count,
  leaked: count,
  ...shareFields,
  examples: array(
    object({
      traceId,
      problem: oneOf('no-ids', 'unresolved', 'leaked'),
      loggedTraceId: nullable(traceId),
      excerpt: string,
    }),
  ),
});

const hygieneProblem = object({ code: nonEmptyString, level, count, message: string, examples });

/** One entry of `checks`, by its id. */
export const reportCheck: Shape<ReportCheck> = discriminated('id', {
  'root-coverage': object({
    id: oneOf('root-coverage'),
    ...checkFields,
    covered: count,
    examples,
    routes: array(route),
  }),
  'hop-continuity': object({
    id: oneOf('hop-continuity'),
    ...checkFields,
    continuous: count,
    examples,
    edges: array(edge),
  }),
  'error-recording': object({
    id: oneOf('error-recording'),
    ...checkFields,
    recorded: count,
    examples,
    operations: array(operation),
  }),
  'log-correlation': object({
    id: oneOf('log-correlation'),
    ...checkFields,
    correlated: count,
    leaked: count,
    examples,
    services: array(logService),
  }),
  hygiene: object({ id: oneOf('hygiene'), ...checkFields, examples, problems: array(hygieneProblem) }),
});
