import { describe, expect, it } from 'vitest';
import { totpThrottlingCheck } from '../../../../../conformance/suites/two-factor/totp/throttling.js';
import { ReferenceTarget } from '../../../../../conformance/targets/reference-target.js';
import { cellsOf, failuresOf, runTwoFactor, verdictOf } from '../../fixtures/two-factor-run.js';

describe('TOTP throttling with the server clock', () => {
  it('passes on Pro, with the waits checked, and skips on Home with the reason', async () => {
    const summary = await runTwoFactor([totpThrottlingCheck], { runs: 1 });
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, totpThrottlingCheck.id)).toEqual([
      ['pro', 'pass', undefined],
      ['home', 'skipped', expect.stringContaining('Pro and Lite only')],
    ]);
    expect(verdictOf(summary, 'TOTP-18')).toBe('pass');
  });

  it('fails a server whose throttled answers do not say how long to wait', async () => {
    const target = new ReferenceTarget(['pro'], { faults: ['otp-throttle-unannounced'] });
    const summary = await runTwoFactor([totpThrottlingCheck], { runs: 1, target });
    expect(verdictOf(summary, 'TOTP-18')).toBe('fail');
    expect(failuresOf(summary).join('\n')).toMatch(
      /right after 5 failures, replays counted: otp-throttled must say how long to wait in details.retryAfterMs .* missing/,
    );
  });

  it('fails a server that reads the failure count a round trip before writing it, on wrong codes sent at once', async () => {
    const target = new ReferenceTarget(['pro'], { faults: ['totp-failures-lost-at-once'] });
    const summary = await runTwoFactor([totpThrottlingCheck], { runs: 1, target });
    expect(verdictOf(summary, 'TOTP-18')).toBe('fail');
    expect(failuresOf(summary).join('\n')).toMatch(
      /8 wrong one-time passwords sent at once with no failure counted: 8 were judged \(otp-invalid\), but only 5/,
    );
  });
});
