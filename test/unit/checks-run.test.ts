import { describe, expect, it } from '@jest/globals';
import { runChecks } from '../../harness/checks/index.js';
import { decideVerdict } from '../../harness/verdict/decide-verdict.js';
import { DEFAULT_THRESHOLDS } from '../../harness/verdict/thresholds.js';
import { CHECK_IDS } from '../../harness/report/index.js';
import type { CheckId } from '../../harness/report/index.js';
import { inputOf, plansWith } from './checks-support.js';

const healthyHarness = {
  spansRejected: 0,
  logsRejected: 0,
  exportsRefused: 0,
  findingsDropped: 0,
  tracesNotQuiet: 0,
};

describe('runChecks', () => {
  it('returns all five sections in report order, which a healthy system passes', () => {
    const { checks, findings } = runChecks(inputOf(plansWith(40, () => false, {})));
    expect(checks.map((check) => check.id)).toEqual(CHECK_IDS);
    expect(checks.map((check) => check.status)).toEqual(['pass', 'pass', 'skip', 'skip', 'pass']);
    expect(findings).toEqual([]);
    const decision = decideVerdict({ checks, harness: { ...healthyHarness }, thresholds: DEFAULT_THRESHOLDS });
    expect(decision.verdict).toBe('PASS');
  });

  it('fails the run on a broken hop, with the reason naming the edge and its restarted hops', () => {
    const { checks } = runChecks(inputOf(plansWith(40, (i) => i < 5, { hop: 'restarted-message-id' })));
    const decision = decideVerdict({ checks, harness: { ...healthyHarness }, thresholds: DEFAULT_THRESHOLDS });
    expect(decision.verdict).toBe('FAIL');
    expect(decision.reasons[0]).toMatch(
      /^hop-continuity 0\.875 < 0\.99 on api→worker \(n=40: 5 restarted, e\.g\. trace /,
    );
  });

  it('runs only the checks asked for, and names an unknown one', () => {
    expect(runChecks(inputOf([{}]), { only: ['hygiene'] }).checks.map((check) => check.id)).toEqual(['hygiene']);
    expect(() => runChecks(inputOf([{}]), { only: ['hops' as CheckId] })).toThrow(
      'tracegate.runChecks(): unknown check "hops"; the checks are root-coverage, hop-continuity, error-recording, log-correlation, hygiene',
    );
  });
});
