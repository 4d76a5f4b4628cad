import { describe, expect, it } from 'vitest';
import { totpWindowCheck } from '../../../../../conformance/suites/two-factor/totp/code-window.js';
import { totpThrottlingCheck } from '../../../../../conformance/suites/two-factor/totp/throttling.js';
import { cellsOf, failuresOf, runTwoFactor, verdictOf } from '../../fixtures/two-factor-run.js';
import { proWithoutClock as withoutClock } from '../../fixtures/no-clock-target.js';

describe('TOTP throttling without the server clock', () => {
  it('runs the free failures and the reset, leaves the waits untested and no throttle behind', async () => {
    const summary = await runTwoFactor([totpThrottlingCheck], { runs: 1, target: withoutClock() });
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, totpThrottlingCheck.id).map(([column, verdict]) => [column, verdict])).toEqual([
      ['pro', 'pass'],
    ]);
    expect(summary.requirements.find((r) => r.id === 'TOTP-18')).toMatchObject({
      verdict: 'untested',
      reason: expect.stringContaining('needs the conformance clock'),
    });
    // The throttle is the whole server's: a check after it finds none left behind, or it would be skipped.
    const next = await runTwoFactor([totpThrottlingCheck, totpWindowCheck], { runs: 3, target: withoutClock() });
    expect(cellsOf(next, totpWindowCheck.id).map(([column, verdict]) => [column, verdict])).toEqual([['pro', 'pass']]);
    expect(next.verdict).toBe('pass');
  });

  it.each(['throttles-from-fifth-failure', 'success-keeps-failure-count'] as const)(
    'still catches %s',
    async (fault) => {
      const summary = await runTwoFactor([totpThrottlingCheck], { runs: 1, target: withoutClock([fault]) });
      expect(verdictOf(summary, 'TOTP-18')).toBe('fail');
      expect(summary.verdict).toBe('fail');
    },
  );

  it.each(['throttles-from-fifth-failure', 'success-keeps-failure-count'] as const)(
    'catches %s after the window model left its four failures, as a finding of TOTP-18, not an error',
    async (fault) => {
      // The window model runs first on a vendor's server: its failures then make the faulty server throttle the
      // next check's settling code, which is the finding itself.
      const summary = await runTwoFactor([totpWindowCheck, totpThrottlingCheck], {
        runs: 10,
        target: withoutClock([fault]),
      });
      expect(verdictOf(summary, 'TOTP-18')).toBe('fail');
      const verdicts = summary.checks.flatMap((c) => c.cells.map((cell) => cell.verdict));
      expect(verdicts).not.toContain('error');
      expect(summary.requirements.filter((r) => r.verdict === 'fail').map((r) => r.id)).toEqual(['TOTP-18']);
    },
  );
});
