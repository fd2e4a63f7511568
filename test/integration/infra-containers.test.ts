import { describe, expect } from '@jest/globals';
import amqp from 'amqplib';
import { Redis } from 'ioredis';
import pg from 'pg';
import { startDependency } from '../../harness/infra/start-dependency.js';
import type { Dependency } from '../../harness/infra/dependency.js';
import { containerEnv, containerExists, docker, itWithDependencies } from '../support/infra.js';

const env = containerEnv();
const itWithContainers = await itWithDependencies(['postgres', 'redis', 'rabbitmq'], { env });

async function selectOne(url: string): Promise<unknown> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0]?.one;
  } finally {
    await client.end();
  }
}

async function ping(url: string): Promise<string> {
  const redis = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 1 });
  await redis.connect();
  try {
    return await redis.ping();
  } finally {
    redis.disconnect();
  }
}

async function assertQueue(url: string): Promise<string> {
  const connection = await amqp.connect(url);
  try {
    const channel = await connection.createChannel();
    return (await channel.assertQueue('tracegate-infra-probe', { durable: false })).queue;
  } finally {
    await connection.close();
  }
}

async function inspect(id: string): Promise<{ network: string; running: boolean; kind: string }> {
  const format = '{{.HostConfig.NetworkMode}} {{.State.Running}} {{index .Config.Labels "org.tracegate.dependency"}}';
  const [network = '', running = '', kind = ''] = (await docker('inspect', '--format', format, id)).split(' ');
  return { network, running: running === 'true', kind };
}

describe('startDependency() with a Docker engine', () => {
  itWithContainers(
    'starts PostgreSQL, Redis and RabbitMQ in parallel on loopback; each answers; disposing removes them',
    async () => {
      const starts = await Promise.allSettled([
        startDependency('postgres', { env }),
        startDependency('redis', { env }),
        startDependency('rabbitmq', { env }),
      ]);
      const started: Dependency[] = starts.flatMap((start) => (start.status === 'fulfilled' ? [start.value] : []));
      const failed = starts.find((start) => start.status === 'rejected');
      if (failed !== undefined) {
        // The containers that did start would outlive the test otherwise.
        await Promise.allSettled(started.map((dependency) => dependency.stop()));
        throw failed.reason;
      }
      const [postgres, redis, rabbitmq] = started as [Dependency, Dependency, Dependency];
      try {
        for (const dependency of started) {
          expect(dependency.source).toBe('container');
          expect(new URL(dependency.url).hostname).toBe('127.0.0.1');
          expect(await inspect(dependency.containerId!)).toEqual({
            network: 'host',
            running: true,
            kind: dependency.kind,
          });
        }
        // Ports are picked free at start, so they never collide with each other or with servers already on the host.
        expect(new Set(started.map((dependency) => new URL(dependency.url).port)).size).toBe(3);

        expect(await selectOne(postgres.url)).toBe(1);
        expect(await ping(redis.url)).toBe('PONG');
        expect(await assertQueue(rabbitmq.url)).toBe('tracegate-infra-probe');
      } finally {
        await Promise.all(started.map((dependency) => dependency[Symbol.asyncDispose]()));
      }
      for (const dependency of started) {
        expect(await containerExists(dependency.containerId!)).toBe(false);
        await expect(dependency.stop()).resolves.toBeUndefined();
      }
      expect(process.env['TESTCONTAINERS_RYUK_DISABLED']).toBe('true');
    },
    180_000,
  );
});
