/** The key of Store's method that hands read-side views its span table; kept out of the public barrel. */
export const STORE_SPAN_TABLE: unique symbol = Symbol('tracegate.storeSpanTable');
