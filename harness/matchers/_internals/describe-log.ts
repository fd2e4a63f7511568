import type { AttributeValue } from '../../model/attributes.js';
import type { LogRecord } from '../../model/log.js';
import { oneLine } from './describe-span.js';

function bodyText(body: AttributeValue): string {
  if (typeof body === 'string') return JSON.stringify(oneLine(body, 60));
  // bigint and bytes have no JSON form of their own.
  const json = JSON.stringify(body, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value instanceof Uint8Array ? `<${value.length} bytes>` : value,
  );
  return oneLine(json ?? 'null', 60);
}

/** One log on one line: service, severity and body, e.g. `[worker] INFO "charging card"`. */
export function describeLog(log: LogRecord): string {
  const severity = log.severityText === '' ? '' : ` ${log.severityText}`;
  return `[${log.service}]${severity} ${bodyText(log.body)}`;
}
