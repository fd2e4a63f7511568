import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { InvalidArgumentError } from '../../harness/errors.js';
import { FAULT_NAMES, checkoutServices, parseFaults } from '../../scenarios/checkout/topology.js';

describe('checkout topology', () => {
  it('parses a comma list of faults and names the unknown one with every valid name', () => {
    expect(parseFaults(' queue-context,log-leak ,queue-context')).toEqual(['queue-context', 'log-leak']);
    expect(() => parseFaults('queue-context,slow-disk')).toThrow(InvalidArgumentError);
    expect(() => parseFaults('slow-disk')).toThrow(
      `unknown fault "slow-disk"; valid faults: ${FAULT_NAMES.join(', ')}`,
    );
  });

  it('runs api, relay and worker in one process without a broker, apart with one', () => {
    const embedded = checkoutServices({ apiPort: 4001, billingPort: 4002, runId: 'a1' });
    expect(embedded.map((spec) => [spec.name, spec.env?.['CHECKOUT_ROLES']])).toEqual([
      ['billing', 'billing'],
      ['api', 'api,relay,worker'],
    ]);
    const apart = checkoutServices({
      apiPort: 4001,
      billingPort: 4002,
      broker: 'redis://127.0.0.1:6379',
      databaseUrl: 'postgres://postgres@127.0.0.1:5432/test',
      faults: ['root-loss'],
      rootLoss: 0.08,
    });
    expect(apart.map((spec) => spec.name)).toEqual(['billing', 'worker', 'relay', 'api']);
    expect(apart[3]?.ready).toEqual({ url: 'http://127.0.0.1:4001/health' });
    expect(apart[3]?.env).toMatchObject({
      FAULTS: 'root-loss',
      ROOT_LOSS: '0.08',
      BROKER_URL: 'redis://127.0.0.1:6379',
    });
    expect(() => checkoutServices({ apiPort: 4001, billingPort: 4002, broker: 'amqp://x' })).toThrow('set databaseUrl');
    expect(() => checkoutServices({ apiPort: 0, billingPort: 4002 })).toThrow('apiPort must be a port');
  });

  it('stops a service started with an unknown fault, with status 2 and the valid names', () => {
    const [billing] = checkoutServices({ apiPort: 4001, billingPort: 4002 });
    const [node, ...args] = billing!.command as string[];
    const result = spawnSync(node!, args, {
      env: { ...process.env, ...billing!.env, FAULTS: 'log-leak,slow-disk' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain(`unknown fault slow-disk; valid faults: ${FAULT_NAMES.join(', ')}`);
  });
});
