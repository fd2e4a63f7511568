// Where the browser tests and the report bench find Chromium: CHROMIUM_PATH, /usr/bin/chromium, `chromium` on PATH.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The Chromium executable found, or every place that was tried (for the skip message). */
export type ChromiumLookup =
  { readonly path: string } | { readonly path: undefined; readonly tried: readonly string[] };

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** Finds Chromium: `CHROMIUM_PATH` when set, else /usr/bin/chromium, else `chromium` in a directory of PATH. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const override = env['CHROMIUM_PATH'];
  // An explicit override is the only place tried: falling back would hide a mistyped path.
  const candidates =
    override !== undefined && override !== ''
      ? [override]
      : [
          '/usr/bin/chromium',
          ...(env['PATH'] ?? '')
            .split(delimiter)
            .filter((dir) => dir !== '')
            .map((dir) => join(dir, 'chromium')),
        ];
  const path = candidates.find(executable);
  return path === undefined ? { path, tried: candidates } : { path };
}
