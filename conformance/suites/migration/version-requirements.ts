/**
 * MIG-12, the versions a migration needs (seed 000 §11 Requirements): the desktop program 4.5.4.0 or later, which
 * the server states in `GET /v1/info`, and an app of 1.5.0 (Android) or 268 (iOS) or later on the replacement,
 * which the app states when it pairs. An older desktop program refuses to issue a migrate QR; an older app is
 * refused `app-version-unsupported`, changes nothing and leaves the token usable; the minimum itself pairs.
 */
import { checkOnce } from '../../kit/property.js';
import { where } from '../../kit/applies.js';
import type { Check } from '../../kit/check.js';
import { consoleOf, identity, pairDevice, refused, removeQuietly } from '../../kit/server-support.js';
import { within } from '../../kit/violation.js';
import { desktopMigrates, justBefore, MINIMUM_VERSIONS, type AppPlatform } from '../../spec/versions.js';
import type { TargetSession } from '../../targets/target.js';
import { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';

/** One platform's replacement: refused just below the minimum, taken at it; the original leaves the list. */
async function migrateOnto(session: TargetSession, platform: AppPlatform, paired: string[]): Promise<void> {
  const original = await pairDevice(session, `Original ${platform}`, platform);
  paired.push(original.deviceId);
  const pairing = await consoleOf(session).call('createPairing', {
    body: { mode: 'migrate', originalDeviceId: original.deviceId },
  });
  const minimum = MINIMUM_VERSIONS.migration.app[platform];
  const app = new MbsClient({ baseUrl: session.url });
  const pair = (appVersion: string) =>
    app.call('pair', {
      body: { token: pairing.token, edition: session.edition, device: identity('Replacement', platform), appVersion },
    });
  await refused(
    pair(justBefore(minimum)),
    ['app-version-unsupported'],
    `a replacement on ${platform} app ${justBefore(minimum)}`,
  );
  const { devices } = await consoleOf(session).call('listDevices');
  if (!devices.some((d) => d.deviceId === original.deviceId)) {
    throw new Error('the refused migration took the original off the device list');
  }
  const replacement = await pair(minimum);
  paired.push(replacement.deviceId);
}

export const migrationVersionsCheck: Check = {
  id: 'migration-version-requirements',
  title: 'Migration needs desktop 4.5.4.0 and app 1.5.0 (Android) or 268 (iOS): older ones are refused',
  area: 'MIG',
  requirements: ['MIG-12'],
  scope: 'server',
  tags: ['versions'],
  applies: where({ console: true }),
  run: ({ session }) =>
    checkOnce(async () => {
      const info = await new MbsClient({ baseUrl: session.url }).call('getInfo');
      const paired: string[] = [];
      try {
        await within(['MIG-12'], async () => {
          if (!desktopMigrates(info.desktopVersion)) {
            const original = await pairDevice(session, 'Original', 'android');
            paired.push(original.deviceId);
            const call = consoleOf(session).call('createPairing', {
              body: { mode: 'migrate', originalDeviceId: original.deviceId },
            });
            await refused(call, ['desktop-version-unsupported'], `a migration on desktop ${info.desktopVersion}`);
            return;
          }
          for (const platform of ['android', 'ios'] as const) await migrateOnto(session, platform, paired);
        });
      } finally {
        await removeQuietly(session, paired);
      }
    }),
};
