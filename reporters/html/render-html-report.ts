import type { Report } from '../../harness/report/report.js';
import { pageData } from './_internals/page-data.js';
import { pageDocument } from './_internals/page-document.js';

/**
 * The report as one self-contained HTML page (`--report-html`): verdict and reasons, checks, the continuity
 * matrix, coverage per route and waterfalls of the example traces. No network, a strict Content-Security-Policy,
 * and service text shown only as text; sizes are capped so any report opens quickly (docs/html-report.md).
 */
export function renderHtmlReport(report: Report): string {
  const data = pageData(report);
  return pageDocument(data, `tracegate ${report.verdict}: ${String(data.summary.scenario)}`);
}
