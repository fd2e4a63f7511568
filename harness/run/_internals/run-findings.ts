import type { Finding } from '../../model/finding.js';
import type { ScenarioReports } from '../scenario.js';
import type { CompletionOutcome } from './await-completion.js';

/** Report kinds that are accepted but not rendered yet. */
export const UNSUPPORTED_REPORTS = ['junit', 'html', 'markdown'] as const;

/** A finding for each requested report tracegate cannot write yet, so none is silently skipped. */
export function unsupportedReportFindings(reports: ScenarioReports | undefined): Finding[] {
  return UNSUPPORTED_REPORTS.filter((kind) => reports?.[kind] !== undefined).map((kind) => ({
    level: 'warn',
    code: 'report.not-supported',
    message: `the ${kind} report (${reports![kind]!}) is not yet supported; nothing was written there`,
  }));
}

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
