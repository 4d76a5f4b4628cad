/**
 * Restore (seed 000 §11, §6.2.2, Appendix B). A property over one backed-up phone per column: each run deletes some
 * items, selects some on the restore page (kinds, single items, the 2FA group), restores, maybe stopped or cut off
 * from the LAN after the n-th download and then resumed, and checks what came back; then it puts the phone back.
 * Scenarios check that only the latest state is offered and that the SD card needs the app's permission.
 */
import fc from 'fast-check';
import { skipUnless, type Check, type DeviceCheckContext } from '../../kit/check.js';
import { checkOnce, checkProperty } from '../../kit/property.js';
import { TABS } from '../../../simulators/app/restore-page.js';
import { restoreRun, runs } from './selection-commands.js';
import { backedUpPhone, putBack } from './backed-up-phone.js';
import { modelApp } from './selection-in-process.js';
import {
  addMedia,
  expectEqual,
  expectTrue,
  newWorld,
  serverItems,
  sorted,
  type World,
} from '../../kit/device-support.js';
import { sameContent, type MediaItem } from '../../../simulators/device/media.js';
import { where, type Applies } from '../../kit/applies.js';
import { appRestoresItemByItem } from '../../spec/versions.js';

/** An app that restores item by item; an older one restores the complete set only (restore-complete-set-before-1-6). */
const itemByItem: Applies = (column) => {
  const profile = column.profile;
  const version = profile?.appVersion;
  return skipUnless(
    !profile || version === undefined || appRestoresItemByItem(profile.platform, version),
    `app ${version ?? ''} restores the complete set only (restore-complete-set-before-1-6 checks that)`,
  );
};

const selectionProperty: Check = {
  id: 'restore-selection-property',
  title:
    'Restore brings back exactly the selected items not on the phone, skips the others, reports both per kind, resumes after Stop or a lost LAN without repeating an item, and restores 2FA accounts as one group with working codes',
  area: 'RST',
  requirements: ['RST-02', 'RST-05', 'RST-06', 'RST-07', 'RST-08', 'RST-12', 'RST-16', 'RFE-14'],
  scope: 'device',
  applies: where({ device: 'paired', also: itemByItem }),
  async run(context: DeviceCheckContext) {
    const { world, backed, items, accounts } = await backedUpPhone(context);
    const property = fc.asyncProperty(runs, async (run) => {
      try {
        await restoreRun(modelApp(world, backed, items, accounts), run);
      } finally {
        putBack(world, backed, accounts);
      }
    });
    return checkProperty(property, context);
  },
};

/** The edited item, taken off the phone and restored from Recent, comes back with its latest bytes. */
async function expectEditedRestored({ app, device }: World, edited: MediaItem): Promise<void> {
  const latest = (await app.listRestorable('recent')).filter((item) => item.meta.name === edited.name);
  device.removeMedia(edited.id);
  const job = await app.restore(latest);
  expectEqual(['RST-01'], `restore of the edited ${edited.name}`, job.state, 'completed');
  const restored = await Promise.all(latest.map((item) => app.client().download(item.sha256)));
  expectTrue(
    ['RST-01'],
    restored.length === 1 && sameContent(edited, restored[0]!),
    `${edited.name}, edited and backed up again, restores ${restored.length === 1 ? 'the bytes of an earlier backup' : `${restored.length} times`}`,
  );
}

/** What the restore explorer offers now, as "tab:name", every tab. */
async function offeredBy(app: World['app']): Promise<string[]> {
  const tabs = await Promise.all(
    TABS.map(async (tab) => (await app.listRestorable(tab)).map((i) => `${tab}:${i.meta.name}`)),
  );
  return sorted(tabs.flat());
}

const latestOnly: Check = {
  id: 'restore-latest-state-only',
  title:
    'Restore offers the latest backed-up state only, after each backup: each item once, and the 2FA accounts of the latest backup',
  area: 'RST',
  requirements: ['RST-01'],
  scope: 'device',
  applies: where({ device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context);
      const { app, device } = world;
      const first = addMedia(world, { name: 'IMG_1.jpg' });
      const unedited = addMedia(world, { name: 'IMG_2.jpg' });
      const account = app.accounts.addFromSecret('Backup Pro', 'admin', 'JBSWY3DPEHPK3PXP');
      await app.backup();
      expectEqual(['RST-01'], 'what restore offers after the first backup', await offeredBy(app), [
        'recent:IMG_1.jpg',
        'recent:IMG_2.jpg',
      ]);
      device.removeMedia(first.id);
      // IMG_2.jpg is edited: the same file at the same path, with other bytes (its earlier bytes go to Deleted).
      device.removeMedia(unedited.id);
      const edited = addMedia(world, { name: 'IMG_2.jpg' });
      addMedia(world, { name: 'IMG_3.jpg' });
      app.accounts.rename(account.id, 'administrator');
      app.accounts.addFromSecret('Mail', 'me@example.com', 'GEZDGNBVGY3TQOJQ');
      await app.backup();
      expectEqual(['RST-01'], 'what restore offers after the second backup', await offeredBy(app), [
        'deleted:IMG_1.jpg',
        'deleted:IMG_2.jpg',
        'recent:IMG_2.jpg',
        'recent:IMG_3.jpg',
      ]);
      await expectEditedRestored(world, edited);
      const latest = [...app.accounts.list()];
      for (const a of latest) app.accounts.remove(a.id);
      await app.restore([], { accounts: true });
      expectEqual(['RST-01'], '2FA accounts restored', app.accounts.list(), latest);
    }),
};

const sdCardPermission: Check = {
  id: 'restore-sd-card-permission',
  title: 'Restoring to the SD card needs the app’s SD card permission: asked for, and without it those items stay out',
  area: 'RST',
  requirements: ['RST-10'],
  scope: 'device',
  applies: where({ device: 'paired', platform: 'android', sdCard: true }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context);
      const { app, device } = world;
      const onCard = addMedia(world, { name: 'IMG_SD.jpg', storage: 'sd' });
      const inside = addMedia(world, { name: 'IMG_IN.jpg' });
      await app.backup();
      const held = await serverItems(app);
      device.removeMedia(onCard.id);
      device.removeMedia(inside.id);
      device.permissions.answers.set('sd-card', 'deny');
      const refused = await app.restore(held);
      const asked = () => device.permissions.prompts.filter((p) => p.permission === 'sd-card').length;
      expectEqual(['RST-10'], 'SD card permission prompts', asked(), 1);
      expectEqual(['RST-10'], 'items restored without the permission', sorted(device.mediaItems().map((m) => m.path)), [
        inside.path,
      ]);
      expectEqual(['RST-10'], 'items left out for the permission', refused.withoutPermission, {
        photo: 1,
        video: 0,
        document: 0,
      });
      device.permissions.answers.set('sd-card', 'allow');
      await app.restore(held);
      expectEqual(['RST-10'], 'SD card permission prompts', asked(), 2);
      expectEqual(
        ['RST-10'],
        'items restored with the permission',
        sorted(device.mediaItems().map((m) => `${m.storage}:${m.path}`)),
        sorted([`sd:${onCard.path}`, `internal:${inside.path}`]),
      );
    }),
};

export const restoreChecks: Check[] = [selectionProperty, latestOnly, sdCardPermission];
