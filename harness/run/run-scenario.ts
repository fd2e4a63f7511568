import '../dispose.js';
import { randomBytes, randomInt } from 'node:crypto';
import { runChecks } from '../checks/run-checks.js';
import { checkInputFromStore } from '../checks/check-input-from-store.js';
import type { ChecksOutcome } from '../checks/run-checks.js';
import { systemClock } from '../clock.js';
import { startReceiver } from '../collect/otlp/receiver.js';
import type { Receiver } from '../collect/otlp/receiver.js';
import { DEFAULT_QUIET_PERIOD_MS, DEFAULT_TIMEOUT_MS } from '../forest/completion/completion-options.js';
import type { Finding } from '../model/finding.js';
import type { Report, ReportError } from '../report/report.js';
import type { TrafficResult } from '../traffic/request-record.js';
import { resolveThresholds } from '../verdict/thresholds.js';
import type { RunScenarioOptions } from './run-options.js';
import { DEFAULT_MAX_EXAMPLE_TRACES } from './run-options.js';
import type { Scenario } from './scenario.js';
import { startServices } from './services/start-services.js';
import type { RunningServices } from './services/start-services.js';
import { validateScenario } from './validate-scenario.js';
import { awaitCompletion } from './_internals/await-completion.js';
import type { CompletionOutcome } from './_internals/await-completion.js';
import { buildReport } from './_internals/build-report.js';
import { driveWithProgress } from './_internals/drive-with-progress.js';
import { exampleTraces } from './_internals/example-traces.js';
import { expectationFindings } from './_internals/expectation-findings.js';
import { reportHarness } from './_internals/report-harness.js';
import { ServiceStartError, serviceStartReportError } from './_internals/report-error.js';
import { reportTraffic } from './_internals/report-traffic.js';
import { logCaptureFindings } from './_internals/log-capture-findings.js';
import { completionFindings } from './_internals/run-findings.js';
import { tracegateVersion } from '../version.js';

const API = 'tracegate.runScenario()';
const NOT_RUN: CompletionOutcome = { deadlineReached: false, tracesNotQuiet: 0, otherTracesBusy: false };
const NO_CHECKS: ChecksOutcome = { checks: [], findings: [] };

/**
 * Runs a scenario end to end: receiver, services, traffic, the wait for complete traces, the checks and the
 * verdict; returns Report v1. A service that will not start is an ERROR report (with its last lines), not an
 * exception; an invalid scenario throws InvalidArgumentError. Services are stopped and an own receiver is closed
 * whatever happens.
 */
export async function runScenario(scenario: Scenario, options: RunScenarioOptions = {}): Promise<Report> {
  const valid = validateScenario(scenario, API);
  const thresholds = resolveThresholds(valid.thresholds ?? {});
  const clock = options.clock ?? systemClock;
  const env = options.env ?? process.env;
  const startedAtUnixMs = Date.now();
  const startMs = clock.now();
  // Resolved here, not by the driver, so that even a run that never sends a request reports them.
  const seed = valid.seed ?? randomInt(0, 2 ** 48 - 1);
  const runId = options.runId ?? randomBytes(8).toString('hex');
  const quietMs = valid.completion?.quietMs ?? DEFAULT_QUIET_PERIOD_MS;
  const timeoutMs = valid.completion?.timeoutMs ?? DEFAULT_TIMEOUT_MS;

  const receiver: Receiver = options.receiver ?? (await startReceiver({ port: options.otlpPort ?? 0 }));
  const store = receiver.store;
  const start = { counters: store.counters(), stats: receiver.stats() };
  // A shared receiver's store may hold findings of earlier runs: this report carries only its own.
  const findingsBefore = store.findings().length;
  let lastSpanMs: number | undefined;
  let spansSeen = start.counters.spansReceived;
  const unsubscribe = store.subscribe(() => {
    const spans = store.counters().spansReceived;
    if (spans !== spansSeen) [spansSeen, lastSpanMs] = [spans, clock.now()];
  });
  let services: RunningServices | undefined;
  let error: ReportError | null = null;
  let traffic: TrafficResult | undefined;
  let completion = NOT_RUN;
  let outcome = NO_CHECKS;
  let expectations: Finding[] = [];
  try {
    try {
      services = await startServices(valid.services ?? [], {
        store,
        otlpEndpoint: receiver.url,
        clock,
        inheritEnv: env,
      });
    } catch (startError) {
      if (!(startError instanceof ServiceStartError)) throw startError;
      error = serviceStartReportError(startError);
    }
    if (error === null) {
      const progress = options.progress ?? process.stderr;
      const { signal } = options;
      traffic = await driveWithProgress(valid, { seed, runId, store, clock, progress, env, signal, quietMs });
      const traceIds = traffic.records.flatMap((record) => (record.traceId === undefined ? [] : [record.traceId]));
      completion = await awaitCompletion(store, traceIds, { quietMs, timeoutMs, clock, signal });
      // Everything stored now is judged; what arrives later is counted as late.
      store.markJudged(store.traceIds());
      const input = checkInputFromStore(store, traffic.records, thresholds);
      outcome = runChecks(input, { ...valid.checks, ...(valid.hops === undefined ? {} : { edges: valid.hops }) });
      // Expected trees are evidence, not a gate: each fault already fails its own check (docs/scenarios.md).
      if (valid.expect !== undefined) expectations = expectationFindings(valid.expect, traffic.records, input.forest);
    }
    const verdictMs = clock.now();
    const examples = exampleTraces(store, outcome.checks, options.maxExampleTraces ?? DEFAULT_MAX_EXAMPLE_TRACES);
    const end = { counters: store.counters(), stats: receiver.stats() };
    return buildReport({
      tracegateVersion: options.tracegateVersion ?? tracegateVersion(),
      scenario: valid.name,
      runId,
      seed,
      startedAtUnixMs,
      durationMs: verdictMs - startMs,
      thresholds,
      traffic: reportTraffic(traffic, valid.traffic.propagate ?? true),
      checks: outcome.checks,
      findings: [
        ...completionFindings(completion, timeoutMs),
        ...store.findings().slice(findingsBefore),
        ...logCaptureFindings(
          services?.services.map((service) => ({ name: service.name, ...service.logStats() })) ?? [],
        ),
        ...outcome.findings,
        ...expectations,
      ],
      harness: reportHarness(
        { start, end },
        completion,
        lastSpanMs === undefined ? null : Math.round(verdictMs - lastSpanMs),
      ),
      traces: examples.traces,
      tracesOmitted: examples.omitted,
      error,
    });
  } finally {
    unsubscribe();
    await services?.stop();
    if (options.receiver === undefined) await receiver.close();
  }
}
