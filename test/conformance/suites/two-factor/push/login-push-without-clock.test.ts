import { describe, expect, it } from 'vitest';
import { loginPushModelCheck } from '../../../../../conformance/suites/two-factor/push/login-push.js';
import { failuresOf, runTwoFactor, verdictOf } from '../../fixtures/two-factor-run.js';
import { proWithoutClock as withoutClock } from '../../fixtures/no-clock-target.js';

describe('push login model without the server clock', () => {
  it('checks Resend, approvals and codes, and leaves a request’s end untested', async () => {
    const summary = await runTwoFactor([loginPushModelCheck], { runs: 15, target: withoutClock() });
    expect(failuresOf(summary)).toEqual([]);
    for (const id of ['PUSH-03', 'PUSH-07', 'PUSH-10', 'TOTP-12']) expect(verdictOf(summary, id)).toBe('pass');
    expect(summary.requirements.find((r) => r.id === 'PUSH-04')).toMatchObject({
      verdict: 'untested',
      reason: expect.stringContaining('needs the conformance clock'),
    });
    expect(summary.verdict).toBe('pass');
  });

  it('still catches a Resend that keeps the earlier request', async () => {
    const summary = await runTwoFactor([loginPushModelCheck], {
      runs: 30,
      target: withoutClock(['resend-keeps-old-push']),
    });
    expect(verdictOf(summary, 'PUSH-07')).toBe('fail');
    expect(summary.verdict).toBe('fail');
  });
});
