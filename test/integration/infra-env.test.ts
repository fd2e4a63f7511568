import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { DependencyUnavailableError, ErrorCode, InvalidArgumentError } from '../../harness/errors.js';
import { startDependency } from '../../harness/infra/start-dependency.js';
import type { DependencyKind } from '../../harness/infra/dependency.js';

// No engine answers here, so any attempt to start a container would throw: a returned dependency came from the env.
process.env['DOCKER_HOST'] = `unix://${join(mkdtempSync(join(tmpdir(), 'tracegate-infra-')), 'no-engine.sock')}`;

const urls: Record<DependencyKind, [string, string]> = {
  postgres: ['DATABASE_URL', 'postgres://app:secret@127.0.0.1:5432/orders'],
  redis: ['REDIS_URL', 'redis://127.0.0.1:6379/2'],
  rabbitmq: ['RABBITMQ_URL', 'amqp://guest:guest@127.0.0.1:5672'],
};

describe('startDependency() with a URL in the environment', () => {
  it.each(Object.entries(urls))('%s: the URL wins and no container starts', async (kind, [variable, url]) => {
    await using dependency = await startDependency(kind as DependencyKind, { env: { [variable]: url } });
    expect(dependency).toMatchObject({ kind, url, source: 'env', containerId: undefined });
  });

  it('reads options.env instead of process.env when given', async () => {
    process.env['REDIS_URL'] = 'redis://127.0.0.1:6379/9';
    try {
      const dependency = await startDependency('redis', { env: { REDIS_URL: 'redis://127.0.0.1:6379/3' } });
      expect(dependency.url).toBe('redis://127.0.0.1:6379/3');
      const fromProcess = await startDependency('redis');
      expect(fromProcess).toMatchObject({ url: 'redis://127.0.0.1:6379/9', source: 'env' });
    } finally {
      delete process.env['REDIS_URL'];
    }
  });

  it('stopping a dependency from the environment does nothing, however often', async () => {
    const dependency = await startDependency('postgres', { env: { DATABASE_URL: urls.postgres[1] } });
    await expect(dependency.stop()).resolves.toBeUndefined();
    await expect(dependency[Symbol.asyncDispose]()).resolves.toBeUndefined();
  });

  it('a blank URL counts as unset, so a container is wanted (and here there is no engine)', async () => {
    const attempt = startDependency('redis', { env: { REDIS_URL: '  ' } });
    await expect(attempt).rejects.toBeInstanceOf(DependencyUnavailableError);
    await expect(attempt).rejects.toMatchObject({ code: ErrorCode.DependencyUnavailable, reason: 'no-engine' });
  });

  it('a URL that does not parse is an InvalidArgumentError naming the variable', async () => {
    const attempt = startDependency('rabbitmq', { env: { RABBITMQ_URL: 'not a url' } });
    await expect(attempt).rejects.toBeInstanceOf(InvalidArgumentError);
    await expect(attempt).rejects.toThrow(
      `tracegate.startDependency('rabbitmq'): RABBITMQ_URL is not a URL: "not a url"`,
    );
  });

  it('rejects an unknown kind, an empty image and a non-positive startup timeout before doing anything', async () => {
    await expect(startDependency('mysql' as DependencyKind)).rejects.toThrow(
      'tracegate.startDependency(): kind must be one of postgres, redis, rabbitmq; got "mysql"',
    );
    await expect(startDependency('redis', { image: ' ' })).rejects.toThrow('image must be a non-empty string');
    await expect(startDependency('redis', { startupTimeoutMs: 0 })).rejects.toThrow(
      'startupTimeoutMs must be a positive number of ms; got 0',
    );
  });
});
