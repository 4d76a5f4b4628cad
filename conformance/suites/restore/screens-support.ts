/**
 * What the restore checks through the screens share: putting media on the phone and backing it up with Backup,
 * a fresh restore page from wherever the app is, where each backed-up item shows in the file explorer, a 2FA account
 * registered by QR code (and taken off the server again).
 */
import type { ItemKind } from '../../spec/file-types.js';
import type { TabName } from '../../spec/protocol/common.js';
import type { TargetSession } from '../../targets/target.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import type { ExecuteParams } from '../../../simulators/session/execute-methods.js';
import { TABS } from '../../../simulators/app/restore-page.js';
import { explorerGroups, readScreen } from './screens-page-source.js';
import { authenticatorIds, removeAuthenticatorsSince } from '../two-factor/common/support.js';
import { registerOnPhone } from '../two-factor/common/screens-support.js';
import { state, tapBackup } from '../../kit/screens-support.js';

export interface PhoneItem {
  /** The medium's id on the phone. */
  readonly id: string;
  readonly name: string;
  readonly kind: ItemKind;
  readonly size: number;
}

/** One medium on the phone: its id and the name the phone gave it. */
export async function addItem(
  driver: AppDriver,
  item: Omit<ExecuteParams<'mobile: addMedia'>, 'count' | 'kind' | 'sizeBytes'> & { kind: ItemKind; size: number },
): Promise<PhoneItem> {
  const { kind, size, ...rest } = item;
  const { ids } = await driver.execute('mobile: addMedia', { ...rest, kind, count: 1, sizeBytes: size });
  const id = ids[0]!;
  const name = (await driver.execute('mobile: deviceInfo')).media.find((m) => m.id === id)!.name;
  return { id, name, kind, size };
}

/** Backup on the Backup page, waited for: it must complete. */
export async function backUp(driver: AppDriver): Promise<void> {
  const seen = await tapBackup(driver);
  if (seen.backup?.state !== 'completed') throw new Error(`the backup did not complete: ${seen.backup?.error}`);
}

/** A fresh restore page (nothing selected, All view, not enlarged), from the Backup page or the restore screens. */
export async function openRestore(driver: AppDriver): Promise<void> {
  const { screen } = await state(driver);
  if (screen === 'restore-explorer') await driver.tap('explorer-done');
  if (screen === 'restore-explorer' || screen === 'restore') await driver.tap('nav-back');
  await driver.tap('tab-backup');
  await driver.tap('backup-restore');
}

/** Where a backed-up item shows in the explorer: its element, its tab and kind. */
export interface Located {
  readonly element: string;
  readonly tab: TabName;
  readonly kind: ItemKind;
}

/** Every thumbnail of the kinds' tabs (those the explorer has), by name, from a fresh restore page; left open. */
export async function locate(driver: AppDriver, kinds: readonly ItemKind[]): Promise<Map<string, Located[]>> {
  await openRestore(driver);
  const found = new Map<string, Located[]>();
  const page = await readScreen(driver);
  const first = kinds.find((kind) => page.has(`restore-browse-${kind}`));
  if (!first) return found;
  await driver.tap(`restore-browse-${first}`);
  const explorer = await readScreen(driver);
  for (const kind of kinds.filter((k) => explorer.has(`explorer-kind-${k}`))) {
    await driver.tap(`explorer-kind-${kind}`);
    for (const tab of TABS) {
      await driver.tap(`explorer-tab-${tab}`);
      for (const group of explorerGroups(await readScreen(driver)))
        for (const cell of group.rows.flat())
          found.set(cell.name, [...(found.get(cell.name) ?? []), { element: cell.id, tab, kind }]);
    }
  }
  await driver.tap('explorer-done');
  return found;
}

/**
 * Registers the phone for 2FA by QR code on its 2FA page: one account, since an app installation registers as one
 * authenticator of a server. `done` takes the authenticator off the server again, since it turns 2FA on for every
 * client.
 */
export async function addAccount(driver: AppDriver, session: TargetSession): Promise<() => Promise<void>> {
  const desk = session.console!;
  const before = await authenticatorIds(desk);
  const done = () => removeAuthenticatorsSince(desk, before);
  try {
    await registerOnPhone(driver, desk);
    const seen = await driver.execute('mobile: waitForIdle', {});
    if (seen.accounts.length !== 1) throw new Error(`registering the phone for 2FA: ${seen.message}`);
  } catch (error) {
    await done();
    throw error;
  }
  return done;
}
