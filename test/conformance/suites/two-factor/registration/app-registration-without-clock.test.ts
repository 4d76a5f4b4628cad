import { describe, expect, it } from 'vitest';
import {
  appRegisterQrCheck,
  appRegisterSecretCheck,
} from '../../../../../conformance/suites/two-factor/registration/app-registration.js';
import { cellsOf, failuresOf, runTwoFactor, verdictsOf } from '../../fixtures/two-factor-run.js';
import { proWithoutClock } from '../../fixtures/no-clock-target.js';

describe('the app registering by QR code and by secret key, without the server clock', () => {
  it('checks every rule, a second code coming from a phone a step ahead', async () => {
    const checks = [appRegisterQrCheck, appRegisterSecretCheck];
    const summary = await runTwoFactor(checks, { target: proWithoutClock() });
    expect(failuresOf(summary)).toEqual([]);
    for (const check of checks)
      expect(cellsOf(summary, check.id).map(([, verdict]) => verdict)).toEqual(['pass', 'pass']);
    expect(Object.values(verdictsOf(summary, checks)).every((v) => v === 'pass')).toBe(true);
  });
});
