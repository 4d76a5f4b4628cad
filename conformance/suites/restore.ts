/**
 * Restore (seed 000 §11, §6.2.2, Appendix B). A property over one backed-up phone per column: each run deletes some
 * items, selects some on the restore page (kinds, single items, the 2FA group), restores, maybe stopped or cut off
 * from the LAN after the n-th download and then resumed, and checks what came back; then it puts the phone back.
 * Scenarios check that only the latest state is offered and that the SD card needs the app's permission.
 */
import fc from 'fast-check';
import type { Static } from 'typebox';
import { ClientError } from '../spec/errors.js';
import type { ItemKind } from '../spec/file-types.js';
import type { AuthenticatorAccount } from '../spec/protocol/resources.js';
import type { Check, CheckContext } from '../framework/check.js';
import { checkOnce, checkProperty } from '../framework/property.js';
import { hashOf } from '../../simulators/app/content-registry.js';
import { RestorePage, TABS, restoreFromPage } from '../../simulators/app/restore-page.js';
import type { MediaInit } from '../../simulators/device/media.js';
import { restoreRun, runs, type RestoreApp } from './restore-commands.js';
import {
  addMedia,
  deviceNeeds,
  expectEqual,
  mediaInit,
  newWorld,
  serverItems,
  sorted,
  totp,
  type ServerItem,
  type World,
} from './device-support.js';

interface Backed {
  readonly init: MediaInit;
  readonly sha256: string;
  readonly kind: ItemKind;
}

/** A phone with a few photos, videos, documents (Android) and two 2FA accounts, all backed up. */
async function backedUpPhone(context: CheckContext) {
  const world = await newWorld(context.session, context.column.profile!);
  const platform = world.device.platform;
  const names = ['IMG_1.jpg', 'IMG_2.png', 'IMG_3.heic', 'VID_1.mp4', 'VID_2.mov'];
  if (platform === 'android') names.push('notes.pdf', 'song.mp3');
  const backed: Backed[] = names.map((name, i) => {
    const init = mediaInit(platform, {
      name,
      size: 600 + 300 * i,
      ...(/pdf|mp3/.test(name) ? { folder: 'Documents' } : {}),
    });
    const item = world.device.addMedia(init);
    return { init, sha256: hashOf(item), kind: item.kind! };
  });
  world.app.accounts.addFromSecret('Backup Pro', 'admin', 'JBSWY3DPEHPK3PXP');
  world.app.accounts.addFromSecret('Mail', 'me@example.com', 'GEZDGNBVGY3TQOJQ');
  await world.app.backup();
  const items = await serverItems(world.app);
  const accounts = [...world.app.accounts.list()];
  return { world, backed, items, accounts };
}

