/**
 * PLAT-06, tablets (seed 000 §1.1: "we tend to use our smartphones or tablets"; §11 Original location: "iOS –
 * example devices: iPhone, iPad"): the app serves a tablet as it serves a phone. Once per edition an Android tablet
 * (a Galaxy Tab S9, written here: no stored profile is an Android tablet with a camera) and an iPad (the
 * ipad-9th-gen profile) each install the app, pair by QR, back up two photos and, once the photos are gone from the
 * tablet, restore them. The seeds state no tablet layout or orientation, so no screen rule of a tablet is checked.
 */
import type { Check, CheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { addMedia, expectEqual, newWorld } from '../../kit/device-support.js';
import { where } from '../../kit/applies.js';
import { Violation } from '../../kit/violation.js';
import { ClientError } from '../../spec/errors.js';
import { removeQuietly } from '../../kit/server-support.js';
import { loadProfile } from '../../../devices/load-profiles.js';
import type { DeviceSpec } from '../../../simulators/device/device-spec.js';

const ANDROID_TABLET: DeviceSpec = {
  id: 'galaxy-tab-s9',
  name: 'Galaxy Tab S9',
  model: 'SM-X710',
  platform: 'android',
  osVersion: '14',
  storageBytes: 128e9,
  systemBytes: 20e9,
  screenLock: 'pin',
  biometric: 'fingerprint',
  camera: true,
  battery: { level: 80, charging: false },
};

/** One tablet: paired, two photos backed up, lost and restored; how many came back, and its device id. */
async function roundTrip(context: CheckContext, profile: DeviceSpec): Promise<{ restored: number; deviceId: string }> {
  const world = await newWorld(context, { profile }).catch((error: unknown) => {
    // The app refusing a tablet at install is the rule broken, not the kit's setup.
    if (!(error instanceof ClientError && error.code === 'os-unsupported')) throw error;
    throw new Violation(['PLAT-06'], `the app refused to install on the ${profile.name}: ${error.message}`);
  });
  const photos = [1, 2].map((n) => addMedia(world, { name: `TAB_${n}.jpg`, size: 1300 + n }));
  await world.app.backup();
  for (const photo of photos) world.device.removeMedia(photo.id);
  await world.app.restore(await world.app.listRestorable('recent'));
  const restored = world.device.mediaItems().filter((m) => m.kind === 'photo').length;
  return { restored, deviceId: world.app.pairing!.deviceId };
}

export const tabletsCheck: Check = {
  id: 'platforms-tablets',
  title: 'An Android tablet and an iPad pair, back up and restore as phones do',
  area: 'PLAT',
  requirements: ['PLAT-06'],
  scope: 'server',
  applies: where({ console: true }),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const paired: string[] = [];
      try {
        for (const tablet of [ANDROID_TABLET, loadProfile('ipad-9th-gen')]) {
          const { restored, deviceId } = await roundTrip(context, tablet);
          paired.push(deviceId);
          expectEqual(['PLAT-06'], `photos restored on the ${tablet.name}`, restored, 2);
        }
      } finally {
        await removeQuietly(context.session, paired);
      }
    }),
};
