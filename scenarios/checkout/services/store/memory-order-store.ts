import type { Order, OrderStatus, OrderStore, OutboxRow } from './order-store.js';

/** A turn of the event loop, as a database round trip would take: concurrent requests interleave here. */
const roundTrip = () => new Promise<void>((resolve) => setImmediate(resolve));

/** The in-memory store of the embedded mode: api, relay and worker share it in one process. */
export function memoryOrderStore(): OrderStore {
  const orders = new Map<string, Order>();
  const outbox = new Map<string, OutboxRow>();
  return {
    async placeOrder(order, row) {
      await roundTrip();
      orders.set(order.id, order);
      outbox.set(row.id, row);
    },
    async order(id) {
      await roundTrip();
      return orders.get(id);
    },
    async recordPayment(id: string, status: OrderStatus, invoiceId?: string) {
      await roundTrip();
      const order = orders.get(id);
      if (order === undefined) return false;
      orders.set(id, { ...order, status, invoiceId: invoiceId ?? order.invoiceId });
      return true;
    },
    async unsent(limit) {
      await roundTrip();
      return [...outbox.values()].slice(0, limit);
    },
    async markSent(ids) {
      await roundTrip();
      for (const id of ids) outbox.delete(id);
    },
    async close() {},
  };
}
