import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { DependencyUnavailableError, ErrorCode } from '../../harness/errors.js';
import { dependencyAvailability } from '../../harness/infra/dependency-availability.js';
import { dockerAvailability } from '../../harness/infra/docker-availability.js';
import { startDependency } from '../../harness/infra/start-dependency.js';
import { itWithDependencies, itWithDocker } from '../support/infra.js';

const missingSocket = `unix://${join(mkdtempSync(join(tmpdir(), 'tracegate-infra-')), 'docker.sock')}`;

async function closedTcpPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

afterEach(() => {
  delete process.env['TRACEGATE_REQUIRE_DOCKER'];
  jest.restoreAllMocks();
});

describe('without a Docker engine', () => {
  it('dockerAvailability() says no, naming the socket and what went wrong', async () => {
    process.env['DOCKER_HOST'] = missingSocket;
    const answer = await dockerAvailability();
    expect(answer).toEqual({
      available: false,
      reason: expect.stringContaining(`no Docker engine answers at ${missingSocket}`),
    });
    expect(answer.available || answer.reason).toContain('the socket does not exist');
  });

  it('an engine address over TCP that refuses connections is reported as refused', async () => {
    process.env['DOCKER_HOST'] = `tcp://127.0.0.1:${await closedTcpPort()}`;
    const answer = await dockerAvailability();
    expect(answer.available || answer.reason).toContain(`${process.env['DOCKER_HOST']} (connection refused`);
  });

  it('startDependency() throws DependencyUnavailableError saying why and how to fix it', async () => {
    process.env['DOCKER_HOST'] = missingSocket;
    const error = await startDependency('postgres', { env: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect(error).toMatchObject({
      code: ErrorCode.DependencyUnavailable,
      dependency: 'postgres',
      reason: 'no-engine',
      image: 'tracegate/postgres:15',
    });
    const message = (error as Error).message;
    expect(message).toContain(`tracegate.startDependency('postgres'): DATABASE_URL is not set and no Docker engine`);
    expect(message).toContain(missingSocket);
    expect(message).toContain('ci/images/build-images.sh');
  });

  it('dependencyAvailability() gives the same reason without throwing', async () => {
    process.env['DOCKER_HOST'] = missingSocket;
    const answer = await dependencyAvailability('rabbitmq', { env: { TRACEGATE_RABBITMQ_IMAGE: 'local/rabbit:1' } });
    expect(answer).toMatchObject({ available: false, reason: expect.stringContaining('RABBITMQ_URL is not set') });
    expect(answer.available || answer.error).toMatchObject({ reason: 'no-engine', image: 'local/rabbit:1' });
  });

  it('the test helpers return it.skip and print the reason', async () => {
    process.env['DOCKER_HOST'] = missingSocket;
    const printed: string[] = [];
    jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed.push(String(chunk));
      return true;
    });
    expect(await itWithDependencies(['redis'], { env: {} })).toBe(it.skip);
    expect(await itWithDocker()).toBe(it.skip);
    expect(printed).toEqual([
      expect.stringMatching(/^\[tracegate\] skipping tests needing redis: .*REDIS_URL is not set and no Docker engine/),
      expect.stringContaining(
        `[tracegate] skipping tests needing a Docker engine: no Docker engine answers at ${missingSocket}`,
      ),
    ]);
  });

  it('with TRACEGATE_REQUIRE_DOCKER=1 the helpers fail instead of skipping', async () => {
    process.env['DOCKER_HOST'] = missingSocket;
    process.env['TRACEGATE_REQUIRE_DOCKER'] = '1';
    await expect(itWithDocker()).rejects.toThrow(
      'TRACEGATE_REQUIRE_DOCKER=1 but tests needing a Docker engine cannot run',
    );
  });

  it('a URL still works: the helper keeps the test when the environment provides it', async () => {
    process.env['DOCKER_HOST'] = missingSocket;
    expect(await itWithDependencies(['redis'], { env: { REDIS_URL: 'redis://127.0.0.1:6379' } })).toBe(it);
  });
});
