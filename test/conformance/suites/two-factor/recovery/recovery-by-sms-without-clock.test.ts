import { describe, expect, it } from 'vitest';
import { recoveryCheck } from '../../../../../conformance/suites/two-factor/recovery/recovery-by-sms.js';
import { failuresOf, runTwoFactor, verdictOf } from '../../fixtures/two-factor-run.js';
import { proWithoutClock } from '../../fixtures/no-clock-target.js';

describe('recovery by SMS without the server clock', () => {
  it('checks Resend, the code and the discarded device, and leaves the code’s end and the throttle untested', async () => {
    const summary = await runTwoFactor([recoveryCheck], { target: proWithoutClock() });
    expect(failuresOf(summary)).toEqual([]);
    for (const id of ['REC-05', 'REC-07', 'REC-08', 'REC-09']) expect(verdictOf(summary, id)).toBe('pass');
    for (const id of ['REC-06', 'REC-15']) {
      expect(summary.requirements.find((r) => r.id === id)).toMatchObject({
        verdict: 'untested',
        reason: expect.stringContaining('needs the conformance clock'),
      });
    }
    expect(summary.verdict).toBe('pass');
  });

  it('catches a Resend that sends the earlier code again', async () => {
    const summary = await runTwoFactor([recoveryCheck], { target: proWithoutClock(['sms-resend-same-code']) });
    expect(verdictOf(summary, 'REC-07')).toBe('fail');
    expect(summary.verdict).toBe('fail');
  });
});
