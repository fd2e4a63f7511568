import { describe, expect, it } from '@jest/globals';
import type { Report } from '../../harness/report/report.js';
import { renderSummary } from '../../reporters/console/summary.js';
import { exampleReport } from './report-example.js';

describe('renderSummary', () => {
  it('shows the verdict, a line per check, the worst broken hop and why, exactly', () => {
    expect(renderSummary(exampleReport())).toMatchSnapshot();
  });

  it('leads an ERROR with the error message and its last lines, and gives no reasons twice', () => {
    const report: Report = {
      ...exampleReport(),
      verdict: 'ERROR',
      exitCode: 3,
      checks: [],
      error: {
        code: 'TRACEGATE_ERR_SERVICE_START',
        message: 'service "api" exited with code 1 before it was ready\nLast 1 line it printed:\n  | boom',
        service: 'api',
        output: ['boom'],
      },
    };
    const text = renderSummary(report);
    expect(text.split('\n').slice(1, 4)).toEqual([
      '  service "api" exited with code 1 before it was ready',
      '  Last 1 line it printed:',
      '    | boom',
    ]);
    expect(text).not.toContain('why:');
  });

  it('names no broken hop on a run without one', () => {
    const base = exampleReport();
    const report: Report = { ...base, checks: base.checks.filter((check) => check.id !== 'hop-continuity') };
    expect(renderSummary(report)).not.toContain('worst broken hop');
  });
});
