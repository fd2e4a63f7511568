import type { GateOn } from '../../harness/verdict/thresholds.js';
import type { Thresholds } from '../../harness/verdict/thresholds.js';
import { parseFileCommand, shareFlag } from '../args.js';
import { UsageError } from '../usage-error.js';

export const GATE_COMMAND = 'tracegate gate';

const FLAGS = {
  'min-root-coverage': { type: 'string' },
  'min-hop-continuity': { type: 'string' },
  'min-log-correlation': { type: 'string' },
  'gate-on': { type: 'string' },
  'report-json': { type: 'string' },
  'report-junit': { type: 'string' },
  'report-markdown': { type: 'string' },
  'report-html': { type: 'string' },
  'redact-key': { type: 'string', repeat: true },
  help: { type: 'boolean' },
} as const satisfies Record<string, { type: 'string' | 'boolean'; repeat?: boolean }>;

/** The command line of `tracegate gate`, read and checked. */
export interface GateArgs {
  readonly help: boolean;
  /** The saved JSON report to judge again. */
  readonly file: string | undefined;
  /** Only the thresholds given on the command line; the rest stay as the report recorded them. */
  readonly thresholds: Partial<Thresholds>;
  readonly reports: {
    readonly json?: string;
    readonly junit?: string;
    readonly markdown?: string;
    readonly html?: string;
  };
  readonly redactKeys: readonly string[];
}

const SHARES = {
  'min-root-coverage': 'minRootCoverage',
  'min-hop-continuity': 'minHopContinuity',
  'min-log-correlation': 'minLogCorrelation',
} as const;

function gateOn(raw: string): GateOn {
  // "point" is the word pipelines use for the point estimate; the report records it as "estimate".
  if (raw === 'point' || raw === 'estimate') return 'estimate';
  if (raw === 'lower-bound') return 'lower-bound';
  throw new UsageError(`${GATE_COMMAND}: --gate-on must be "point" or "lower-bound", got "${raw}"`);
}

/** Parses `argv`; throws UsageError naming the first flag or value `tracegate gate` does not take. */
export function parseGateArgs(argv: readonly string[]): GateArgs {
  const { file, strings, booleans } = parseFileCommand(GATE_COMMAND, FLAGS, argv);
  const values = new Map([...strings].map(([flag, given]) => [flag, given.at(-1)!]));
  const redactKeys = strings.get('redact-key') ?? [];
  const wantsHelp = booleans.has('help');
  const thresholds: { -readonly [K in keyof Thresholds]?: Thresholds[K] } = {};
  for (const [flag, key] of Object.entries(SHARES) as [keyof typeof SHARES, (typeof SHARES)[keyof typeof SHARES]][]) {
    const raw = values.get(flag);
    if (raw === undefined) continue;
    thresholds[key] = shareFlag(GATE_COMMAND, flag, raw);
  }
  const rawGateOn = values.get('gate-on');
  if (rawGateOn !== undefined) thresholds.gateOn = gateOn(rawGateOn);
  const reports = Object.fromEntries(
    (['json', 'junit', 'markdown', 'html'] as const).flatMap((kind) => {
      const path = values.get(`report-${kind}`);
      return path === undefined ? [] : [[kind, path]];
    }),
  );
  return { help: wantsHelp, file, thresholds, reports, redactKeys };
}
