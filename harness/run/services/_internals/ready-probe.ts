import { request } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { connect } from 'node:net';
import type { ReadySpec } from '../service-spec.js';

/** One readiness check: `attempt()` resolves with undefined when ready, else with why not. */
export interface ReadyProbe {
  /** What is waited for, for messages: `HTTP GET http://…/health to answer below 500`. */
  readonly describe: string;
  attempt(signal: AbortSignal): Promise<string | undefined>;
  /** Event-driven probes call `wake` when an attempt may now succeed. */
  subscribe?(wake: () => void): () => void;
}

function httpProbe(url: string): ReadyProbe {
  return {
    describe: `HTTP GET ${url} to answer below 500`,
    attempt: (signal) =>
      new Promise((resolve) => {
        const send = url.startsWith('https:') ? httpsRequest : request;
        const req = send(url, { method: 'GET', agent: false, signal }, (response) => {
          response.resume();
          const status = response.statusCode ?? 0;
          resolve(status < 500 ? undefined : `answered ${status}`);
        });
        req.on('error', (error) => resolve(error.message));
        req.end();
      }),
  };
}

function portProbe(port: number, host: string): ReadyProbe {
  return {
    describe: `TCP port ${host}:${port} to accept connections`,
    attempt: (signal) =>
      new Promise((resolve) => {
        const socket = connect({ port, host, signal });
        socket.once('connect', () => {
          socket.destroy();
          resolve(undefined);
        });
        socket.once('error', (error) => resolve(error.message));
      }),
  };
}

/** A probe that is ready once any line written so far matched `pattern`. */
export function logLineProbe(
  pattern: RegExp,
  onLine: (listener: (line: string) => void) => () => void,
): ReadyProbe & { dispose(): void } {
  let seen = false;
  const wakers = new Set<() => void>();
  // Subscribed at spawn, so a line printed before the wait starts still counts.
  const dispose = onLine((line) => {
    pattern.lastIndex = 0;
    if (seen || !pattern.test(line)) return;
    seen = true;
    for (const wake of wakers) wake();
  });
  return {
    describe: `a log line matching ${String(pattern)}`,
    attempt: () => Promise.resolve(seen ? undefined : 'no line matched yet'),
    subscribe(wake) {
      wakers.add(wake);
      return () => wakers.delete(wake);
    },
    dispose,
  };
}

/** The probe for a URL or port readiness spec (log lines need the capture: see logLineProbe). */
export function networkProbe(ready: Exclude<ReadySpec, { logLine: RegExp }>): ReadyProbe {
  return 'url' in ready ? httpProbe(ready.url) : portProbe(ready.port, ready.host ?? '127.0.0.1');
}
