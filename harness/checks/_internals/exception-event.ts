import type { AttributeValue } from '../../model/attributes.js';
import type { SpanRecord } from '../../model/span.js';
import { attributeOf } from './span-fields.js';

/** The attributes an `exception` event must carry for the failure to be diagnosable from the trace alone. */
export const EXCEPTION_ATTRIBUTES = ['exception.type', 'exception.message', 'exception.stacktrace'] as const;

/** True when the span has an `exception` event with non-empty type, message and stacktrace. */
export function hasCompleteException(span: SpanRecord): boolean {
  return span.events.some(
    (event) =>
      event.name === 'exception' &&
      EXCEPTION_ATTRIBUTES.every((key) => {
        const value = event.attributes[key];
        return typeof value === 'string' && value.trim() !== '';
      }),
  );
}

/** The HTTP response status of a span (current or pre-1.21 semconv key), or undefined. */
export function httpStatusOf(span: SpanRecord): number | undefined {
  return httpStatusValue(attributeOf(span, 'http.response.status_code') ?? attributeOf(span, 'http.status_code'));
}

/** An HTTP status attribute's value as an integer, or undefined. */
export function httpStatusValue(value: AttributeValue | undefined): number | undefined {
  const status = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? Number(value) : value;
  return typeof status === 'number' && Number.isInteger(status) ? status : undefined;
}
