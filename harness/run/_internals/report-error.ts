import { ServiceStartError } from '../../errors.js';
import type { ReportError } from '../../report/report.js';

/** The report's `error` for a service that would not start: its code, message, name and last lines. */
export function serviceStartReportError(error: ServiceStartError): ReportError {
  return { code: error.code, message: error.message, service: error.service, output: [...error.lastLines] };
}

export { ServiceStartError };
