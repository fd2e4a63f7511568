import { InvalidReportError } from '../errors.js';
import { check, describeValue } from './_internals/shape.js';
import { report } from './_internals/report-shape.js';
import type { Report } from './report.js';
import { REPORT_SCHEMA_VERSION } from './report.js';

const API = 'tracegate.parseReport()';
const PROBLEMS_IN_MESSAGE = 5;

function invalid(problems: readonly string[]): InvalidReportError {
  const shown = problems.slice(0, PROBLEMS_IN_MESSAGE).join('; ');
  const more = problems.length > PROBLEMS_IN_MESSAGE ? `; and ${problems.length - PROBLEMS_IN_MESSAGE} more` : '';
  return new InvalidReportError(`${API}: not a valid report: ${shown}${more}`, problems);
}

/**
 * Reads a saved JSON report (what renderJsonReport wrote) and checks every field against Report version 1.
 * Throws InvalidReportError naming each field that is missing or wrong, and what it should be.
 */
export function parseReport(text: string): Report {
  if (typeof text !== 'string') throw new InvalidReportError(`${API}: text must be a string`, []);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const problem = `not JSON: ${(error as Error).message}`;
    throw new InvalidReportError(`${API}: ${problem}`, [problem]);
  }
  if (!report.fits(value)) throw invalid([`(report): expected an object, got ${describeValue(value)}`]);
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  // Another version's fields mean other things: say so once instead of listing every difference.
  if (typeof version === 'number' && version !== REPORT_SCHEMA_VERSION) {
    throw invalid([
      `schemaVersion: expected ${REPORT_SCHEMA_VERSION}, got ${version}; this tracegate reads version ${REPORT_SCHEMA_VERSION} reports`,
    ]);
  }
  const problems: string[] = [];
  check(report, value, '', problems);
  if (problems.length > 0) throw invalid(problems);
  return value as Report;
}
