/**
 * Migration through the screens (seed 000 §7.1, §11, §11.2): the column's phone backs up and migrates to a phone of
 * the other platform, then back the other way. The replacement pairs by the desktop's migration QR code and says
 * whose content it took over; a phone paired for backup already cannot start a pairing (Activate is greyed out);
 * the original's next backup fails while its 2FA accounts stay on its 2FA page; the replacement's Restore file
 * explorer lists the inherited items in the Archive tab (documents on an Android replacement only: iOS has no
 * documents row), and Restore brings them back with the 2FA accounts.
 *
 * Not through the screens: the desktop's device list, the backup folder and the entry's name on the server
 * (MIG-01, MIG-03, MIG-04, MIG-05: migration-app-across-platforms reads them from the console), and why the
 * original's backup failed (the app shows the server's message, which is no code). On the Home edition there are
 * no 2FA accounts to carry over.
 */
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce } from '../../kit/property.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import type { DeviceSpec } from '../../../simulators/device/device-spec.js';
import type { MbsClient } from '../../../simulators/mbs-client/mbs-client.js';
import { expectEqual, expectTrue } from '../../kit/device-support.js';
import { pairThroughScreens, state, tapBackup } from '../../kit/screens-support.js';
import { otherPhone, pairAsReplacement, withPhones, type OpenPhone } from './screens-support.js';
import { authenticatorIds, removeAuthenticatorsSince } from '../two-factor/common/support.js';
import { where } from '../../kit/applies.js';

type Kind = 'photo' | 'video' | 'document';

/** The original's content: a photo and a video, a document on Android, and a 2FA account where the edition has 2FA. */
async function fillOriginal(driver: AppDriver, desk: MbsClient, twoFactor: boolean) {
  const platform = (await driver.execute('mobile: deviceInfo')).platform;
  const kinds: Kind[] = platform === 'android' ? ['photo', 'video', 'document'] : ['photo', 'video'];
  for (const kind of kinds) await driver.execute('mobile: addMedia', { kind, count: 1, sizeBytes: 3000 });
  let username: string | undefined;
  if (twoFactor) {
    const registration = await desk.call('createRegistration', { body: {} });
    await driver.tap('tab-2fa');
    await driver.tap('tfa-no-qr');
    await driver.type('secret-issuer', 'Backup Pro');
    await driver.type('secret-username', registration.username);
    await driver.type('secret-key', registration.secret);
    await driver.tap('secret-add');
    username = registration.username;
  }
  const backedUp = await tapBackup(driver);
  if (backedUp.backup?.state !== 'completed') throw new Error(`the original's backup: ${backedUp.message}`);
  return { kinds, username };
}

/** How many items of each kind the replacement's Restore file explorer lists in the Archive tab. */
async function archiveCounts(driver: AppDriver, kinds: readonly Kind[]): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  await driver.tap('tab-backup');
  await driver.tap('backup-restore');
  for (const kind of kinds) {
    if ((await driver.text(`restore-summary-${kind}`)) === 'No items') {
      counts[kind] = 0;
      continue;
    }
    await driver.tap(`restore-browse-${kind}`);
    await driver.tap('explorer-tab-archive');
    await driver.tap('explorer-select-all');
    counts[kind] = Number(/^(\d+) selected/.exec(await driver.text('explorer-selected'))?.[1] ?? NaN);
    await driver.tap('explorer-deselect-all');
    await driver.tap('explorer-done');
  }
  await driver.tap('nav-back');
  return counts;
}

/** Restore with every row the replacement offers selected: what it restored, and the 2FA accounts it then lists. */
async function restoreAll(driver: AppDriver) {
  await driver.tap('tab-backup');
  await driver.tap('backup-restore');
  for (const row of ['photo', 'video', 'document', '2fa']) {
    const source = await driver.pageSource();
    if (source.includes(`"restore-select-${row}"`) && !(await driver.text(`restore-summary-${row}`)).startsWith('No'))
      await driver.tap(`restore-select-${row}`);
  }
  await driver.tap('restore-start');
  const after = await driver.execute('mobile: waitForIdle', {});
  return { restore: after.restore, labels: after.accounts.map((a) => a.label) };
}

