/** Something tracegate noticed that a report must show: never silently dropped, never a crash. */
export interface Finding {
  readonly level: 'info' | 'warn' | 'error';
  /** Stable, dotted code such as `span.duplicate-conflict`. */
  readonly code: string;
  readonly message: string;
  readonly traceId?: string;
  readonly spanId?: string;
}
