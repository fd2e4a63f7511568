import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from '../../harness/errors.js';
import { RpcCode, encodeErrorStatus, encodeExportResponse } from '../../harness/collect/otlp/responses.js';
import { RpcStatus, exportResponseTypes } from '../support/otlp-proto.js';

const COUNT_FIELDS = { traces: 'rejectedSpans', logs: 'rejectedLogRecords', metrics: 'rejectedDataPoints' } as const;

function decodeResponse(signal: keyof typeof COUNT_FIELDS, body: Buffer): Record<string, unknown> {
  const type = exportResponseTypes[signal];
  return type.toObject(type.decode(body), { longs: Number });
}

describe('encodeExportResponse', () => {
  it.each(['traces', 'logs', 'metrics'] as const)('answers %s without rejections with an empty message', (signal) => {
    expect(encodeExportResponse(signal, 0, '', 'json').toString()).toBe('{}');
    expect(encodeExportResponse(signal, 0, '', 'protobuf')).toHaveLength(0);
  });

  it.each(['traces', 'logs', 'metrics'] as const)('reports rejected %s as partial success in JSON', (signal) => {
    const body = JSON.parse(encodeExportResponse(signal, 3, 'traceId is all zeros', 'json').toString()) as unknown;
    expect(body).toEqual({ partialSuccess: { [COUNT_FIELDS[signal]]: '3', errorMessage: 'traceId is all zeros' } });
  });

  it.each(['traces', 'logs', 'metrics'] as const)(
    'reports rejected %s as partial success that protobufjs decodes',
    (signal) => {
      const body = encodeExportResponse(
        signal,
        300,
        'spans[1]: traceId "0000" has 4 hex characters — rejected',
        'protobuf',
      );
      expect(decodeResponse(signal, body)).toEqual({
        partialSuccess: {
          [COUNT_FIELDS[signal]]: 300,
          errorMessage: 'spans[1]: traceId "0000" has 4 hex characters — rejected',
        },
      });
    },
  );

  it('carries a warning message even when nothing was rejected', () => {
    expect(JSON.parse(encodeExportResponse('logs', 0, 'slow down', 'json').toString())).toEqual({
      partialSuccess: { errorMessage: 'slow down' },
    });
    expect(decodeResponse('logs', encodeExportResponse('logs', 0, 'slow down', 'protobuf'))).toEqual({
      partialSuccess: { errorMessage: 'slow down' },
    });
  });

  it('encodes counts beyond 32 bits', () => {
    const body = encodeExportResponse('traces', 2 ** 40 + 5, '', 'protobuf');
    expect(decodeResponse('traces', body)).toEqual({ partialSuccess: { rejectedSpans: 2 ** 40 + 5 } });
  });

  it.each([[-1], [1.5], [Number.NaN]])('refuses a rejected count of %d', (count) => {
    expect(() => encodeExportResponse('traces', count, '', 'json')).toThrow(InvalidArgumentError);
  });
});

describe('encodeErrorStatus', () => {
  it('writes a google.rpc.Status with INVALID_ARGUMENT by default', () => {
    const message = 'OTLP/protobuf: truncated length-delimited field 2 at byte 812 of 1024';
    expect(JSON.parse(encodeErrorStatus(message, 'json').toString())).toEqual({ code: 3, message });
    const decoded = RpcStatus.toObject(RpcStatus.decode(encodeErrorStatus(message, 'protobuf')));
    expect(decoded).toEqual({ code: 3, message });
  });

  it('writes the code it is given', () => {
    const decoded = RpcStatus.toObject(RpcStatus.decode(encodeErrorStatus('busy', 'protobuf', RpcCode.Unavailable)));
    expect(decoded).toEqual({ code: 14, message: 'busy' });
    expect(JSON.parse(encodeErrorStatus('busy', 'json', RpcCode.ResourceExhausted).toString())).toEqual({
      code: 8,
      message: 'busy',
    });
  });
});
