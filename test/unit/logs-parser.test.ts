import { describe, expect, it } from '@jest/globals';
import { LogLineParser, TRUNCATED_ATTRIBUTE } from '../../harness/collect/logs/log-line-parser.js';
import { DEFAULT_TRACE_ID_FIELDS } from '../../harness/collect/logs/log-line-options.js';
import { LineSplitter } from '../../harness/collect/logs/line-splitter.js';

const TRACE = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN = '00f067aa0ba902b7';
const OBSERVED = 1_700_000_000_000_000_000n;
const parser = new LogLineParser({
  service: 'api',
  source: { kind: 'stdout', process: 'api' },
  observedNow: () => OBSERVED,
});
const parse = (line: unknown) => parser.parse(typeof line === 'string' ? line : JSON.stringify(line))!;

describe('LogLineParser logger shapes', () => {
  it('pino: epoch ms `time`, numeric `level`, `msg`; other fields become attributes', () => {
    const { record, structured } = parse({
      level: 30,
      time: 1700000000123,
      pid: 7,
      msg: 'hi',
      trace_id: TRACE,
      span_id: SPAN,
    });
    expect(structured).toBe(true);
    expect(record).toMatchObject({
      timeUnixNano: 1_700_000_000_123_000_000n,
      observedTimeUnixNano: OBSERVED,
      severityNumber: 9,
      severityText: 'info',
      body: 'hi',
      traceId: TRACE,
      spanId: SPAN,
      attributes: { pid: 7 },
      service: 'api',
      source: { kind: 'stdout', process: 'api' },
    });
  });

  it('bunyan: ISO `time` and numeric levels up to fatal', () => {
    const { record } = parse({ name: 'app', level: 60, time: '2023-11-14T22:13:20.123Z', msg: 'down', v: 0 });
    expect(record).toMatchObject({
      timeUnixNano: 1_700_000_000_123_000_000n,
      severityNumber: 21,
      severityText: 'fatal',
    });
    expect(record.attributes).toEqual({ name: 'app', v: 0 });
  });

  it('winston: ISO `timestamp` with microseconds kept, string `level`, `message`', () => {
    const { record } = parse({ level: 'warn', message: 'slow', timestamp: '2023-11-14T22:13:20.123456Z' });
    expect(record).toMatchObject({
      timeUnixNano: 1_700_000_000_123_456_000n,
      severityNumber: 13,
      severityText: 'warn',
      body: 'slow',
    });
  });

  it('generic `severity`/`severityText`/`severityNumber` fields', () => {
    expect(parse({ severity: 'ERROR', message: 'x' }).record).toMatchObject({
      severityNumber: 17,
      severityText: 'ERROR',
    });
    expect(parse({ severityText: 'Debug', severityNumber: 6, body: 'x' }).record).toMatchObject({
      severityNumber: 6,
      severityText: 'Debug',
      body: 'x',
      attributes: {},
    });
  });

  it('a line without time or message gets the observed time and an empty body', () => {
    expect(parse({ a: 1 }).record).toMatchObject({ timeUnixNano: OBSERVED, body: '', severityNumber: 0 });
  });

  it.each([
    ['trace_id/span_id', { trace_id: TRACE, span_id: SPAN }],
    ['traceId/spanId', { traceId: TRACE, spanId: SPAN }],
    ['flat trace.id/span.id', { 'trace.id': TRACE, 'span.id': SPAN }],
    ['nested trace: { id }', { trace: { id: TRACE }, span: { id: SPAN } }],
    ['uppercase hex', { traceId: TRACE.toUpperCase(), spanId: SPAN.toUpperCase() }],
  ])('reads ids from %s, lowercased, and leaves them out of the attributes', (_shape, ids) => {
    const { record, idProblems } = parse({ msg: 'm', ...ids });
    expect(record).toMatchObject({ traceId: TRACE, spanId: SPAN, attributes: {} });
    expect(idProblems).toEqual([]);
  });

  it('keeps the rest of a nested object whose id was taken', () => {
    const { record } = parse({ msg: 'm', trace: { id: TRACE, sampled: true }, trace_flags: '01' });
    expect(record).toMatchObject({ traceId: TRACE, traceFlags: 1, attributes: { trace: { sampled: true } } });
  });

  it('reads configured id fields instead of the defaults', () => {
    const custom = new LogLineParser({
      service: 'api',
      source: { kind: 'file', path: '/var/log/api.log' },
      traceIdFields: [...DEFAULT_TRACE_ID_FIELDS, 'otel.trace'],
      spanIdFields: ['otel.span'],
    });
    const { record } = custom.parse(JSON.stringify({ otel: { trace: TRACE, span: SPAN } }))!;
    expect(record).toMatchObject({ traceId: TRACE, spanId: SPAN, source: { kind: 'file', path: '/var/log/api.log' } });
  });

  it.each([
    [{ trace_id: TRACE.slice(1) }, 'trace_id', 'wrong-length'],
    [{ trace_id: 'z'.repeat(32) }, 'trace_id', 'not-hex'],
    [{ trace_id: '0'.repeat(32) }, 'trace_id', 'all-zeros'],
    [{ span_id: 12345 }, 'span_id', 'not-a-string'],
  ])('an invalid id %j is kept as an attribute, not as an id, with its reason', (ids, field, reason) => {
    const { record, idProblems } = parse({ msg: 'm', ...ids });
    expect(record.traceId).toBe('');
    expect(record.spanId).toBe('');
    expect(record.attributes).toEqual(ids);
    expect(idProblems).toEqual([{ field, reason }]);
  });

  it('an empty id field means no id, not an invalid one', () => {
    expect(parse({ msg: 'm', trace_id: '' }).idProblems).toEqual([]);
  });
});

