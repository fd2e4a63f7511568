import { loadScenario } from '../../harness/run/load-scenario.js';
import { runScenario } from '../../harness/run/run-scenario.js';
import { validateScenario } from '../../harness/run/validate-scenario.js';
import { renderConsoleReport } from '../../reporters/console/render-console-report.js';
import { useColor } from '../../reporters/console/use-color.js';
import { redactReport } from '../../reporters/redact.js';
import { integerFlag } from '../args.js';
import { ExitCode } from '../exit-codes.js';
import type { CliIo } from '../io.js';
import { tracegateVersion } from '../../harness/version.js';
import { RUN_COMMAND, parseRunArgs } from './run-args.js';
import { redactKeysFlag, scenarioFromFlags } from './run-flags.js';
import { writeReports } from './run-reports.js';

export const RUN_HELP = `Usage: tracegate run [scenario.ts|scenario.json] [flags]

Starts the services, drives synthetic traffic through them, waits until their traces are complete, judges them
and exits 0 pass, 1 fail, 2 inconclusive, 3 error. Without a scenario file, flags describe the system.

System (flags-only form; a scenario file describes these itself):
  --service NAME=COMMAND     start a service (repeatable); it gets OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_SERVICE_NAME
  --ready NAME=URL           the service is ready when URL answers below 500 (or tcp://HOST:PORT accepts)
  --target URL               base URL the traffic goes to
  --request "METHOD /path [BODY]"
                             a request of the mix (repeatable; default "GET /"); a JSON BODY is sent as JSON
  --hop FROM>TO[:child]      an edge to judge (repeatable; default: inferred); :child refuses span links
Traffic and gate (also override a scenario file):
  --requests N               how many requests (default 100)
  --concurrency C            requests in flight at once (default 8)
  --rate R                   requests started per second (default: no limit)
  --no-propagate             send no trace context; the service must start the trace
  --min-root-coverage X      least share of requests with an entry span (default 0.95)
  --min-hop-continuity X     least share of unbroken hops (default 0.99)
  --min-log-correlation X    least share of correlated logs (default 0.99)
  --quiet-ms MS              no span for this long: the traces are complete (default 300)
  --timeout-ms MS            hard deadline after the traffic (default 10000)
  --seed N                   replay the same trace ids and mix
  --otlp-port P              port of the OTLP receiver (default 0: a free one)
Reports:
  --report-json PATH         write the JSON report (Report v1)
  --report-junit PATH        write JUnit XML (a suite per check, a case per route, edge, operation, service)
  --report-markdown PATH     write Markdown for a PR comment or $GITHUB_STEP_SUMMARY (under 1 MiB)
  --report-html PATH         write one self-contained HTML page
  --redact-key KEY           also hide attributes whose key contains KEY (repeatable); authorization, cookie,
                             token, password, secret, api-key … are always hidden
  --help                     show this help
`;

/** `tracegate run`: runs a scenario (file or flags), prints the summary, writes reports; resolves to the exit code. */
export async function run(argv: readonly string[], io: CliIo, stop: AbortSignal): Promise<ExitCode> {
  const args = parseRunArgs(argv);
  if (args.booleans.has('help')) {
    io.stdout.write(RUN_HELP);
    return ExitCode.Pass;
  }
  const base = args.file === undefined ? undefined : await loadScenario(args.file);
  const scenario = validateScenario(scenarioFromFlags(args, base), RUN_COMMAND);
  const otlpPortFlag = args.strings.get('otlp-port')?.at(-1);
  const otlpPort = otlpPortFlag === undefined ? 0 : integerFlag(RUN_COMMAND, 'otlp-port', otlpPortFlag, 0, 65535);
  const redactKeys = redactKeysFlag(RUN_COMMAND, args.strings.get('redact-key'));
  const judged = await runScenario(scenario, {
    otlpPort,
    progress: io.stderr,
    env: io.env,
    signal: stop,
    tracegateVersion: tracegateVersion(),
  });
  // Redacted once, before any rendering: the console and every report file show the same, redacted value.
  const report = redactReport(judged, { keys: [...(scenario.reports?.redactKeys ?? []), ...redactKeys] });
  io.stdout.write(renderConsoleReport(report, { color: useColor(io) }));
  try {
    await writeReports(report, scenario.reports, (line) => io.stderr.write(`${RUN_COMMAND}: ${line}\n`));
  } catch (error) {
    io.stderr.write(`${RUN_COMMAND}: could not write ${(error as Error).message}\n`);
    return ExitCode.Error;
  }
  return report.exitCode;
}
