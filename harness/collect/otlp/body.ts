import type { IncomingMessage } from 'node:http';
import { createGunzip, createInflate } from 'node:zlib';
import { BodyTooLargeError, ErrorCode, OtlpDecodeError, TracegateError } from '../../errors.js';
import { formatBytes } from './byte-size.js';
import type { ContentCoding } from './content.js';

/** How to read one request body. */
export interface BodyReadOptions {
  readonly coding: ContentCoding;
  /** Most bytes the body may have after decompression; compressed input is held to the same bound. */
  readonly maxBodyBytes: number;
  /** Content-Length when the client sent one (the caller already checked it against the limit). */
  readonly declaredBytes: number | undefined;
  /** Called before more bytes are held in memory; throws (OverloadedError) to refuse them. */
  readonly hold: (bytes: number) => void;
}

// Inflated output arrives in pieces of this size, so the limit is noticed within one piece of passing it.
const INFLATE_CHUNK_BYTES = 64 * 1024;

/** The client went away before its body was complete; there is nobody left to answer. */
export class BodyAbortedError extends TracegateError {
  override readonly name = 'BodyAbortedError';
  constructor(message: string) {
    super(ErrorCode.Closed, message);
  }
}

/** Collects pieces of a body, holding each against the limit and the ingest queue before keeping it. */
class BodyCollector {
  readonly #chunks: Buffer[] = [];
  #length = 0;
  readonly #options: BodyReadOptions;
  readonly #preheld: boolean;

  constructor(options: BodyReadOptions) {
    this.#options = options;
    // An identity body of known length is held in full up front: its size cannot change on the way.
    this.#preheld = options.coding === 'identity' && options.declaredBytes !== undefined;
    if (this.#preheld) options.hold(options.declaredBytes!);
  }

  get length(): number {
    return this.#length;
  }

  add(chunk: Buffer): void {
    const length = this.#length + chunk.length;
    const { maxBodyBytes, coding } = this.#options;
    if (length > maxBodyBytes) {
      const how = coding === 'identity' ? 'reading' : `${coding} inflation`;
      throw new BodyTooLargeError(
        `body passed the limit of ${formatBytes(maxBodyBytes)} after decompression: ${how} stopped at ` +
          `${formatBytes(length)}`,
        maxBodyBytes,
      );
    }
    if (!this.#preheld) this.#options.hold(chunk.length);
    this.#chunks.push(chunk);
    this.#length = length;
  }

  /** The whole body; a body that arrived in one piece is returned without copying. */
  take(): Buffer {
    return this.#chunks.length === 1 ? this.#chunks[0]! : Buffer.concat(this.#chunks, this.#length);
  }
}

/**
 * Reads a request body, inflating gzip or deflate on the way, and stops as soon as it passes the limit: a gzip
 * bomb costs at most the limit plus one inflated piece. Rejects with BodyTooLargeError, OverloadedError,
 * OtlpDecodeError (corrupt compression) or BodyAbortedError.
 */
export function readBody(request: IncomingMessage, options: BodyReadOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let stopInflating = (): void => {};
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      stopInflating();
      // Stop pulling bytes off the socket; the caller answers with `Connection: close`.
      request.pause();
      reject(error instanceof Error ? error : new Error(String(error)));
    };
    const aborted = (received: number): BodyAbortedError =>
      new BodyAbortedError(`client closed the connection after ${formatBytes(received)} of the body`);
    let received = 0;
    request.on('error', () => fail(aborted(received)));
    request.on('close', () => {
      if (!request.complete) fail(aborted(received));
    });

    let collector: BodyCollector;
    try {
      collector = new BodyCollector(options);
    } catch (error) {
      fail(error);
      return;
    }
    const finish = (): void => {
      if (settled) return;
      settled = true;
      resolve(collector.take());
    };

    if (options.coding === 'identity') {
      request.on('data', (chunk: Buffer) => {
        if (settled) return;
        received += chunk.length;
        try {
          collector.add(chunk);
        } catch (error) {
          fail(error);
        }
      });
      request.on('end', finish);
      return;
    }

    const inflater =
      options.coding === 'gzip'
        ? createGunzip({ chunkSize: INFLATE_CHUNK_BYTES })
        : createInflate({ chunkSize: INFLATE_CHUNK_BYTES });
    stopInflating = () => inflater.destroy();
    inflater.on('data', (piece: Buffer) => {
      if (settled) return;
      try {
        collector.add(piece);
      } catch (error) {
        fail(error);
      }
    });
    inflater.on('end', finish);
    inflater.on('error', (error) =>
      fail(new OtlpDecodeError(`${options.coding} body is corrupt: ${error.message}`, { cause: error })),
    );
    inflater.on('drain', () => request.resume());
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      received += chunk.length;
      if (received > options.maxBodyBytes) {
        fail(
          new BodyTooLargeError(
            `${options.coding} body passed the limit of ${formatBytes(options.maxBodyBytes)} before ` +
              `decompression: reading stopped at ${formatBytes(received)}`,
            options.maxBodyBytes,
          ),
        );
        return;
      }
      // Respect the inflater's backpressure so compressed input never piles up in memory.
      if (!inflater.write(chunk)) request.pause();
    });
    request.on('end', () => inflater.end());
  });
}
