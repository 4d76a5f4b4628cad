import { describe, expect, it } from 'vitest';
import { trustedBrowserCheck } from '../../../../../conformance/suites/two-factor/trust/trusted-browser-and-reset.js';
import { failuresOf, runTwoFactor, verdictOf } from '../../fixtures/two-factor-run.js';
import { proWithoutClock } from '../../fixtures/no-clock-target.js';

describe('trusted browser without the server clock', () => {
  it('checks the token, the password lock and the reset, which need no clock', async () => {
    const summary = await runTwoFactor([trustedBrowserCheck], { target: proWithoutClock() });
    expect(failuresOf(summary)).toEqual([]);
    expect(verdictOf(summary, 'LOGIN-12')).toBe('pass');
    expect(summary.requirements.find((r) => r.id === 'LOGIN-13')).toMatchObject({
      verdict: 'untested',
      reason: expect.stringContaining('needs the conformance clock'),
    });
  });

  it('catches a reset that keeps the trusted browsers', async () => {
    const summary = await runTwoFactor([trustedBrowserCheck], {
      target: proWithoutClock(['reset-keeps-trusted-browsers']),
    });
    expect(verdictOf(summary, 'LOGIN-12')).toBe('fail');
    expect(summary.verdict).toBe('fail');
  });
});
