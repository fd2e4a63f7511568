import { describe, expect, it } from '@jest/globals';
import { baggageProblem } from '../../harness/traffic/w3c/baggage.js';
import { formatTraceparent, isSampled, parseTraceparent } from '../../harness/traffic/w3c/traceparent.js';
import { tracestateProblem } from '../../harness/traffic/w3c/tracestate.js';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const SPAN_ID = 'b7ad6b7169203331';

function problemOf(header: string): string | undefined {
  const parsed = parseTraceparent(header);
  return parsed.ok ? undefined : parsed.problem;
}

describe('traceparent', () => {
  it('parses the example of the W3C specification', () => {
    const parsed = parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-01`);
    expect(parsed).toEqual({ ok: true, value: { version: '00', traceId: TRACE_ID, spanId: SPAN_ID, flags: 1 } });
    expect(parsed.ok && isSampled(parsed.value)).toBe(true);
  });

  it('formats sampled and unsampled headers', () => {
    expect(formatTraceparent(TRACE_ID, SPAN_ID)).toBe(`00-${TRACE_ID}-${SPAN_ID}-01`);
    expect(formatTraceparent(TRACE_ID, SPAN_ID, false)).toBe(`00-${TRACE_ID}-${SPAN_ID}-00`);
  });

  it('accepts a later version with extra fields, as a receiver must', () => {
    expect(parseTraceparent(`01-${TRACE_ID}-${SPAN_ID}-01-what-the-future-holds`).ok).toBe(true);
  });

  it.each([
    [`ff-${TRACE_ID}-${SPAN_ID}-01`, 'version "ff" is forbidden'],
    [`00-${TRACE_ID}-${SPAN_ID}-01-extra`, 'version 00 has exactly 55'],
    [`00-${TRACE_ID.toUpperCase()}-${SPAN_ID}-01`, 'is not lowercase hexadecimal'],
    [`00-${'0'.repeat(32)}-${SPAN_ID}-01`, `trace id "${'0'.repeat(32)}" is all zeros`],
    [`00-${TRACE_ID}-${'0'.repeat(16)}-01`, 'is all zeros'],
    [`00-${TRACE_ID}-${SPAN_ID}-0x`, 'trace flags "0x"'],
    [`00_${TRACE_ID}-${SPAN_ID}-01`, 'four fields separated by "-"'],
    ['00-abc', 'has 6 characters, expected 55'],
  ])('rejects %s', (header, problem) => {
    expect(problemOf(header)).toContain(problem);
  });
});

describe('tracestate', () => {
  it.each([
    'congo=t61rcWkgMzE',
    'rojo=00f067aa0ba902b7,congo=t61rcWkgMzE',
    'tenant@system=x, a-b_c*d/e=1 2',
    'a=b,,  ,c=d',
  ])('accepts %s', (header) => {
    expect(tracestateProblem(header)).toBeUndefined();
  });

  it.each(
    [
      ['Rojo=1', 'key "Rojo" is not a W3C tracestate key'],
      ['rojo', 'has no "="'],
      ['rojo=a=b', 'value of "rojo"'],
      ['rojo=1,rojo=2', 'key "rojo" appears twice'],
      ['rojo=', 'value of "rojo"'],
      ['33 members', Array.from({ length: 33 }, (_, i) => `k${i}=v`).join(','), 'has 33 members, at most 32'],
      ['515 characters', `k=${'v'.repeat(256)},j=${'v'.repeat(256)}`, 'services need only pass on 512'],
    ].map((row) => (row.length === 2 ? [row[0], ...row] : row)),
  )('rejects %s', (_label, header, problem) => {
    expect(tracestateProblem(header!)).toContain(problem);
  });
});

describe('baggage', () => {
  it.each(['userId=alice', 'a=1, b = 2;prop=x;flag', 'key=%E2%82%AC', 'k='])('accepts %s', (header) => {
    expect(baggageProblem(header)).toBeUndefined();
  });

  it.each(
    [
      ['user id=1', 'member key "user id" is not an HTTP token'],
      ['k=a b', 'value of "k" has a character baggage does not allow'],
      ['k=%zz', 'value of "k" has a "%" not followed by two hex digits'],
      ['k', 'member "k" has no "="'],
      ['k=v;bad key=1', 'property key "bad key" is not an HTTP token'],
      ['65 members', Array.from({ length: 65 }, (_, i) => `k${i}=v`).join(','), 'has 65 members, at most 64'],
      ['8202 bytes', `k=${'v'.repeat(8200)}`, 'is 8202 bytes, at most 8192'],
    ].map((row) => (row.length === 2 ? [row[0], ...row] : row)),
  )('rejects %s', (_label, header, problem) => {
    expect(baggageProblem(header!)).toContain(problem);
  });
});
