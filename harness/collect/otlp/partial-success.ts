/** Longest partialSuccess message sent back; exporters log it, and one bad batch can refuse thousands of items. */
export const MAX_PARTIAL_MESSAGE_CHARS = 1024;

function andMore(count: number): string {
  return count > 0 ? `; and ${count} more` : '';
}

/** Joins the reasons items were refused into one message of at most `maxChars`, saying how many it left out. */
export function partialSuccessMessage(reasons: readonly string[], maxChars = MAX_PARTIAL_MESSAGE_CHARS): string {
  let message = '';
  let included = 0;
  for (const reason of reasons) {
    const candidate = included === 0 ? reason : `${message}; ${reason}`;
    if (candidate.length + andMore(reasons.length - included - 1).length > maxChars) break;
    message = candidate;
    included++;
  }
  if (included > 0) return message + andMore(reasons.length - included);
  // Not even the first reason fits whole: keep its start, since it names the problem.
  const tail = andMore(reasons.length - 1);
  const first = reasons[0] ?? '';
  return `${first.slice(0, Math.max(0, maxChars - tail.length - 1))}…${tail}`.slice(0, maxChars);
}
