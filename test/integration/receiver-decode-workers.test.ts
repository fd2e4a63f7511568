import { execFile } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { promisify } from 'node:util';
import { describe, expect, it } from '@jest/globals';
import { startReceiver } from '../../harness/collect/otlp/receiver.js';
import type { Receiver } from '../../harness/collect/otlp/receiver.js';
import { InvalidArgumentError } from '../../harness/errors.js';
import { toOtlpJson } from '../support/otlp-proto.js';
import { sampleSpan } from '../support/otlp-samples.js';
import { send } from './receiver-client.js';

const run = promisify(execFile);
const JSON_TYPE = { 'content-type': 'application/json' };

const good = sampleSpan({ name: 'GET /orders', spanId: 'a000000000000001' });
const twin = sampleSpan({ name: 'GET /orders', spanId: good.spanId, traceId: good.traceId, kind: good.kind });
const conflicting = { ...twin, name: 'GET /orders/:id' };
const invalidIds = sampleSpan({ name: 'bad ids', spanId: '0000000000000000' });

// Bodies in the order they are sent: stored, resent, conflicting, partly refused, undecodable, gzip, wrong shape.
const BODIES: { body: Buffer; headers: Record<string, string> }[] = [
  { body: Buffer.from(JSON.stringify(toOtlpJson([good]))), headers: JSON_TYPE },
  { body: Buffer.from(JSON.stringify(toOtlpJson([twin]))), headers: JSON_TYPE },
  { body: Buffer.from(JSON.stringify(toOtlpJson([conflicting, invalidIds]))), headers: JSON_TYPE },
  { body: Buffer.from('{"resourceSpans": ['), headers: JSON_TYPE },
  { body: Buffer.from('[1, 2]'), headers: JSON_TYPE },
  {
    body: gzipSync(JSON.stringify(toOtlpJson([sampleSpan({ name: 'zipped', spanId: 'a000000000000002' })]))),
    headers: { ...JSON_TYPE, 'content-encoding': 'gzip' },
  },
  { body: Buffer.from('{"resourceSpans": [{"scopeSpans": [{"spans": [{"kind": "sideways"}]}]}]}'), headers: JSON_TYPE },
];

async function answersAndStore(receiver: Receiver) {
  const answers = [];
  for (const { body, headers } of BODIES) {
    const answer = await send(receiver.tracesUrl, { body, headers });
    answers.push({ status: answer.status, body: answer.body.toString('utf8') });
  }
  // Several at once: each is stored whole and answered 200.
  const concurrent = await Promise.all(
    [1, 2, 3, 4].map((n) =>
      send(receiver.tracesUrl, {
        body: JSON.stringify(
          toOtlpJson([1, 2].map((m) => sampleSpan({ name: `burst ${n}`, spanId: `b0000000000000${n}${m}` }))),
        ),
        headers: JSON_TYPE,
      }),
    ),
  );
  const store = receiver.store;
  return {
    answers,
    concurrent: concurrent.map((answer) => answer.status),
    spans: [...store.spans()].filter((span) => !span.name.startsWith('burst')),
    bursts: [...store.spans()].filter((span) => span.name.startsWith('burst')).length,
    counters: store.counters(),
    findings: store.findings(),
  };
}

describe('receiver: decode workers', () => {
  it('answer and store OTLP/JSON exactly as inline decoding does', async () => {
    let inline;
    {
      await using receiver = await startReceiver({ decodeWorkers: 0 });
      inline = await answersAndStore(receiver);
    }
    await using receiver = await startReceiver({ decodeWorkers: 2 });
    const pooled = await answersAndStore(receiver);
    expect(pooled).toEqual(inline);
    // the bodies above do reach every branch: stored, duplicate, conflict, refused ids, 400s
    expect(inline.answers.map((answer) => answer.status)).toEqual([200, 200, 200, 400, 400, 200, 400]);
    expect(inline.answers[2]!.body).toContain('rejectedSpans');
    expect(inline.counters).toMatchObject({ spansDuplicate: 2, spansRejected: 1 });
    expect(inline.findings.map((finding) => finding.code)).toEqual(['span.duplicate-conflict']);
    expect(inline.bursts).toBe(8);
  });

  it('refuse a decodeWorkers option that is not a small whole number', async () => {
    await expect(startReceiver({ decodeWorkers: -1 })).rejects.toThrow(InvalidArgumentError);
    await expect(startReceiver({ decodeWorkers: 1.5 })).rejects.toThrow(
      'tracegate.startReceiver(): decodeWorkers must be an integer from 0 to 64, got 1.5',
    );
  });

  it.each([
    ['ES module', `import('./dist/harness/index.js')`],
    ['CommonJS', `Promise.resolve(require('./dist/cjs/harness/index.js'))`],
  ])('start their workers from the built %s package', async (_, load) => {
    const body = JSON.stringify(JSON.stringify(toOtlpJson([good])));
    const script = `${load}.then(async ({ startReceiver }) => {
      const receiver = await startReceiver({ decodeWorkers: 1 });
      const answer = await fetch(receiver.tracesUrl, { method: 'POST', headers: { 'content-type': 'application/json' }, body: ${body} });
      console.log(answer.status, receiver.store.counters().spansStored);
      await receiver.close();
    })`;
    const { stdout } = await run(process.execPath, ['-e', script], { cwd: process.cwd(), timeout: 20_000 });
    // the process ended by itself after close(): no worker kept it alive
    expect(stdout.trim()).toBe('200 1');
  });
});
