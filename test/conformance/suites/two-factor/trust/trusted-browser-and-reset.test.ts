import { describe, expect, it } from 'vitest';
import {
  resetCheck,
  trustedBrowserCheck,
} from '../../../../../conformance/suites/two-factor/trust/trusted-browser-and-reset.js';
import { cellsOf, failuresOf, runTwoFactor, verdictsOf } from '../../fixtures/two-factor-run.js';

describe('trusted browser and reset suite against the reference server', () => {
  it('passes on Pro and skips on Home with the reason', async () => {
    const checks = [trustedBrowserCheck, resetCheck];
    const summary = await runTwoFactor(checks);
    expect(failuresOf(summary)).toEqual([]);
    for (const check of checks) {
      expect(cellsOf(summary, check.id)).toEqual([
        ['pro', 'pass', undefined],
        ['home', 'skipped', expect.stringContaining('Pro and Lite only')],
      ]);
    }
    expect(verdictsOf(summary, checks)).toEqual({
      'LOGIN-12': 'pass',
      'LOGIN-13': 'pass',
      'REC-11': 'pass',
      'REC-12': 'pass',
    });
  });
});
