import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const API = fileURLToPath(new URL('../fixtures/run-api.mjs', import.meta.url));
export const WORKER = fileURLToPath(new URL('../fixtures/run-worker.mjs', import.meta.url));

/** A loopback port that was free a moment ago. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The api → worker system of the fixtures as `--service`/`--ready` values; `broken` drops context on the hop. */
export async function system(broken: boolean) {
  const [apiPort, workerPort] = [await freePort(), await freePort()];
  const worker = `http://127.0.0.1:${workerPort}`;
  const api = `http://127.0.0.1:${apiPort}`;
  return {
    target: api,
    worker: { name: 'worker', command: `PORT=${workerPort} node ${WORKER}`, ready: `${worker}/health` },
    api: {
      name: 'api',
      command: `${broken ? 'BREAK_CONTEXT=1 ' : ''}PORT=${apiPort} WORKER_URL=${worker} node ${API}`,
      ready: `${api}/health`,
    },
  };
}
