// Posts every body to the receiver over keep-alive connections, `concurrency` at a time, then reports the time.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, contentType, bodies, concurrency } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: concurrency });

function post(body) {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: 'POST', agent, headers: { 'content-type': contentType, 'content-length': body.byteLength } },
      (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve() : reject(new Error(`receiver answered ${res.statusCode}`)),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const buffers = bodies.map((body) => Buffer.from(body.buffer, body.byteOffset, body.byteLength));
let next = 0;
async function lane() {
  while (next < buffers.length) await post(buffers[next++]);
}

const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, lane));
parentPort.postMessage({ ms: performance.now() - started });
agent.destroy();
