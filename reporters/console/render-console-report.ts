import type { Report } from '../../harness/report/report.js';
import { printable } from './_internals/printable.js';
import { paint } from './_internals/segments.js';
import type { Line } from './_internals/segments.js';
import { failureExamples } from './failure-examples.js';
import { renderSummary } from './summary.js';

export interface ConsoleReportOptions {
  /** ANSI colours (see useColor). Default false. */
  readonly color?: boolean;
  /** Failing rows drawn per failing check. Default 1. */
  readonly examplesPerCheck?: number;
}

function line(segments: Line, color: boolean): string {
  return segments.map((segment) => paint(printable(segment.text), segment.tone, color)).join('');
}

/**
 * What `tracegate run` and `tracegate gate` print: the summary, then for each failing check one example trace
 * drawn as a tree with durations and status and the failure marked (`✗ broken hop api>worker: …`).
 */
export function renderConsoleReport(report: Report, options: ConsoleReportOptions = {}): string {
  const color = options.color === true;
  const parts = [renderSummary(report, { color })];
  for (const example of failureExamples(report, { perCheck: options.examplesPerCheck ?? 1 })) {
    const head = paint(`✗ ${example.checkId} ${printable(example.where)}`, 'bad', color);
    parts.push(`\n  ${head}\n${example.lines.map((segments) => `    ${line(segments, color)}\n`).join('')}`);
  }
  return parts.join('');
}
