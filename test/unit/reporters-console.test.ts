import { describe, expect, it } from '@jest/globals';
import type { Report } from '../../harness/report/report.js';
import type { ReportCheck } from '../../harness/report/report-checks.js';
import { failureExamples } from '../../reporters/console/failure-examples.js';
import { renderConsoleReport } from '../../reporters/console/render-console-report.js';
import { useColor } from '../../reporters/console/use-color.js';
import { UPSTREAM_TRACE, exampleReport } from './report-example.js';

function withCheck(report: Report, replace: (check: ReportCheck) => ReportCheck): Report {
  return { ...report, checks: report.checks.map(replace) };
}

describe('renderConsoleReport', () => {
  it('draws the failing hop as a tree with durations and status, the broken hop marked (no colour)', () => {
    const text = renderConsoleReport(exampleReport());
    expect(text).not.toContain('\u001b[');
    expect(text).toMatchSnapshot();
    expect(text).toContain(
      '✗ broken hop api>worker: consumer "orders process" (worker) started a new trace 5cf92f3577b34da6a3ce929d0e0e4737 (tied to this hop by messageId)',
    );
  });

  it('paints verdict, statuses and the failure on a terminal', () => {
    const text = renderConsoleReport(exampleReport(), { color: true });
    expect(text).toContain('\u001b[31m✗ broken hop api>worker');
    expect(text).toContain('tracegate: \u001b[1m\u001b[31mFAIL\u001b[39m\u001b[22m ·');
    expect(text).toMatchSnapshot();
    // The same text once the colour codes are taken out: colour never changes content or column widths.
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/\u001b\[\d+m/g, '')).toBe(renderConsoleReport(exampleReport()));
  });

  it('prints nothing after the summary when no check fails', () => {
    const report = withCheck(exampleReport(), (check) => ({ ...check, status: 'pass' }));
    expect(failureExamples(report)).toEqual([]);
    expect(renderConsoleReport(report)).not.toContain('✗');
  });

  it('marks an unrecorded error on its span and a leaked log under its trace', () => {
    const report = withCheck(exampleReport(), (check) => {
      if (check.id === 'error-recording') {
        const row = {
          ...check.operations[0]!,
          status: 'fail' as const,
          examples: [{ traceId: UPSTREAM_TRACE, spanId: 'aaaaaaaaaaaaaaa1', problem: 'no-exception-event' as const }],
        };
        return { ...check, status: 'fail', operations: [row] };
      }
      if (check.id === 'log-correlation') {
        const example = {
          traceId: UPSTREAM_TRACE,
          problem: 'leaked' as const,
          loggedTraceId: 'f'.repeat(32),
          excerpt: 'charging order 42',
        };
        return {
          ...check,
          status: 'fail',
          services: [{ ...check.services[0]!, status: 'fail' as const, leaked: 1, examples: [example] }],
        };
      }
      return check;
    });
    const examples = failureExamples(report);
    expect(examples.map((example) => `${example.checkId} ${example.where}`)).toEqual([
      'hop-continuity api>worker',
      'error-recording api: POST /api/checkout',
      'log-correlation worker',
    ]);
    const text = renderConsoleReport(report);
    expect(text).toMatch(
      /server "POST \/api\/checkout" \(api, \+0 ms, 100 ms, unset\)\n\s+│\s+✗ ERROR without an exception event/,
    );
    expect(text).toContain(
      `✗ log of worker "charging order 42" carries trace id ${'f'.repeat(32)} of another request (leaked)`,
    );
  });

  it('keeps control characters from services off the terminal', () => {
    const base = exampleReport();
    const report: Report = {
      ...base,
      scenario: 'evil\u001b[2J',
      traces: base.traces.map((trace) => ({
        ...trace,
        spans: trace.spans.map((span) => ({ ...span, name: `${span.name}\u001b]0;owned\u0007\u009b` })),
      })),
    };
    const text = renderConsoleReport(report, { color: true });
    expect(text).toContain('scenario evil\\u001b[2J');
    expect(text).toContain('\\u001b]0;owned\\u0007\\u009b');
    // eslint-disable-next-line no-control-regex
    expect(text.replace(/\u001b\[\d+m/g, '')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});

describe('useColor', () => {
  it('colours a terminal unless NO_COLOR or CI is set; FORCE_COLOR forces it', () => {
    expect(useColor({ isTTY: true, env: {} })).toBe(true);
    expect(useColor({ isTTY: false, env: {} })).toBe(false);
    expect(useColor({ isTTY: true, env: { NO_COLOR: '1' } })).toBe(false);
    expect(useColor({ isTTY: true, env: { NO_COLOR: '' } })).toBe(true);
    expect(useColor({ isTTY: true, env: { CI: 'true' } })).toBe(false);
    expect(useColor({ isTTY: false, env: { CI: 'true', FORCE_COLOR: '1' } })).toBe(true);
    expect(useColor({ isTTY: true, env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).toBe(false);
  });
});
