const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const HEX = /\b(?=[0-9a-f]*\d)[0-9a-f]{8,}\b/gi;
const DIGITS = /\d+/g;

/** A span name with its ids replaced: `GET /orders/123` → `GET /orders/{n}`; uuids and long hex likewise. */
export function nameTemplate(name: string): string {
  return name.replace(UUID, '{uuid}').replace(HEX, '{hex}').replace(DIGITS, '{n}');
}
