/**
 * An attribute value as OTLP's AnyValue carries it. Integers beyond 2^53 stay exact as bigint; bytes are
 * Uint8Array; kvlist values are plain objects; an empty AnyValue is null.
 */
export type AttributeValue =
  string | number | boolean | bigint | Uint8Array | null | readonly AttributeValue[] | AttributeMap;

export interface AttributeMap {
  readonly [key: string]: AttributeValue;
}

/** Attributes of a span, event, link, resource, scope or log. */
export type Attributes = AttributeMap;

/** Shared empty attributes: most events and links have none, so they cost no memory. */
export const EMPTY_ATTRIBUTES: Attributes = Object.freeze({});
