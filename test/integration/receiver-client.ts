/**
 * Test helpers for the receiver tests: a raw node:http client (so tests control headers, chunking and early
 * answers), OTLP/JSON bodies written by hand, and a check that the receiver is still serving.
 */
import { request as httpRequest } from 'node:http';
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { expect } from '@jest/globals';
import type { Receiver } from '../../harness/collect/otlp/receiver.js';

export interface Answer {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export interface SendOptions {
  readonly method?: string;
  readonly headers?: OutgoingHttpHeaders;
  readonly body?: Buffer | string;
}

/** Sends one request and resolves with the answer, even when the server answers before the body is written. */
export function send(url: string, options: SendOptions = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : Buffer.from(options.body);
    const headers: OutgoingHttpHeaders = { ...options.headers };
    if (body !== undefined && headers['content-length'] === undefined) headers['content-length'] = body.length;
    let answered = false;
    const req = httpRequest(url, { method: options.method ?? 'POST', headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    // Once answered, a reset while the rest of the body is still being written is expected, not a failure.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    req.end(body);
  });
}

/** Sends headers, then waits for an answer before writing any body: proves the server did not need the body. */
export function sendHeadersOnly(url: string, headers: OutgoingHttpHeaders): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method: 'POST', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) });
        req.destroy();
      });
    });
    req.on('error', reject);
    req.flushHeaders();
  });
}

/**
 * Streams `chunk` with chunked transfer encoding until the server answers, at most `maxChunks` times; resolves
 * with the answer and how many chunks were written before it came.
 */
export function sendChunkedUntilAnswered(
  url: string,
  headers: OutgoingHttpHeaders,
  chunk: Buffer,
  maxChunks: number,
): Promise<Answer & { readonly chunksWritten: number }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    let written = 0;
    const req = httpRequest(url, { method: 'POST', headers, agent: false }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on('data', (piece: Buffer) => chunks.push(piece));
      res.on('end', () => {
        resolve({
          status: res.statusCode ?? 0,
          headers: res.headers,
          body: Buffer.concat(chunks),
          chunksWritten: written,
        });
        req.destroy();
      });
    });
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const writeMore = (): void => {
      while (!answered && written < maxChunks) {
        written++;
        if (!req.write(chunk)) {
          req.once('drain', writeMore);
          return;
        }
      }
      if (!answered) req.end();
    };
    writeMore();
  });
}

/** The `message` of a google.rpc.Status body, in either format. */
export function statusMessage(answer: Answer): string {
  if (String(answer.headers['content-type']).startsWith('application/json')) {
    return (JSON.parse(answer.body.toString('utf8')) as { message?: string }).message ?? '';
  }
  return protobufStringField(answer.body, 2);
}

/** Reads one length-delimited field of a protobuf message (enough for google.rpc.Status.message). */
function protobufStringField(bytes: Buffer, wanted: number): string {
  let offset = 0;
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = bytes[offset++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) return value;
    }
  };
  while (offset < bytes.length) {
    const tag = varint();
    const field = Math.floor(tag / 8);
    const wireType = tag & 7;
    if (wireType === 0) varint();
    else if (wireType === 2) {
      const length = varint();
      if (field === wanted) return bytes.subarray(offset, offset + length).toString('utf8');
      offset += length;
    } else throw new Error(`unexpected protobuf wire type ${wireType}`);
  }
  return '';
}

export interface JsonSpan {
  readonly traceId: string;
  readonly spanId: string;
  readonly name?: string;
  readonly parentSpanId?: string;
  readonly startTimeUnixNano?: string;
  readonly endTimeUnixNano?: string;
  readonly [extra: string]: unknown;
}

/** An OTLP/JSON ExportTraceServiceRequest with one resource (`service`) and one scope. */
export function tracesJson(spans: readonly JsonSpan[], service = 'api'): string {
  return JSON.stringify({
    resourceSpans: [
      {
        resource: { attributes: [{ key: 'service.name', value: { stringValue: service } }] },
        scopeSpans: [
          {
            scope: { name: 'receiver-test' },
            spans: spans.map((span) => ({
              name: 'op',
              kind: 2,
              startTimeUnixNano: '1700000000000000000',
              endTimeUnixNano: '1700000000001000000',
              ...span,
            })),
          },
        ],
      },
    ],
  });
}

let idCounter = 0;

/** A fresh valid trace id (32 hex) and span id (16 hex), distinct within a test run. */
export function freshIds(): { traceId: string; spanId: string } {
  idCounter++;
  const hex = (idCounter + 0x1000).toString(16);
  return { traceId: hex.padStart(32, 'a'), spanId: hex.padStart(16, 'b') };
}

export const JSON_HEADERS = { 'content-type': 'application/json' } as const;
export const PROTOBUF_HEADERS = { 'content-type': 'application/x-protobuf' } as const;

/** Stores one span through the receiver (200 expected) and returns its ids; tests seed with it. */
export async function seedSpan(
  receiver: Receiver,
  headers: OutgoingHttpHeaders = {},
): Promise<{ traceId: string; spanId: string }> {
  const ids = freshIds();
  const answer = await send(receiver.tracesUrl, {
    headers: { ...JSON_HEADERS, ...headers },
    body: tracesJson([{ ...ids, name: 'seed' }]),
  });
  expect(answer.status).toBe(200);
  return ids;
}

/** Asserts the seeded span is still stored unchanged and that a new export is still accepted. */
export async function expectStillServing(
  receiver: Receiver,
  seeded: { traceId: string; spanId: string },
  headers: OutgoingHttpHeaders = {},
): Promise<void> {
  expect(receiver.store.trace(seeded.traceId).map((span) => [span.spanId, span.name])).toEqual([
    [seeded.spanId, 'seed'],
  ]);
  const next = await seedSpan(receiver, headers);
  expect(receiver.store.trace(next.traceId)).toHaveLength(1);
}
