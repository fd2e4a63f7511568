import { formatBytes } from './byte-size.js';

/** One admitted body's hold on the queue, from admission until it is stored or refused. */
export interface IngestTicket {
  /** Holds `bytes` more; false (holding nothing more) when that would overfill the queue. */
  grow(bytes: number): boolean;
  /** Gives the body's place and bytes back; calling it twice is harmless. */
  release(): void;
}

/**
 * Bounds the export bodies in flight — being received, inflated or decoded — by count and by bytes held in
 * memory, so a burst is answered with 429 instead of growing the heap. Each body is decoded and stored in one
 * synchronous step as soon as it is complete, so batches never interleave in the store.
 */
export class IngestQueue {
  readonly maxBodies: number;
  readonly maxBytes: number;
  #bodies = 0;
  #bytes = 0;
  #idleWaiters: (() => void)[] = [];

  constructor(maxBodies: number, maxBytes: number) {
    this.maxBodies = maxBodies;
    this.maxBytes = maxBytes;
  }

  get bodies(): number {
    return this.#bodies;
  }

  get bytes(): number {
    return this.#bytes;
  }

  /** Why a body announcing `declaredBytes` cannot be admitted now, or undefined when it can. */
  refusal(declaredBytes: number): string | undefined {
    if (this.#bodies >= this.maxBodies) {
      return `ingest queue is full: ${this.#bodies} ${this.#bodies === 1 ? 'body' : 'bodies'} in flight, limit is ${this.maxBodies}`;
    }
    // An empty queue admits any body (the body limit still applies), so one large export can never starve.
    if (this.#bodies > 0 && this.#bytes + declaredBytes > this.maxBytes) {
      return (
        `ingest queue is full: ${formatBytes(this.#bytes)} held, ${formatBytes(declaredBytes)} more would pass ` +
        `the limit of ${formatBytes(this.maxBytes)}`
      );
    }
    return undefined;
  }

  /**
   * Admits one body when `declaredBytes` more would fit; undefined when the queue is full. The ticket holds no
   * bytes yet: the body reader holds them as it keeps them.
   */
  tryAdmit(declaredBytes: number): IngestTicket | undefined {
    if (this.refusal(declaredBytes) !== undefined) return undefined;
    this.#bodies++;
    let held = 0;
    let released = false;
    return {
      grow: (bytes) => {
        // A body holding everything in the queue may keep growing: refusing it would free nothing for others.
        if (released || (this.#bytes + bytes > this.maxBytes && held < this.#bytes)) return false;
        held += bytes;
        this.#bytes += bytes;
        return true;
      },
      release: () => {
        if (released) return;
        released = true;
        this.#bodies--;
        this.#bytes -= held;
        if (this.#bodies === 0) this.#wakeIdleWaiters();
      },
    };
  }

  /** Resolves once no body is in flight: every admitted body has been stored or refused, and answered. */
  whenIdle(): Promise<void> {
    if (this.#bodies === 0) return Promise.resolve();
    return new Promise((resolve) => this.#idleWaiters.push(resolve));
  }

  #wakeIdleWaiters(): void {
    const waiters = this.#idleWaiters;
    this.#idleWaiters = [];
    for (const wake of waiters) wake();
  }
}
