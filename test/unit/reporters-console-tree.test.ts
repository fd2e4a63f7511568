import { describe, expect, it } from '@jest/globals';
import type { ReportSpan, ReportTrace } from '../../harness/report/report-trace.js';
import { traceTree } from '../../reporters/console/_internals/trace-tree.js';

function span(spanId: string, parentSpanId: string, name: string, startOffsetNs: number): ReportSpan {
  return {
    spanId,
    parentSpanId,
    name,
    kind: 'server',
    service: 'api',
    startOffsetNs,
    durationNs: 1_000_000,
    status: 'unset',
    statusMessage: '',
    attributes: {},
    events: [],
    links: [],
  };
}

function text(trace: ReportTrace): string[] {
  return traceTree(trace, []).map((line) => line.map((segment) => segment.text).join(''));
}

describe('traceTree', () => {
  it("does not call the first root an orphan: its parent is the caller's span, which never arrives", () => {
    const trace: ReportTrace = {
      traceId: '4bf92f3577b34da6a3ce929d0e0e4736',
      startTimeUnixNano: '1700000000000000000',
      spans: [
        span('00f067aa0ba902b7', 'aaaaaaaaaaaaaaaa', 'POST /api/checkout', 0),
        span('00f067aa0ba902b8', '00f067aa0ba902b7', 'INSERT orders', 100),
        span('00f067aa0ba902b9', 'bbbbbbbbbbbbbbbb', 'payment.requested process', 200),
      ],
      logs: [],
      omittedSpans: 0,
      omittedLogs: 0,
    };
    const lines = text(trace);
    expect(lines[0]).not.toContain('not in the trace');
    expect(lines[2]).toContain('(parent bbbbbbbbbbbbbbbb not in the trace)');
  });
});
