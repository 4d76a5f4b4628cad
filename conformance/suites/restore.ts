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
import {
  addMedia,
  deviceNeeds,
  expectEqual,
  expectTrue,
  kindCounts,
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

type Op = { readonly tap: ItemKind | '2fa' } | { readonly toggle: number };
interface Run {
  readonly deleted: readonly boolean[];
  readonly forgetAccounts: boolean;
  readonly ops: readonly Op[];
  readonly interrupt: { readonly after: number; readonly by: 'stop' | 'lan' } | null;
}

const runs: fc.Arbitrary<Run> = fc.record({
  deleted: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
  forgetAccounts: fc.boolean(),
  ops: fc.array(
    fc.oneof(
      fc.constantFrom<ItemKind | '2fa'>('photo', 'video', 'document', '2fa').map((tap) => ({ tap })),
      fc.nat(6).map((toggle) => ({ toggle })),
    ),
    { minLength: 1, maxLength: 5 },
  ),
  interrupt: fc.option(
    fc.record({ after: fc.constantFrom(1, 1, 2), by: fc.constantFrom('stop' as const, 'lan' as const) }),
  ),
});

/** What the page should have selected after the ops: a kind's tap selects all of it when none is, else none. */
function expectedSelection(page: RestorePage, items: readonly ServerItem[], ops: readonly Op[]) {
  const selected = new Set<string>();
  let accounts = false;
  for (const op of ops) {
    if ('toggle' in op) {
      const item = items[op.toggle % items.length]!;
      if (!selected.delete(item.sha256)) selected.add(item.sha256);
      page.selection.toggle(item);
    } else if (op.tap === '2fa') {
      accounts = !accounts;
      page.tap('2fa');
    } else if (page.kinds.includes(op.tap)) {
      const ofKind = items.filter((i) => i.meta.kind === op.tap);
      const none = ofKind.every((i) => !selected.has(i.sha256));
      for (const i of ofKind)
        if (none) selected.add(i.sha256);
        else selected.delete(i.sha256);
      page.tap(op.tap);
    }
  }
  return { selected, accounts };
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
        await restoreRun(world, backed, items, accounts, run);
      } finally {
        putBack(world, backed, accounts);
      }
    });
    return checkProperty(property, context);
  },
};

async function restoreRun(
  world: World,
  backed: readonly Backed[],
  items: readonly ServerItem[],
  accounts: readonly Static<typeof AuthenticatorAccount>[],
  run: Run,
) {
  const { app, device, wire } = world;
  const gone = backed.filter((_, i) => run.deleted[i]);
  for (const b of gone) device.removeMedia(device.mediaItems().find((m) => hashOf(m) === b.sha256)!.id);
  if (run.forgetAccounts) for (const a of accounts) app.accounts.remove(a.id);
  const page = new RestorePage(device.platform, { recent: items, archive: [], deleted: [] }, accounts);
  const want = expectedSelection(page, items, run.ops);
  if (want.selected.size === 0 && !want.accounts) {
    let refused = false;
    try {
      page.plan();
    } catch (error) {
      refused = error instanceof ClientError && error.code === 'restore-nothing-selected';
    }
    expectTrue(['RST-05'], refused, 'Restore went ahead with nothing selected');
    return;
  }
  const names = (shas: Iterable<string>) =>
    sorted([...shas].map((sha) => items.find((i) => i.sha256 === sha)!.meta.name));
  const carried = names(page.plan().items.map((i) => i.sha256));
  expectEqual(['RFE-14'], 'items the page carries from the explorer', carried, names(want.selected));
  const downloadsBefore = wire.downloads.length;
  let interrupted = false;
  wire.arm({
    afterDownload: (n) => {
      if (!run.interrupt || n !== run.interrupt.after) return;
      interrupted = true;
      if (run.interrupt.by === 'stop') app.stop();
      else device.setNetwork({ wifi: null });
    },
  });
  let job;
  try {
    job = await restoreFromPage(app, page);
    // Interrupted during its last item, a job may finish all the same; otherwise it offers to resume.
    if (interrupted && job.state !== 'completed') {
      const state = run.interrupt!.by === 'stop' ? 'stopped' : 'held';
      expectEqual(['RST-06'], 'the interrupted restore', job.state, state);
      if (state === 'stopped') await job.resume();
      else device.setNetwork({ wifi: 'home', backupMachineReachable: true });
      await job.idle();
    }
  } finally {
    wire.disarm();
  }
  expectEqual(['RST-06'], 'the restore job', job.state, 'completed');
  const goneShas = new Set(gone.map((b) => b.sha256));
  const chosen = backed.filter((b) => want.selected.has(b.sha256));
  const restored = chosen.filter((b) => goneShas.has(b.sha256));
  const skipped = chosen.filter((b) => !goneShas.has(b.sha256));
  // Skips first: an item restored over its copy on the phone breaks RST-07 before it spoils the restored count.
  expectEqual(['RST-08', 'RST-07'], 'items skipped per kind', job.skipped, kindCounts(skipped.map((b) => b.kind)));
  expectEqual(['RST-08', 'RST-02'], 'items restored per kind', job.restored, kindCounts(restored.map((b) => b.kind)));
  const downloads = wire.downloads.slice(downloadsBefore);
  expectEqual(['RST-06', 'RST-07'], 'items downloaded', sorted(downloads), sorted(restored.map((b) => b.sha256)));
  for (const b of backed) {
    const copies = device.mediaItems().filter((m) => hashOf(m) === b.sha256).length;
    const expected = goneShas.has(b.sha256) && !want.selected.has(b.sha256) ? 0 : 1;
    const rule = goneShas.has(b.sha256) ? 'RST-02' : 'RST-07';
    expectEqual([rule], `copies of ${b.init.name} on the phone`, copies, expected);
  }
  const shown = app.accounts.list().map((a) => a.id);
  const expectedIds = run.forgetAccounts && !want.accounts ? [] : accounts.map((a) => a.id);
  expectEqual(['RST-16', 'RST-12'], '2FA accounts on the phone', sorted(shown), sorted(expectedIds));
  const now = device.clock.now();
  for (const code of app.accounts.codes(now)) {
    const secret = accounts.find((a) => a.id === code.id)!.secret;
    expectEqual(['RST-12'], `the code of ${code.label}`, code.code, totp(secret, now));
  }
}

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
