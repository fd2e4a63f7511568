import { InvalidArgumentError } from '../../harness/errors.js';
import type { Report } from '../../harness/report/report.js';
import type { ReportCheck } from '../../harness/report/report-checks.js';
import type { ConfidenceInterval } from '../../harness/verdict/wilson-interval.js';
import { duration, share } from '../console/_internals/format.js';
import { failureExamples } from '../console/failure-examples.js';
import { mdCode, mdFence, mdText } from './_internals/escape.js';

/** GitHub refuses a step summary over 1 MiB; the default leaves room for what else a job appends. */
export const DEFAULT_MARKDOWN_MAX_BYTES = 1_000_000;

export interface MarkdownReportOptions {
  /** Largest output in UTF-8 bytes; sections that do not fit are left out, with a note. Default 1,000,000. */
  readonly maxBytes?: number;
  /** Failing rows drawn per failing check, each in a collapsed `<details>`. Default 3. */
  readonly examplesPerCheck?: number;
}

const API = 'tracegate.renderMarkdownReport()';
const VERDICT_ICON: Readonly<Record<Report['verdict'], string>> = {
  PASS: '✅',
  FAIL: '❌',
  INCONCLUSIVE: '⚠️',
  ERROR: '⛔',
};
const STATUS_CELL: Readonly<Record<ReportCheck['status'], string>> = {
  pass: '✅ pass',
  fail: '❌ **fail**',
  inconclusive: '⚠️ inconclusive',
  skip: '➖ skip',
};
const MAX_REASONS = 10;
const MAX_FINDINGS = 20;
const NOTE_RESERVE = 400;

function num(value: number | null): string {
  return value === null ? '–' : share(value);
}

function range(interval: ConfidenceInterval | null): string {
  return interval === null ? '–' : `[${share(interval.low)}, ${share(interval.high)}]`;
}

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function table(header: readonly string[], align: readonly string[], rows: readonly string[][]): string[] {
  return [`${row(header)}\n${row(align)}\n`, ...rows.map((cells) => `${row(cells)}\n`)];
}

