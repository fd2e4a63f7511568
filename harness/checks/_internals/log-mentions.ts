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
/** Whole words only (`[A-Za-z0-9_-]+`): `17` in "retry 17" must not name request 17's order. */
function isWordChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 57) ||
    code === 95 ||
    code === 45
  );
}
const REQUEST_ATTRIBUTE = 'tracegate.req';

/** Finds the request a log mentions: `tracegate.req` equal to its seq, or a whole word equal to one of its keys. */
export interface MentionIndex {
  mentioned(log: LogRecord): RequestEntry | undefined;
}

/** True when some number or bigint's text (`String(value)`) can equal `key`. */
function isNumberText(key: string): boolean {
  const first = key.charCodeAt(0);
  if (!((first >= 48 && first <= 57) || first === 45)) return false;
  return /^-?(0|[1-9][0-9]*)$/.test(key) || String(Number(key)) === key;
}

/**
 * Indexes every request by its trace id, request id and the caller's keys (lowercased). The maps are built when a
 * log first needs them: a word as long as some key, a number when some key is a number's text, `tracegate.req`.
 */
export function mentionIndex(context: CheckContext): MentionIndex {
  const entries = context.entries();
  const requestKeys = context.options.requestKeys;
  let byKey: Map<string, RequestEntry> | undefined;
  let bySeq: Map<string, RequestEntry> | undefined;
  const keys = (): Map<string, RequestEntry> => {
    if (byKey !== undefined) return byKey;
    byKey = new Map();
    for (const entry of entries) {
      const record = entry.record;
      if (entry.traceId !== undefined && entry.traceId !== '') byKey.set(entry.traceId.toLowerCase(), entry);
      if (record.requestId !== undefined && record.requestId !== '') byKey.set(record.requestId.toLowerCase(), entry);
      for (const key of requestKeys(record)) if (key !== '') byKey.set(key.toLowerCase(), entry);
    }
    return byKey;
  };
  const seqs = (): Map<string, RequestEntry> =>
    (bySeq ??= new Map(entries.map((entry) => [String(entry.record.seq), entry])));
  // Only words as long as some key can name a request: the rest are never cut out of the text.
  const keyLengths = new Set<number>();
  // A number names a request only through a key that is its decimal text: most runs have none.
  let numericKeys = false;
  const noteKey = (key: string | undefined): void => {
    if (key === undefined || key === '') return;
    const lower = key.toLowerCase();
    keyLengths.add(lower.length);
    if (!numericKeys && isNumberText(lower)) numericKeys = true;
  };
  for (const entry of entries) {
    noteKey(entry.traceId);
    noteKey(entry.record.requestId);
    for (const key of requestKeys(entry.record)) noteKey(key);
  }
  const inText = (text: string): RequestEntry | undefined => {
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && isWordChar(text.charCodeAt(i))) {
        if (start === -1) start = i;
        continue;
      }
      if (start !== -1 && keyLengths.has(i - start)) {
        const found = keys().get(text.slice(start, i).toLowerCase());
        if (found !== undefined) return found;
      }
      start = -1;
    }
    return undefined;
  };
  const inValue = (value: AttributeValue, depth: number): RequestEntry | undefined => {
    if (typeof value === 'string') return inText(value);
    if (typeof value === 'number' || typeof value === 'bigint') {
      return numericKeys ? keys().get(String(value)) : undefined;
    }
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
      const found = seqs().get(String(seq));
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
