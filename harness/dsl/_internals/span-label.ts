import type { SpanRecord } from '../../model/span.js';
import { durationNanos } from '../../model/time.js';
import { formatMillis } from './format-millis.js';
import { quote } from './format-value.js';

/** One span on one line: `server "POST /api/checkout" (api, 12ms, ERROR)`. */
export function spanLabel(span: SpanRecord): string {
  const details = [span.resource.serviceName, formatMillis(Number(durationNanos(span)) / 1e6)];
  if (span.status.code === 'error') details.push('ERROR');
  return `${span.kind} ${quote(span.name)} (${details.join(', ')})`;
}
