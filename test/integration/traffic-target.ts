// A node:http target for the traffic driver's tests: 127.0.0.1, a free port, and a log of what it received.
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the target saw it. */
export interface ReceivedRequest {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** performance.now() when its headers arrived. */
  readonly arrivedMs: number;
}

export interface Target extends AsyncDisposable {
  readonly url: string;
  readonly port: number;
  readonly received: ReceivedRequest[];
  /** The most requests the target was answering at the same time. */
  readonly maxInFlight: number;
  close(): Promise<void>;
}

/** How the target answers; the default is 200 with "ok". Runs after the request body has been read. */
export type Answer = (request: ReceivedRequest, response: ServerResponse, raw: IncomingMessage) => void;

/** Starts a target on 127.0.0.1 and a free port. */
export async function startTarget(answer: Answer = (_request, response) => response.end('ok')): Promise<Target> {
  const received: ReceivedRequest[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const server = createServer((raw, response) => {
    const arrivedMs = performance.now();
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    // 'close' fires once per response however it ends: finished, or cut off by the client.
    response.once('close', () => inFlight--);
    const chunks: Buffer[] = [];
    raw.on('data', (chunk: Buffer) => chunks.push(chunk));
    raw.on('end', () => {
      const request = {
        method: raw.method ?? '',
        url: raw.url ?? '',
        headers: raw.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        arrivedMs,
      };
      received.push(request);
      answer(request, response, raw);
    });
  });
  await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
  const { port } = server.address() as AddressInfo;
  const close = async (): Promise<void> => {
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    // Stalled answers never end on their own; closing their sockets is what ends them.
    server.closeAllConnections();
    await closed;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    received,
    get maxInFlight() {
      return maxInFlight;
    },
    close,
    [Symbol.asyncDispose]: close,
  };
}
