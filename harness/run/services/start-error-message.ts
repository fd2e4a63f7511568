import type { ServiceExit } from './stop-process-group.js';

/** The tail of a start error: the last lines a service printed, indented, or a note that it printed nothing. */
export function lastLinesBlock(lines: readonly string[]): string {
  if (lines.length === 0) return 'It printed nothing.';
  return `Last ${lines.length} line${lines.length === 1 ? '' : 's'} it printed:\n${lines.map((line) => `  | ${line}`).join('\n')}`;
}

/** "exited with code 1" or "was killed by SIGSEGV". */
export function describeExit(exit: Pick<ServiceExit, 'code' | 'signal'>): string {
  return exit.signal !== null ? `was killed by ${exit.signal}` : `exited with code ${String(exit.code)}`;
}
