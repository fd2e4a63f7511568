import { Worker } from 'node:worker_threads';
import { startReceiver } from '../../harness/collect/otlp/receiver.js';
import { Store } from '../../harness/collect/store.js';
import { toOtlpJson } from '../../test/support/otlp-proto.js';
import type { TimedVerdict } from './verdict-judge.js';
import { judgeWhenComplete } from './verdict-judge.js';
import { exportBatches, requestRecord } from './verdict-requests.js';

/** Posts `requests` requests' spans as OTLP/JSON from a worker thread to a receiver and times the verdict. */
export async function otlpTimeToVerdict(requests: number): Promise<TimedVerdict> {
  const bodies = [...exportBatches(1, requests)].map((spans) => Buffer.from(JSON.stringify(toOtlpJson(spans))));
  const records = Array.from({ length: requests }, (_, i) => requestRecord(i + 1));
  const store = new Store();
  const receiver = await startReceiver({ store });
  try {
    const verdict = judgeWhenComplete(store, records);
    const worker = new Worker(new URL('./post-worker.mjs', import.meta.url), {
      workerData: { url: receiver.tracesUrl, contentType: 'application/json', bodies, concurrency: 2 },
    });
    // The worker says when it is ready, waits for the go, then reports its timing once every body is posted.
    const posted = new Promise<unknown>((resolve, reject) => {
      worker.on('message', (message: { ready?: boolean }) => {
        if (message.ready === true) worker.postMessage('go');
        else resolve(message);
      });
      worker.once('error', reject);
    });
    const [timed] = await Promise.all([verdict, posted]);
    await worker.terminate();
    return timed;
  } finally {
    await receiver.close();
  }
}
