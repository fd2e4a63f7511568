// The generators are public API now (`tracegate/arbitraries`); tests keep importing them from here.
export {
  BASE_TIME_UNIX_NANO,
  traceIdArbitrary,
  spanIdArbitrary,
  spanKindArbitrary,
  spanShapeArbitrary,
  spanForestArbitrary,
  spanTreeArbitrary,
  traceTreeArbitrary,
} from '../../harness/arbitraries/index.js';
export type {
  SpanShape,
  SpanShapeOptions,
  SpanForestOptions,
  SpanTreeOptions,
} from '../../harness/arbitraries/index.js';
