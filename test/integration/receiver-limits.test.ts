import { constants, createGzip, gzipSync } from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import { startReceiver } from '../../harness/collect/otlp/receiver.js';
import {
  JSON_HEADERS,
  expectStillServing,
  seedSpan,
  send,
  sendChunkedUntilAnswered,
  sendHeadersOnly,
  statusMessage,
} from './receiver-client.js';

const MIB = 1024 * 1024;

/** `inflatedMiB` MiB of zeros gzipped by streaming, so the inflated size is never allocated here either. */
async function gzipBomb(inflatedMiB: number): Promise<Buffer> {
  const gzip = createGzip({ level: 9, strategy: constants.Z_RLE });
  const pieces: Buffer[] = [];
  gzip.on('data', (piece: Buffer) => pieces.push(piece));
  const ended = new Promise((resolve) => gzip.on('end', resolve));
  const zeros = Buffer.alloc(MIB);
  for (let i = 0; i < inflatedMiB; i++) {
    if (!gzip.write(zeros)) await new Promise((resolve) => gzip.once('drain', resolve));
  }
  gzip.end();
  await ended;
  return Buffer.concat(pieces);
}

describe('receiver body limit', () => {
  it('answers 413 from Content-Length alone, before any of the body is sent', async () => {
    await using receiver = await startReceiver();
    const seeded = await seedSpan(receiver);
    const answer = await sendHeadersOnly(receiver.tracesUrl, { ...JSON_HEADERS, 'content-length': 21 * MIB });
    expect(answer.status).toBe(413);
    expect(answer.headers.connection).toBe('close');
    expect(statusMessage(answer)).toBe('body is 21 MiB (Content-Length 22020096), limit is 20 MiB');
    expect(receiver.stats().tooLarge).toBe(1);
    await expectStillServing(receiver, seeded);
  });

  it('answers 413 from the Content-Length of a compressed body too', async () => {
    await using receiver = await startReceiver({ maxBodyBytes: 1000 });
    const answer = await sendHeadersOnly(receiver.tracesUrl, {
      ...JSON_HEADERS,
      'content-encoding': 'gzip',
      'content-length': 1001,
    });
    expect(answer.status).toBe(413);
    expect(statusMessage(answer)).toBe(
      'gzip body before decompression is 1001 bytes (Content-Length 1001), limit is 1000 bytes',
    );
  });

  it('stops reading a chunked body at the limit and answers 413', async () => {
    await using receiver = await startReceiver({ maxBodyBytes: 64 * 1024 });
    const seeded = await seedSpan(receiver);
    const chunk = Buffer.alloc(16 * 1024, 0x20);
    const answer = await sendChunkedUntilAnswered(receiver.tracesUrl, JSON_HEADERS, chunk, 10_000);
    expect(answer.status).toBe(413);
    const stoppedAt = /^body passed the limit of 64 KiB after decompression: reading stopped at ([\d.]+) KiB$/.exec(
      statusMessage(answer),
    );
    // Reading stops at the first piece that crosses the limit, and no piece is longer than one 16 KiB chunk.
    expect(Number(stoppedAt?.[1])).toBeGreaterThan(64);
    expect(Number(stoppedAt?.[1])).toBeLessThanOrEqual(80);
    // The answer came while the client was still writing: far fewer chunks than it was willing to send.
    expect(answer.chunksWritten).toBeLessThan(10_000);
    await expectStillServing(receiver, seeded);
  });

  it('accepts a chunked body under the limit', async () => {
    await using receiver = await startReceiver();
    const seeded = await seedSpan(receiver);
    const body = Buffer.from('{"resourceSpans":[]}');
    const answer = await sendChunkedUntilAnswered(receiver.tracesUrl, JSON_HEADERS, body, 1);
    expect(answer.status).toBe(200);
    await expectStillServing(receiver, seeded);
  });

  it('stops inflating a gzip bomb at the limit: 413, and memory grows far less than the inflated size', async () => {
    await using receiver = await startReceiver();
    const seeded = await seedSpan(receiver);
    const bomb = await gzipBomb(1024);
    expect(bomb.length).toBeLessThan(2 * MIB);
    const before = process.memoryUsage();
    const answer = await send(receiver.tracesUrl, {
      headers: { ...JSON_HEADERS, 'content-encoding': 'gzip' },
      body: bomb,
    });
    const after = process.memoryUsage();
    expect(answer.status).toBe(413);
    expect(statusMessage(answer)).toMatch(
      /^body passed the limit of 20 MiB after decompression: gzip inflation stopped at 20\.\d+ MiB$/,
    );
    // 1 GiB inflated; the receiver may hold the limit plus one inflated piece, and the rest is allocator noise.
    expect(after.arrayBuffers - before.arrayBuffers).toBeLessThan(64 * MIB);
    expect(after.rss - before.rss).toBeLessThan(128 * MIB);
    expect(receiver.stats().tooLarge).toBe(1);
    await expectStillServing(receiver, seeded);
  });

  it('accepts a gzip body that inflates to just under the limit', async () => {
    await using receiver = await startReceiver({ maxBodyBytes: 4096 });
    const body = `{"resourceSpans":[]}${' '.repeat(4096 - 20)}`;
    const answer = await send(receiver.tracesUrl, {
      headers: { ...JSON_HEADERS, 'content-encoding': 'gzip' },
      body: gzipSync(body),
    });
    expect(body).toHaveLength(4096);
    expect(answer.status).toBe(200);
    const over = await send(receiver.tracesUrl, {
      headers: { ...JSON_HEADERS, 'content-encoding': 'gzip' },
      body: gzipSync(`${body} `),
    });
    expect(over.status).toBe(413);
  });
});
