/** Registering for 2FA through the screens: the in-process session model stands in for the app over WebDriver. */
import { describe, expect, it } from 'vitest';
import type { Check } from '../../../../../conformance/kit/check.js';
import {
  uiRegisterQrCheck,
  uiRegisterSecretCheck,
} from '../../../../../conformance/suites/two-factor/registration/app-registration-screens.js';
import { brokenApp, runTwoFactorScreens } from '../../fixtures/screens-apps.js';
import { cellsOf, verdictOf } from '../../fixtures/two-factor-run.js';

/** An app whose 2FA page shows a code that is not the account's. */
const wrongCode = brokenApp((driver) => ({
  text: async (id) => (/^account-.*-code$/.test(id) ? '000000' : driver.text(id)),
}));

/** An app that keeps whatever secret key it was first given, whatever is typed later. */
const stickyKey = brokenApp((driver) => {
  let first: string | undefined;
  return { type: (id, text) => driver.type(id, id === 'secret-key' ? (first ??= text) : text) };
});

const proCells = (summary: Awaited<ReturnType<typeof runTwoFactorScreens>>) =>
  summary.checks[0]!.cells.filter((c) => c.column.endsWith('@ pro'));

describe.each([
  [uiRegisterQrCheck.id, uiRegisterQrCheck, ['TFA-05', 'TFA-17', 'TOTP-01', 'TOTP-09']],
  [uiRegisterSecretCheck.id, uiRegisterSecretCheck, ['TFA-06', 'TFA-08', 'TFA-10', 'TOTP-01', 'LOG-04']],
] as [string, Check, string[]][])('%s through the screens', (_id, check, requirements) => {
  it('passes on Android and iOS where the edition has 2FA', async () => {
    const summary = await runTwoFactorScreens(check);
    expect(cellsOf(summary, check.id)).toEqual([
      ['redmi-note-8 @ pro', 'pass', undefined],
      ['iphone-6s @ pro', 'pass', undefined],
      ['redmi-note-8 @ home', 'skipped', expect.stringContaining('Home')],
      ['iphone-6s @ home', 'skipped', expect.stringContaining('Home')],
    ]);
    for (const id of requirements) expect(verdictOf(summary, id)).toBe('pass');
  }, 120_000);
});

describe('broken apps through the screens', () => {
  it('fail tfa-registration-qr-screens on the code the page shows', async () => {
    for (const cell of proCells(await runTwoFactorScreens(uiRegisterQrCheck, wrongCode)))
      expect(cell.failure?.requirements).toEqual(['TOTP-01', 'TFA-05', 'TFA-17']);
  }, 120_000);

  it('fail tfa-registration-secret-screens on a wrong key taken', async () => {
    for (const cell of proCells(await runTwoFactorScreens(uiRegisterSecretCheck, stickyKey)))
      expect(cell.failure?.requirements).toEqual(['TFA-08']);
  }, 120_000);
});
