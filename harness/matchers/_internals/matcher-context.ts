/** Options of `matcherHint`, as jest and vitest both accept them. */
export interface MatcherHintOptions {
  readonly isNot?: boolean;
  readonly promise?: string;
  readonly secondArgument?: string;
  readonly comment?: string;
}

/** The part of jest's and vitest's `this.utils` the matchers use to colour and frame their messages. */
export interface MessageUtils {
  readonly matcherHint: (
    matcherName: string,
    received?: string,
    expected?: string,
    options?: MatcherHintOptions,
  ) => string;
  readonly EXPECTED_COLOR: (text: string) => string;
  readonly RECEIVED_COLOR: (text: string) => string;
  readonly DIM_COLOR: (text: string) => string;
}

/**
 * What a test framework passes as `this` to a matcher. Every field is optional, so a matcher can be called as a
 * plain function too; its message is then uncoloured and reads as the positive assertion.
 */
export interface MatcherContextLike {
  readonly isNot?: boolean;
  readonly promise?: string;
  readonly utils?: Partial<MessageUtils>;
}

const plain = (text: string): string => text;

/** jest's `matcherHint` layout without colours, for calls outside a test framework. */
function plainMatcherHint(
  matcherName: string,
  received = 'received',
  expected = 'expected',
  options: MatcherHintOptions = {},
): string {
  let hint = received === '' ? 'expect' : `expect(${received})`;
  if (options.promise !== undefined && options.promise !== '') hint += `.${options.promise}`;
  if (options.isNot === true) hint += '.not';
  hint += `.${matcherName}(${expected}`;
  if (options.secondArgument !== undefined && options.secondArgument !== '') hint += `, ${options.secondArgument}`;
  hint += ')';
  if (options.comment !== undefined && options.comment !== '') hint += ` // ${options.comment}`;
  return hint;
}

const PLAIN_UTILS: MessageUtils = {
  matcherHint: plainMatcherHint,
  EXPECTED_COLOR: plain,
  RECEIVED_COLOR: plain,
  DIM_COLOR: plain,
};

/** The framework's utilities where it gave them, uncoloured stand-ins for the rest. */
export function messageUtils(context: MatcherContextLike | undefined): MessageUtils {
  const given = context?.utils;
  if (given === undefined) return PLAIN_UTILS;
  // Each is checked on its own: vitest and jest versions differ in which colours they expose.
  return {
    matcherHint: typeof given.matcherHint === 'function' ? given.matcherHint : plainMatcherHint,
    EXPECTED_COLOR: typeof given.EXPECTED_COLOR === 'function' ? given.EXPECTED_COLOR : plain,
    RECEIVED_COLOR: typeof given.RECEIVED_COLOR === 'function' ? given.RECEIVED_COLOR : plain,
    DIM_COLOR: typeof given.DIM_COLOR === 'function' ? given.DIM_COLOR : plain,
  };
}