const selectionProperty: Check = {
  id: 'restore-selection-property',
  title:
    'Restore brings back exactly the selected items not on the phone, skips the others, reports both per kind, resumes after Stop or a lost LAN without repeating an item, and restores 2FA accounts as one group with working codes',
  area: 'RST',
  requirements: ['RST-02', 'RST-05', 'RST-06', 'RST-07', 'RST-08', 'RST-12', 'RST-16', 'RFE-14'],
  scope: 'device',
  applies: deviceNeeds(),
  async run(context: CheckContext) {
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

/** The app model on a simulated device, paired, in process: it sees the wire, each item's hash and the 2FA page. */
function modelApp(
  world: World,
  backed: readonly Backed[],
  items: readonly ServerItem[],
  accounts: readonly Static<typeof AuthenticatorAccount>[],
): RestoreApp {
  const { app, device, wire } = world;
  const byKey = new Map(items.map((i) => [i.sha256, i]));
  let page: RestorePage | undefined;
  const open = () => page!;
  return {
    items: items.map((i) => ({ key: i.sha256, kind: i.meta.kind, name: i.meta.name })),
    backed: backed.map((b) => ({ key: b.sha256, kind: b.kind, name: b.init.name })),
    accounts: {
      forget: async () => {
        for (const a of accounts) app.accounts.remove(a.id);
      },
      tapGroup: async () => open().tap('2fa'),
      async verify(expectAll) {
        const shown = app.accounts.list().map((a) => a.id);
        const expectedIds = expectAll ? accounts.map((a) => a.id) : [];
        expectEqual(['RST-16', 'RST-12'], '2FA accounts on the phone', sorted(shown), sorted(expectedIds));
        const now = device.clock.now();
        for (const code of app.accounts.codes(now)) {
          const secret = accounts.find((a) => a.id === code.id)!.secret;
          expectEqual(['RST-12'], `the code of ${code.label}`, code.code, totp(secret, now));
        }
      },
    },
    async deleteFromPhone(gone) {
      for (const b of gone) device.removeMedia(device.mediaItems().find((m) => hashOf(m) === b.key)!.id);
    },
    async openPage() {
      page = new RestorePage(device.platform, { recent: items, archive: [], deleted: [] }, accounts);
      return page.kinds;
    },
    tapKind: async (kind) => open().tap(kind),
    toggle: async (item) => open().selection.toggle(byKey.get(item.key)!),
    async refusesEmpty() {
      try {
        open().plan();
        return false;
      } catch (error) {
        return error instanceof ClientError && error.code === 'restore-nothing-selected';
      }
    },
    carried: async () => ({
      names: open()
        .plan()
        .items.map((i) => byKey.get(i.sha256)!.meta.name),
    }),
    async restore(interrupt) {
      const downloadsBefore = wire.downloads.length;
      let interrupted = false;
      let held: string | undefined;
      wire.arm({
        afterDownload: (n) => {
          if (!interrupt || n !== interrupt.after) return;
          interrupted = true;
          if (interrupt.by === 'stop') app.stop();
          else device.setNetwork({ wifi: null });
        },
      });
      let job;
      try {
        job = await restoreFromPage(app, open());
        // Interrupted during its last item, a job may finish all the same; otherwise it offers to resume.
        if (interrupted && job.state !== 'completed') {
          held = job.state;
          if (interrupt!.by === 'stop') {
            if (held !== 'stopped') return { interrupted: held, ...counts(job) };
            await job.resume();
          } else device.setNetwork({ wifi: 'home', backupMachineReachable: true });
          await job.idle();
        }
      } finally {
        wire.disarm();
      }
      return {
        ...(held ? { interrupted: held } : {}),
        ...counts(job),
        downloaded: wire.downloads.slice(downloadsBefore),
      };
    },
    async copies() {
      const copies = new Map<string, number>();
      for (const m of device.mediaItems()) copies.set(hashOf(m), (copies.get(hashOf(m)) ?? 0) + 1);
      return copies;
    },
  };
}

const counts = (job: { state: string; restored: Record<ItemKind, number>; skipped: Record<ItemKind, number> }) => ({
  state: job.state,
  restored: { ...job.restored },
  skipped: { ...job.skipped },
});

/** Puts the phone back as it was after the backup: every item once, both accounts, on the LAN. */
function putBack(
  world: World,
  backed: readonly Backed[],
  accounts: readonly Static<typeof AuthenticatorAccount>[],
): void {
  const { device, app } = world;
  device.setNetwork({ wifi: 'home', backupMachineReachable: true });
  for (const b of backed) {
    const copies = device.mediaItems().filter((m) => hashOf(m) === b.sha256);
    if (copies.length === 0) device.addMedia(b.init);
    for (const extra of copies.slice(1)) device.removeMedia(extra.id);
  }
  if (device.platform === 'ios') device.clearRecentlyDeleted();
  for (const a of [...app.accounts.list()]) app.accounts.remove(a.id);
  app.accounts.restore(accounts);
}

const latestOnly: Check = {
  id: 'restore-latest-state-only',
  title: 'Restore offers the latest backed-up state only: each item once, and the 2FA accounts of the latest backup',
  area: 'RST',
  requirements: ['RST-01'],
  scope: 'device',
  applies: deviceNeeds(),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const { app, device } = await newWorld(context.session, context.column.profile!);
      const first = addMedia(device, { name: 'IMG_1.jpg' });
      addMedia(device, { name: 'IMG_2.jpg' });
      const account = app.accounts.addFromSecret('Backup Pro', 'admin', 'JBSWY3DPEHPK3PXP');
      await app.backup();
      device.removeMedia(first.id);
      addMedia(device, { name: 'IMG_3.jpg' });
      app.accounts.rename(account.id, 'administrator');
      app.accounts.addFromSecret('Mail', 'me@example.com', 'GEZDGNBVGY3TQOJQ');
      await app.backup();
      const listed = await Promise.all(
        TABS.map(async (tab) => (await app.listRestorable(tab)).map((i) => `${tab}:${i.meta.name}`)),
      );
      expectEqual(['RST-01'], 'what restore offers', sorted(listed.flat()), [
        'deleted:IMG_1.jpg',
        'recent:IMG_2.jpg',
        'recent:IMG_3.jpg',
      ]);
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
  applies: deviceNeeds({ platform: 'android', sdCard: true }),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const { app, device } = await newWorld(context.session, context.column.profile!);
      const onCard = addMedia(device, { name: 'IMG_SD.jpg', storage: 'sd' });
      const inside = addMedia(device, { name: 'IMG_IN.jpg' });
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
