import type { CliIo } from '../io.js';

/** Stops a running progress display; on a terminal it also ends the updating line. */
export type StopProgress = () => void;

// Erase the whole line, then return to its start, so a shorter line leaves no tail of the longer one.
const REWRITE_LINE = '\r\x1b[2K';

/**
 * Shows `render()` now and every `intervalMs`: rewritten in place on a terminal, appended as a plain line otherwise,
 * and then only when it changed, so an idle receiver does not fill a CI log.
 */
export function startProgress(io: CliIo, render: () => string, intervalMs: number): StopProgress {
  let last = '';
  const tick = (): void => {
    const line = render();
    if (io.isTTY) io.stdout.write(`${REWRITE_LINE}${line}`);
    else if (line !== last) io.stdout.write(`${line}\n`);
    last = line;
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  // The receiver and the signal handlers decide when the process ends, not this display.
  timer.unref();
  return () => {
    clearInterval(timer);
    if (io.isTTY && last !== '') io.stdout.write('\n');
  };
}
