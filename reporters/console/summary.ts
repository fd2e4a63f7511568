import type { Report } from '../../harness/report/report.js';
import type { ReportCheck } from '../../harness/report/report-checks.js';
import { duration, plural, share } from './_internals/format.js';
import { printable } from './_internals/printable.js';
import type { Tone } from './_internals/segments.js';
import { paint } from './_internals/segments.js';
import { worstBrokenHop } from './_internals/worst-hop.js';

const ID_WIDTH = 'error-recording'.length + 2;
const MAX_REASONS = 3;

export interface SummaryOptions {
  /** ANSI colours for a terminal (see useColor). Default false. */
  readonly color?: boolean;
}

const STATUS_TONE: Readonly<Record<ReportCheck['status'], Tone>> = {
  pass: 'good',
  fail: 'bad',
  inconclusive: 'warn',
  skip: 'dim',
};
const VERDICT_TONE: Readonly<Record<Report['verdict'], Tone>> = {
  PASS: 'good',
  FAIL: 'bad',
  INCONCLUSIVE: 'warn',
  ERROR: 'bad',
};

function checkLine(check: ReportCheck, color: boolean): string {
  const status = check.status === 'pass' || check.status === 'skip' ? check.status : check.status.toUpperCase();
  // Padded before painting, so colour codes do not count towards the column width.
  const head = `  ${check.id.padEnd(ID_WIDTH)}${paint(status, STATUS_TONE[check.status], color)}${' '.repeat(Math.max(1, 13 - status.length))}`;
  if (check.status === 'skip') return `${head}${printable(check.note ?? 'nothing to judge')}`.trimEnd();
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
  return `  worst broken hop: ${printable(edge.from)}→${printable(edge.to)} ${edge.continuous}/${edge.n} continuous (${breaks})${where}`;
}

/**
 * The console summary of a run, read in ten seconds: the verdict, one line per check with value, threshold and
 * interval, the worst broken hop with an example trace id, why (unless PASS), and the traffic and harness totals.
 * Text from services passes through printable(), so no control character reaches the terminal raw.
 */
export function renderSummary(report: Report, options: SummaryOptions = {}): string {
  const color = options.color === true;
  const verdict = paint(paint(report.verdict, VERDICT_TONE[report.verdict], color), 'strong', color);
  const lines = [
    `tracegate: ${verdict} · scenario ${printable(report.scenario)} · run ${printable(report.runId)} · seed ${report.seed} · ${duration(report.durationMs)}`,
  ];
  if (report.error !== null) {
    lines.push(...report.error.message.split('\n').map((line) => `  ${printable(line)}`));
  }
  lines.push(...report.checks.map((check) => checkLine(check, color)));
  const hop = worstHopLine(report);
  if (hop !== undefined) lines.push(hop);
  if (report.verdict !== 'PASS' && report.error === null) {
    const shown = report.reasons.slice(0, MAX_REASONS);
    lines.push(...shown.map((reason) => `  why: ${printable(reason)}`));
    if (report.reasons.length > shown.length)
      lines.push(`  … ${plural(report.reasons.length - shown.length, 'more reason')} in the JSON report`);
  }
  const { traffic, harness } = report;
  lines.push(
    `  traffic: ${traffic.sent} sent, ${traffic.completed} completed, ${traffic.failed} failed in ${duration(traffic.durationMs)}` +
      ` · harness: ${plural(harness.spansReceived, 'span')}, ${plural(harness.logsReceived, 'log')}, ` +
      `${harness.spansRejected} rejected, ${harness.lateSpans} late`,
  );
  return `${lines.join('\n')}\n`;
}
