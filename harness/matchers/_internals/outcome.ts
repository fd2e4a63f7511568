/** What a matcher returns to jest or vitest: `pass` as measured, and a message built only when it is shown. */
export interface MatcherOutcome {
  readonly pass: boolean;
  message(): string;
}

/** A matcher's result: immediate, or a promise when it received a promise (a trace still being waited for). */
export type MatcherResult = MatcherOutcome | Promise<MatcherOutcome>;
