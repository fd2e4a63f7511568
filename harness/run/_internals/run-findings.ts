import type { Finding } from '../../model/finding.js';
import type { CompletionOutcome } from './await-completion.js';

/** Findings about how the wait for the traces ended. */
export function completionFindings(completion: CompletionOutcome, timeoutMs: number): Finding[] {
  if (!completion.deadlineReached) return [];
  if (completion.otherTracesBusy) {
    return [
      {
        level: 'warn',
        code: 'run.store-not-quiet',
        message: `spans of traces the run did not start kept arriving until the ${timeoutMs} ms deadline; late ones may be judged missing`,
      },
    ];
  }
  return [
    {
      level: completion.tracesNotQuiet > 0 ? 'error' : 'info',
      code: 'run.deadline-reached',
      message:
        `the ${timeoutMs} ms deadline passed before every request's trace had a span and went quiet` +
        (completion.tracesNotQuiet > 0 ? `; ${completion.tracesNotQuiet} still received spans` : ''),
    },
  ];
}
