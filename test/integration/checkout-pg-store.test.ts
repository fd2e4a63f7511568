import { afterAll, describe, expect } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Dependency } from '../../harness/infra/dependency.js';
import { startDependency } from '../../harness/infra/start-dependency.js';
import { pgOrderStore } from '../../scenarios/checkout/services/store/pg-order-store.js';
import { itWithDependencies } from '../support/infra.js';

const itWithPostgres = await itWithDependencies(['postgres']);
let postgres: Dependency | undefined;
afterAll(() => postgres?.stop(), 60_000);

async function tablesOf(url: string, runId: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string }>(
      'SELECT tablename AS name FROM pg_tables WHERE tablename LIKE $1 ORDER BY tablename',
      [`checkout_${runId}_%`],
    );
    return rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

describe('pgOrderStore()', () => {
  itWithPostgres(
    "drops the run's tables when the last process using them closes its store",
    async () => {
      postgres = await startDependency('postgres');
      const runId = `t${randomBytes(6).toString('hex')}`;
      const tables = [`checkout_${runId}_orders`, `checkout_${runId}_outbox`];
      // The api's and the relay's processes share the tables; either may close first.
      const api = await pgOrderStore(postgres.url, runId);
      const relay = await pgOrderStore(postgres.url, runId);
      expect(await tablesOf(postgres.url, runId)).toEqual(tables);
      await api.close();
      expect(await tablesOf(postgres.url, runId)).toEqual(tables);
      expect(await relay.unsent(1)).toEqual([]);
      await relay.close();
      expect(await tablesOf(postgres.url, runId)).toEqual([]);
    },
    120_000,
  );
});
