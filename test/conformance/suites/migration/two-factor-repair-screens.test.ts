/** 2FA across a migration through the screens: the in-process session model stands in for the app over WebDriver. */
import { REASONS } from '../../../../conformance/kit/applies.js';
import { describe, expect, it } from 'vitest';
import type { AppDriver } from '../../../../devices/appium-driver/app-driver.js';
import { uiMigrationRepairCheck } from '../../../../conformance/suites/migration/two-factor-repair-screens.js';
import { brokenApp, runTwoFactorScreens, throughScreens } from '../fixtures/screens-apps.js';
import { cellsOf, verdictsOf } from '../fixtures/two-factor-run.js';

/** An app whose "Re-pair with authenticator" registers nothing: the desktop's QR code is never shown to it. */
const noRepair = brokenApp((driver) => {
  let repairing = false;
  return {
    tap: async (id) => {
      repairing = id === 'tfa-repair';
      if (!repairing) await driver.tap(id);
    },
    execute: (async (method: string, params?: object) =>
      method === 'mobile: scanQr' && repairing
        ? { ok: false, code: 'prompt-not-open', message: 'no scanner' }
        : driver.execute(method as never, params as never)) as AppDriver['execute'],
  };
});

const run = (app = throughScreens) => runTwoFactorScreens(uiMigrationRepairCheck, app);

describe('migration-2fa-repair-screens through the screens', () => {
  it("passes on Android and iOS, with the original's still-valid codes as the advisory finding (MIG-09)", async () => {
    const summary = await run();
    const cells = cellsOf(summary, uiMigrationRepairCheck.id);
    expect(cells).toEqual([
      ['redmi-note-8 @ pro', 'advisory', expect.stringContaining('still accepted after migration')],
      ['iphone-6s @ pro', 'advisory', expect.stringContaining('still accepted after migration')],
      ['redmi-note-8 @ home', 'skipped', REASONS.twoFactor],
      ['iphone-6s @ home', 'skipped', REASONS.twoFactor],
    ]);
    expect(verdictsOf(summary, [uiMigrationRepairCheck])).toEqual({
      'MIG-02': 'pass',
      'MIG-06': 'pass',
      'MIG-07': 'pass',
      'MIG-08': 'pass',
      'MIG-09': 'advisory',
    });
    expect(summary.verdict).toBe('pass');
  }, 120_000);

  it('fails MIG-07 for an app whose Re-pair with authenticator does not register', async () => {
    const summary = await run(noRepair);
    const cells = summary.checks[0]!.cells.filter((c) => c.column.endsWith('@ pro'));
    for (const cell of cells) expect(cell.failure?.requirements).toEqual(['MIG-07']);
  }, 120_000);
});
