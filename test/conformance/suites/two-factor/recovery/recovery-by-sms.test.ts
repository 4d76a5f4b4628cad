import { describe, expect, it } from 'vitest';
import { recoveryCheck } from '../../../../../conformance/suites/two-factor/recovery/recovery-by-sms.js';
import { cellsOf, failuresOf, runTwoFactor, verdictsOf } from '../../fixtures/two-factor-run.js';

describe('recovery suite against the reference server', () => {
  it('passes on Pro, every covered requirement passing, and skips on Home with the reason', async () => {
    const checks = [recoveryCheck];
    const summary = await runTwoFactor(checks);
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, 'tfa-recovery-sms')).toEqual([
      ['pro', 'pass', undefined],
      ['home', 'skipped', expect.stringContaining('Pro and Lite only')],
    ]);
    expect(Object.values(verdictsOf(summary, checks)).every((v) => v === 'pass')).toBe(true);
  });
});
