import { describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startReceiver } from '../../harness/collect/otlp/receiver.js';
import type { Receiver } from '../../harness/collect/otlp/receiver.js';
import type { AttributeValue, Attributes } from '../../harness/model/attributes.js';
import type { LogRecord } from '../../harness/model/log.js';
import type { SpanKind, SpanRecord, StatusCode } from '../../harness/model/span.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));
const FIXTURE = 'test/fixtures/sdk-telemetry.mjs';
const CHILD_DEADLINE_MS = 20_000;

/** What the fixture prints: everything it handed the SDK, times as decimal nanosecond strings. */
interface Created {
  readonly resource: Attributes;
  readonly scope: { readonly name: string; readonly version: string };
  readonly logScope: { readonly name: string; readonly version: string; readonly attributes: Attributes };
  readonly spans: readonly {
    readonly traceId: string;
    readonly spanId: string;
    readonly parentSpanId: string;
    readonly name: string;
    readonly kind: SpanKind;
    readonly startTimeUnixNano: string;
    readonly endTimeUnixNano: string;
    readonly status: { readonly code: StatusCode; readonly message: string };
    readonly attributes: Attributes;
    readonly events: readonly {
      readonly name: string;
      readonly timeUnixNano: string;
      readonly attributes: Attributes;
    }[];
    readonly links: readonly SpanRecord['links'][number][];
    readonly traceFlags: number;
    readonly traceState: string;
  }[];
  readonly logs: readonly {
    readonly timeUnixNano: string;
    readonly observedTimeUnixNano: string;
    readonly severityNumber: number;
    readonly severityText: string;
    readonly body: AttributeValue;
    readonly attributes: Attributes;
    readonly traceId: string;
    readonly spanId: string;
    readonly traceFlags: number;
  }[];
}

interface ChildResult {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the SDK fixture against the receiver; the child is killed if it outlives the deadline. */
function runFixture(protocol: 'json' | 'protobuf', receiver: Receiver): Promise<ChildResult> {
  const child = spawn(process.execPath, [FIXTURE, protocol, receiver.tracesUrl, receiver.logsUrl], {
    cwd: REPO,
    // The fixture's exporters must use exactly what it passes them, not settings of the machine running the test.
    env: { PATH: process.env['PATH'] ?? '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`fixture still running after ${CHILD_DEADLINE_MS} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`));
    }, CHILD_DEADLINE_MS);
    child.once('error', (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    child.once('close', (code, signal) => {
      clearTimeout(deadline);
      resolve({ code, signal, stdout, stderr });
    });
  });
}

function expectedSpans(created: Created): SpanRecord[] {
  const resource = { serviceName: created.resource['service.name'] as string, attributes: created.resource };
  const scope = { ...created.scope, attributes: {} };
  return created.spans.map((span) => ({
    ...span,
    startTimeUnixNano: BigInt(span.startTimeUnixNano),
    endTimeUnixNano: BigInt(span.endTimeUnixNano),
    events: span.events.map((event) => ({ ...event, timeUnixNano: BigInt(event.timeUnixNano) })),
    resource,
    scope,
  }));
}

function expectedLogs(created: Created): LogRecord[] {
  const service = created.resource['service.name'] as string;
  return created.logs.map((log) => ({
    ...log,
    timeUnixNano: BigInt(log.timeUnixNano),
    observedTimeUnixNano: BigInt(log.observedTimeUnixNano),
    service,
    resource: { serviceName: service, attributes: created.resource },
    scope: created.logScope,
    source: { kind: 'otlp' },
  }));
}

const bySpanId = (a: SpanRecord, b: SpanRecord) => a.spanId.localeCompare(b.spanId);
const byTime = (a: LogRecord, b: LogRecord) => (a.timeUnixNano < b.timeUnixNano ? -1 : 1);

const protocols: ['json' | 'protobuf', string][] = [
  ['json', 'OTLP/JSON via exporter-*-otlp-http'],
  ['protobuf', 'OTLP/protobuf with gzip via exporter-*-otlp-proto'],
];

describe.each(protocols)('the real OpenTelemetry JS SDK exporting %s', (protocol, how) => {
  it(`delivers every span and log field unchanged (${how})`, async () => {
    const receiver = await startReceiver();
    try {
      const child = await runFixture(protocol, receiver);
      expect({ code: child.code, signal: child.signal, stderr: child.stderr }).toEqual({
        code: 0,
        signal: null,
        stderr: '',
      });
      const created = JSON.parse(child.stdout) as Created;
      // The fixture really produced the variety this test is about.
      expect(created.spans).toHaveLength(5);
      expect(created.logs).toHaveLength(3);

      const store = receiver.store;
      const spans = [...store.spans()].sort(bySpanId);
      expect(spans).toEqual(expectedSpans(created).sort(bySpanId));
      expect([...store.logs()].sort(byTime)).toEqual(expectedLogs(created).sort(byTime));
      expect(store.counters()).toMatchObject({ spansRejected: 0, logsRejected: 0, spansDuplicate: 0, traces: 2 });
      expect(store.findings()).toEqual([]);
      expect(receiver.stats()).toMatchObject({ badRequest: 0, unsupported: 0, internalError: 0, partial: 0 });
    } finally {
      await receiver.close();
    }
  });
});
