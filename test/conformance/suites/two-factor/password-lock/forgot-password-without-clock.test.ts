import { describe, expect, it } from 'vitest';
import { passwordLockCheck } from '../../../../../conformance/suites/two-factor/password-lock/forgot-password.js';
import { failuresOf, runTwoFactor, verdictOf } from '../../fixtures/two-factor-run.js';
import { proWithoutClock } from '../../fixtures/no-clock-target.js';

describe('forgot password without the server clock', () => {
  it('checks the e-mail, the reset and the throttle, and leaves the code’s end untested', async () => {
    const summary = await runTwoFactor([passwordLockCheck], { target: proWithoutClock() });
    expect(failuresOf(summary)).toEqual([]);
    for (const id of ['PWL-03', 'PWL-04', 'PWL-05', 'PWL-07', 'PWL-09', 'PWL-10', 'PWL-12'])
      expect(verdictOf(summary, id)).toBe('pass');
    for (const id of ['PWL-06', 'PWL-08']) {
      expect(summary.requirements.find((r) => r.id === id)).toMatchObject({
        verdict: 'untested',
        reason: expect.stringContaining('needs the conformance clock'),
      });
    }
    expect(summary.verdict).toBe('pass');
  });
});
