import { describe, expect, it } from '@jest/globals';
import { InvalidArgumentError } from '../../harness/errors.js';
import { compilePlan, pickEntry } from '../../harness/traffic/_internals/compiled-plan.js';
import { requestHeaders } from '../../harness/traffic/_internals/request-headers.js';
import { TraceIdSource } from '../../harness/traffic/_internals/trace-id-source.js';
import { driveTraffic } from '../../harness/traffic/drive-traffic.js';
import type { DriveOptions } from '../../harness/traffic/drive-options.js';
import type { RequestTemplate, TrafficPlan } from '../../harness/traffic/traffic-plan.js';

// Nothing listens here, and nothing is sent: every case fails validation before a connection is opened.
const TARGET = 'http://127.0.0.1:9';
const plan = (requests: readonly RequestTemplate[], extra: Partial<TrafficPlan> = {}): TrafficPlan => ({
  target: TARGET,
  requests,
  ...extra,
});

async function rejection(trafficPlan: TrafficPlan, options?: DriveOptions): Promise<InvalidArgumentError> {
  const error = await driveTraffic(trafficPlan, options).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(InvalidArgumentError);
  return error as InvalidArgumentError;
}

describe('driveTraffic() validates its plan and options before sending anything', () => {
  it.each<[string, TrafficPlan, DriveOptions | undefined, string]>([
    ['target', { target: 'not a url', requests: [{ path: '/' }] }, undefined, 'plan.target is not a URL'],
    ['protocol', { target: 'ftp://127.0.0.1', requests: [{ path: '/' }] }, undefined, 'http: or https:'],
    ['credentials', { target: 'http://u:p@127.0.0.1', requests: [{ path: '/' }] }, undefined, 'credentials'],
    ['query', { target: 'http://127.0.0.1/?a=1', requests: [{ path: '/' }] }, undefined, 'query or fragment'],
    ['no requests', plan([]), undefined, 'plan.requests must be a non-empty array'],
    ['path', plan([{ path: 'orders' }]), undefined, 'requests[0].path must start with "/"'],
    ['placeholder', plan([{ path: '/{{id}}' }]), undefined, 'requests[0].path uses the unknown placeholder {{id}}'],
    [
      'weight',
      plan([{ path: '/' }, { path: '/', weight: -1 }]),
      undefined,
      'requests[1].weight must be a finite number',
    ],
    ['weights', plan([{ path: '/', weight: 0 }]), undefined, 'total weight above 0'],
    ['method', plan([{ path: '/', method: 'GET /' }]), undefined, 'requests[0].method must be an HTTP method'],
    ['CONNECT', plan([{ path: '/', method: 'connect' }]), undefined, 'CONNECT opens a tunnel'],
    ['framing', plan([{ path: '/', headers: { 'Content-Length': '3' } }]), undefined, 'content-length is managed'],
    [
      'value',
      plan([{ path: '/', headers: { 'x-a': 'a\r\nb' } }]),
      undefined,
      'requests[0].headers["x-a"] must be a string',
    ],
    ['count', plan([{ path: '/' }], { count: 0 }), undefined, 'plan.count must be an integer from 1'],
    ['concurrency', plan([{ path: '/' }], { concurrency: 1.5 }), undefined, 'plan.concurrency must be an integer'],
    ['rate', plan([{ path: '/' }], { ratePerSecond: 0 }), undefined, 'plan.ratePerSecond must be a number above 0'],
    ['duration', plan([{ path: '/' }], { durationMs: -5 }), undefined, 'plan.durationMs must be a number above 0'],
    ['runId', plan([{ path: '/' }]), { runId: 'a b' }, 'runId must be 1 to 64 characters'],
    ['seed', plan([{ path: '/' }]), { seed: 1.5 }, 'seed must be a safe integer'],
    ['timeout', plan([{ path: '/' }]), { headersTimeoutMs: 0 }, 'headersTimeoutMs must be an integer from 1'],
  ])('names the field at fault: %s', async (_case, trafficPlan, options, message) => {
    const error = await rejection(trafficPlan, options);
    expect(error.message).toMatch(/^tracegate\.driveTraffic\(\): /);
    expect(error.message).toContain(message);
  });

  it.each<[string, Record<string, string>, string]>([
    [
      'a malformed traceparent',
      { traceparent: '00-abc-01' },
      'requests[0].headers["traceparent"] is not a valid W3C traceparent: has 9 characters, expected 55',
    ],
    [
      'an all-zero trace id',
      { traceparent: `00-${'0'.repeat(32)}-b7ad6b7169203331-01` },
      'is not a valid W3C traceparent: trace id',
    ],
    [
      'a bad tracestate',
      { tracestate: 'Vendor=1' },
      'requests[0].headers["tracestate"] is not a valid W3C tracestate: key "Vendor"',
    ],
    [
      'bad baggage',
      { Baggage: 'user id=1' },
      'requests[0].headers["Baggage"] is not valid W3C baggage: member key "user id"',
    ],
    [
      'baggage that sets tracegate.req',
      { baggage: 'tracegate.req=7' },
      'sets tracegate.req, which tracegate sets itself',
    ],
    [
      "baggage with no room for tracegate's members",
      { baggage: Array.from({ length: 63 }, (_, i) => `k${i}=v`).join(',') },
      "has 63 members; with tracegate's 2 the W3C limit is 62",
    ],
    [
      'a placeholder in baggage',
      { baggage: 'order={{seq}}' },
      'must be a literal value; placeholders are not allowed in baggage',
    ],
  ])('rejects %s in a user header, naming it', async (_case, headers, message) => {
    const error = await rejection(plan([{ path: '/', headers }]));
    expect(error.message).toContain(message);
  });

  it('rejects any trace context header when propagate is false', async () => {
    for (const name of ['traceparent', 'tracestate', 'baggage']) {
      const value = name === 'traceparent' ? '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' : 'k=v';
      const error = await rejection(plan([{ path: '/' }, { path: '/', headers: { [name]: value } }]), {
        propagate: false,
      });
      expect(error.message).toContain(
        `requests[1].headers["${name}"]: propagate is false, so no trace context may be sent`,
      );
    }
  });
});

