import { describe, expect, it } from 'vitest';
import { loginStatesCheck } from '../../../../../conformance/suites/two-factor/login/login-states.js';
import { cellsOf, failuresOf, runTwoFactor, verdictsOf } from '../../fixtures/two-factor-run.js';

describe('login suite against the reference server', () => {
  it('passes on Pro, every covered requirement passing, and skips on Home with the reason', async () => {
    const checks = [loginStatesCheck];
    const summary = await runTwoFactor(checks);
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, 'tfa-login-states')).toEqual([
      ['pro', 'pass', undefined],
      ['home', 'skipped', expect.stringContaining('Pro and Lite only')],
    ]);
    expect(Object.values(verdictsOf(summary, checks)).every((v) => v === 'pass')).toBe(true);
    expect(summary.verdict).toBe('pass');
  });
});
