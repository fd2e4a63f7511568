import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { Report } from '../../harness/report/report.js';
import type { ScenarioReports } from '../../harness/run/scenario.js';
import { renderJsonReport } from '../../reporters/json/render-json-report.js';

/** Writes the reports tracegate can render (JSON, for now); returns the paths written. */
export async function writeReports(report: Report, reports: ScenarioReports | undefined): Promise<string[]> {
  const written: string[] = [];
  if (reports?.json !== undefined) {
    const path = resolve(reports.json);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, renderJsonReport(report));
    written.push(reports.json);
  }
  return written;
}
