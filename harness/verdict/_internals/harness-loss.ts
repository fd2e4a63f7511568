import type { ReportHarness } from '../../report/report.js';
import { plural } from './format-share.js';

/** The parts of the harness section that say whether the harness lost data. */
export type HarnessHealth = Pick<
  ReportHarness,
  'spansRejected' | 'logsRejected' | 'exportsRefused' | 'findingsDropped' | 'tracesNotQuiet'
>;

/** One sentence per way the harness lost data; empty when it lost nothing. */
export function harnessLossReasons(health: HarnessHealth): string[] {
  const reasons: string[] = [];
  if (health.spansRejected > 0) {
    reasons.push(`the harness rejected ${plural(health.spansRejected, 'span')} at the receiver or store`);
  }
  if (health.logsRejected > 0) {
    reasons.push(`the harness rejected ${plural(health.logsRejected, 'log')} at the receiver or store`);
  }
  if (health.exportsRefused > 0) {
    reasons.push(
      `the receiver refused ${plural(health.exportsRefused, 'export request')} whole; their spans and logs are lost`,
    );
  }
  if (health.findingsDropped > 0) {
    reasons.push(`the harness dropped ${plural(health.findingsDropped, 'finding')} because its list was full`);
  }
  if (health.tracesNotQuiet > 0) {
    reasons.push(
      `the deadline passed while ${plural(health.tracesNotQuiet, 'trace')} still received spans; they were judged incomplete`,
    );
  }
  return reasons;
}
