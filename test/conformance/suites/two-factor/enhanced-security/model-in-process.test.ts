import { describe, expect, it } from 'vitest';
import { enhancedSecurityCheck } from '../../../../../conformance/suites/two-factor/enhanced-security/model-in-process.js';
import { cellsOf, failuresOf, runTwoFactor, verdictsOf } from '../../fixtures/two-factor-run.js';

describe('enhanced security suite (model-based)', () => {
  it('passes on phones with and without a screen lock or biometrics, and skips on Home with the reason', async () => {
    const checks = [enhancedSecurityCheck];
    // iphone-7 has no screen lock, samsung-galaxy-j4 neither lock nor biometric.
    const profiles = ['redmi-note-8', 'iphone-6s', 'iphone-7', 'samsung-galaxy-j4'];
    const summary = await runTwoFactor(checks, { runs: 25, profiles });
    expect(failuresOf(summary)).toEqual([]);
    const pro = cellsOf(summary, enhancedSecurityCheck.id).filter(([column]) => column.endsWith('@ pro'));
    expect(pro.map(([, verdict]) => verdict)).toEqual(['pass', 'pass', 'pass', 'pass']);
    expect(Object.values(verdictsOf(summary, checks)).every((v) => v === 'pass')).toBe(true);
  });
});
