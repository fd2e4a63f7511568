import type { CheckId, ReportCheck } from '../report/report-checks.js';
import type { CheckResult } from './check-input.js';
import { errorRecordingOf } from './error-recording.js';
import { hopContinuityOf } from './hop-continuity.js';
import { hygieneOf } from './hygiene.js';
import { logCorrelationOf } from './log-correlation.js';
import { rootCoverageOf } from './root-coverage.js';
import type { CheckContext } from './_internals/check-context.js';

/** Every check by id, in report order; each reads the shared context and returns its section. */
export const CHECK_REGISTRY: Readonly<Record<CheckId, (context: CheckContext) => CheckResult<ReportCheck>>> =
  Object.freeze({
    'root-coverage': rootCoverageOf,
    'hop-continuity': hopContinuityOf,
    'error-recording': errorRecordingOf,
    'log-correlation': logCorrelationOf,
    hygiene: hygieneOf,
  });
