import type { SpanKind, StatusCode } from '../../model/span.js';
import { AttributeShapes } from './attribute-shapes.js';
import { Origins } from './origins.js';
import { SpanRows } from './span-rows.js';
import { TraceList } from './trace-list.js';
import { ValueStore } from './value-store.js';

/** What a span table is made of; the writer and the reader of rows share it. */
export class TableParts {
  readonly rows = new SpanRows();
  readonly values = new ValueStore();
  readonly shapes = new AttributeShapes();
  readonly origins = new Origins();
  readonly traces = new TraceList();
}

/** The key of one span id: its two words, or two hashes standing in for them when the id is not 16 hex digits. */
export interface SpanKey {
  high: number;
  low: number;
  /** True when high and low are hashes: rows must then compare the id itself. */
  odd: boolean;
}

/**
 * The position of a kind in SPAN_KINDS, `unknown` for a string that is no kind (a switch: a keyed lookup by string
 * is megamorphic and slower).
 */
export function kindIndex(kind: SpanKind, unknown = 0): number {
  switch (kind) {
    case 'unspecified':
      return 0;
    case 'internal':
      return 1;
    case 'server':
      return 2;
    case 'client':
      return 3;
    case 'producer':
      return 4;
    case 'consumer':
      return 5;
    default:
      return unknown;
  }
}

/** The OTLP number of a status code. */
export function statusIndex(code: StatusCode): number {
  return code === 'error' ? 2 : code === 'ok' ? 1 : 0;
}
