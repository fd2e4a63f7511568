/** A namespaced debug logger; the message is a function so a silent logger never builds its string. */
export interface DebugLog {
  (message: () => string): void;
  readonly enabled: boolean;
}

function namespacePattern(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/**
 * True when the `DEBUG` setting names `namespace`: a comma- or space-separated list of globs (`tracegate:*`),
 * where a leading `-` excludes.
 */
export function debugEnabled(namespace: string, setting: string | undefined): boolean {
  if (setting === undefined || setting.trim() === '') return false;
  let enabled = false;
  for (const glob of setting.split(/[\s,]+/)) {
    if (glob === '') continue;
    if (glob.startsWith('-')) {
      if (namespacePattern(glob.slice(1)).test(namespace)) return false;
    } else if (namespacePattern(glob).test(namespace)) {
      enabled = true;
    }
  }
  return enabled;
}

const silent: DebugLog = Object.assign(() => {}, { enabled: false });

/** Creates the logger for `namespace`, silent unless `DEBUG` (read once, now) names it; writes to stderr. */
export function createDebug(
  namespace: string,
  setting: string | undefined = process.env['DEBUG'],
  write: (line: string) => void = (line) => process.stderr.write(line),
): DebugLog {
  if (!debugEnabled(namespace, setting)) return silent;
  return Object.assign((message: () => string) => write(`${namespace} ${message()}\n`), { enabled: true });
}
