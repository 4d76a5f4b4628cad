/**
 * What the migration checks through the screens share: several phones open at once (the original, a replacement,
 * a phone that may not become one), each closed at the end, and pairing a phone by the desktop's migration QR code
 * through the screens.
 */
import type { DeviceCheckContext } from '../../kit/check.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import type { DeviceSpec } from '../../../simulators/device/device-spec.js';
import type { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { phoneOf, deviceName } from '../../kit/device-support.js';
import { kitName } from '../../kit/kit-names.js';
import { setSwitch, state } from '../../kit/screens-support.js';

export type OpenPhone = (spec: DeviceSpec, label: string) => Promise<AppDriver>;

/**
 * Runs `body` with a way to open phones; every phone opened is closed after. Each phone's name carries a tag drawn
 * from the check's content source: two phones of one name paired in the same millisecond would share a backup
 * folder.
 */
export async function withPhones(context: DeviceCheckContext, body: (open: OpenPhone) => Promise<void>): Promise<void> {
  const opened: { close(): Promise<void> }[] = [];
  const open: OpenPhone = async (spec, label) => {
    // Marked as the kit's (kit-names.ts): the phones register for 2FA under their names.
    const name = deviceName(kitName(`${spec.name.slice(0, 33)} ${label}`), context.content);
    const { session } = context;
    const app = await session.app.drive({ ...spec, name }, session.url, session.clock?.now());
    opened.push(app);
    return app.driver;
  };
  try {
    await body(open);
  } finally {
    for (const app of opened.reverse()) await app.close().catch(() => undefined);
  }
}

/** A phone of the other platform than the column's. */
export const otherPhone = (context: DeviceCheckContext): DeviceSpec =>
  phoneOf(context.column.profile.platform === 'android' ? 'ios' : 'android');

/**
 * Automated backup off, then "Activate and start backup" with the desktop's migration QR code, and OK. What the
 * replacement says comes back dialog by dialog: on iOS "Replacement device is paired successfully." with OK first
 * (`paired`), then the migration's own screen (`result`, "… from <original> to <replacement> is completed"), Done.
 */
export async function pairAsReplacement(driver: AppDriver, desk: MbsClient, originalDeviceId: string) {
  await setSwitch(driver, 'more-automated-backup', false);
  const { payload } = await desk.call('createPairing', { body: { mode: 'migrate', originalDeviceId } });
  await driver.tap('tab-home');
  await driver.tap('home-activate');
  await driver.execute('mobile: scanQr', { payload });
  const mode = (await state(driver)).screen === 'pair-confirm' ? await driver.text('pair-confirm-mode') : undefined;
  await driver.tap('pair-confirm');
  const after = await driver.execute('mobile: waitForIdle', {});
  const dialog = after.pairing !== null && after.screen !== 'migration' && after.message !== null;
  const paired = dialog ? await driver.text('message-text') : undefined;
  if (paired !== undefined) await driver.tap('message-ok');
  const onMigration = (await state(driver)).screen === 'migration';
  const result = onMigration ? await driver.text('migration-result') : undefined;
  if (result !== undefined) await driver.tap('migration-done');
  return { mode, paired, result, after };
}
