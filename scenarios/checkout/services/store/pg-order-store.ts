import pg from 'pg';
import type { OrderStatus, OrderStore } from './order-store.js';

interface OrderRow {
  id: string;
  sku: string;
  quantity: number;
  card: string;
  status: OrderStatus;
  invoice_id: string | null;
}

/** Advisory lock space (first key) of the per-run lock that counts the processes using a run's tables. */
const RUN_LOCK_SPACE = 4243;

/**
 * The PostgreSQL store: tables `checkout_<runId>_orders` and `checkout_<runId>_outbox`, created when missing (under
 * an advisory lock, as several processes start at once), so concurrent runs never read each other's outbox. The last
 * of the run's processes to close its store drops both tables.
 */
export async function pgOrderStore(databaseUrl: string, runId: string): Promise<OrderStore> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  const orders = `checkout_${runId}_orders`.toLowerCase();
  const outbox = `checkout_${runId}_outbox`.toLowerCase();
  // Every process of the run holds this shared session lock while its store is open; on close, the one that can
  // then take it exclusively is the last user and drops the tables. A process that dies releases it with its session.
  const presence = new pg.Client({ connectionString: databaseUrl });
  await presence.connect();
  const lockArgs = [RUN_LOCK_SPACE, runId.toLowerCase()];
  await presence.query('SELECT pg_advisory_lock_shared($1, hashtext($2))', lockArgs);
  const setup = await pool.connect();
  try {
    await setup.query('BEGIN');
    await setup.query('SELECT pg_advisory_xact_lock(4242)');
    await setup.query(
      `CREATE TABLE IF NOT EXISTS ${orders} (id text PRIMARY KEY, sku text NOT NULL, quantity integer NOT NULL,
       card text NOT NULL, status text NOT NULL, invoice_id text)`,
    );
    await setup.query(
      `CREATE TABLE IF NOT EXISTS ${outbox} (seq bigserial PRIMARY KEY, id text UNIQUE NOT NULL, topic text NOT NULL,
       payload text NOT NULL, headers jsonb NOT NULL, sent_at timestamptz)`,
    );
    await setup.query('COMMIT');
  } catch (error) {
    await setup.query('ROLLBACK');
    await presence.end();
    throw error;
  } finally {
    setup.release();
  }
  return {
    async placeOrder(order, row) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        await client.query(
          `INSERT INTO ${orders} (id, sku, quantity, card, status, invoice_id) VALUES ($1, $2, $3, $4, $5, $6)`,
          [order.id, order.sku, order.quantity, order.card, order.status, order.invoiceId],
        );
        await client.query(`INSERT INTO ${outbox} (id, topic, payload, headers) VALUES ($1, $2, $3, $4)`, [
          row.id,
          row.topic,
          row.payload,
          JSON.stringify(row.headers),
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    async order(id) {
      const { rows } = await pool.query<OrderRow>(`SELECT * FROM ${orders} WHERE id = $1`, [id]);
      const row = rows[0];
      if (row === undefined) return undefined;
      const { invoice_id: invoiceId, ...rest } = row;
      return { ...rest, invoiceId };
    },
    async recordPayment(id: string, status: OrderStatus, invoiceId?: string) {
      const { rowCount } = await pool.query(
        `UPDATE ${orders} SET status = $2, invoice_id = COALESCE($3, invoice_id) WHERE id = $1`,
        [id, status, invoiceId ?? null],
      );
      return (rowCount ?? 0) > 0;
    },
    async unsent(limit) {
      const { rows } = await pool.query<{
        id: string;
        topic: string;
        payload: string;
        headers: Record<string, string>;
      }>(`SELECT id, topic, payload, headers FROM ${outbox} WHERE sent_at IS NULL ORDER BY seq LIMIT $1`, [limit]);
      return rows;
    },
    async markSent(ids) {
      if (ids.length > 0) await pool.query(`UPDATE ${outbox} SET sent_at = now() WHERE id = ANY($1)`, [ids]);
    },
    async close() {
      await pool.end();
      try {
        await presence.query('SELECT pg_advisory_unlock_shared($1, hashtext($2))', lockArgs);
        const { rows } = await presence.query<{ last: boolean }>(
          'SELECT pg_try_advisory_lock($1, hashtext($2)) AS last',
          lockArgs,
        );
        if (rows[0]?.last === true) await presence.query(`DROP TABLE IF EXISTS ${orders}, ${outbox}`);
      } finally {
        await presence.end();
      }
    },
  };
}
