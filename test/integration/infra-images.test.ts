import { afterAll, describe, expect } from '@jest/globals';
import { Redis } from 'ioredis';
import { DependencyUnavailableError, ErrorCode } from '../../harness/errors.js';
import { startDependency } from '../../harness/infra/start-dependency.js';
import { containerEnv, containerExists, docker, itWithDependencies, itWithDocker } from '../support/infra.js';

const env = containerEnv();
const itWithDockerEngine = await itWithDocker();
const itWithRedisImage = await itWithDependencies(['redis'], { env });
const redisImage = env['TRACEGATE_REDIS_IMAGE'] ?? 'tracegate/redis:7';
const alias = `tracegate/redis-alias:test-${process.pid}`;

afterAll(async () => {
  await docker('image', 'rm', alias).catch(() => undefined);
});

// Both filters: the container test may be running a real PostgreSQL container at the same time.
async function containersOf(kind: string, image: string): Promise<string[]> {
  const filters = ['--filter', `label=org.tracegate.dependency=${kind}`, '--filter', `ancestor=${image}`];
  const ids = await docker('ps', '--all', '--quiet', ...filters);
  return ids === '' ? [] : ids.split('\n');
}

describe('configurable images', () => {
  itWithDockerEngine('an image that is not built is a typed error naming the image and the build script', async () => {
    const missing = `tracegate/not-built-${process.pid}:1`;
    const error = await startDependency('redis', { env: { TRACEGATE_REDIS_IMAGE: missing } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DependencyUnavailableError);
    expect(error).toMatchObject({ code: ErrorCode.DependencyUnavailable, reason: 'image-missing', image: missing });
    const message = (error as Error).message;
    expect(message).toContain(`image "${missing}" is not on the Docker engine at unix://`);
    expect(message).toContain('Build it with ci/images/build-images.sh (it honours TRACEGATE_REDIS_IMAGE)');
    expect(message).toContain('or set REDIS_URL to a running Redis');
  });

  itWithDockerEngine('options.image wins over TRACEGATE_<KIND>_IMAGE', async () => {
    const error = await startDependency('rabbitmq', {
      image: 'tracegate/from-options:1',
      env: { TRACEGATE_RABBITMQ_IMAGE: 'tracegate/from-env:1' },
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'image-missing', image: 'tracegate/from-options:1' });
  });

  itWithRedisImage(
    'TRACEGATE_REDIS_IMAGE names the image that is started',
    async () => {
      await docker('tag', redisImage, alias);
      const redis = await startDependency('redis', { env: { TRACEGATE_REDIS_IMAGE: alias } });
      try {
        expect(await docker('inspect', '--format', '{{.Config.Image}}', redis.containerId!)).toBe(alias);
        const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 1 });
        await client.connect();
        expect(await client.ping()).toBe('PONG');
        client.disconnect();
      } finally {
        await redis.stop();
      }
      expect(await containerExists(redis.containerId!)).toBe(false);
    },
    120_000,
  );

  itWithRedisImage(
    'a container that never logs its ready line fails with the timeout in the message, and is removed',
    async () => {
      // The Redis image runs fine but never prints PostgreSQL's ready line.
      const error = await startDependency('postgres', { image: redisImage, env: {}, startupTimeoutMs: 3_000 }).catch(
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(DependencyUnavailableError);
      expect(error).toMatchObject({ reason: 'start-failed', image: redisImage, dependency: 'postgres' });
      expect((error as Error).message).toMatch(
        /did not log \/database system is ready to accept connections\/ within 3000 ms \(loopback ports \d+\)/,
      );
      expect(await containersOf('postgres', redisImage)).toEqual([]);
    },
    120_000,
  );
});