/** The report's parts, in order; a part is never cut, so the output stays well-formed when it is truncated. */
function parts(report: Report, examplesPerCheck: number): string[][] {
  const head = [
    `## ${VERDICT_ICON[report.verdict]} tracegate: ${report.verdict}\n\n` +
      `**${mdText(report.scenario)}** · run ${mdCode(report.runId)} · seed ${report.seed} · ${duration(report.durationMs)} · ` +
      `${mdText(report.startedAt)} · tracegate ${mdText(report.tracegateVersion)}\n\n`,
  ];
  if (report.error !== null) {
    head.push(`**${mdText(report.error.code)}**: ${mdText(report.error.message)}\n\n`);
    if (report.error.output.length > 0) head.push(`${mdFence(report.error.output)}\n\n`);
  }
  const reasons = report.reasons.slice(0, MAX_REASONS).map((reason) => `- ${mdText(reason)}\n`);
  if (report.reasons.length > MAX_REASONS)
    reasons.push(`- … ${report.reasons.length - MAX_REASONS} more in the JSON report\n`);
  const sections: string[][] = [head, reasons.length === 0 ? [] : [...reasons, '\n']];
  if (report.checks.length > 0) {
    sections.push([
      '### Checks\n\n',
      ...table(
        ['check', 'status', 'value', 'threshold', 'interval', 'n'],
        ['---', '---', '---:', '---:', '---', '---:'],
        report.checks.map((check) => [
          check.id,
          STATUS_CELL[check.status],
          num(check.value),
          num(check.threshold),
          range(check.interval),
          String(check.n),
        ]),
      ),
      `\nGate on ${report.thresholds.gateOn}, ${share(report.thresholds.confidence * 100)}% Wilson intervals, at least ${report.thresholds.minSamples} samples per row.\n\n`,
    ]);
  }
  for (const check of report.checks) {
    if (check.id === 'root-coverage' && check.routes.length > 0) {
      sections.push([
        '### Routes\n\n',
        ...table(
          ['route', 'status', 'covered / n', 'rate', 'interval'],
          ['---', '---', '---:', '---:', '---'],
          check.routes.map((route) => [
            mdText(route.route),
            STATUS_CELL[route.status],
            `${route.covered} / ${route.n}`,
            num(route.rate),
            range(route.interval),
          ]),
        ),
        '\n',
      ]);
    }
    if (check.id === 'hop-continuity' && check.edges.length > 0) {
      sections.push([
        '### Edges\n\n',
        ...table(
          [
            'edge',
            'via',
            'status',
            'continuous / n',
            'rate',
            'interval',
            'restarted',
            'orphaned',
            'missing',
            'late',
            'unsampled',
          ],
          ['---', '---', '---', '---:', '---:', '---', '---:', '---:', '---:', '---:', '---:'],
          check.edges.map((edge) => [
            `${mdText(edge.from)} → ${mdText(edge.to)}`,
            edge.via,
            STATUS_CELL[edge.status],
            `${edge.continuous} / ${edge.n}`,
            num(edge.rate),
            range(edge.interval),
            ...(['restarted', 'orphaned', 'missing', 'late', 'unsampled'] as const).map((kind) =>
              String(edge.breaks[kind]),
            ),
          ]),
        ),
        '\n',
      ]);
    }
  }
  const examples = failureExamples(report, { perCheck: examplesPerCheck });
  if (examples.length > 0) {
    sections.push([
      '### Failing examples\n\n',
      ...examples.map(
        (example) =>
          `<details>\n<summary>${mdText(example.checkId)} · ${mdText(example.where)} · trace ${mdCode(example.traceId)}</summary>\n\n` +
          `${mdFence(example.lines.map((segments) => segments.map((segment) => segment.text).join('')))}\n\n</details>\n\n`,
      ),
    ]);
  }
  const findings = report.findings.filter((finding) => finding.level !== 'info');
  if (findings.length > 0) {
    const shown = findings.slice(0, MAX_FINDINGS).map((finding) => {
      const where = finding.traceId === undefined ? '' : ` (trace ${mdCode(finding.traceId)})`;
      return `- ${finding.level} ${mdCode(finding.code)}: ${mdText(finding.message)}${where}\n`;
    });
    if (findings.length > MAX_FINDINGS) shown.push(`- … ${findings.length - MAX_FINDINGS} more in the JSON report\n`);
    sections.push(['### Findings\n\n', ...shown, '\n']);
  }
  const { traffic, harness } = report;
  sections.push([
    `<sub>traffic: ${traffic.sent} sent, ${traffic.completed} completed, ${traffic.failed} failed in ${duration(traffic.durationMs)} · ` +
      `harness: ${harness.spansReceived} spans, ${harness.logsReceived} logs, ${harness.spansRejected} rejected, ${harness.lateSpans} late</sub>\n`,
  ]);
  return sections;
}

/**
 * The report as GitHub-flavoured Markdown for a pull-request comment or `$GITHUB_STEP_SUMMARY`: the verdict and
 * why, a table of checks (value, threshold, interval, n, status), tables of routes and of edges with their break
 * counts, and each failing row's example trace collapsed in `<details>`. Service text is escaped. Output stays
 * under `maxBytes`: parts that do not fit are left out whole, and a note says so.
 */
export function renderMarkdownReport(report: Report, options: MarkdownReportOptions = {}): string {
  const maxBytes = options.maxBytes ?? DEFAULT_MARKDOWN_MAX_BYTES;
  if (!Number.isSafeInteger(maxBytes) || maxBytes < 2 * NOTE_RESERVE) {
    throw new InvalidArgumentError(
      `${API}: maxBytes must be an integer of at least ${2 * NOTE_RESERVE}, got ${String(maxBytes)}`,
    );
  }
  const examplesPerCheck = options.examplesPerCheck ?? 3;
  let text = '';
  let bytes = 0;
  let left = 0;
  for (const section of parts(report, examplesPerCheck)) {
    for (const part of section) {
      const size = Buffer.byteLength(part);
      if (left > 0 || bytes + size > maxBytes - NOTE_RESERVE) {
        left++;
        continue;
      }
      text += part;
      bytes += size;
    }
  }
  if (left === 0) return text;
  return `${text}\n> **Truncated:** ${left} part${left === 1 ? '' : 's'} of this summary left out to stay under ${maxBytes} bytes (GitHub's step summary limit is 1 MiB); the JSON report has everything.\n`;
}
