import type { Finding } from '../model/finding.js';
import type { CheckId, ReportCheck } from '../report/report-checks.js';
import { CHECK_IDS } from '../report/report-checks.js';
import { InvalidArgumentError } from '../errors.js';
import type { CheckInput } from './check-input.js';
import type { CheckOptions } from './check-options.js';
import { CHECK_REGISTRY } from './check-registry.js';
import { checkContext } from './_internals/check-context.js';

export interface RunChecksOptions extends CheckOptions {
  /** Checks to run, in report order. Default all five. */
  readonly only?: readonly CheckId[];
}

/** The report's `checks` and the findings they made. */
export interface ChecksOutcome {
  readonly checks: readonly ReportCheck[];
  readonly findings: readonly Finding[];
}

/** Runs the checks over one shared index of the forest (one pass over the spans for all of them). */
export function runChecks(input: CheckInput, options: RunChecksOptions = {}): ChecksOutcome {
  const only = options.only ?? CHECK_IDS;
  const unknown = only.find((id) => !CHECK_IDS.includes(id));
  if (unknown !== undefined) {
    throw new InvalidArgumentError(
      `tracegate.runChecks(): unknown check ${JSON.stringify(unknown)}; the checks are ${CHECK_IDS.join(', ')}`,
    );
  }
  const context = checkContext(input, options);
  const checks: ReportCheck[] = [];
  const findings: Finding[] = [];
  for (const id of CHECK_IDS) {
    if (!only.includes(id)) continue;
    const result = CHECK_REGISTRY[id](context);
    checks.push(result.section);
    findings.push(...result.findings);
  }
  return { checks, findings };
}
