import { describe, expect, it } from '@jest/globals';
import { formatBytes } from '../../harness/collect/otlp/byte-size.js';
import { BearerTokenCheck } from '../../harness/collect/otlp/bearer-token.js';
import { codingOf, formatOf } from '../../harness/collect/otlp/content.js';
import { IngestQueue } from '../../harness/collect/otlp/ingest-queue.js';
import { partialSuccessMessage } from '../../harness/collect/otlp/partial-success.js';
import { signalAt } from '../../harness/collect/otlp/routes.js';
import { ErrorCode } from '../../harness/errors.js';

describe('formatBytes', () => {
  it.each([
    [0, '0 bytes'],
    [1023, '1023 bytes'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [20 * 1024 * 1024, '20 MiB'],
    [21_078_016, '20.1 MiB'],
  ])('%d → %s', (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});

describe('content negotiation', () => {
  it('does not mistake inherited property names for formats or encodings', () => {
    expect(() => formatOf('constructor')).toThrow(expect.objectContaining({ code: ErrorCode.UnsupportedMediaType }));
    expect(() => codingOf('constructor')).toThrow('Content-Encoding "constructor" is not supported');
    expect(() => codingOf('__proto__')).toThrow('Content-Encoding "__proto__" is not supported');
  });

  it('treats a missing or empty Content-Encoding as identity', () => {
    expect([codingOf(undefined), codingOf(''), codingOf(' GZIP ')]).toEqual(['identity', 'identity', 'gzip']);
  });
});

describe('signalAt', () => {
  it('ignores the query string and nothing else', () => {
    expect([signalAt('/v1/traces?a=1'), signalAt('/v1/logs'), signalAt('/v1/traces/'), signalAt(undefined)]).toEqual([
      'traces',
      'logs',
      undefined,
      undefined,
    ]);
  });
});

describe('BearerTokenCheck', () => {
  const check = new BearerTokenCheck('s3cret');
  it.each([
    ['Bearer s3cret', true],
    ['bearer   s3cret', true],
    ['Bearer s3cret2', false],
    ['Bearer', false],
    ['s3cret', false],
    [undefined, false],
  ])('%j → %s', (header, accepted) => {
    expect(check.accepts(header)).toBe(accepted);
  });
});

describe('IngestQueue', () => {
  it('admits up to maxBodies and frees a place on release, once', () => {
    const queue = new IngestQueue(2, 1000);
    const first = queue.tryAdmit(0)!;
    expect(queue.tryAdmit(0)).toBeDefined();
    expect(queue.tryAdmit(0)).toBeUndefined();
    expect(queue.refusal(0)).toBe('ingest queue is full: 2 bodies in flight, limit is 2');
    first.release();
    first.release();
    expect(queue.bodies).toBe(1);
    expect(queue.tryAdmit(0)).toBeDefined();
    expect(queue.tryAdmit(0)).toBeUndefined();
  });

  it('refuses growth past maxBytes unless the body is the only one holding bytes', () => {
    const queue = new IngestQueue(10, 1000);
    const big = queue.tryAdmit(0)!;
    expect(big.grow(900)).toBe(true);
    const small = queue.tryAdmit(0)!;
    expect(small.grow(200)).toBe(false);
    // The only body holding bytes may pass the limit: refusing it would free nothing for the others.
    expect(big.grow(500)).toBe(true);
    expect(queue.tryAdmit(0)).toBeUndefined();
    expect(queue.refusal(0)).toBe(
      'ingest queue is full: 1.37 KiB held, 0 bytes more would pass the limit of 1000 bytes',
    );
    big.release();
    expect(small.grow(1000)).toBe(true);
    small.release();
    expect({ bodies: queue.bodies, bytes: queue.bytes }).toEqual({ bodies: 0, bytes: 0 });
  });

  it('resolves whenIdle once the last body is released', async () => {
    const queue = new IngestQueue(10, 1000);
    const ticket = queue.tryAdmit(0)!;
    let idle = false;
    const waiting = queue.whenIdle().then(() => (idle = true));
    await Promise.resolve();
    expect(idle).toBe(false);
    ticket.release();
    await waiting;
    expect(idle).toBe(true);
  });
});

describe('partialSuccessMessage', () => {
  it('joins reasons that fit', () => {
    expect(partialSuccessMessage(['a: bad', 'b: bad'])).toBe('a: bad; b: bad');
  });

  it('stops before the cap and says how many it left out', () => {
    const reasons = Array.from({ length: 50 }, (_, i) => `span ${i}: traceId is all zeros`);
    const message = partialSuccessMessage(reasons, 100);
    expect(message.length).toBeLessThanOrEqual(100);
    expect(message).toBe('span 0: traceId is all zeros; span 1: traceId is all zeros; and 48 more');
  });

  it('cuts a single overlong reason rather than dropping it', () => {
    const message = partialSuccessMessage(['x'.repeat(500), 'y'], 40);
    expect(message).toBe(`${'x'.repeat(27)}…; and 1 more`);
    expect(message).toHaveLength(40);
  });
});
