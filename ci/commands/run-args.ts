import { parseFileCommand } from '../args.js';
import type { FileCommandLine } from '../args.js';

export const RUN_COMMAND = 'tracegate run';

/** Flags of `tracegate run`: `repeat` ones collect every value, others keep the last. */
export const RUN_FLAGS = {
  service: { type: 'string', repeat: true },
  ready: { type: 'string', repeat: true },
  target: { type: 'string' },
  request: { type: 'string', repeat: true },
  requests: { type: 'string' },
  concurrency: { type: 'string' },
  rate: { type: 'string' },
  hop: { type: 'string', repeat: true },
  'min-root-coverage': { type: 'string' },
  'min-hop-continuity': { type: 'string' },
  'min-log-correlation': { type: 'string' },
  'otlp-port': { type: 'string' },
  'quiet-ms': { type: 'string' },
  'timeout-ms': { type: 'string' },
  seed: { type: 'string' },
  'no-propagate': { type: 'boolean' },
  'report-json': { type: 'string' },
  'report-junit': { type: 'string' },
  'report-html': { type: 'string' },
  'report-markdown': { type: 'string' },
  'redact-key': { type: 'string', repeat: true },
  help: { type: 'boolean' },
} as const satisfies Record<string, { type: 'string' | 'boolean'; repeat?: boolean }>;

export type RunFlag = keyof typeof RUN_FLAGS;

/** The command line of `tracegate run`: the scenario file, if any, and every flag's values in order. */
export type RunArgs = FileCommandLine<RunFlag>;

/** Parses `argv`; throws UsageError naming the first flag or argument `tracegate run` does not take. */
export function parseRunArgs(argv: readonly string[]): RunArgs {
  return parseFileCommand(RUN_COMMAND, RUN_FLAGS, argv);
}
