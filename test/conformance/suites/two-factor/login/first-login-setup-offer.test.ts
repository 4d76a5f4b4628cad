/**
 * The first login's offer to set up 2FA (TFA-01): passes on the reference, fails a server that never offers it and
 * one that offers it again after it was skipped.
 */
import { describe, expect, it } from 'vitest';
import { firstLoginSetupOfferCheck } from '../../../../../conformance/suites/two-factor/login/first-login-setup-offer.js';
import { ReferenceTarget } from '../../../../../conformance/targets/reference-target.js';
import { failuresOf, runTwoFactor, verdictOf } from '../../fixtures/two-factor-run.js';

const CHECKS = [firstLoginSetupOfferCheck];
const run = (faults: ('no-first-login-setup-offer' | 'setup-offer-skip-ignored')[] = []) =>
  runTwoFactor(CHECKS, { runs: 1, target: new ReferenceTarget(['pro'], { faults }) });

describe('the first login offers to set up 2FA', () => {
  it('passes on the reference server', async () => {
    const summary = await run();
    expect(failuresOf(summary)).toEqual([]);
    expect(verdictOf(summary, 'TFA-01')).toBe('pass');
  });

  it('fails a server whose first login does not offer it', async () => {
    const summary = await run(['no-first-login-setup-offer']);
    expect(verdictOf(summary, 'TFA-01')).toBe('fail');
    expect(failuresOf(summary).join('\n')).toMatch(/the first login: .* without the offer/);
  });

  it('fails a server that offers it again after it was skipped', async () => {
    const summary = await run(['setup-offer-skip-ignored']);
    expect(verdictOf(summary, 'TFA-01')).toBe('fail');
    expect(failuresOf(summary).join('\n')).toMatch(/after skipping the set-up: .* with the offer/);
  });
});
