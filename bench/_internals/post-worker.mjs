// Posts every body to the receiver over keep-alive connections, `concurrency` at a time, then reports the time.
import { readFileSync } from 'node:fs';
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

// This thread's CPU time in ms (utime + stime, in clock ticks of 10 ms), so the bench can subtract the client's
// share from the process's CPU time and keep the receiver's.
// NaN where /proc is missing (not Linux): the bench then prints no CPU-time ratio.
function threadCpuMs() {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return NaN;
  }
}

// Start-up (a new isolate, the bodies copied in) is done by now: wait for the go, so the receiver's CPU clock
// starts with ours and the start-up is in neither.
parentPort.postMessage({ ready: true });
await new Promise((resolve) => parentPort.once('message', resolve));
const cpuStarted = threadCpuMs();
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, lane));
parentPort.postMessage({ ms: performance.now() - started, clientCpuMs: threadCpuMs() - cpuStarted });
agent.destroy();
