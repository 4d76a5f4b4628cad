import { describe, expect, it } from 'vitest';
import { passwordLockCheck } from '../../../../../conformance/suites/two-factor/password-lock/forgot-password.js';
import { cellsOf, failuresOf, runTwoFactor, verdictsOf } from '../../fixtures/two-factor-run.js';

describe('password lock suite against the reference server', () => {
  it('passes on Pro, every covered requirement passing, and skips on Home with the reason', async () => {
    const checks = [passwordLockCheck];
    const summary = await runTwoFactor(checks);
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, 'tfa-password-lock-forgot')).toEqual([
      ['pro', 'pass', undefined],
      ['home', 'skipped', expect.stringContaining('Pro and Lite only')],
    ]);
    expect(Object.values(verdictsOf(summary, checks)).every((v) => v === 'pass')).toBe(true);
  });
});
