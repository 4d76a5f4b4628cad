/** The recovery phone through the screens: the in-process session model stands in for the app over WebDriver. */
import { describe, expect, it } from 'vitest';
import { referenceApp, type AppUnderTest } from '../../../conformance/targets/app-under-test.js';
import { ReferenceTarget } from '../../../conformance/targets/reference-target.js';
import { uiRecoveryPhoneCheck } from '../../../conformance/suites/ui-two-factor-recovery.js';
import { cellsOf, runTwoFactor, verdictOf } from './two-factor-run.js';

const throughScreens: AppUnderTest = { ...referenceApp([]), via: 'webdriver' };

/** An app whose country code field keeps nothing typed into it. */
const noCountryCode: AppUnderTest = {
  ...throughScreens,
  async drive(spec, url) {
    const app = await throughScreens.drive(spec, url);
    const { driver } = app;
    const type = (id: string, text: string) => driver.type(id, id === 'recovery-country' ? '' : text);
    return { ...app, driver: { ...driver, type } };
  },
};

const run = (app: AppUnderTest) =>
  runTwoFactor([uiRecoveryPhoneCheck], { target: new ReferenceTarget(['pro', 'home'], { app }), runs: 1 });

describe('ui-2fa-recovery-phone through the screens', () => {
  it('passes on Android and iOS where the edition has 2FA', async () => {
    const summary = await run(throughScreens);
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
