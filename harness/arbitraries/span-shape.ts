import fc from 'fast-check';
import { InvalidArgumentError } from '../errors.js';
import type { SpanKind } from '../model/span.js';
import { spanKindArbitrary } from './ids.js';

/** A span and the spans below it, before ids and times become records. */
export interface SpanShape {
  readonly name: string;
  readonly kind: SpanKind;
  readonly service: string;
  /** Start in milliseconds after BASE_TIME_UNIX_NANO; few values, so siblings often start at the same instant. */
  readonly startMs: number;
  readonly durationMs: number;
  readonly children: readonly SpanShape[];
}

/** Options of `spanShapeArbitrary`. */
export interface SpanShapeOptions {
  /** Most children of one span. Default 3. */
  readonly maxChildren?: number;
  /** Service names to draw from. Default `api`, `relay`, `worker`. */
  readonly services?: readonly string[];
  /** Span names to draw from. Default five names of a checkout flow. */
  readonly names?: readonly string[];
}

/** The services generated spans belong to unless told otherwise. */
export const DEFAULT_SERVICES: readonly string[] = Object.freeze(['api', 'relay', 'worker']);
/** The span names generated unless told otherwise: a few, so equal names are common. */
export const DEFAULT_SPAN_NAMES: readonly string[] = Object.freeze([
  'POST /api/checkout',
  'orders publish',
  'orders process',
  'SELECT orders',
  'charge',
]);

const API = 'tracegate.spanShapeArbitrary()';

function choices(list: unknown, fallback: readonly string[], what: string): readonly string[] {
  if (list === undefined) return fallback;
  if (!Array.isArray(list) || list.length === 0 || list.some((item) => typeof item !== 'string')) {
    throw new InvalidArgumentError(`${API}: ${what} must be a non-empty array of strings`);
  }
  return list as readonly string[];
}

/**
 * A recursive span tree shape, built with `letrec`; depth is biased small and shrinks towards a single span.
 * A number argument is `maxChildren` (the older form).
 */
export function spanShapeArbitrary(options: SpanShapeOptions | number = {}): fc.Arbitrary<SpanShape> {
  const { maxChildren = 3, services, names } = typeof options === 'number' ? { maxChildren: options } : options;
  if (!Number.isSafeInteger(maxChildren) || maxChildren < 0) {
    throw new InvalidArgumentError(`${API}: maxChildren must be a non-negative integer, got ${String(maxChildren)}`);
  }
  const serviceNames = choices(services, DEFAULT_SERVICES, 'services');
  const spanNames = choices(names, DEFAULT_SPAN_NAMES, 'names');
  return fc.letrec<{ shape: SpanShape }>((tie) => ({
    shape: fc.record({
      name: fc.constantFrom(...spanNames),
      kind: spanKindArbitrary(),
      service: fc.constantFrom(...serviceNames),
      startMs: fc.integer({ min: 0, max: 4 }),
      durationMs: fc.integer({ min: 0, max: 3 }),
      children: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constant([]),
        fc.array(tie('shape'), { maxLength: maxChildren }),
      ),
    }),
  })).shape;
}
