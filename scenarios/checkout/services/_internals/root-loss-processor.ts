import type { Context } from '@opentelemetry/api';
import { SpanKind, SpanStatusCode, propagation } from '@opentelemetry/api';
import type { tracing } from '@opentelemetry/sdk-node';

type SpanProcessor = tracing.SpanProcessor;
type Span = tracing.Span;
type ReadableSpan = tracing.ReadableSpan;

/** True for exactly floor(n × share) of n consecutive request numbers, shifted by the seed. */
export function isLost(seq: number, share: number, seed: number): boolean {
  const shifted = seq + (Math.abs(seed) % 997);
  return Math.floor((shifted + 1) * share) > Math.floor(shifted * share);
}

/**
 * The root-loss fault: a hand-written "drop the noise" filter in front of the exporter that throws away the entry
 * span of a share of successful requests (picked by the request number tracegate sends as baggage). Those requests
 * are served, their child spans still arrive (as orphans), but they have no entry span.
 */
export class RootLossProcessor implements SpanProcessor {
  readonly #inner: SpanProcessor;
  readonly #share: number;
  readonly #seed: number;
  readonly #marked = new WeakSet<object>();

  constructor(inner: SpanProcessor, share: number, seed: number) {
    this.#inner = inner;
    this.#share = share;
    this.#seed = seed;
  }

  onStart(span: Span, parentContext: Context): void {
    const seq = Number(propagation.getBaggage(parentContext)?.getEntry('tracegate.req')?.value ?? NaN);
    if (span.kind === SpanKind.SERVER && Number.isInteger(seq) && isLost(seq, this.#share, this.#seed)) {
      this.#marked.add(span);
    }
    this.#inner.onStart(span, parentContext);
  }

  onEnd(span: ReadableSpan): void {
    // Failing requests keep their span: the filter only drops what it takes for uninteresting successes.
    if (this.#marked.has(span) && span.status.code !== SpanStatusCode.ERROR) return;
    this.#inner.onEnd(span);
  }

  forceFlush(): Promise<void> {
    return this.#inner.forceFlush();
  }

  shutdown(): Promise<void> {
    return this.#inner.shutdown();
  }
}
