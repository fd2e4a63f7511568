import { span } from '../../dsl/span.js';
import type { SpanPattern } from '../../dsl/span-pattern.js';
import type { MatcherContextLike } from './matcher-context.js';
import { patternArgument } from './pattern-argument.js';
import type { UsageProblem } from './received.js';
import { describeValue, usageError } from './received.js';

/** How a downstream span may continue the upstream trace. */
export type HopVia = 'child' | 'link' | 'either';

/**
 * A hop between two parts of a system: `"api>worker"` (service names; `:child` or `:link` narrows how it may
 * continue), or patterns for each side, as span patterns or selector strings.
 */
export type HopSpec =
  | string
  | {
      readonly from: SpanPattern | string;
      readonly to: SpanPattern | string;
      /** Default `'either'`: a child at any depth, or a span link to an upstream span. */
      readonly via?: HopVia;
    };

/** A hop with both sides as patterns. */
export interface Hop {
  readonly from: SpanPattern;
  readonly to: SpanPattern;
  readonly via: HopVia;
}

const SERVICE_HOP = /^\s*([^\s>:]+)\s*>\s*([^\s>:]+)\s*(?::\s*(child|link)\s*)?$/;
const VIAS: readonly HopVia[] = ['child', 'link', 'either'];

/** Reads a hop argument; anything malformed is a usage error naming the accepted forms. */
export function parseHop(
  context: MatcherContextLike | undefined,
  usage: Omit<UsageProblem, 'problem' | 'value'>,
  hop: unknown,
): Hop {
  if (typeof hop === 'string') {
    if (/[-=]>/.test(hop)) {
      return usageError(context, { ...usage, problem: `hop ${JSON.stringify(hop)}: write "from>to" with a plain '>'` });
    }
    const parts = SERVICE_HOP.exec(hop);
    if (parts === null) {
      return usageError(context, {
        ...usage,
        problem: `hop ${JSON.stringify(hop)} must read "from>to" with service names, optionally ending in :child or :link`,
      });
    }
    const via = (parts[3] as HopVia | undefined) ?? 'either';
    return { from: span.any({ service: parts[1]! }), to: span.any({ service: parts[2]! }), via };
  }
  const given = hop as Partial<Exclude<HopSpec, string>> | null;
  if (typeof given !== 'object' || given === null || given.from === undefined || given.to === undefined) {
    return usageError(context, {
      ...usage,
      problem: 'hop must be "from>to" or { from, to, via? }',
      value: describeValue(hop),
    });
  }
  const via = given.via ?? 'either';
  if (!VIAS.includes(via)) {
    return usageError(context, {
      ...usage,
      problem: `hop.via must be 'child', 'link' or 'either', got ${String(via)}`,
    });
  }
  return {
    from: patternArgument(context, usage, given.from, 'hop.from'),
    to: patternArgument(context, usage, given.to, 'hop.to'),
    via,
  };
}
