import type { JsonValue, RequestTemplate } from '../../harness/traffic/traffic-plan.js';
import type { Scenario, ScenarioReports } from '../../harness/run/scenario.js';
import type { ServiceSpec } from '../../harness/run/services/service-spec.js';
import { parseReadyFlag, parseServiceFlag } from '../../harness/run/services/parse-service-flags.js';
import { isHttpUrl } from '../../harness/run/services/validate-service-specs.js';
import { HTTP_METHODS } from '../../harness/run/_internals/validate-traffic.js';
import type { Thresholds } from '../../harness/verdict/thresholds.js';
import { sensitiveKeyTest } from '../../reporters/redact.js';
import { integerFlag, shareFlag } from '../args.js';
import { UsageError } from '../usage-error.js';
import type { RunArgs, RunFlag } from './run-args.js';
import { RUN_COMMAND } from './run-args.js';

/** Flags that describe the system itself; a scenario file already does, so they cannot be combined with one. */
const STRUCTURE_FLAGS: readonly RunFlag[] = ['service', 'ready', 'target', 'request', 'hop'];
const REQUEST = /^\s*([A-Za-z]+)\s+(\/\S*)(?:\s+([\s\S]*\S))?\s*$/;

function last(args: RunArgs, flag: RunFlag): string | undefined {
  return args.strings.get(flag)?.at(-1);
}

function integer(args: RunArgs, flag: RunFlag, min: number, max: number): number | undefined {
  const raw = last(args, flag);
  return raw === undefined ? undefined : integerFlag(RUN_COMMAND, flag, raw, min, max);
}

function share(args: RunArgs, flag: RunFlag): number | undefined {
  const raw = last(args, flag);
  return raw === undefined ? undefined : shareFlag(RUN_COMMAND, flag, raw);
}

function positive(args: RunArgs, flag: RunFlag): number | undefined {
  const raw = last(args, flag);
  if (raw === undefined) return undefined;
  const value = /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw) : Number.NaN;
  if (!(value > 0) || !Number.isFinite(value)) {
    throw new UsageError(`${RUN_COMMAND}: --${flag} must be a number > 0, got "${raw}"`);
  }
  return value;
}

/** Reads `--request "METHOD /path [body]"`: a body that parses as JSON is sent as JSON, any other as text. */
export function parseRequestFlag(text: string): RequestTemplate {
  const parts = REQUEST.exec(text);
  if (parts === null) {
    throw new UsageError(
      `${RUN_COMMAND}: --request must read "METHOD /path" or "METHOD /path BODY", got ${JSON.stringify(text)}`,
    );
  }
  const method = parts[1]!.toUpperCase();
  if (!(HTTP_METHODS as readonly string[]).includes(method)) {
    throw new UsageError(
      `${RUN_COMMAND}: --request ${JSON.stringify(text)}: method must be one of ${HTTP_METHODS.join(', ')}`,
    );
  }
  const raw = parts[3];
  if (raw === undefined) return { method, path: parts[2]! };
  let body: JsonValue = raw;
  try {
    body = JSON.parse(raw) as JsonValue;
  } catch {
    // Not JSON: sent as the text it is.
  }
  return { method, path: parts[2]!, body };
}

function wrapped<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw new UsageError(`${RUN_COMMAND}: ${(error as Error).message}`);
  }
}

function services(args: RunArgs): ServiceSpec[] {
  const specs: ServiceSpec[] = (args.strings.get('service') ?? []).map((text) => wrapped(() => parseServiceFlag(text)));
  const byName = new Map(specs.map((spec) => [spec.name, spec]));
  if (byName.size < specs.length) throw new UsageError(`${RUN_COMMAND}: --service names must differ`);
  for (const text of args.strings.get('ready') ?? []) {
    const { name, ready } = wrapped(() => parseReadyFlag(text));
    const spec = byName.get(name);
    if (spec === undefined) {
      throw new UsageError(`${RUN_COMMAND}: --ready ${name}: no --service is named "${name}"`);
    }
    byName.set(name, { ...spec, ready });
  }
  return [...byName.values()];
}

