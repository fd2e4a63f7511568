import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { ErrorCode, TracegateError } from '../../harness/errors.js';
import type { Report } from '../../harness/report/report.js';
import type { ScenarioReports } from '../../harness/run/scenario.js';
import { renderHtmlReport } from '../../reporters/html/render-html-report.js';
import { renderJsonReport } from '../../reporters/json/render-json-report.js';
import { renderJunitReport } from '../../reporters/junit/render-junit-report.js';
import { renderMarkdownReport } from '../../reporters/markdown/render-markdown-report.js';

/** The report formats, each a path in ScenarioReports. */
type ReportKind = Exclude<keyof ScenarioReports, 'redactKeys'>;

/** Report kinds in the order they are written, each with its renderer. */
const RENDERERS: readonly (readonly [ReportKind, (report: Report) => string])[] = [
  ['json', renderJsonReport],
  ['junit', renderJunitReport],
  ['markdown', renderMarkdownReport],
  ['html', renderHtmlReport],
];

/** A report that could not be rendered or written (a path that cannot be written is bad configuration). */
export class ReportWriteError extends TracegateError {
  override readonly name = 'ReportWriteError';
  constructor(message: string) {
    super(ErrorCode.InvalidArgument, message);
  }
}

/**
 * Renders and writes every requested report (parent directories created), telling `log` about each file written;
 * returns the paths written. The report should already be redacted: every format renders the same value. One
 * report failing does not stop the others; afterwards a ReportWriteError names each that failed.
 */
export async function writeReports(
  report: Report,
  reports: ScenarioReports | undefined,
  log: (line: string) => void = () => {},
): Promise<string[]> {
  const written: string[] = [];
  const failed: string[] = [];
  for (const [kind, render] of RENDERERS) {
    const path = reports?.[kind];
    if (path === undefined) continue;
    try {
      const text = render(report);
      const absolute = resolve(path);
      await mkdir(dirname(absolute), { recursive: true });
      await writeFile(absolute, text);
      written.push(path);
      log(`wrote the ${kind} report to ${path} (${Buffer.byteLength(text)} bytes)`);
    } catch (error) {
      failed.push(`the ${kind} report (${path}): ${(error as Error).message}`);
    }
  }
  if (failed.length > 0) throw new ReportWriteError(failed.join('; '));
  return written;
}
