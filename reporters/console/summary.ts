import type { Report } from '../../harness/report/report.js';
import type { ReportCheck } from '../../harness/report/report-checks.js';
import { duration, plural, share } from './_internals/format.js';
import { worstBrokenHop } from './_internals/worst-hop.js';

const ID_WIDTH = 'error-recording'.length + 2;
const MAX_REASONS = 3;

function checkLine(check: ReportCheck): string {
  const status = check.status === 'pass' || check.status === 'skip' ? check.status : check.status.toUpperCase();
  const head = `  ${check.id.padEnd(ID_WIDTH)}${status.padEnd(13)}`;
  if (check.status === 'skip') return `${head}${check.note ?? 'nothing to judge'}`.trimEnd();
  const parts: string[] = [];
  if (check.value !== null && check.threshold !== null) {
    parts.push(`${share(check.value)} ${check.value >= check.threshold ? '≥' : '<'} ${share(check.threshold)}`);
  }
  if (check.interval !== null) parts.push(`[${share(check.interval.low)}, ${share(check.interval.high)}]`);
  parts.push(`n=${check.n}`);
  return `${head}${parts.join('  ')}`;
}

function worstHopLine(report: Report): string | undefined {
  const edge = worstBrokenHop(report.checks);
  if (edge === undefined) return undefined;
  const breaks = Object.entries(edge.breaks)
    .filter(([, count]) => count > 0)
    .map(([kind, count]) => `${count} ${kind}`)
    .join(', ');
  const example = edge.examples[0];
  const where = example === undefined ? '' : `, e.g. trace ${example.traceId}`;
  return `  worst broken hop: ${edge.from}→${edge.to} ${edge.continuous}/${edge.n} continuous (${breaks})${where}`;
}

/**
 * The console summary of a run, read in ten seconds: the verdict, one line per check with value, threshold and
 * interval, the worst broken hop with an example trace id, why (unless PASS), and the traffic and harness totals.
 */
export function renderSummary(report: Report): string {
  const lines = [
    `tracegate: ${report.verdict} · scenario ${report.scenario} · run ${report.runId} · seed ${report.seed} · ${duration(report.durationMs)}`,
  ];
  if (report.error !== null) {
    lines.push(...report.error.message.split('\n').map((line) => `  ${line}`));
  }
  lines.push(...report.checks.map(checkLine));
  const hop = worstHopLine(report);
  if (hop !== undefined) lines.push(hop);
  if (report.verdict !== 'PASS' && report.error === null) {
    const shown = report.reasons.slice(0, MAX_REASONS);
    lines.push(...shown.map((reason) => `  why: ${reason}`));
    if (report.reasons.length > shown.length)
      lines.push(`  … ${plural(report.reasons.length - shown.length, 'more reason')} in the JSON report`);
  }
  const { traffic, harness } = report;
  lines.push(
    `  traffic: ${traffic.sent} sent, ${traffic.completed} completed, ${traffic.failed} failed in ${duration(traffic.durationMs)}` +
      ` · harness: ${plural(harness.spansReceived, 'span')}, ${plural(harness.logsReceived, 'log')}, ` +
      `${harness.spansRejected} rejected, ${harness.lateSpans} late`,
  );
  for (const finding of report.findings) {
    if (finding.code === 'report.not-supported') lines.push(`  note: ${finding.message}`);
  }
  return `${lines.join('\n')}\n`;
}
