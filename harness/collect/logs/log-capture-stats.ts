import type { IdProblemReason } from './_internals/id-check.js';

/** What a log capture saw: lines by kind, and id fields it could not use, by reason. */
export interface LogCaptureStats {
  readonly lines: number;
  /** Lines that were JSON objects. */
  readonly structured: number;
  /** Lines kept as plain text bodies. */
  readonly plain: number;
  /** Lines cut at the length cap. */
  readonly truncated: number;
  /** Records that carry a valid trace id. */
  readonly withTraceId: number;
  readonly invalidIds: Readonly<Record<IdProblemReason, number>>;
}

/** A fresh, mutable set of zero counts. */
export function zeroLogCaptureStats(): { -readonly [K in keyof LogCaptureStats]: LogCaptureStats[K] } & {
  invalidIds: Record<IdProblemReason, number>;
} {
  return {
    lines: 0,
    structured: 0,
    plain: 0,
    truncated: 0,
    withTraceId: 0,
    invalidIds: { 'not-a-string': 0, 'wrong-length': 0, 'not-hex': 0, 'all-zeros': 0 },
  };
}
