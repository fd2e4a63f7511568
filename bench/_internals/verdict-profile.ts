/**
 * Assembly plus checks over a filled store, step by step, for `node --cpu-prof --import tsx`: prints CPU µs per
 * span of each step, the least over the rounds (a shared machine only ever adds to a step). BENCH_SPANS (default
 * 300,000) and BENCH_ROUNDS (default 3).
 */
import { checkInputFromStore } from '../../harness/checks/check-input-from-store.js';
import { CHECK_REGISTRY } from '../../harness/checks/check-registry.js';
import { runChecks } from '../../harness/checks/run-checks.js';
import { checkContext } from '../../harness/checks/_internals/check-context.js';
import { CHECK_IDS } from '../../harness/report/report-checks.js';
import { fillStore } from './verdict-assembly.js';

const { store, records, spans } = fillStore(Number(process.env.BENCH_SPANS ?? 300_000));
const steps = new Map<string, number>();
const step = <T>(name: string, run: () => T): T => {
  // CPU time, not wall time: on a shared machine the wait for a core would drown the steps.
  const started = process.cpuUsage();
  const result = run();
  const used = process.cpuUsage(started);
  const us = (used.user + used.system) / spans;
  steps.set(name, Math.min(us, steps.get(name) ?? us));
  return result;
};
for (let round = 0; round < Number(process.env.BENCH_ROUNDS ?? 3); round++) {
  const input = step('assembly', () => checkInputFromStore(store, records));
  const context = checkContext(input);
  // The tree-path index: built only when the forest is not laid out in columns.
  if (context.spans() === undefined) step('index', () => context.index());
  step('entries', () => context.entries());
  for (const id of CHECK_IDS) step(id, () => CHECK_REGISTRY[id](context));
  step('end to end', () => runChecks(checkInputFromStore(store, records)));
}
console.log([...steps].map(([name, us]) => `${name} ${us.toFixed(2)}`).join(', '), 'µs/span');
