import { describe, expect, it } from '@jest/globals';
import { assembleForest } from '../../harness/forest/assemble-forest.js';
import { errorRecording } from '../../harness/checks/index.js';
import { exceptionEvent, idsOf, inputOf, recordOf, span, spansOf, traceHex, spanHex } from './checks-support.js';

describe('error-recording', () => {
  it('passes when every 5xx request has an ERROR entry span with a complete exception event', () => {
    const plans = [{}, { status: 500, apiError: 'recorded' as const }, { status: 503, apiError: 'recorded' as const }];
    const { section, findings } = errorRecording(inputOf(plans));
    expect(section).toMatchObject({ status: 'pass', n: 2, recorded: 2, value: 1, threshold: 1, examples: [] });
    expect(section.operations).toEqual([
      expect.objectContaining({ service: 'api', operation: 'POST /orders', n: 2, recorded: 2, status: 'pass' }),
    ]);
    expect(findings).toEqual([]);
  });

  it('fails an error path without an exception event, and one without ERROR status', () => {
    const plans = [
      { status: 500, apiError: 'no-event' as const },
      { status: 500, apiError: 'no-status' as const },
      { status: 500, entry: false, hop: 'no-hop' as const },
    ];
    const { section } = errorRecording(inputOf(plans));
    // The third request's entry span never arrived: root-coverage counts it, error-recording has nothing to judge.
    expect(section).toMatchObject({ status: 'fail', n: 2, recorded: 0 });
    expect(section.operations.map((row) => row.service)).toEqual(['api']);
    const api = section.operations.find((row) => row.service === 'api')!;
    expect(api).toMatchObject({ withoutErrorStatus: 1, withoutExceptionEvent: 1, status: 'fail' });
    expect(api.examples).toEqual([
      { traceId: idsOf(0).traceId, spanId: idsOf(0).server, problem: 'no-exception-event' },
      { traceId: idsOf(1).traceId, spanId: idsOf(1).server, problem: 'no-error-status' },
    ]);
  });

  it('judges failing spans too, incomplete exception events included, and declared failures', () => {
    const traceId = traceHex(9);
    const incomplete = { ...exceptionEvent(0), attributes: { 'exception.type': 'Error', 'exception.message': 'x' } };
    const forest = assembleForest([
      ...spansOf(0),
      span({
        traceId,
        spanId: spanHex(1, 1),
        name: 'charge',
        kind: 'internal',
        service: 'worker',
        startMs: 0,
        error: true,
        events: [incomplete],
      }),
      // A client span failed by its response: the server records the exception, not the client.
      span({
        traceId,
        spanId: spanHex(2, 1),
        name: 'GET',
        kind: 'client',
        service: 'worker',
        startMs: 0,
        error: true,
        attributes: { 'http.response.status_code': 502 },
      }),
    ]);
    const { section } = errorRecording(
      { records: [recordOf(0, { status: 200 })], forest },
      { isFailure: (record) => record.seq === 1 },
    );
    expect(section.operations.map((row) => [row.service, row.operation, row.n, row.recorded])).toEqual([
      ['api', 'POST /orders', 1, 0],
      ['worker', 'charge', 1, 0],
    ]);
  });

  it('reports a 4xx server span marked ERROR as a finding, not a failure, and skips with nothing failing', () => {
    const { traceId, server, injected } = idsOf(0);
    const forest = assembleForest([
      span({
        traceId,
        spanId: server,
        parentSpanId: injected,
        name: 'GET /x',
        kind: 'server',
        service: 'api',
        startMs: 0,
        error: true,
        attributes: { 'http.response.status_code': 404 },
      }),
    ]);
    const { section, findings } = errorRecording({ records: [recordOf(0, { status: 404 })], forest });
    expect(section).toMatchObject({
      status: 'skip',
      n: 0,
      value: null,
      interval: null,
      note: 'no request or span failed',
    });
    expect(findings).toEqual([
      expect.objectContaining({ level: 'warn', code: 'span.client-error-marked-error', traceId, spanId: server }),
    ]);
  });
});
