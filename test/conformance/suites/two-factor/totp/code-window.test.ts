import { describe, expect, it } from 'vitest';
import { totpWindowCheck } from '../../../../../conformance/suites/two-factor/totp/code-window.js';
import { cellsOf, failuresOf, runTwoFactor, verdictsOf } from '../../fixtures/two-factor-run.js';

describe('TOTP suite against the reference server', () => {
  it('passes on Pro and skips on Home with the reason', async () => {
    const checks = [totpWindowCheck];
    const summary = await runTwoFactor(checks, { runs: 30 });
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, 'tfa-totp-window-model')).toEqual([
      ['pro', 'pass', undefined],
      ['home', 'skipped', expect.stringContaining('Pro and Lite only')],
    ]);
    expect(verdictsOf(summary, checks)).toMatchObject({ 'TOTP-04': 'pass', 'TOTP-12': 'pass', 'TOTP-14': 'pass' });
    expect(summary.verdict).toBe('pass');
  });
});
