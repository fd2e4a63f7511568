// A checkout process: `node --import tsx --import ./register.ts main.ts`, roles and settings from the environment
// (README.md). SIGTERM stops the roles and flushes spans and logs before exiting.
import { readConfig } from './config.js';
import { currentTelemetry, startTelemetry } from './telemetry.js';

const config = readConfig();
if (config.roles.length > 1 && config.brokerUrl !== undefined) {
  process.stderr.write('checkout: several roles share a process only with the embedded broker (BROKER_URL unset)\n');
  process.exit(2);
}
// The late-sdk fault: the frameworks are imported first, the SDK started afterwards.
const { runRoles } = await import('./run-roles.js');
const telemetry = currentTelemetry() ?? startTelemetry(config);
const roles = await runRoles(config, telemetry);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  // tracegate sends SIGKILL 5 s after SIGTERM: leave time to flush.
  const deadline = setTimeout(() => process.exit(1), 4_000);
  await roles.stop().catch(() => undefined);
  await telemetry.shutdown();
  clearTimeout(deadline);
  process.exit(0);
};
process.once('SIGTERM', () => void stop());
process.once('SIGINT', () => void stop());