async function migrate(context: DeviceCheckContext, open: OpenPhone, from: DeviceSpec, to: DeviceSpec): Promise<void> {
  const desk = context.session.console!;
  const twoFactor = context.session.edition !== 'home';
  const original = await open(from, 'original');
  await pairThroughScreens(original, context.session);
  const { kinds, username } = await fillOriginal(original, desk, twoFactor);
  const originalId = (await state(original)).pairing!.deviceId;

  const busy = await open(to, 'paired');
  await pairThroughScreens(busy, context.session);
  const pairedTo = (await state(busy)).pairing?.deviceId;
  await busy.tap('tab-home');
  await busy.tap('home-activate');
  const refused = await state(busy);
  expectTrue(['MIG-02'], refused.screen !== 'scanner', 'a phone paired for backup opened the scanner to pair again');
  expectEqual(['MIG-02'], 'the paired phone’s pairing', refused.pairing?.deviceId, pairedTo);

  const replacement = await open(to, 'replacement');
  const { after, result } = await pairAsReplacement(replacement, desk, originalId);
  expectTrue(['MIG-10'], after.pairing !== null, `the replacement did not pair: ${after.message}`);
  expectTrue(['MIG-10'], result?.includes('is completed') === true, `after the migration QR code: ${result}`);

  const stale = await tapBackup(original);
  expectEqual(['MIG-06'], "the original's next backup", stale.backup?.state, 'failed');
  if (username) {
    await original.tap('tab-2fa');
    const kept = stale.accounts.find((a) => a.label === username);
    const code = kept ? await original.text(`account-${kept.id}-code`) : '';
    expectTrue(['MIG-06'], /^\d{6}$/.test(code), `the original's 2FA page after migration: ${JSON.stringify(kept)}`);
  }

  // An iOS replacement's Restore page has no documents row: what it cannot list is not asked of it.
  const shown = kinds.filter((k) => k !== 'document' || to.platform === 'android');
  const listed = await archiveCounts(replacement, shown);
  const expected = Object.fromEntries(shown.map((k) => [k, 1]));
  expectEqual(['MIG-11'], 'inherited items in the Archive tab, by kind', listed, expected);
  const { restore, labels } = await restoreAll(replacement);
  const documents = from.platform === 'android' && to.platform === 'android' ? 1 : 0;
  expectEqual(
    ['MIG-10', 'MIG-13'],
    `the restore on the ${to.platform} replacement`,
    [restore?.state, restore?.restored],
    ['completed', { photo: 1, video: 1, document: documents }],
  );
  if (username) expectTrue(['MIG-10'], labels.includes(username), `2FA accounts restored: [${labels.join(', ')}]`);
}

export const uiMigrationCheck: Check = {
  id: 'migration-across-platforms-screens',
  title:
    'Through the screens: migration to a phone of the other platform and back; a paired phone cannot start one, the original cannot back up but keeps its 2FA accounts, the replacement lists the inherited items in Archive and restores them with the 2FA accounts',
  area: 'MIG',
  requirements: ['MIG-02', 'MIG-06', 'MIG-10', 'MIG-11', 'MIG-13'],
  scope: 'device',
  tags: ['ui'],
  // The original registers for 2FA by secret key, which turns 2FA on for every client of the server.
  exclusive: true,
  applies: where({ overWebDriverOf: 'migration-app-across-platforms', device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const desk = context.session.console!;
      const before = context.session.edition === 'home' ? new Set<string>() : await authenticatorIds(desk);
      try {
        await withPhones(context, async (open) => {
          const mine = context.column.profile;
          await migrate(context, open, mine, otherPhone(context));
          await migrate(context, open, otherPhone(context), mine);
        });
      } finally {
        if (context.session.edition !== 'home') await removeAuthenticatorsSince(desk, before);
      }
    }),
};
