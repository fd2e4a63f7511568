import type { SpanBatchWire } from './span-batch-wire.js';

/** One body for a decode worker: its bytes (transferred) and where they sit in the buffer. */
export interface DecodeJob {
  readonly id: number;
  readonly body: ArrayBuffer;
  readonly offset: number;
  readonly length: number;
}

/** A decode worker's answer: the staged batch and refusals, or the error the decoder threw. */
export type DecodeReply =
  | { readonly ready: true }
  | { readonly id: number; readonly wire: SpanBatchWire; readonly rejected: readonly string[] }
  | { readonly id: number; readonly error: { readonly code: string | undefined; readonly message: string } };
