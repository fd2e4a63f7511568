import type { Dispatcher } from 'undici';
import type { Clock } from '../../clock.js';
import type { Exchange } from './exchange.js';

/**
 * The innermost handler of every request: it times the exchange and counts body bytes without keeping them.
 * When the response ends or the request fails it hands itself to `finish`, which records what it saw.
 */
export class RecordingHandler implements Dispatcher.DispatchHandler {
  readonly startMs: number;
  connectedMs = NaN;
  headersMs = NaN;
  endMs = NaN;
  /** 0 until a final (non-1xx) status arrives. */
  status = 0;
  bytes = 0;
  /** What the request failed with, if it did. */
  failure: unknown = undefined;
  #finished = false;

  /** `finish` takes the outcome first; `done` then frees the request's place in the run. */
  constructor(
    readonly exchange: Exchange,
    private readonly clock: Clock,
    startMs: number,
    private readonly finish: (handler: RecordingHandler) => void,
    private readonly done: () => void,
  ) {
    this.startMs = startMs;
  }

  onRequestStart(): void {
    if (Number.isNaN(this.connectedMs)) this.connectedMs = this.clock.now();
  }

  onResponseStart(_controller: Dispatcher.DispatchController, statusCode: number): void {
    // 1xx informational responses come before the real one.
    if (statusCode < 200) return;
    this.status = statusCode;
    this.headersMs = this.clock.now();
  }

  onResponseData(_controller: Dispatcher.DispatchController, chunk: Buffer): void {
    this.bytes += chunk.length;
  }

  onResponseEnd(): void {
    this.#end();
  }

  onResponseError(_controller: Dispatcher.DispatchController, error: Error): void {
    this.failure = error;
    this.#end();
  }

  #end(): void {
    if (this.#finished) return;
    this.#finished = true;
    this.endMs = this.clock.now();
    this.finish(this);
    this.done();
  }
}
