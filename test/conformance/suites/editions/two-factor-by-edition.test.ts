import { describe, expect, it } from 'vitest';
import {
  editionOffersChecks,
  homeRefusesCheck,
} from '../../../../conformance/suites/editions/two-factor-by-edition.js';
import { cellsOf, failuresOf, runTwoFactor, verdictOf } from '../fixtures/two-factor-run.js';

describe('2FA editions suite against the reference server', () => {
  it('Home refuses every 2FA call; Pro offers 2FA; Lite, not in the run, is skipped with the reason', async () => {
    const summary = await runTwoFactor([homeRefusesCheck, ...editionOffersChecks]);
    expect(failuresOf(summary)).toEqual([]);
    expect(cellsOf(summary, 'editions-home-refuses-2fa')).toEqual([
      ['pro', 'skipped', 'checks an edition without 2FA (Home)'],
      ['home', 'pass', undefined],
    ]);
    expect(cellsOf(summary, 'editions-pro-offers-2fa').map((c) => c[1])).toEqual(['pass', 'skipped']);
    expect([verdictOf(summary, 'EDN-04'), verdictOf(summary, 'EDN-01'), verdictOf(summary, 'EDN-02')]).toEqual([
      'pass',
      'pass',
      'skipped',
    ]);
  });
});
