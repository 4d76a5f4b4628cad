/**
 * What the phones say around a migration, through the screens on simulated phones (seed 000 §7.1, §11, §11.2): the
 * original's restore page offers Original location; the replacement, paired by the desktop's migration QR code,
 * says it "is paired successfully and migration of contents from <original> to <replacement> is completed" with
 * the names the desktop lists (on Android one screen; on iOS a dialog for the pairing, OK, then one for the
 * migration), and its restore page then offers Migration from the original. Runs in process as
 * well as over WebDriver: migration-across-platforms-screens covers the rest of the flow over WebDriver only.
 */
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { expectEqual, expectTrue } from '../../kit/device-support.js';
import { pairThroughScreens, state } from '../../kit/screens-support.js';
import { where } from '../../kit/applies.js';
import type { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { pairAsReplacement, withPhones } from './screens-support.js';

/** The name the desktop lists a device under. */
async function listedName(desk: MbsClient, deviceId: string | undefined): Promise<string | undefined> {
  return (await desk.call('listDevices')).devices.find((d) => d.deviceId === deviceId)?.name;
}

/** What a replacement says, dialog by dialog, per platform (MIG-17): the pairing's own dialog, then the migration's. */
const REPLACEMENT_SAYS = {
  android: (from: string, to: string) => [
    undefined,
    `Replacement device is paired successfully and migration of contents from ${from} to ${to} is completed.`,
  ],
  ios: (from: string, to: string) => [
    'Replacement device is paired successfully.',
    `Migration of contents from ${from} to ${to} is completed.`,
  ],
} as const;

/** The restore option the phone's Restore page names, then back to the Backup page. */
async function restoreOption(driver: AppDriver): Promise<string> {
  await driver.tap('tab-backup');
  await driver.tap('backup-restore');
  const option = await driver.text('restore-option');
  await driver.tap('nav-back');
  return option;
}

export const uiReplacementSaysCheck: Check = {
  id: 'migration-replacement-says-screens',
  title:
    'Through the screens: the original restores to its Original location; the replacement says its migration of contents from the original to it is completed, and restores by Migration',
  area: 'MIG',
  requirements: ['MIG-16', 'MIG-17', 'RST-19'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(() =>
      withPhones(context, async (open) => {
        const desk = context.session.console!;
        const profile = context.column.profile;
        const original = await open(profile, 'original');
        await pairThroughScreens(original, context.session);
        const originalId = (await state(original)).pairing?.deviceId;
        const originalName = await listedName(desk, originalId);
        expectTrue(['MIG-16'], originalName !== undefined, `the desktop does not list the original ${originalId}`);
        expectEqual(['RST-19'], "the original's restore option", await restoreOption(original), 'Original location');

        const replacement = await open(profile, 'replacement');
        const { after, paired, result } = await pairAsReplacement(replacement, desk, originalId!);
        expectTrue(['MIG-16'], after.pairing !== null, `the replacement did not pair: ${after.message}`);
        const replacementName = (await listedName(desk, after.pairing?.deviceId))!;
        const names = `migration of contents from ${originalName} to ${replacementName} is completed.`;
        const named = result?.toLowerCase().endsWith(names.toLowerCase()) === true;
        expectTrue(['MIG-16'], named, `the replacement once it paired says "${result}", not that ${names}`);
        const says = REPLACEMENT_SAYS[profile.platform](originalName!, replacementName);
        expectEqual(['MIG-17'], `the replacement's dialogs on ${profile.platform}`, [paired, result], says);
        const option = await restoreOption(replacement);
        expectEqual(['RST-19'], "the replacement's restore option", option, `Migration from ${originalName}`);
      }),
    ),
};
