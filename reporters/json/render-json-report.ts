import { report as reportShape } from '../../harness/report/_internals/report-shape.js';
import type { Report } from '../../harness/report/report.js';
import { canonicalOrder } from './_internals/canonical-order.js';

/**
 * The report as the JSON text `--report-json` writes: keys in the order docs/report.md lists them (the same
 * report always renders to the same bytes), bigints as decimal strings, two-space indent, a final newline.
 */
export function renderJsonReport(report: Report): string {
  return `${JSON.stringify(canonicalOrder(report, reportShape), null, 2)}\n`;
}
