import { describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// DESIGN.md, Performance: "Retained memory: ≤ 300 bytes per stored span".
const BUDGET_BYTES_PER_SPAN = 300;
const SPANS = 16_384;
const SCRIPT = fileURLToPath(new URL('./store-memory.measure.ts', import.meta.url));

describe('Store memory', () => {
  // A memory measurement, not a timing: it needs a clean heap and gc(), so it runs in a child process.
  it(`retains at most ${BUDGET_BYTES_PER_SPAN} bytes per realistic span decoded from OTLP/JSON and protobuf`, () => {
    const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', SCRIPT, String(SPANS)], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stderr).toBe('');
    const measured = JSON.parse(child.stdout) as { json: number; protobuf: number };
    expect(measured.json).toBeLessThanOrEqual(BUDGET_BYTES_PER_SPAN);
    expect(measured.protobuf).toBeLessThanOrEqual(BUDGET_BYTES_PER_SPAN);
    // Sanity: a measurement near zero would mean the store kept nothing, not that it is small.
    expect(measured.json).toBeGreaterThan(50);
  });
});
