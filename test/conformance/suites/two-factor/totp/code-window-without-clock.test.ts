import { describe, expect, it } from 'vitest';
import { totpWindowCheck } from '../../../../../conformance/suites/two-factor/totp/code-window.js';
import { cellsOf, failuresOf, runTwoFactor, verdictOf } from '../../fixtures/two-factor-run.js';
import { proWithoutClock as withoutClock } from '../../fixtures/no-clock-target.js';

describe('TOTP window without the server clock', () => {
  it('checks every rule that needs no clock and leaves the step edges and the throttle untested', async () => {
    const summary = await runTwoFactor([totpWindowCheck], { runs: 15, target: withoutClock() });
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, totpWindowCheck.id).map(([column, verdict]) => [column, verdict])).toEqual([
      ['pro', 'pass'],
    ]);
    for (const id of ['TOTP-04', 'TOTP-08', 'TOTP-09', 'TOTP-12']) expect(verdictOf(summary, id)).toBe('pass');
    for (const id of ['TOTP-13', 'TOTP-14', 'TOTP-18']) {
      expect(summary.requirements.find((r) => r.id === id)).toMatchObject({
        verdict: 'untested',
        reason: expect.stringContaining('needs the conformance clock'),
      });
    }
    expect(summary.verdict).toBe('pass');
  });

  it.each([
    ['replayed-totp-accepted', 'TOTP-12'],
    ['stale-totp-accepted', 'TOTP-04'],
    ['totp-previous-step-refused', 'TOTP-01'],
    // A wrong code is one digit off a code the window takes, so a server reading five digits of six takes it.
    ['otp-last-digit-ignored', 'TOTP-08'],
    // The check's own settling logs in with a fresh authenticator's code: refused at its step, it shows TOTP-11.
    ['hotp-truncation-fixed-offset', 'TOTP-11'],
  ] as const)('still catches %s', async (fault, requirement) => {
    const summary = await runTwoFactor([totpWindowCheck], { runs: 30, target: withoutClock([fault]) });
    expect(verdictOf(summary, requirement)).toBe('fail');
    expect(summary.verdict).toBe('fail');
  });
});
