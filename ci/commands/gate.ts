import { readFile } from 'node:fs/promises';
import { InvalidReportError } from '../../harness/errors.js';
import { parseReport } from '../../harness/report/parse-report.js';
import type { Report } from '../../harness/report/report.js';
import { resolveThresholds } from '../../harness/verdict/thresholds.js';
import { renderConsoleReport } from '../../reporters/console/render-console-report.js';
import { useColor } from '../../reporters/console/use-color.js';
import { redactReport } from '../../reporters/redact.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { UsageError } from '../usage-error.js';
import { GATE_COMMAND, parseGateArgs } from './gate-args.js';
import { rejudgeReport } from './gate-rejudge.js';
import { redactKeysFlag } from './run-flags.js';
import { writeReports } from './run-reports.js';

export const GATE_HELP = `Usage: tracegate gate report.json [flags]

Judges a saved JSON report again under new thresholds, without running anything: each check's routes, edges
and services are held against the new gate from the counts the report recorded, then the verdict is decided
again. Prints the summary, writes the reports asked for, and exits 0 pass, 1 fail, 2 inconclusive, 3 error
(an unreadable or invalid report, or a bad flag). Thresholds not given stay as the report recorded them.

Gate:
  --min-root-coverage X      least share of requests with an entry span, 0-1
  --min-hop-continuity X     least share of unbroken hops, 0-1
  --min-log-correlation X    least share of correlated logs, 0-1
  --gate-on point|lower-bound
                             compare the measured share, or the lower end of its confidence interval
Reports (of the re-judged run):
  --report-json PATH, --report-junit PATH, --report-markdown PATH, --report-html PATH
  --redact-key KEY           also hide attributes whose key contains KEY (repeatable)
  --help                     show this help
`;

/** `tracegate gate`: re-judges a saved report with new thresholds; resolves to the new verdict's exit code. */
export async function gate(argv: readonly string[], io: CliIo): Promise<ExitCode> {
  const args = parseGateArgs(argv);
  if (args.help) {
    io.stdout.write(GATE_HELP);
    return ExitCode.Pass;
  }
  if (args.file === undefined)
    throw new UsageError(`${GATE_COMMAND}: give the JSON report to judge (see ${GATE_COMMAND} --help)`);
  const redactKeys = redactKeysFlag(GATE_COMMAND, args.redactKeys);
  let text: string;
  try {
    text = await readFile(args.file, 'utf8');
  } catch (error) {
    throw new UsageError(`${GATE_COMMAND}: cannot read ${args.file}: ${(error as Error).message}`);
  }
  let saved: Report;
  try {
    saved = parseReport(text);
  } catch (error) {
    if (!(error instanceof InvalidReportError)) throw error;
    throw new UsageError(
      `${GATE_COMMAND}: ${args.file} is ${error.message.replace(/^tracegate\.parseReport\(\): /, '')}`,
    );
  }
  const thresholds = resolveThresholds({ ...saved.thresholds, ...args.thresholds });
  const report = redactReport(rejudgeReport(saved, thresholds), { keys: redactKeys });
  if (report.verdict !== saved.verdict) {
    io.stderr.write(`${GATE_COMMAND}: ${saved.verdict} under the report's gate, ${report.verdict} under this one\n`);
  }
  io.stdout.write(renderConsoleReport(report, { color: useColor(io) }));
  try {
    await writeReports(report, args.reports, (line) => io.stderr.write(`${GATE_COMMAND}: ${line}\n`));
  } catch (error) {
    io.stderr.write(`${GATE_COMMAND}: could not write ${(error as Error).message}\n`);
    return ExitCode.Error;
  }
  return report.exitCode;
}
