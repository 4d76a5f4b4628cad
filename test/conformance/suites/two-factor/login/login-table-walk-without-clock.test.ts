import { describe, expect, it } from 'vitest';
import { loginTableWalkCheck } from '../../../../../conformance/suites/two-factor/login/login-table-walk.js';
import { failuresOf, runTwoFactor, verdictOf } from '../../fixtures/two-factor-run.js';
import { proWithoutClock } from '../../fixtures/no-clock-target.js';

describe('the login table walk without the server clock', () => {
  it('passes on the reference server, the table needing no clock', async () => {
    const summary = await runTwoFactor([loginTableWalkCheck], { runs: 1, target: proWithoutClock() });
    expect(failuresOf(summary)).toEqual([]);
    expect(verdictOf(summary, 'LOGIN-01')).toBe('pass');
  });

  it('catches a reset of the password lock allowed in state password', async () => {
    const summary = await runTwoFactor([loginTableWalkCheck], {
      runs: 1,
      target: proWithoutClock(['reset-password-in-password-state']),
    });
    expect(verdictOf(summary, 'LOGIN-01')).toBe('fail');
    expect(summary.verdict).toBe('fail');
  });

  it('walks the recovery states: catches a push refused once under "Unable to login"', async () => {
    const summary = await runTwoFactor([loginTableWalkCheck], {
      runs: 1,
      target: proWithoutClock(['recovery-refuses-push']),
    });
    expect(verdictOf(summary, 'LOGIN-01')).toBe('fail');
    expect(failuresOf(summary).join()).toMatch(
      /push in state recovery-code was refused with login-state; the table says push-wait/,
    );
  });
});
