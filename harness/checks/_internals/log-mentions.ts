import type { AttributeValue } from '../../model/attributes.js';
import type { LogRecord } from '../../model/log.js';
import type { CheckContext } from './check-context.js';
import type { RequestEntry } from './request-entries.js';
import type { RequestRecord } from '../../traffic/request-record.js';
import { keepShape } from '../../forest/_internals/keep-shape.js';

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

/** `text` lowercased: toLowerCase copies even a string that is lowercase already, and ids mostly are. */
export function lowercase(text: string): string {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code >= 65 && code <= 90) || code > 127) return text.toLowerCase();
  }
  return text;
}

/** Finds the request a log mentions: `tracegate.req` equal to its seq, or a whole word equal to one of its keys. */
export interface MentionIndex {
  mentioned(log: LogRecord): RequestEntry | undefined;
}

/** True when some number or bigint's text (`String(value)`) can equal `key`. */
function isNumberText(key: string): boolean {
  const first = key.charCodeAt(0);
  if (!((first >= 48 && first <= 57) || first === 45)) return false;
  // A number's text holds digits, '-', '.', '+' and 'e' only: a hex id fails here without a regex or a parse.
  for (let i = 1; i < key.length; i++) {
    const code = key.charCodeAt(i);
    if (!((code >= 48 && code <= 57) || code === 45 || code === 46 || code === 43 || code === 101)) return false;
  }
  return /^-?(0|[1-9][0-9]*)$/.test(key) || String(Number(key)) === key;
}

/**
 * Indexes every request by its trace id, request id and the caller's keys (lowercased). The maps are built when a
 * log first needs them: a word as long as some key, a number when some key is a number's text, `tracegate.req`.
 * A class, not closures: `mentioned` runs per log, and a new closure per verdict would be re-optimized each time.
 */
class RequestMentions implements MentionIndex {
  readonly #entries: readonly RequestEntry[];
  readonly #requestKeys: (record: RequestRecord) => readonly string[];
  #byKey: Map<string, RequestEntry> | undefined;
  #bySeq: Map<string, RequestEntry> | undefined;
  // Only words as long as some key can name a request: the rest are never cut out of the text.
  readonly #keyLengths = new Set<number>();
  // A number names a request only through a key that is its decimal text: most runs have none.
  #numericKeys = false;

  constructor(entries: readonly RequestEntry[], requestKeys: (record: RequestRecord) => readonly string[]) {
    this.#entries = entries;
    this.#requestKeys = requestKeys;
    for (const entry of entries) {
      this.#noteKey(entry.traceId);
      this.#noteKey(entry.record.requestId);
      for (const key of requestKeys(entry.record)) this.#noteKey(key);
    }
  }

  // By attribute key as written: lowercasing a key per log would copy it per log.
  readonly #idKeys = new Map<string, boolean>();

  #isIdKey(key: string): boolean {
    let isId = this.#idKeys.get(key);
    if (isId === undefined) this.#idKeys.set(key, (isId = ID_KEYS.has(key.toLowerCase())));
    return isId;
  }

  #noteKey(key: string | undefined): void {
    if (key === undefined || key === '') return;
    const lower = lowercase(key);
    this.#keyLengths.add(lower.length);
    if (!this.#numericKeys && isNumberText(lower)) this.#numericKeys = true;
  }

  #keys(): Map<string, RequestEntry> {
    if (this.#byKey !== undefined) return this.#byKey;
    const byKey = new Map<string, RequestEntry>();
    for (const entry of this.#entries) {
      const record = entry.record;
      if (entry.traceId !== undefined && entry.traceId !== '') byKey.set(entry.traceId.toLowerCase(), entry);
      if (record.requestId !== undefined && record.requestId !== '') byKey.set(record.requestId.toLowerCase(), entry);
      for (const key of this.#requestKeys(record)) if (key !== '') byKey.set(key.toLowerCase(), entry);
    }
    return (this.#byKey = byKey);
  }

  #seqs(): Map<string, RequestEntry> {
    return (this.#bySeq ??= new Map(this.#entries.map((entry) => [String(entry.record.seq), entry])));
  }

  #inText(text: string): RequestEntry | undefined {
    const keyLengths = this.#keyLengths;
    let start = -1;
    for (let i = 0; i <= text.length; i++) {
      if (i < text.length && isWordChar(text.charCodeAt(i))) {
        if (start === -1) start = i;
        continue;
      }
      if (start !== -1 && keyLengths.has(i - start)) {
        const found = this.#keys().get(text.slice(start, i).toLowerCase());
        if (found !== undefined) return found;
      }
      start = -1;
    }
    return undefined;
  }

  #inValue(value: AttributeValue, depth: number): RequestEntry | undefined {
    if (typeof value === 'string') return this.#inText(value);
    if (typeof value === 'number' || typeof value === 'bigint') {
      return this.#numericKeys ? this.#keys().get(String(value)) : undefined;
    }
    if (depth > 8 || value === null || typeof value !== 'object' || value instanceof Uint8Array) return undefined;
    if (Array.isArray(value)) {
      for (const item of value as readonly AttributeValue[]) {
        const found = this.#inValue(item, depth + 1);
        if (found !== undefined) return found;
      }
      return undefined;
    }
    return this.#inMap(value as Readonly<Record<string, AttributeValue>>, depth + 1);
  }

  #inMap(map: Readonly<Record<string, AttributeValue>>, depth: number): RequestEntry | undefined {
    const seq = map[REQUEST_ATTRIBUTE];
    if (typeof seq === 'string' || typeof seq === 'number' || typeof seq === 'bigint') {
      const found = this.#seqs().get(String(seq));
      if (found !== undefined) return found;
    }
    for (const key in map) {
      if (key === REQUEST_ATTRIBUTE || this.#isIdKey(key)) continue;
      const found = this.#inValue(map[key]!, depth);
      if (found !== undefined) return found;
    }
    return undefined;
  }

  mentioned(log: LogRecord): RequestEntry | undefined {
    return this.#inMap(log.attributes, 0) ?? this.#inValue(log.body, 0);
  }
}

keepShape(new RequestMentions([], () => []));

/** The mention index of the context's requests (see RequestMentions). */
export function mentionIndex(context: CheckContext): MentionIndex {
  return new RequestMentions(context.entries(), context.options.requestKeys);
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
