import { parseArgs } from 'node:util';
import { UsageError } from './usage-error.js';

/** The flags one command accepts: a string flag takes a value, a boolean flag stands alone. */
export type FlagSpec = Readonly<Record<string, { readonly type: 'string' | 'boolean' }>>;

/** Parsed flags: the value of each string flag given (last one wins), `true` for each boolean flag given. */
export type FlagValues<S extends FlagSpec> = {
  readonly [K in keyof S]?: S[K]['type'] extends 'string' ? string : boolean;
};

/**
 * Parses `argv` against `spec`; throws UsageError naming the first flag or argument the command does not take.
 * `command` ("tracegate receive") prefixes every message.
 */
export function parseFlags<S extends FlagSpec>(command: string, spec: S, argv: readonly string[]): FlagValues<S> {
  // Non-strict parsing returns every token, so the messages can be tracegate's own and name the exact flag.
  const { tokens } = parseArgs({ args: [...argv], options: spec, strict: false, allowPositionals: true, tokens: true });
  const values: Record<string, string | boolean> = {};
  const help = `see ${command} --help`;
  for (const token of tokens) {
    if (token.kind === 'positional') throw new UsageError(`${command}: unexpected argument "${token.value}" (${help})`);
    if (token.kind === 'option-terminator') continue;
    const flag = spec[token.name];
    if (flag === undefined) throw new UsageError(`${command}: unknown flag ${token.rawName} (${help})`);
    if (flag.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${command}: ${token.rawName} takes no value`);
      values[token.name] = true;
      continue;
    }
    // Without an inline "=value", a following flag is a forgotten value, not the value.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('-'))) {
      throw new UsageError(`${command}: ${token.rawName} needs a value`);
    }
    values[token.name] = token.value;
  }
  return values as FlagValues<S>;
}

/** Flags of a command that takes one file argument: `repeat` string flags collect every value, others keep the last. */
export type FileCommandSpec = Readonly<
  Record<string, { readonly type: 'string' | 'boolean'; readonly repeat?: boolean }>
>;

/** A command line with at most one file argument: every string flag's values in order, and the boolean flags given. */
export interface FileCommandLine<F extends string> {
  readonly file: string | undefined;
  readonly strings: ReadonlyMap<F, readonly string[]>;
  readonly booleans: ReadonlySet<F>;
}

/**
 * Parses the command line of a command that takes one file (`tracegate run`, `tracegate gate`) against `spec`;
 * throws UsageError naming the first flag or argument the command does not take.
 */
export function parseFileCommand<S extends FileCommandSpec>(
  command: string,
  spec: S,
  argv: readonly string[],
): FileCommandLine<keyof S & string> {
  type Flag = keyof S & string;
  const options = Object.fromEntries(Object.entries(spec).map(([name, { type }]) => [name, { type }]));
  // Non-strict parsing returns every token, so the messages are tracegate's own and name the exact flag.
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  const strings = new Map<Flag, string[]>();
  const booleans = new Set<Flag>();
  let file: string | undefined;
  const help = `see ${command} --help`;
  for (const token of tokens) {
    if (token.kind === 'option-terminator') continue;
    if (token.kind === 'positional') {
      if (file !== undefined) throw new UsageError(`${command}: unexpected argument "${token.value}" (${help})`);
      file = token.value;
      continue;
    }
    const name = token.name as Flag;
    const flag = spec[name];
    if (flag === undefined) throw new UsageError(`${command}: unknown flag ${token.rawName} (${help})`);
    if (flag.type === 'boolean') {
      if (token.value !== undefined) throw new UsageError(`${command}: ${token.rawName} takes no value`);
      booleans.add(name);
      continue;
    }
    // Without an inline "=value", a following flag is a forgotten value, not the value.
    if (token.value === undefined || (!token.inlineValue && token.value.startsWith('--'))) {
      throw new UsageError(`${command}: ${token.rawName} needs a value`);
    }
    const values = strings.get(name) ?? [];
    if (flag.repeat === true) values.push(token.value);
    else values.splice(0, values.length, token.value);
    strings.set(name, values);
  }
  return { file, strings, booleans };
}

/** An integer flag value within [min, max]; throws UsageError naming the flag and what it got. */
export function integerFlag(command: string, flag: string, raw: string, min: number, max: number): number {
  const value = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${command}: --${flag} must be an integer from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

/** A share flag value (a threshold from 0 to 1); throws UsageError naming the flag and what it got. */
export function shareFlag(command: string, flag: string, raw: string): number {
  const value = /^(0|1|0?\.\d+|1\.0*)$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!(value >= 0 && value <= 1)) {
    throw new UsageError(`${command}: --${flag} must be a number from 0 to 1, got "${raw}"`);
  }
  return value;
}
