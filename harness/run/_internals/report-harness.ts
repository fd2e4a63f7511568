import type { StoreCounters } from '../../collect/store.js';
import type { ReceiverStats } from '../../collect/otlp/receiver-stats.js';
import type { ReportHarness } from '../../report/report.js';
import type { CompletionOutcome } from './await-completion.js';

/** Counters and receiver outcomes of this run: `end` minus what a shared receiver had counted before it began. */
export interface HarnessTallies {
  readonly start: { readonly counters: StoreCounters; readonly stats: ReceiverStats };
  readonly end: { readonly counters: StoreCounters; readonly stats: ReceiverStats };
}

/** The report's `harness` section: what was received, refused and lost during the run. */
export function reportHarness(
  tallies: HarnessTallies,
  completion: CompletionOutcome,
  timeToVerdictMs: number | null,
): ReportHarness {
  const counter = (key: keyof StoreCounters) => tallies.end.counters[key] - tallies.start.counters[key];
  const stat = (key: keyof ReceiverStats) => tallies.end.stats[key] - tallies.start.stats[key];
  return {
    spansReceived: counter('spansReceived'),
    logsReceived: counter('logsReceived'),
    spansRejected: counter('spansRejected'),
    logsRejected: counter('logsRejected'),
    lateSpans: counter('spansLate'),
    lateLogs: counter('logsLate'),
    spansDuplicate: counter('spansDuplicate'),
    findingsDropped: counter('findingsDropped'),
    // Answers OTLP senders do not retry; 429 is retried, so it is counted apart and is no loss.
    exportsRefused:
      stat('badRequest') + stat('unauthorized') + stat('tooLarge') + stat('unsupported') + stat('internalError'),
    exportsThrottled: stat('throttled'),
    deadlineReached: completion.deadlineReached,
    tracesNotQuiet: completion.tracesNotQuiet,
    timeToVerdictMs,
  };
}
