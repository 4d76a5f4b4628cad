import { describe, expect, it } from 'vitest';
import { loginPushModelCheck } from '../../../../../conformance/suites/two-factor/push/login-push.js';
import { cellsOf, failuresOf, runTwoFactor, verdictsOf } from '../../fixtures/two-factor-run.js';

describe('push suite against the reference server', () => {
  it('passes on Pro and skips on Home with the reason', async () => {
    const checks = [loginPushModelCheck];
    const summary = await runTwoFactor(checks, { runs: 30 });
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, 'tfa-push-login-model')).toEqual([
      ['pro', 'pass', undefined],
      ['home', 'skipped', expect.stringContaining('Pro and Lite only')],
    ]);
    expect(verdictsOf(summary, checks)).toMatchObject({ 'PUSH-04': 'pass', 'PUSH-07': 'pass' });
    expect(summary.verdict).toBe('pass');
  });
});
