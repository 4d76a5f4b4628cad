import { describe, expect, it } from 'vitest';
import { loginPushModelCheck } from '../../../../../conformance/suites/two-factor/push/login-push.js';
import { ReferenceTarget } from '../../../../../conformance/targets/reference-target.js';
import { cellsOf, failuresOf, runTwoFactor, verdictOf, verdictsOf } from '../../fixtures/two-factor-run.js';

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

  it('fails a push notification service that lists from the first whatever `after` the app asks from', async () => {
    const target = new ReferenceTarget(['pro'], { faults: ['notifications-ignore-after'] });
    const summary = await runTwoFactor([loginPushModelCheck], { runs: 30, target });
    expect(verdictOf(summary, 'PUSH-01')).toBe('fail');
    expect(failuresOf(summary).join('\n')).toMatch(/push notification service: the page after \d+ lists seq \d+ /);
  });
});