describe('the weighted mix', () => {
  const mix: RequestTemplate[] = [
    { name: 'browse', path: '/', weight: 6 },
    { name: 'checkout', path: '/checkout', method: 'POST', weight: 3 },
    { name: 'never', path: '/never', weight: 0 },
    { name: 'admin', path: '/admin', weight: 1 },
  ];

  function tally(seed: number, requests: number): Record<string, number> {
    const compiled = compilePlan(plan(mix), 'run', true);
    const ids = new TraceIdSource(seed);
    const counts: Record<string, number> = { browse: 0, checkout: 0, never: 0, admin: 0 };
    for (let seq = 1; seq <= requests; seq++) counts[pickEntry(compiled, ids.mixPoint(seq)).route]!++;
    return counts;
  }

  it('is exactly the same for the same seed (a fixed-seed snapshot keeps the generator from drifting)', () => {
    expect(tally(42, 10_000)).toEqual(tally(42, 10_000));
    expect(tally(42, 10_000)).toMatchInlineSnapshot(`
     {
       "admin": 1006,
       "browse": 5975,
       "checkout": 3019,
       "never": 0,
     }
    `);
  });

  it('follows the weights within 4.5 standard deviations for any seed, and never picks a zero weight', () => {
    const requests = 20_000;
    for (const seed of [1, 2, 3, 99, 123_456_789, -7]) {
      const counts = tally(seed, requests);
      expect(counts['never']).toBe(0);
      for (const [route, share] of [
        ['browse', 0.6],
        ['checkout', 0.3],
        ['admin', 0.1],
      ] as const) {
        const sd = Math.sqrt(requests * share * (1 - share));
        expect(Math.abs(counts[route]! - requests * share)).toBeLessThan(4.5 * sd);
      }
    }
  });
});

describe('request templates', () => {
  const compiled = compilePlan(
    {
      target: 'http://127.0.0.1:9/api/',
      requests: [
        {
          path: '/orders/{{seq}}?run={{ runId }}',
          method: 'post',
          headers: { 'X-Request-Id': '{{runId}}-{{seq}}', 'X-Static': 'yes' },
          body: { orderId: '{{seq}}', items: [1, 2] },
        },
        { path: '/raw', body: 'n={{seq}}' },
      ],
    },
    'run-7',
    true,
  );

  it('fill in the sequence number and the run id in path, headers and body, under the target path', () => {
    const [json, raw] = compiled.entries;
    expect(json!.route).toBe('POST /orders/{{seq}}?run={{ runId }}');
    expect(json!.path.render(17)).toBe('/api/orders/17?run=run-7');
    expect(requestHeaders(json!, 17)).toEqual([
      'x-static',
      'yes',
      'content-type',
      'application/json',
      'x-request-id',
      'run-7-17',
    ]);
    expect(json!.body!.render(17)).toBe('{"orderId":"17","items":[1,2]}');
    expect(raw!.body!.render(3)).toBe('n=3');
    expect(requestHeaders(raw!, 3)).toEqual([]);
  });
});
