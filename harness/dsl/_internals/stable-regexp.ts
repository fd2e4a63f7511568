/**
 * A copy of `re` without the `g` and `y` flags: those make `test()` stateful through `lastIndex`, so the same
 * pattern could match a span once and miss it the next time.
 */
export function stableRegExp(re: RegExp): RegExp {
  return new RegExp(re.source, re.flags.replace(/[gy]/g, ''));
}
