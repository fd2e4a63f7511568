import type { OtlpSignal } from './responses.js';

const ROUTES: ReadonlyMap<string, OtlpSignal> = new Map([
  ['/v1/traces', 'traces'],
  ['/v1/logs', 'logs'],
  ['/v1/metrics', 'metrics'],
]);

/** The path of a request target without its query string. */
export function pathOf(target: string | undefined): string {
  const target_ = target ?? '/';
  const query = target_.indexOf('?');
  return query === -1 ? target_ : target_.slice(0, query);
}

/** The OTLP signal served at a request target, or undefined for any other path. */
export function signalAt(target: string | undefined): OtlpSignal | undefined {
  return ROUTES.get(pathOf(target));
}
