/** The recovery phone through the screens: the in-process session model stands in for the app over WebDriver. */
import { describe, expect, it } from 'vitest';
import { uiRecoveryPhoneCheck } from '../../../../../conformance/suites/two-factor/registration/recovery-phone-screens.js';
import { brokenApp, runTwoFactorScreens, throughScreens } from '../../fixtures/screens-apps.js';
import { cellsOf, verdictOf } from '../../fixtures/two-factor-run.js';

/** An app whose country code field keeps nothing typed into it. */
const noCountryCode = brokenApp((driver) => ({
  type: (id, text) => driver.type(id, id === 'recovery-country' ? '' : text),
}));

const run = (app = throughScreens) => runTwoFactorScreens(uiRecoveryPhoneCheck, app);

describe('tfa-registration-recovery-phone-screens through the screens', () => {
  it('passes on Android and iOS where the edition has 2FA', async () => {
    const summary = await run();
    expect(cellsOf(summary, uiRecoveryPhoneCheck.id)).toEqual([
      ['redmi-note-8 @ pro', 'pass', undefined],
      ['iphone-6s @ pro', 'pass', undefined],
      ['redmi-note-8 @ home', 'skipped', expect.stringContaining('Home')],
      ['iphone-6s @ home', 'skipped', expect.stringContaining('Home')],
    ]);
    expect(verdictOf(summary, 'TFA-16')).toBe('pass');
  }, 120_000);

  it('fails TFA-16 for an app that loses the country code', async () => {
    const summary = await run(noCountryCode);
    const cells = summary.checks[0]!.cells.filter((c) => c.column.endsWith('@ pro'));
    for (const cell of cells) expect([cell.verdict, cell.failure?.requirements]).toEqual(['fail', ['TFA-16']]);
  }, 120_000);
});
