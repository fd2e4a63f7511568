import { describe, expect, it } from '@jest/globals';
import { zeroLogCaptureStats } from '../../harness/collect/logs/log-capture-stats.js';
import { logCaptureFindings } from '../../harness/run/_internals/log-capture-findings.js';

function stats(invalid: Partial<Record<'not-a-string' | 'wrong-length' | 'not-hex' | 'all-zeros', number>>) {
  const base = zeroLogCaptureStats();
  return { ...base, invalidIds: { ...base.invalidIds, ...invalid } };
}

describe('logCaptureFindings', () => {
  it('says nothing for services whose ids were all usable', () => {
    expect(logCaptureFindings([{ name: 'api', stdout: stats({}), stderr: stats({}) }])).toEqual([]);
  });

  it('adds up stdout and stderr per service and names every reason', () => {
    const findings = logCaptureFindings([
      { name: 'api', stdout: stats({}), stderr: stats({}) },
      { name: 'worker', stdout: stats({ 'wrong-length': 10, 'not-hex': 1 }), stderr: stats({ 'wrong-length': 2 }) },
    ]);
    expect(findings).toEqual([
      {
        level: 'warn',
        code: 'logs.invalid-ids',
        message:
          'worker: 13 trace or span id fields in its log lines could not be used (wrong-length 12, not-hex 1); those lines count as uncorrelated',
      },
    ]);
  });

  it('uses the singular for one field', () => {
    const [finding] = logCaptureFindings([{ name: 'relay', stdout: stats({ 'all-zeros': 1 }), stderr: stats({}) }]);
    expect(finding?.message).toBe(
      'relay: 1 trace or span id field in its log lines could not be used (all-zeros 1); those lines count as uncorrelated',
    );
  });
});
