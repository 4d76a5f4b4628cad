/**
 * The 2FA checks through the screens on a server that offers no clock: every rule still runs (none of theirs is a
 * rule of the server's time), the phone moving on a step for its next code, and a broken app still fails them.
 */
import { describe, expect, it } from 'vitest';
import { uiAccountsModelCheck } from '../../../../conformance/suites/two-factor/accounts/model-screens.js';
import { uiPushCheck } from '../../../../conformance/suites/two-factor/push/app-approval-screens.js';
import {
  uiRegisterQrCheck,
  uiRegisterSecretCheck,
} from '../../../../conformance/suites/two-factor/registration/app-registration-screens.js';
import type { AppUnderTest } from '../../../../conformance/targets/app-under-test.js';
import { NoClockTarget } from '../fixtures/no-clock-target.js';
import { brokenApp, throughScreens } from '../fixtures/screens-apps.js';
import { failuresOf, runTwoFactor, verdictsOf } from '../fixtures/two-factor-run.js';

const CHECKS = [uiRegisterQrCheck, uiRegisterSecretCheck, uiPushCheck, uiAccountsModelCheck];

const withoutClock = (app: AppUnderTest) => new NoClockTarget(['pro'], { app });

/** An app whose 2FA page shows a code one off the account's. */
const offByOne = brokenApp((driver) => ({
  async text(id) {
    const shown = await driver.text(id);
    return /^account-.*-code$/.test(id) ? String((Number(shown) + 1) % 1e6).padStart(6, '0') : shown;
  },
}));

describe('2FA checks through the screens without the server clock', () => {
  it('run and pass every rule on Android and iOS', async () => {
    const summary = await runTwoFactor(CHECKS, { target: withoutClock(throughScreens), runs: 3 });
    expect(failuresOf(summary)).toEqual([]);
    for (const check of summary.checks)
      expect(check.cells.map((c) => [check.checkId, c.verdict])).toEqual([
        [check.checkId, 'pass'],
        [check.checkId, 'pass'],
      ]);
    expect(Object.entries(verdictsOf(summary, CHECKS)).filter(([, v]) => v !== 'pass')).toEqual([]);
  }, 600_000);

  it('fail an app whose page shows a wrong code', async () => {
    const summary = await runTwoFactor([uiRegisterQrCheck, uiRegisterSecretCheck, uiPushCheck], {
      target: withoutClock(offByOne),
      runs: 1,
    });
    for (const check of summary.checks)
      for (const cell of check.cells) expect([check.checkId, cell.verdict]).toEqual([check.checkId, 'fail']);
  }, 600_000);
});
