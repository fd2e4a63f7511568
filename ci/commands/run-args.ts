import { parseArgs } from 'node:util';
import { UsageError } from '../usage-error.js';

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
export interface RunArgs {
  readonly file: string | undefined;
  readonly strings: ReadonlyMap<RunFlag, readonly string[]>;
  readonly booleans: ReadonlySet<RunFlag>;
}

/** Parses `argv`; throws UsageError naming the first flag or argument `tracegate run` does not take. */
export function parseRunArgs(argv: readonly string[]): RunArgs {
  const options = Object.fromEntries(Object.entries(RUN_FLAGS).map(([name, { type }]) => [name, { type }]));
  // Non-strict parsing returns every token, so the messages are tracegate's own and name the exact flag.
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const strings = new Map<RunFlag, string[]>();
  const booleans = new Set<RunFlag>();
  let file: string | undefined;
  const help = `see ${RUN_COMMAND} --help`;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (file !== undefined) throw new UsageError(`${RUN_COMMAND}: unexpected argument "${token.value}" (${help})`);
      file = token.value;
      continue;
    }
    const name = token.name as RunFlag;
    const flag = (RUN_FLAGS as Record<string, { type: string; repeat?: boolean }>)[name];
    if (flag === undefined) throw new UsageError(`${RUN_COMMAND}: unknown flag ${token.rawName} (${help})`);
    if (flag.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${RUN_COMMAND}: ${token.rawName} takes no value`);
      booleans.add(name);
      continue;
    }
    // Without an inline "=value", a following flag is a forgotten value, not the value.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
      throw new UsageError(`${RUN_COMMAND}: ${token.rawName} needs a value`);
    }
    const values = strings.get(name) ?? [];
    if (flag.repeat === true) values.push(token.value);
    else values.splice(0, values.length, token.value);
    strings.set(name, values);
  }
  return { file, strings, booleans };
}
