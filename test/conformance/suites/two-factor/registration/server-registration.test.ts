import { describe, expect, it } from 'vitest';
import {
  registrationCheck,
  secretStrengthCheck,
} from '../../../../../conformance/suites/two-factor/registration/server-registration.js';
import { ReferenceTarget } from '../../../../../conformance/targets/reference-target.js';
import { cellsOf, failuresOf, runTwoFactor, verdictOf, verdictsOf } from '../../fixtures/two-factor-run.js';

describe('2FA registration suite against the reference server', () => {
  it('passes on Pro and reports the 80-bit secret as an advisory finding that never fails the run', async () => {
    const checks = [registrationCheck, secretStrengthCheck];
    const summary = await runTwoFactor(checks);
    expect(failuresOf(summary)).toEqual([
      expect.stringContaining('tfa-registration-secret-strength @ pro (TOTP-15): the secret key'),
    ]);
    expect(cellsOf(summary, 'tfa-registration-server')).toEqual([
      ['pro', 'pass', undefined],
      ['home', 'skipped', expect.stringContaining('Pro and Lite only')],
    ]);
    const verdicts = verdictsOf(summary, checks);
    expect(verdicts['TOTP-15']).toBe('advisory');
    expect(Object.entries(verdicts).filter(([, v]) => v !== 'pass')).toEqual([['TOTP-15', 'advisory']]);
    expect(summary.verdict).toBe('pass');
  });

  it.each([
    ['registration-expiry-overstated', /expiresAt \d+ is 660000 ms after .*; 10 minutes after issue is \d+\.\.\d+/],
    ['registration-qr-expiry-differs', /the QR code says the registration expires at \d+, its expiresAt \d+/],
  ] as const)('fails %s on TFA-18, naming the expiry announced', async (fault, message) => {
    const target = new ReferenceTarget(['pro'], { faults: [fault] });
    const summary = await runTwoFactor([registrationCheck], { runs: 1, target });
    expect(verdictOf(summary, 'TFA-18')).toBe('fail');
    expect(failuresOf(summary).join('\n')).toMatch(message);
  });
});
