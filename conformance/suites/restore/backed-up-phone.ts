/**
 * The phone the restore selection property (selection.ts) works on: a few photos, videos, documents (Android) and two
 * 2FA accounts (one with a key of 32 characters), all backed up once before the property starts, and the putting back
 * after each run, so every run starts from that same phone.
 */
import type { Static } from 'typebox';
import type { ItemKind } from '../../spec/file-types.js';
import type { AuthenticatorAccount } from '../../spec/protocol/resources.js';
import type { DeviceCheckContext } from '../../kit/check.js';
import { hashOf } from '../../../simulators/app/content-registry.js';
import type { MediaInit } from '../../../simulators/device/media.js';
import { mediaInit, newWorld, serverItems, type World } from '../../kit/device-support.js';

/** An item as the phone held it at the backup: what puts it back, and its SHA-256, the key restore matches on. */
export interface Backed {
  readonly init: MediaInit;
  readonly sha256: string;
  readonly kind: ItemKind;
}

/** A phone with a few photos, videos, documents (Android) and two 2FA accounts, all backed up. */
export async function backedUpPhone(context: DeviceCheckContext) {
  const world = await newWorld(context);
  const platform = world.device.platform;
  const names = ['IMG_1.jpg', 'IMG_2.png', 'IMG_3.heic', 'VID_1.mp4', 'VID_2.mov'];
  if (platform === 'android') names.push('notes.pdf', 'song.mp3');
  const backed: Backed[] = names.map((name, i) => {
    const init = mediaInit(world, {
      name,
      size: 600 + 300 * i,
      ...(/pdf|mp3/.test(name) ? { folder: 'Documents' } : {}),
    });
    const item = world.device.addMedia(init);
    return { init, sha256: hashOf(item), kind: item.kind! };
  });
  world.app.accounts.addFromSecret('Backup Pro', 'admin', 'JBSWY3DPEHPK3PXP');
  // A key longer than the 16 characters the app shows (RFC 6238's own, 32 base32 characters) must restore whole.
  world.app.accounts.addFromSecret('Mail', 'me@example.com', 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  await world.app.backup();
  const items = await serverItems(world.app);
  const accounts = [...world.app.accounts.list()];
  return { world, backed, items, accounts };
}

/** Puts the phone back as it was after the backup: every item once, both accounts, on the LAN. */
export function putBack(
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
