// `npm run demo`: the checkout system under 1,000 requests, judged by `tracegate run`, healthy or with faults.
import { fileURLToPath } from 'node:url';
import { runCli } from '../../ci/run-cli.js';
import { freeLoopbackPorts } from '../../harness/infra/_internals/free-ports.js';
import { FAULT_NAMES, isBrokerUrl, parseFaults } from './topology.js';

const HELP = `Usage: npm run demo -- [--faults a,b] [--requests N] [--broker URL] [--database URL] [--root-loss R] [--out DIR]

Starts the reference checkout system (api, relay, worker, billing) on free loopback ports, sends it synthetic
traffic through tracegate, prints the verdict and writes out/checkout/tracegate.json (and report.html, .xml, .md).
Exits 0 when every check passes, 1 when one fails, 2 inconclusive, 3 on an error.

  --faults a,b      break the system on purpose; one or more of:
                    ${FAULT_NAMES.join(', ')}
  --requests N      how many requests (default 1000)
  --broker URL      amqp://… (RabbitMQ) or redis://… (Redis), with --database; default an embedded broker
  --database URL    postgres://… to keep orders in PostgreSQL; default an in-memory store
  --root-loss R     share of requests the API serves without an entry span (adds the root-loss fault)
  --out DIR         where the reports go (default out/checkout)
  --help            show this help
`;

const DEMO = 'demo';
const EXIT_ERROR = 3;
const FLAGS = ['faults', 'requests', 'broker', 'database', 'root-loss', 'out'] as const;
type DemoFlag = (typeof FLAGS)[number];

/** The flags given, or a one-line message saying what is wrong. */
function parseDemoArgs(argv: readonly string[]): { help: boolean; values: Map<DemoFlag, string> } | string {
  const values = new Map<DemoFlag, string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return { help: true, values };
    const equals = arg.indexOf('=');
    const flag = equals === -1 ? arg : arg.slice(0, equals);
    const inline = equals === -1 ? undefined : arg.slice(equals + 1);
    const name = flag.slice(2) as DemoFlag;
    if (!flag.startsWith('--') || !FLAGS.includes(name)) {
      return `${DEMO}: unknown flag ${JSON.stringify(arg)} (flags: ${FLAGS.map((f) => `--${f}`).join(', ')}, --help)`;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) return `${DEMO}: --${name} needs a value`;
    values.set(name, value);
  }
  return { help: false, values };
}

/** Checks the flags into the environment the scenario file reads, and the `tracegate run` arguments. */
function demoRun(values: Map<DemoFlag, string>): { env: Record<string, string>; argv: string[] } | string {
  const requests = values.get('requests') ?? '1000';
  if (!/^[1-9]\d{0,6}$/.test(requests)) return `${DEMO}: --requests must be a whole number from 1, got "${requests}"`;
  let faults: string[];
  try {
    faults = parseFaults(values.get('faults') ?? '');
  } catch (error) {
    return `${DEMO}: --faults: ${(error as Error).message}`;
  }
  // Cleared unless given, so that a DATABASE_URL exported for tests does not change what the demo runs.
  const env: Record<string, string> = { FAULTS: '', BROKER_URL: '', DATABASE_URL: '', ROOT_LOSS: '' };
  const rootLoss = values.get('root-loss');
  if (rootLoss !== undefined) {
    if (!(Number(rootLoss) >= 0 && Number(rootLoss) <= 1) || rootLoss.trim() === '') {
      return `${DEMO}: --root-loss must be a share from 0 to 1, got "${rootLoss}"`;
    }
    if (!faults.includes('root-loss')) faults = [...faults, 'root-loss'];
    env['ROOT_LOSS'] = rootLoss;
  }
  env['FAULTS'] = faults.join(',');
  const broker = values.get('broker');
  if (broker !== undefined) {
    if (!isBrokerUrl(broker)) return `${DEMO}: --broker must be an amqp:// or redis:// URL, got "${broker}"`;
    env['BROKER_URL'] = broker;
  }
  const database = values.get('database');
  if (database !== undefined) {
    if (!/^postgres(ql)?:\/\//.test(database))
      return `${DEMO}: --database must be a postgres:// URL, got "${database}"`;
    env['DATABASE_URL'] = database;
  }
  if (broker !== undefined && database === undefined) {
    return `${DEMO}: --broker needs --database postgres://…: api, relay and worker then share the outbox through it`;
  }
  const out = values.get('out') ?? 'out/checkout';
  const argv = [
    'run',
    fileURLToPath(new URL('./scenario.ts', import.meta.url)),
    '--requests',
    requests,
    '--report-json',
    `${out}/tracegate.json`,
    '--report-html',
    `${out}/report.html`,
    '--report-junit',
    `${out}/report.xml`,
    '--report-markdown',
    `${out}/report.md`,
  ];
  return { env, argv };
}

async function main(argv: readonly string[]): Promise<number> {
  const parsed = parseDemoArgs(argv);
  if (typeof parsed === 'string') {
    process.stderr.write(`${parsed}\n`);
    return EXIT_ERROR;
  }
  if (parsed.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const run = demoRun(parsed.values);
  if (typeof run === 'string') {
    process.stderr.write(`${run}\n`);
    return EXIT_ERROR;
  }
  // Both ports are held until both are chosen, so the two services never get the same one.
  const [apiPort, billingPort] = (await freeLoopbackPorts(2)) as [number, number];
  // The scenario file reads its options from the environment, exactly as under `tracegate run`.
  Object.assign(process.env, run.env, { API_PORT: String(apiPort), BILLING_PORT: String(billingPort) });
  const stop = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => stop.abort(signal));
  const io = { stdout: process.stdout, stderr: process.stderr, isTTY: process.stdout.isTTY === true, env: process.env };
  return runCli(run.argv, io, stop.signal);
}

process.exitCode = await main(process.argv.slice(2));
