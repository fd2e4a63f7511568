import type { SpanRecord } from '../../model/span.js';

/** One span on one line: kind, quoted name, service, span id — enough to find it in any trace viewer. */
export function describeSpan(span: SpanRecord): string {
  return `${span.kind} ${JSON.stringify(span.name)} [${span.resource.serviceName}] ${span.spanId}`;
}

/** `n noun` with an English plural. */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}

/** Text cut to one line of at most `max` characters, for values that came from a service. */
export function oneLine(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 3)}...` : flat;
}

/** Up to `max` spans, one per line, and how many more there are. */
export function listSpans(spans: readonly SpanRecord[], max = 5): string {
  const shown = spans.slice(0, max).map(describeSpan);
  if (spans.length > max) shown.push(`... and ${spans.length - max} more`);
  return shown.join('\n');
}
