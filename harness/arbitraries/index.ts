// tracegate/arbitraries: fast-check arbitraries for span records, trees and forests. fast-check is an optional
// peer dependency: install it to use this entry point.
export { traceIdArbitrary, spanIdArbitrary, spanKindArbitrary } from './ids.js';
export type { SpanShape, SpanShapeOptions } from './span-shape.js';
export { spanShapeArbitrary, DEFAULT_SERVICES, DEFAULT_SPAN_NAMES } from './span-shape.js';
export type { SpanForestOptions } from './span-forest.js';
export { spanForestArbitrary, BASE_TIME_UNIX_NANO } from './span-forest.js';
export type { SpanTreeOptions } from './span-tree.js';
export { spanTreeArbitrary, traceTreeArbitrary } from './span-tree.js';
