import type { MatcherContextLike } from './matcher-context.js';
import { messageUtils } from './matcher-context.js';

/** One labelled line of a message; `side` picks the colour jest uses for that side of an assertion. */
export interface MessageLine {
  readonly label: string;
  readonly text: string;
  readonly side: 'expected' | 'received';
}

/** Everything a failure message says, before colours and layout. */
export interface FailureReport {
  readonly matcher: string;
  /** What the hint calls the received value, e.g. `trace`. */
  readonly received: string;
  /** What the hint calls the argument; '' when the matcher takes none. */
  readonly expected: string;
  readonly secondArgument?: string;
  readonly lines: readonly MessageLine[];
  /** Blocks after the labelled lines (trees, lists), separated by blank lines; already coloured where needed. */
  readonly sections?: readonly string[];
}

/**
 * Lays a report out the way jest's own matchers do: the dim hint line, a blank line, labels aligned on their
 * colons with continuation lines indented under the text, then the sections.
 */
export function failureMessage(context: MatcherContextLike | undefined, report: FailureReport): string {
  const utils = messageUtils(context);
  const hint = utils.matcherHint(report.matcher, report.received, report.expected, {
    isNot: context?.isNot === true,
    promise: context?.promise ?? '',
    ...(report.secondArgument === undefined ? {} : { secondArgument: report.secondArgument }),
  });
  const width = Math.max(0, ...report.lines.map((line) => line.label.length)) + 2;
  const lines = report.lines.map((line) => {
    const color = line.side === 'expected' ? utils.EXPECTED_COLOR : utils.RECEIVED_COLOR;
    const [first = '', ...rest] = line.text.split('\n');
    const label = `${line.label}: `.padEnd(width);
    return [label + color(first), ...rest.map((more) => ' '.repeat(width) + color(more))].join('\n');
  });
  return [hint, lines.join('\n'), ...(report.sections ?? []).filter((section) => section !== '')].join('\n\n');
}
