import { fileURLToPath } from 'node:url';
import { freePorts } from '../support/free-ports.js';

export const REPO = fileURLToPath(new URL('../..', import.meta.url));
export const API = fileURLToPath(new URL('../fixtures/run-api.mjs', import.meta.url));
export const WORKER = fileURLToPath(new URL('../fixtures/run-worker.mjs', import.meta.url));

/**
 * The api → worker system of the fixtures as `--service`/`--ready` values; `broken` drops context on the hop and
 * `apiEnv` sets the api's other switches (run-api.mjs), e.g. `{ ROOT_LOSS: '0.03' }`.
 */
export async function system(broken: boolean, apiEnv: Readonly<Record<string, string>> = {}) {
  const [apiPort, workerPort] = (await freePorts(2)) as [number, number];
  const worker = `http://127.0.0.1:${workerPort}`;
  const api = `http://127.0.0.1:${apiPort}`;
  return {
    target: api,
    worker: { name: 'worker', command: `PORT=${workerPort} node ${WORKER}`, ready: `${worker}/health` },
    api: {
      name: 'api',
      command: `${broken ? 'BREAK_CONTEXT=1 ' : ''}${switches(apiEnv)}PORT=${apiPort} WORKER_URL=${worker} node ${API}`,
      ready: `${api}/health`,
    },
  };
}

/** `NAME=value ` prefixes for a shell command; values are the fixtures' plain numbers. */
function switches(env: Readonly<Record<string, string>>): string {
  return Object.entries(env)
    .map(([name, value]) => `${name}=${value} `)
    .join('');
}
