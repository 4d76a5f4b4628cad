/**
 * The 2FA accounts source through the app's screens (SRC-08): the phone registers for 2FA by the desktop's QR code
 * on its 2FA page, then backs up with the Backup page's 2FA Accounts switch on, off and on again; each time the
 * Restore page's 2FA Accounts row shows what the latest backup holds ("0 of N selected", or "No items"). The
 * registration turns 2FA on for every client of the server, so the check runs alone and removes it at the end.
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import { expectEqual } from '../../kit/device-support.js';
import { backUp, onPairedPhone } from '../../kit/screens-held-items.js';
import { setSwitch } from '../../kit/screens-support.js';
import { whileRegistered } from '../two-factor/common/screens-support.js';
import { where } from '../../kit/applies.js';

/** Backs up with the 2FA Accounts switch `on`: what the Restore page's 2FA Accounts row then says. */
async function backUpAccounts(driver: AppDriver, on: boolean): Promise<string> {
  await setSwitch(driver, 'source-2fa', on, 'backup');
  await backUp(driver, ['SRC-08']);
  await driver.tap('backup-restore');
  const summary = await driver.text('restore-summary-2fa');
  await driver.tap('nav-back');
  return summary;
}

export const uiTwoFactorSourceCheck: Check = {
  id: 'sources-2fa-accounts-screens',
  title:
    "Through the screens: with 2FA Accounts selected the backup holds the phone's 2FA accounts, and without it none",
  area: 'SRC',
  requirements: ['SRC-08'],
  scope: 'device',
  tags: ['ui'],
  // Registering an authenticator turns 2FA on for every client of the server: nothing may run beside it.
  exclusive: true,
  applies: where({ overWebDriverOf: 'sources-selected-only', device: 'paired', twoFactor: true }),
  run: (context: DeviceCheckContext) =>
    onPairedPhone(context, async (driver) => {
      const desk = context.session.console!;
      await whileRegistered(driver, desk, async ({ scanned }) => {
        if (!scanned.ok) throw new Error(`registering the phone for 2FA failed: ${JSON.stringify(scanned)}`);
        const accounts = Number(/^(\d+) accounts?$/.exec(await driver.text('tfa-empty'))?.[1] ?? 0);
        if (accounts < 1) throw new Error('the 2FA page lists no account after registering');
        for (const on of [true, false, true]) {
          const what = `the Restore page's 2FA Accounts after a backup with them ${on ? 'selected' : 'deselected'}`;
          const expected = on ? `0 of ${accounts} selected` : 'No items';
          expectEqual(['SRC-08'], what, await backUpAccounts(driver, on), expected);
        }
      });
    }),
};
