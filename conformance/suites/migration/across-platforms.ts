/**
 * Migration seen from the apps (seed 000 §7.1, §11, §11.2): the column's phone migrates to a phone of the other
 * platform and back the other way; the original is chosen from the device list, a replacement paired already is
 * refused, the replacement takes over the folder under its own name, the original's app loses its backup pairing
 * but keeps its 2FA accounts, and the replacement lists the inherited items in Archive and restores them (documents
 * only on Android) with the 2FA accounts. Where the edition has 2FA: after the replacement re-pairs, push goes to it
 * only; the original's one-time passwords stay valid (MUST, as the seed says) though NIST would revoke them (ADVISORY).
 *
 * This file holds the check across platforms and the list; the world of the checks is in app-world.ts and
 * the checks after the replacement re-pairs for 2FA in two-factor-after-repair.ts.
 */
import { MbsError } from '../../spec/errors.js';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import { hashOf } from '../../../simulators/app/content-registry.js';
import { openRestorePage, restoreFromPage } from '../../../simulators/app/restore-page.js';
import type { DeviceSpec } from '../../../simulators/device/device-spec.js';
import { addMedia, expectEqual, expectTrue, newWorld, pairApp, phoneOf, sorted } from '../../kit/device-support.js';
import { refusal } from './app-world.js';
import { where } from '../../kit/applies.js';

/** One migration: the original backs up, the replacement takes over; every observable rule along the way. */
async function migrate(context: DeviceCheckContext, from: DeviceSpec, to: DeviceSpec): Promise<void> {
  const { session } = context;
  const console = session.console!;
  const original = await newWorld(context, { profile: from });
  const made = ['IMG_1.jpg', 'VID_1.mp4', 'report.pdf'].map((name) =>
    addMedia(original, { name, ...(name.endsWith('.pdf') ? { folder: 'Documents' } : {}) }),
  );
  original.app.accounts.addFromSecret('Backup Pro', 'admin', 'JBSWY3DPEHPK3PXP');
  await original.app.backup();
  const { backupPath } = await original.app.client().call('getSelf');
  const originalId = original.app.pairing!.deviceId;
  const listed = (await console.call('listDevices')).devices.find((d) => d.deviceId === originalId);
  expectEqual(['MIG-01'], 'the original in the device list', listed?.name, original.device.spec.name);

  // A replacement already paired for backup is refused.
  const busy = await newWorld(context, { profile: to });
  const twice = await refusal(() => pairApp(session, busy.app, originalId));
  // The app may refuse by itself, or pass the server's refusal on.
  const refusals = ['already-paired', 'migration-target-paired'];
  expectTrue(['MIG-02'], refusals.includes(twice), `migrating to a phone paired for backup already: ${twice}`);

  const replacement = await newWorld(context, { profile: to, pair: false });
  await pairApp(session, replacement.app, originalId);
  const self = await replacement.app.client().call('getSelf');
  expectEqual(['MIG-04'], "the replacement's backup folder", self.backupPath, backupPath);
  const devices = (await console.call('listDevices')).devices;
  expectTrue(['MIG-03'], !devices.some((d) => d.deviceId === originalId), 'the original is still in the device list');
  const entry = devices.find((d) => d.deviceId === replacement.app.pairing!.deviceId);
  expectEqual(['MIG-05'], "the replacement's entry", entry?.name, replacement.device.spec.name);

  const stale = await original.app.backup();
  const cause = stale.error instanceof MbsError ? stale.error.code : stale.error?.message;
  expectEqual(['MIG-06'], "the original's next backup", [stale.state, cause], ['failed', 'device-unauthorized']);
  expectEqual(['MIG-06'], "the original's 2FA accounts", original.app.accounts.list().length, 1);

  const eligible = made.filter((m) => m.kind !== 'document' || from.platform === 'android');
  const archive = await replacement.app.listRestorable('archive');
  expectEqual(
    ['MIG-11'],
    'inherited items in the Archive tab',
    sorted(archive.map((i) => i.sha256)),
    sorted(eligible.map(hashOf)),
  );
  const page = await openRestorePage(replacement.app);
  for (const kind of page.kinds) page.tap(kind);
  const job = await restoreFromPage(replacement.app, page);
  const expected = eligible.filter((m) => m.kind !== 'document' || to.platform === 'android');
  const back = sorted(replacement.device.mediaItems().map(hashOf));
  expectEqual(
    ['MIG-10', 'MIG-13'],
    `items restored on the ${to.platform} replacement`,
    [job.state, back],
    ['completed', sorted(expected.map(hashOf))],
  );
  expectEqual(
    ['MIG-10'],
    '2FA accounts restored',
    replacement.app.accounts.list().map((a) => a.label),
    ['admin'],
  );
}

const acrossPlatforms: Check = {
  id: 'migration-app-across-platforms',
  title:
    "Migration from this phone to one of the other platform and back: the device list, a paired replacement refused, the folder kept under the replacement's name, the original unpaired with its 2FA accounts, inherited items in Archive restored with the 2FA accounts",
  area: 'MIG',
  requirements: ['MIG-01', 'MIG-02', 'MIG-03', 'MIG-04', 'MIG-05', 'MIG-06', 'MIG-10', 'MIG-11', 'MIG-13'],
  scope: 'device',
  applies: where({ device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const mine = context.column.profile;
      const other = phoneOf(mine.platform === 'android' ? 'ios' : 'android');
      await migrate(context, mine, other);
      await migrate(context, other, mine);
    }),
};

export const migrationChecks: Check[] = [acrossPlatforms];
