/** An order as the api accepted it and the worker and webhook updated it. */
export interface Order {
  readonly id: string;
  readonly sku: string;
  readonly quantity: number;
  readonly card: string;
  readonly status: OrderStatus;
  readonly invoiceId: string | null;
}

export type OrderStatus = 'pending' | 'paid' | 'declined' | 'failed';

/** A message waiting in the outbox, with the headers (W3C trace context, baggage) written beside it. */
export interface OutboxRow {
  readonly id: string;
  readonly topic: string;
  readonly payload: string;
  readonly headers: Readonly<Record<string, string>>;
}

/** Orders and their outbox: an order and its outbox row are written in one transaction. */
export interface OrderStore {
  placeOrder(order: Order, outbox: OutboxRow): Promise<void>;
  order(id: string): Promise<Order | undefined>;
  /** Updates an order's status (and invoice); false when no such order exists. */
  recordPayment(id: string, status: OrderStatus, invoiceId?: string): Promise<boolean>;
  /** Up to `limit` unsent outbox rows, oldest first. */
  unsent(limit: number): Promise<OutboxRow[]>;
  markSent(ids: readonly string[]): Promise<void>;
  close(): Promise<void>;
}