function reports(args: RunArgs, base: ScenarioReports | undefined): ScenarioReports | undefined {
  const given = {
    ...base,
    ...Object.fromEntries(
      (['json', 'junit', 'html', 'markdown'] as const).flatMap((kind) => {
        const path = last(args, `report-${kind}`);
        return path === undefined ? [] : [[kind, path]];
      }),
    ),
  };
  return Object.keys(given).length === 0 ? undefined : given;
}

/** The system under test from flags alone (`scenario: "flags"`). */
function flagsScenario(args: RunArgs): Scenario {
  const target = last(args, 'target');
  if (target === undefined)
    throw new UsageError(`${RUN_COMMAND}: give a scenario file or --target URL (see ${RUN_COMMAND} --help)`);
  if (!isHttpUrl(target)) throw new UsageError(`${RUN_COMMAND}: --target must be an http(s) URL, got "${target}"`);
  const requests = (args.strings.get('request') ?? ['GET /']).map(parseRequestFlag);
  const hops = args.strings.get('hop');
  const specs = services(args);
  return {
    name: 'flags',
    target,
    traffic: { requests },
    ...(specs.length === 0 ? {} : { services: specs }),
    ...(hops === undefined ? {} : { hops }),
  };
}

/**
 * The scenario `tracegate run` runs: the file's (`base`) with the tuning flags over it, or one built from flags
 * alone. Throws UsageError naming the flag.
 */
export function scenarioFromFlags(args: RunArgs, base?: Scenario): Scenario {
  if (base !== undefined) {
    const structural = STRUCTURE_FLAGS.find((flag) => args.strings.has(flag));
    if (structural !== undefined) {
      throw new UsageError(
        `${RUN_COMMAND}: --${structural} describes the system; with a scenario file, change the file`,
      );
    }
  }
  const scenario = base ?? flagsScenario(args);
  const count = integer(args, 'requests', 1, 10_000_000);
  const concurrency = integer(args, 'concurrency', 1, 10_000);
  const rate = positive(args, 'rate');
  const thresholds: Partial<Thresholds> = {
    ...scenario.thresholds,
    ...defined('minRootCoverage', share(args, 'min-root-coverage')),
    ...defined('minHopContinuity', share(args, 'min-hop-continuity')),
    ...defined('minLogCorrelation', share(args, 'min-log-correlation')),
  };
  const quietMs = integer(args, 'quiet-ms', 0, 3_600_000);
  const timeoutMs = integer(args, 'timeout-ms', 1, 3_600_000);
  const seed = integer(args, 'seed', 0, Number.MAX_SAFE_INTEGER);
  const reportPaths = reports(args, scenario.reports);
  return {
    ...scenario,
    traffic: {
      ...scenario.traffic,
      ...defined('count', count),
      ...defined('concurrency', concurrency),
      ...defined('ratePerSecond', rate),
      ...(args.booleans.has('no-propagate') ? { propagate: false } : {}),
    },
    ...(Object.keys(thresholds).length === 0 ? {} : { thresholds }),
    ...(quietMs === undefined && timeoutMs === undefined
      ? {}
      : { completion: { ...scenario.completion, ...defined('quietMs', quietMs), ...defined('timeoutMs', timeoutMs) } }),
    ...defined('seed', seed),
    ...(reportPaths === undefined ? {} : { reports: reportPaths }),
  };
}

function defined<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/** The `--redact-key` values of `command`, checked; throws UsageError naming a key with no letter or digit. */
export function redactKeysFlag(command: string, keys: readonly string[] | undefined): readonly string[] {
  const bad = (keys ?? []).find((key) => !/[A-Za-z0-9]/.test(key));
  if (bad !== undefined) throw new UsageError(`${command}: --redact-key must contain a letter or digit, got "${bad}"`);
  sensitiveKeyTest(keys);
  return keys ?? [];
}
