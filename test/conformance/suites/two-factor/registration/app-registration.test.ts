import { describe, expect, it } from 'vitest';
import {
  appRecoveryPhoneCheck,
  appRegisterQrCheck,
  appRegisterSecretCheck,
} from '../../../../../conformance/suites/two-factor/registration/app-registration.js';
import { cellsOf, failuresOf, runTwoFactor, verdictsOf } from '../../fixtures/two-factor-run.js';

describe('2FA accounts suite (the app as authenticator) against the reference server', () => {
  it('passes on an Android and an iOS phone with Pro, and skips on Home with the reason', async () => {
    const checks = [appRegisterQrCheck, appRegisterSecretCheck, appRecoveryPhoneCheck];
    const summary = await runTwoFactor(checks);
    expect(failuresOf(summary)).toEqual([]);
    for (const check of checks) {
      expect(cellsOf(summary, check.id)).toEqual([
        ['redmi-note-8 @ pro', 'pass', undefined],
        ['iphone-6s @ pro', 'pass', undefined],
        ['redmi-note-8 @ home', 'skipped', expect.stringContaining('Pro and Lite only')],
        ['iphone-6s @ home', 'skipped', expect.stringContaining('Pro and Lite only')],
      ]);
    }
    expect(Object.values(verdictsOf(summary, checks)).every((v) => v === 'pass')).toBe(true);
  });
});
