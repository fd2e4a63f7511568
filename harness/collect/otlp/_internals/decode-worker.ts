// A decode worker's entry: OTLP/JSON trace bodies in, staged batches out (see decode-pool.ts).
import { parentPort } from 'node:worker_threads';
import { decodeTracesJson } from '../json-traces.js';
import { packSpanBatch } from './span-batch-wire.js';
import { stageRecords } from './stage-records.js';
import type { DecodeJob, DecodeReply } from './decode-messages.js';

const port = parentPort!;
port.on('message', (job: DecodeJob) => {
  let reply: DecodeReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const decoded = decodeTracesJson(Buffer.from(job.body, job.offset, job.length));
    const packed = packSpanBatch(stageRecords(decoded.records));
    reply = { id: job.id, wire: packed.wire, rejected: decoded.rejected };
    transfer = packed.transfer;
  } catch (error) {
    const code = (error as { code?: unknown } | null)?.code;
    const message = error instanceof Error ? error.message : String(error);
    reply = { id: job.id, error: { code: typeof code === 'string' ? code : undefined, message } };
  }
  port.postMessage(reply, transfer);
});
// Loaded and listening: the pool's start() waits for this.
port.postMessage({ ready: true });
