/**
 * Skipping container tests where no dependency can be provided. Jest decides `it` vs `it.skip` while it collects a
 * file, so the decision is made by a top-level await before the tests are declared:
 *
 *   const itWithRedis = await itWithDependencies(['redis']);
 *   itWithRedis('answers PING', async () => { ... });
 *
 * A skip prints one line to stderr with the reason (no engine at the socket, image not built and how to build it).
 * `TRACEGATE_REQUIRE_DOCKER=1` (for CI machines that must run them) turns every skip into a failure of the file.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { it } from '@jest/globals';
import { dependencyAvailability } from '../../harness/infra/dependency-availability.js';
import type { DependencyKind } from '../../harness/infra/dependency.js';
import { dockerAvailability } from '../../harness/infra/docker-availability.js';

/** `it` or `it.skip`: both declare a test the same way. */
export type TestFn = typeof it.skip;

function skipOrRequire(what: string, reasons: readonly string[], env: NodeJS.ProcessEnv): TestFn {
  const reason = reasons.join('; ');
  if (env['TRACEGATE_REQUIRE_DOCKER'] === '1') {
    throw new Error(`TRACEGATE_REQUIRE_DOCKER=1 but ${what} cannot run: ${reason}`);
  }
  process.stderr.write(`[tracegate] skipping ${what}: ${reason}\n`);
  return it.skip;
}

/** `it` when startDependency() can provide every kind now (URL or built image on a running engine), else `it.skip`. */
export async function itWithDependencies(
  kinds: readonly DependencyKind[],
  options: { readonly env?: NodeJS.ProcessEnv } = {},
): Promise<TestFn> {
  const env = options.env ?? process.env;
  const answers = await Promise.all(kinds.map((kind) => dependencyAvailability(kind, { env })));
  // A missing engine is one cause for every kind: say it once; missing images are listed one by one.
  const reasons = new Map<string, string>();
  for (const answer of answers) {
    if (!answer.available)
      reasons.set(answer.error.reason === 'no-engine' ? 'no-engine' : answer.reason, answer.reason);
  }
  if (reasons.size === 0) return it;
  return skipOrRequire(`tests needing ${kinds.join(', ')}`, [...reasons.values()], process.env);
}

/** `it` when a Docker engine answers, else `it.skip` with the reason printed. */
export async function itWithDocker(): Promise<TestFn> {
  const docker = await dockerAvailability();
  return docker.available ? it : skipOrRequire('tests needing a Docker engine', [docker.reason], process.env);
}

/** The environment for container tests: image overrides kept, dependency URLs dropped so containers really start. */
export function containerEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const name of ['TRACEGATE_POSTGRES_IMAGE', 'TRACEGATE_REDIS_IMAGE', 'TRACEGATE_RABBITMQ_IMAGE']) {
    if (process.env[name]) env[name] = process.env[name];
  }
  return env;
}

const run = promisify(execFile);

/** Runs the docker command line (an observer independent of tracegate's own engine client). */
export async function docker(...args: string[]): Promise<string> {
  const { stdout } = await run('docker', args, { timeout: 30_000 });
  return stdout.trim();
}

/** True while any container (running or stopped) with this id exists. */
export async function containerExists(id: string): Promise<boolean> {
  return (await docker('ps', '--all', '--quiet', '--no-trunc', '--filter', `id=${id}`)) !== '';
}
