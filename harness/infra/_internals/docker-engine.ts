import { existsSync } from 'node:fs';
import { request } from 'node:http';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** How long a Docker API call made to probe the engine may take before the engine counts as not answering. */
export const ENGINE_PROBE_TIMEOUT_MS = 5_000;

/** Where the Docker API is reached: a unix socket or plain TCP; other DOCKER_HOST forms are left to testcontainers. */
export type EngineLocation =
  | { readonly address: string; readonly socketPath: string }
  | { readonly address: string; readonly host: string; readonly port: number }
  | { readonly address: string; readonly delegated: true };

/** The engine testcontainers would use: DOCKER_HOST, else the first Docker socket that exists (the system one first). */
export function engineLocation(env: NodeJS.ProcessEnv): EngineLocation {
  const dockerHost = env['DOCKER_HOST']?.trim();
  if (dockerHost) {
    if (dockerHost.startsWith('unix://'))
      return { address: dockerHost, socketPath: dockerHost.slice('unix://'.length) };
    const tcp = /^tcp:\/\/([^:/]+):(\d+)\/?$/.exec(dockerHost);
    // TLS needs the client certificates testcontainers already knows how to load.
    if (tcp && !env['DOCKER_TLS_VERIFY']) return { address: dockerHost, host: tcp[1]!, port: Number(tcp[2]) };
    return { address: dockerHost, delegated: true };
  }
  const candidates = ['/var/run/docker.sock'];
  if (env['XDG_RUNTIME_DIR']) candidates.push(join(env['XDG_RUNTIME_DIR'], 'docker.sock'));
  candidates.push(
    join(homedir(), '.docker', 'run', 'docker.sock'),
    join(homedir(), '.docker', 'desktop', 'docker.sock'),
  );
  const socketPath = candidates.find((path) => existsSync(path)) ?? candidates[0]!;
  return { address: `unix://${socketPath}`, socketPath };
}

/** The answer to one Docker API request. */
export interface EngineAnswer {
  readonly status: number;
  readonly body: string;
}

/** One Docker API request over the engine's socket or TCP port; rejects on connection errors and after `timeoutMs`. */
export function engineRequest(
  location: Exclude<EngineLocation, { delegated: true }>,
  method: 'GET' | 'HEAD',
  path: string,
  timeoutMs = ENGINE_PROBE_TIMEOUT_MS,
): Promise<EngineAnswer> {
  const target = 'socketPath' in location ? { socketPath: location.socketPath } : location;
  return new Promise((resolve, reject) => {
    const req = request({ ...target, method, path, timeout: timeoutMs }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}