describe('LogLineParser plain and capped lines', () => {
  it('keeps a non-JSON line as its body, and JSON that is not an object too', () => {
    expect(parse('GET /health 200')).toMatchObject({
      structured: false,
      record: { body: 'GET /health 200', traceId: '', timeUnixNano: OBSERVED },
    });
    expect(parse('[1,2]').record.body).toBe('[1,2]');
    expect(parse('{not json').structured).toBe(false);
  });

  it('skips blank lines', () => {
    expect(parser.parse('   ')).toBeUndefined();
  });

  it('cuts a line over the cap to its head, marked truncated, without parsing it', () => {
    const small = new LogLineParser({ service: 's', source: { kind: 'stderr', process: 's' }, maxLineChars: 10 });
    const parsed = small.parse(JSON.stringify({ msg: 'a long message', trace_id: TRACE }))!;
    expect(parsed).toMatchObject({ structured: false, truncated: true });
    expect(parsed.record.body).toBe('{"msg":"a ');
    expect(parsed.record.attributes).toEqual({ [TRUNCATED_ATTRIBUTE]: true });
  });

  it('rejects options it cannot use, naming them', () => {
    expect(() => new LogLineParser({ service: '', source: { kind: 'otlp' } })).toThrow(
      'tracegate.LogLineParser(): service must be a non-empty string',
    );
    expect(() => new LogLineParser({ service: 's', source: { kind: 'otlp' }, maxLineChars: 0 })).toThrow(
      /maxLineChars must be a positive integer, got 0/,
    );
  });
});

describe('LineSplitter', () => {
  const texts = (lines: { text: string }[]) => lines.map((line) => line.text);

  it('reassembles lines cut across chunks and yields a final unterminated line at the end', () => {
    const splitter = new LineSplitter(100);
    expect(texts(splitter.push('{"a":'))).toEqual([]);
    expect(texts(splitter.push('1}\r\nsec'))).toEqual(['{"a":1}']);
    expect(texts(splitter.push('ond\nthi'))).toEqual(['second']);
    expect(texts(splitter.end())).toEqual(['thi']);
    expect(splitter.end()).toEqual([]);
  });

  it('keeps the head of an over-long line and skips its rest without buffering it', () => {
    const splitter = new LineSplitter(4);
    expect(splitter.push('abcdefgh')).toEqual([{ text: 'abcd', truncated: true }]);
    expect(splitter.push('ijkl')).toEqual([]);
    expect(splitter.push('mn\nok\nlonger line\n')).toEqual([
      { text: 'ok', truncated: false },
      { text: 'long', truncated: true },
    ]);
  });
});
