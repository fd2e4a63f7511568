/** Words of the selector grammar, shared by the parser and the formatter so the two cannot drift apart. */
import type { SpanKind } from '../../model/span.js';

export const KIND_WORDS: Readonly<Record<string, SpanKind | undefined>> = Object.freeze({
  server: 'server',
  client: 'client',
  producer: 'producer',
  consumer: 'consumer',
  internal: 'internal',
  unspecified: 'unspecified',
  span: undefined,
});

/** Filter keys with a meaning of their own; an attribute with one of these names is written quoted. */
export const RESERVED_KEYS: ReadonlySet<string> = new Set(['service', 'status', 'duration', 'event', 'link']);

/** An attribute key written without quotes. */
export const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** A value written without quotes (a service name such as `worker` or `billing-api`). */
export const BARE_WORD = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** Words that are values of their own and so cannot be bare strings. */
export const VALUE_WORDS: ReadonlySet<string> = new Set(['true', 'false', 'null']);
