import { InvalidArgumentError } from '../errors.js';
import type { ReportError } from '../report/report.js';
import type { ReportCheck } from '../report/report-checks.js';
import { checkReasons } from './_internals/check-reasons.js';
import { formatShare } from './_internals/format-share.js';
import type { HarnessHealth } from './_internals/harness-loss.js';
import { harnessLossReasons } from './_internals/harness-loss.js';
import type { Thresholds } from './thresholds.js';
import type { Verdict, VerdictExitCode } from './verdict.js';
import { exitCodeFor } from './verdict.js';

export type { HarnessHealth } from './_internals/harness-loss.js';

/** What a verdict is decided from; a whole Report fits. */
export interface VerdictInput {
  readonly checks: readonly ReportCheck[];
  readonly harness: HarnessHealth;
  readonly thresholds: Thresholds;
  /** Set when the run could not be made; the verdict is then ERROR whatever else happened. */
  readonly error?: ReportError | null;
}

export interface VerdictDecision {
  readonly verdict: Verdict;
  readonly exitCode: VerdictExitCode;
  /** Sentences a person reads, most important first. */
  readonly reasons: readonly string[];
}

const API = 'tracegate.decideVerdict()';
const HEALTH_KEYS = ['spansRejected', 'logsRejected', 'exportsRefused', 'findingsDropped', 'tracesNotQuiet'] as const;

/** Array.isArray without its narrowing, which turns readonly arrays of a known type into any[]. */
function isList(value: unknown): boolean {
  return Array.isArray(value);
}

function decision(verdict: Verdict, reasons: readonly string[]): VerdictDecision {
  return { verdict, exitCode: exitCodeFor(verdict), reasons };
}

/** "root-coverage 0.998 ≥ 0.95 (n=1000)" for a passing rate check, "error-recording passed (n=12)" otherwise. */
function passReason(check: ReportCheck): string {
  if (check.status === 'skip') return `${check.id} skipped${check.note === null ? '' : `: ${check.note}`}`;
  if (check.value === null || check.threshold === null) return `${check.id} passed (n=${check.n})`;
  return `${check.id} ${formatShare(check.value, check.threshold)} ≥ ${check.threshold} (n=${check.n})`;
}

/**
 * Decides PASS, FAIL, INCONCLUSIVE or ERROR, in this order of precedence: a run error is ERROR; any data the
 * harness lost makes the run INCONCLUSIVE even when checks failed (lost spans can hide a failure as easily as
 * cause one, and the loss is the harness's, not the service's); then any failing check is FAIL; then any
 * inconclusive check, or no judged check at all, is INCONCLUSIVE; otherwise PASS.
 */
export function decideVerdict(input: VerdictInput): VerdictDecision {
  const checks = input.checks;
  if (!isList(checks)) throw new InvalidArgumentError(`${API}: checks must be an array`);
  for (const key of HEALTH_KEYS) {
    const count = input.harness[key];
    if (!Number.isSafeInteger(count) || count < 0) {
      throw new InvalidArgumentError(`${API}: harness.${key} must be a non-negative integer, got ${String(count)}`);
    }
  }
  if (input.error !== undefined && input.error !== null) {
    return decision('ERROR', [`${input.error.message} (${input.error.code})`]);
  }
  const failing: string[] = [];
  const inconclusive: string[] = [];
  for (const check of checks) {
    const reasons = checkReasons(check, input.thresholds);
    failing.push(...reasons.failing);
    inconclusive.push(...reasons.inconclusive);
  }
  const loss = harnessLossReasons(input.harness);
  if (loss.length > 0) return decision('INCONCLUSIVE', [...loss, ...failing, ...inconclusive]);
  if (checks.some((check) => check.status === 'fail')) return decision('FAIL', [...failing, ...inconclusive]);
  if (checks.some((check) => check.status === 'inconclusive')) return decision('INCONCLUSIVE', inconclusive);
  if (checks.every((check) => check.status === 'skip')) {
    return decision('INCONCLUSIVE', ['no check had anything to judge', ...checks.map(passReason)]);
  }
  return decision('PASS', checks.map(passReason));
}
