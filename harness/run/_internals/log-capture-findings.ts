import type { LogCaptureStats } from '../../collect/logs/log-capture-stats.js';
import type { Finding } from '../../model/finding.js';

/** What one service's captured output saw, as RunningService.logStats() gives it. */
export interface ServiceLogStats {
  readonly name: string;
  readonly stdout: LogCaptureStats;
  readonly stderr: LogCaptureStats;
}

/**
 * One finding per service whose log lines carried trace or span ids tracegate could not use (wrong length, not
 * hex, all zeros, not a string): those lines count as uncorrelated, and the finding says why, so a logger that
 * writes ids in the wrong shape is told apart from one that writes none.
 */
export function logCaptureFindings(services: readonly ServiceLogStats[]): Finding[] {
  const findings: Finding[] = [];
  for (const service of services) {
    const reasons = new Map<string, number>();
    for (const stats of [service.stdout, service.stderr]) {
      for (const [reason, count] of Object.entries(stats.invalidIds)) {
        if (count > 0) reasons.set(reason, (reasons.get(reason) ?? 0) + count);
      }
    }
    if (reasons.size === 0) continue;
    const total = [...reasons.values()].reduce((sum, count) => sum + count, 0);
    const detail = [...reasons].map(([reason, count]) => `${reason} ${count}`).join(', ');
    findings.push({
      level: 'warn',
      code: 'logs.invalid-ids',
      message: `${service.name}: ${total} trace or span id field${total === 1 ? '' : 's'} in its log lines could not be used (${detail}); those lines count as uncorrelated`,
    });
  }
  return findings;
}
