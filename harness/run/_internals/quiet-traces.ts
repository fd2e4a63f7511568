import type { Clock } from '../../clock.js';
import type { Store } from '../../collect/store.js';

/** Counts, for the progress display, the traces of this run that received spans and have been quiet since. */
export interface QuietTraces {
  /** Traces that received a span while this tracker listened and none for the quiet period since. */
  complete(): number;
  /** Stops listening. */
  stop(): void;
}

/**
 * Starts listening to `store`: a trace counts as complete once `quietMs` passed since its last span, the same
 * rule the run's wait applies at the end. Costs one map entry per trace touched during the run.
 */
export function trackQuietTraces(store: Store, clock: Clock, quietMs: number): QuietTraces {
  const lastSpanMs = new Map<string, number>();
  const unsubscribe = store.subscribe((touched) => {
    const now = clock.now();
    for (const traceId of touched) lastSpanMs.set(traceId, now);
  });
  return {
    complete: () => {
      const quietBefore = clock.now() - quietMs;
      let complete = 0;
      for (const last of lastSpanMs.values()) if (last <= quietBefore) complete++;
      return complete;
    },
    stop: () => {
      unsubscribe();
    },
  };
}
