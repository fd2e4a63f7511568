// Runs checkout matrix cases: free ports, distinct run ids, dependencies from the environment or containers.
import { randomBytes } from 'node:crypto';
import { startDependency } from '../../harness/infra/index.js';
import type { Dependency as StartedDependency } from '../../harness/infra/index.js';
import type { Report } from '../../harness/report/report.js';
import type { ReportCheck } from '../../harness/report/report-checks.js';
import { runScenario } from '../../harness/run/run-scenario.js';
import { checkoutScenario } from '../../scenarios/checkout/checkout-scenario.js';
import type { Dependency, MatrixCase } from './checkout-cases.js';
import { freePorts } from '../support/free-ports.js';
import { MATRIX_REQUESTS, MATRIX_SEED } from './checkout-cases.js';

const started = new Map<Dependency, Promise<StartedDependency>>();

/** The dependency's URL: from the environment, else one container per kind shared by the file's cases. */
function dependencyUrl(kind: Dependency): Promise<string> {
  let dependency = started.get(kind);
  if (dependency === undefined) started.set(kind, (dependency = startDependency(kind)));
  return dependency.then((found) => found.url);
}

/** Stops the containers the cases started (nothing for URLs from the environment). */
export async function stopDependencies(): Promise<void> {
  const all = [...started.values()];
  started.clear();
  await Promise.allSettled(all.map(async (dependency) => (await dependency).stop()));
}

/** Runs one matrix case through runScenario, the code path of `tracegate run`, and returns its report. */
export async function runCase(matrixCase: MatrixCase, requests = MATRIX_REQUESTS): Promise<Report> {
  const [apiPort, billingPort] = (await freePorts(2)) as [number, number];
  const broker = matrixCase.broker === undefined ? undefined : await dependencyUrl(matrixCase.broker);
  const databaseUrl = matrixCase.database === true ? await dependencyUrl('postgres') : undefined;
  const runId = `e2e_${randomBytes(6).toString('hex')}`;
  const scenario = checkoutScenario({
    apiPort,
    billingPort,
    faults: matrixCase.faults,
    seed: MATRIX_SEED,
    runId,
    requests,
    ...(broker === undefined ? {} : { broker }),
    ...(databaseUrl === undefined ? {} : { databaseUrl }),
    ...(matrixCase.rootLoss === undefined ? {} : { rootLoss: matrixCase.rootLoss }),
  });
  const thresholds = { ...scenario.thresholds, ...(matrixCase.failOnHygiene === true ? { failOnHygiene: true } : {}) };
  // runScenario returns the report and writes no file: only the command line writes `reports`.
  return runScenario({ ...scenario, thresholds }, { progress: false, runId });
}

/** Runs `tasks` with at most `limit` at once; each promise settles with its own task. */
export function limited<T>(tasks: readonly (() => Promise<T>)[], limit: number): Promise<T>[] {
  let next = 0;
  const results = tasks.map(() => {
    let settle!: { resolve: (value: T) => void; reject: (error: unknown) => void };
    const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
    return { promise, settle };
  });
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      try {
        results[index]!.settle.resolve(await tasks[index]!());
      } catch (error) {
        results[index]!.settle.reject(error);
      }
    }
  };
  for (let k = 0; k < Math.min(limit, tasks.length); k++) void worker();
  // A case judged later must not be an unhandled rejection meanwhile.
  for (const { promise } of results) promise.catch(() => undefined);
  return results.map(({ promise }) => promise);
}

/** Each check's status by id: the part of a report a failing assertion should show first. */
export function statuses(report: Report): Record<string, ReportCheck['status']> {
  return Object.fromEntries(report.checks.map((check) => [check.id, check.status]));
}

/** What to print when a case comes out wrong: verdict, reasons and findings. */
export function diagnosis(report: Report): string {
  const findings = report.findings.map((finding) => `${finding.level} ${finding.code}: ${finding.message}`);
  return [`${report.verdict}: ${report.reasons.join('; ')}`, ...findings].join('\n');
}
