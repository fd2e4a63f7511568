import type { AttributeValue } from '../../model/attributes.js';
import type { LogRecord } from '../../model/log.js';
import type { CheckContext } from './check-context.js';
import type { RequestEntry } from './request-entries.js';

/** Log fields that hold the log's own ids: never read as a mention of a request. */
const ID_KEYS = new Set([
  'trace_id',
  'traceid',
  'trace.id',
  'span_id',
  'spanid',
  'span.id',
  'trace_flags',
  'traceflags',
]);
/** Whole words only: `17` in "retry 17" must not name request 17's order. */
const WORD = /[A-Za-z0-9_-]+/g;
const REQUEST_ATTRIBUTE = 'tracegate.req';

/** Finds the request a log mentions: `tracegate.req` equal to its seq, or a whole word equal to one of its keys. */
export interface MentionIndex {
  mentioned(log: LogRecord): RequestEntry | undefined;
}

/** Indexes every request by its trace id, request id and the caller's keys (lowercased). */
export function mentionIndex(context: CheckContext): MentionIndex {
  const byKey = new Map<string, RequestEntry>();
  const bySeq = new Map<string, RequestEntry>();
  for (const entry of context.entries()) {
    const record = entry.record;
    bySeq.set(String(record.seq), entry);
    const keys = [entry.traceId, record.requestId, ...context.options.requestKeys(record)];
    for (const key of keys) if (key !== undefined && key !== '') byKey.set(key.toLowerCase(), entry);
  }
  const inValue = (value: AttributeValue, depth: number): RequestEntry | undefined => {
    if (typeof value === 'string') {
      for (const word of value.match(WORD) ?? []) {
        const found = byKey.get(word.toLowerCase());
        if (found !== undefined) return found;
      }
      return undefined;
    }
    if (typeof value === 'number' || typeof value === 'bigint') return byKey.get(String(value));
    if (depth > 8 || value === null || typeof value !== 'object' || value instanceof Uint8Array) return undefined;
    if (Array.isArray(value)) {
      for (const item of value as readonly AttributeValue[]) {
        const found = inValue(item, depth + 1);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    return inMap(value as Readonly<Record<string, AttributeValue>>, depth + 1);
  };
  const inMap = (map: Readonly<Record<string, AttributeValue>>, depth: number): RequestEntry | undefined => {
    const seq = map[REQUEST_ATTRIBUTE];
    if (typeof seq === 'string' || typeof seq === 'number' || typeof seq === 'bigint') {
      const found = bySeq.get(String(seq));
      if (found !== undefined) return found;
    }
    for (const key in map) {
      if (ID_KEYS.has(key.toLowerCase()) || key === REQUEST_ATTRIBUTE) continue;
      const found = inValue(map[key]!, depth);
      if (found !== undefined) return found;
    }
    return undefined;
  };
  return { mentioned: (log) => inMap(log.attributes, 0) ?? inValue(log.body, 0) };
}

/** The start of a log's body, for recognising it in a report. */
export function excerptOf(body: AttributeValue, length = 120): string {
  if (typeof body === 'string') return body.slice(0, length);
  try {
    const json = JSON.stringify(body, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
    return (json ?? '').slice(0, length);
  } catch {
    return '';
  }
}
