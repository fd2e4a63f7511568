import type { SpanEvent, SpanRecord } from '../../model/span.js';
import { oneLine } from './describe-span.js';

/** The attributes an `exception` event must carry for the failure to be diagnosable from the trace alone. */
export const EXCEPTION_ATTRIBUTES = ['exception.type', 'exception.message', 'exception.stacktrace'] as const;

/** How well one span recorded an error. */
export interface ErrorRecording {
  readonly span: SpanRecord;
  readonly errorStatus: boolean;
  /** The `exception` event closest to complete; undefined when the span has none. */
  readonly exception: SpanEvent | undefined;
  /** Attributes that event lacks or leaves empty (all three when there is no event). */
  readonly missingAttributes: readonly string[];
}

function missingOn(event: SpanEvent): string[] {
  return EXCEPTION_ATTRIBUTES.filter((key) => {
    const value = event.attributes[key];
    return typeof value !== 'string' || value.trim() === '';
  });
}

/** Looks at a span's status and `exception` events. */
export function errorRecording(span: SpanRecord): ErrorRecording {
  let exception: SpanEvent | undefined;
  let missingAttributes: readonly string[] = EXCEPTION_ATTRIBUTES;
  for (const event of span.events) {
    if (event.name !== 'exception') continue;
    const missing = missingOn(event);
    if (exception === undefined || missing.length < missingAttributes.length) {
      exception = event;
      missingAttributes = missing;
    }
  }
  return { span, errorStatus: span.status.code === 'error', exception, missingAttributes };
}

/** True when the span has ERROR status and a complete `exception` event. */
export function recordsError(recording: ErrorRecording): boolean {
  return recording.errorStatus && recording.exception !== undefined && recording.missingAttributes.length === 0;
}

/** Status and exception event in words: `status error "card declined"; "exception" event without exception.stacktrace`. */
export function describeRecording(recording: ErrorRecording): string {
  const { status } = recording.span;
  const statusText = `status ${status.code}${status.message === '' ? '' : ` ${JSON.stringify(oneLine(status.message))}`}`;
  const { exception, missingAttributes } = recording;
  let eventText: string;
  if (exception === undefined) eventText = 'no "exception" event';
  else if (missingAttributes.length > 0) eventText = `"exception" event without ${missingAttributes.join(', ')}`;
  else {
    const { attributes } = exception;
    // Both are non-empty strings here: a complete event has no missing attributes.
    eventText = `"exception" event ${oneLine(`${attributes['exception.type'] as string}: ${attributes['exception.message'] as string}`)}`;
  }
  return `${statusText}; ${eventText}`;
}
