import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { ErrorCode, OtlpDecodeError } from '../../errors.js';
import type { DecodeJob, DecodeReply } from './_internals/decode-messages.js';
import { unpackSpanBatch } from './_internals/span-batch-wire.js';
import type { StagedTraces } from './protobuf-staged-traces.js';

interface PendingJob {
  readonly resolve: (staged: StagedTraces) => void;
  readonly reject: (error: Error) => void;
}

interface PoolWorker {
  readonly worker: Worker;
  readonly pending: Map<number, PendingJob>;
  /** Settles when the worker has loaded (or failed to). */
  readonly ready: Promise<void>;
}

// This file's own path, from a stack frame: the library is built as ES modules and as CommonJS, and only one of
// them has import.meta, so the worker beside it is found the same way in both, and in the TypeScript sources.
function thisFile(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 1;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  const location =
    /\((.*decode-pool\.[cm]?[jt]s):\d+:\d+\)/.exec(stack)?.[1] ?? /at (\S*decode-pool\.[cm]?[jt]s)/.exec(stack)?.[1];
  if (location === undefined) throw new Error(`tracegate decode pool: cannot locate its own file in ${stack}`);
  return location.startsWith('file:') ? fileURLToPath(location) : location;
}

// How to start a worker: the built library runs the worker file beside this one; the TypeScript sources (tests,
// benchmarks) register tsx in the worker first (loader options of the parent do not reach workers in Node 20).
function workerEntry(): { code: string; evaluate: boolean } {
  const self = thisFile();
  const typescript = self.endsWith('.ts');
  const file = join(dirname(self), '_internals', `decode-worker.${typescript ? 'ts' : 'js'}`);
  if (!typescript) return { code: file, evaluate: false };
  const tsx = tsxEsmApi(self);
  const worker = pathToFileURL(file).href;
  const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(worker)}); });`;
  return { code, evaluate: true };
}

// The ES module entry of tsx's register API, as its package exports it (require.resolve would give the CommonJS one).
function tsxEsmApi(from: string): string {
  const manifestPath = createRequire(from).resolve('tsx/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as {
    exports: Record<string, { import?: { default?: string } }>;
  };
  const entry = manifest.exports['./esm/api']?.import?.default;
  if (entry === undefined) throw new Error('tracegate decode pool: tsx has no ES module register API');
  return pathToFileURL(join(dirname(manifestPath), entry)).href;
}

/**
 * A few worker threads that decode OTLP/JSON trace bodies off the receiver's thread: a body goes over by
 * transfer, a staged batch comes back as typed arrays and a string table. Workers start with `start()` (or on
 * first use, and again after one fails), hold the process open only while they have work, and end with `close()`.
 */
export class DecodePool {
  readonly size: number;
  readonly #workers: PoolWorker[] = [];
  #entry: { code: string; evaluate: boolean } | undefined;
  #nextId = 0;
  #closed = false;

  constructor(size: number) {
    this.size = size;
  }

  /** Starts every worker and resolves once each has loaded, so the first bodies wait for no start-up. */
  async start(): Promise<void> {
    while (this.#workers.length < this.size) this.#start();
    await Promise.all(this.#workers.map(({ ready }) => ready));
  }

  /** Decodes an OTLP/JSON ExportTraceServiceRequest in a worker; rejects with OtlpDecodeError when unusable. */
  decodeTracesJson(body: Buffer): Promise<StagedTraces> {
    if (this.#closed) return Promise.reject(new Error('tracegate decode pool: closed'));
    const target = this.#pick();
    const id = this.#nextId++;
    // A body that owns its whole buffer moves to the worker; one that shares it (a pooled slice) is copied first.
    const own = body.byteOffset === 0 && body.byteLength === body.buffer.byteLength;
    const buffer = own ? (body.buffer as ArrayBuffer) : new Uint8Array(body).buffer;
    const job: DecodeJob = { id, body: buffer, offset: 0, length: body.byteLength };
    return new Promise<StagedTraces>((resolve, reject) => {
      if (target.pending.size === 0) target.worker.ref();
      target.pending.set(id, { resolve, reject });
      target.worker.postMessage(job, [buffer]);
    });
  }

  /** Ends every worker; jobs still pending are rejected. */
  async close(): Promise<void> {
    this.#closed = true;
    const workers = this.#workers.splice(0);
    for (const { pending } of workers) this.#failAll(pending, new Error('tracegate decode pool: closed'));
    await Promise.all(workers.map(({ worker }) => worker.terminate()));
  }

  // The least busy worker, starting another while every one has work and the pool is not full.
  #pick(): PoolWorker {
    let best: PoolWorker | undefined;
    for (const candidate of this.#workers) {
      if (best === undefined || candidate.pending.size < best.pending.size) best = candidate;
    }
    if (best !== undefined && (best.pending.size === 0 || this.#workers.length >= this.size)) return best;
    return this.#start();
  }

  #start(): PoolWorker {
    this.#entry ??= workerEntry();
    const worker = new Worker(this.#entry.code, { eval: this.#entry.evaluate });
    worker.unref();
    let loaded = (): void => {};
    const ready = new Promise<void>((resolve) => (loaded = resolve));
    const started: PoolWorker = { worker, pending: new Map(), ready };
    worker.on('message', (reply: DecodeReply) => ('ready' in reply ? loaded() : this.#settle(started, reply)));
    const fail = (error: Error): void => {
      loaded();
      const at = this.#workers.indexOf(started);
      if (at !== -1) this.#workers.splice(at, 1);
      this.#failAll(started.pending, error);
    };
    worker.on('error', (error) =>
      fail(new Error(`tracegate decode worker failed: ${error.message}`, { cause: error })),
    );
    worker.on('exit', (code) => fail(new Error(`tracegate decode worker exited with code ${code}`)));
    this.#workers.push(started);
    return started;
  }

  #settle(from: PoolWorker, reply: Exclude<DecodeReply, { ready: true }>): void {
    const job = from.pending.get(reply.id);
    if (job === undefined) return;
    from.pending.delete(reply.id);
    if (from.pending.size === 0) from.worker.unref();
    if ('wire' in reply) {
      job.resolve({ batch: unpackSpanBatch(reply.wire), rejected: reply.rejected });
    } else if (reply.error.code === ErrorCode.OtlpDecode) {
      job.reject(new OtlpDecodeError(reply.error.message));
    } else {
      job.reject(new Error(`tracegate decode worker: ${reply.error.message}`));
    }
  }

  #failAll(pending: Map<number, PendingJob>, error: Error): void {
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  }
}
