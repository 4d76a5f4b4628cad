/**
 * Supported platforms (seed 000 §2.2, §2.5): the app installs on Android 8 and later and iOS 12.0 and later, and on
 * nothing older (each profile's own version and the versions around the boundary); on first launch it asks for
 * the permissions the seed lists. These checks also run on profiles the app does not install on. The boundary
 * versions, the walk over them and the permission lists serve the checks through the screens too (install-and-first-launch-screens.ts).
 */
import { ClientError } from '../../spec/errors.js';
import { type Check, type DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import type { Platform } from '../../../simulators/device/device-spec.js';
import type { Permission } from '../../../simulators/device/permissions.js';
import { addMedia, expectEqual, newWorld, serverItems } from '../../kit/device-support.js';
import { where, type Needs } from '../../kit/applies.js';

const BOUNDARY: Record<Platform, { readonly refused: readonly string[]; readonly installed: readonly string[] }> = {
  android: { refused: ['4.4', '7', '7.0', '7.1.2'], installed: ['8', '8.0', '8.0.1', '8.1', '9', '15'] },
  ios: { refused: ['9.3.5', '10.3.4', '11', '11.4', '11.4.1'], installed: ['12', '12.0', '12.0.1', '12.5.7', '18.2'] },
};

/** The platform checks install the app on OS versions around the boundary, whatever the profile's own. */
export const onPlatform = (platform: Platform): Needs => ({ device: 'paired', anyOsVersion: true, platform });

async function installs(context: DeviceCheckContext, osVersion: string): Promise<string> {
  try {
    const world = await newWorld(context, { overrides: { osVersion } });
    addMedia(world, { name: 'IMG_1.jpg' });
    await world.app.backup();
    return (await serverItems(world.app)).length === 1 ? 'runs' : 'installed but did not back up';
  } catch (error) {
    if (error instanceof ClientError && error.code === 'os-unsupported') return 'refused';
    throw error;
  }
}

/** What the app does on a phone of `osVersion`: 'runs' (it backs up), 'refused', or what else it did. */
export type Install = (osVersion: string) => Promise<string>;

/** The app on the profile's own OS version and on each side of the boundary: it runs from the minimum on only. */
export async function expectOsVersions(
  context: DeviceCheckContext,
  platform: Platform,
  install: Install,
): Promise<void> {
  const rule = platform === 'android' ? 'PLAT-01' : 'PLAT-02';
  const own = context.column.profile.osVersion;
  const ownExpected = isSupportedBySeed(platform, own) ? 'runs' : 'refused';
  expectEqual([rule], `the app on ${context.column.profile.id} (${platform} ${own})`, await install(own), ownExpected);
  for (const v of BOUNDARY[platform].refused)
    expectEqual([rule], `the app on ${platform} ${v}`, await install(v), 'refused');
  for (const v of BOUNDARY[platform].installed)
    expectEqual([rule], `the app on ${platform} ${v}`, await install(v), 'runs');
}

function osVersionCheck(platform: Platform): Check {
  const min = platform === 'android' ? 'Android 8' : 'iOS 12.0';
  return {
    id: `platforms-os-versions-${platform}`,
    title: `The app installs and runs on ${min} and later, and is refused on anything older`,
    area: 'PLAT',
    requirements: [platform === 'android' ? 'PLAT-01' : 'PLAT-02'],
    scope: 'device',
    applies: where(onPlatform(platform)),
    run: (context: DeviceCheckContext) =>
      checkOnce(() => expectOsVersions(context, platform, (v) => installs(context, v))),
  };
}

/** The seed's rule, written here rather than taken from the app: Android 8 or later, iOS 12.0 or later. */
function isSupportedBySeed(platform: Platform, version: string): boolean {
  const major = Number(version.split('.')[0]);
  return platform === 'android' ? major >= 8 : major >= 12;
}

/** What the app asks for on first launch, by rule (Face ID besides on an iPhone with Face ID). */
export const FIRST_LAUNCH: Record<Platform, Record<string, readonly Permission[]>> = {
  android: { 'PLAT-03': ['camera', 'read-external-storage', 'write-external-storage'], 'PLAT-04': ['auto-launch'] },
  ios: { 'PLAT-05': ['camera', 'photo-library', 'notifications'] },
};

function permissionsCheck(platform: Platform): Check {
  const rules = FIRST_LAUNCH[platform];
  return {
    id: `platforms-first-launch-permissions-${platform}`,
    title:
      platform === 'android'
        ? 'On first launch on Android the app asks for Camera, Read and Write External Storage, and to auto-launch and run in the background'
        : 'On first launch on iOS the app asks for Camera, Face ID (on a phone with Face ID), Photo Library and Notifications',
    area: 'PLAT',
    requirements: Object.keys(rules),
    scope: 'device',
    applies: where({ device: 'alone', platform }),
    run: (context: DeviceCheckContext) =>
      checkOnce(async () => {
        const { device } = await newWorld(context, { pair: false });
        const asked = new Set<string>(device.permissions.prompts.map((p) => p.permission));
        for (const [rule, wanted] of Object.entries(rules)) {
          const expected = [...wanted, ...(rule === 'PLAT-05' && device.biometric === 'face' ? ['face-id'] : [])];
          expectEqual(
            [rule],
            'permissions asked for on first launch',
            expected.filter((p) => !asked.has(p)),
            [],
          );
        }
      }),
  };
}

export const platformChecks: Check[] = [
  osVersionCheck('android'),
  osVersionCheck('ios'),
  permissionsCheck('android'),
  permissionsCheck('ios'),
];
