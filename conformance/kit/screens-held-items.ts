/**
 * What the backup sources, file types and OS limitation checks through the screens share: media put on the phone
 * with `mobile: addMedia`, a backup by the Backup button, and what the server holds as the Restore file explorer
 * lists it (each item's name, under the kind and tab it is listed in). Names from `mobile: addMedia` are unique on
 * a phone as long as nothing is deleted, so a name stands for an item here.
 */
import type { ItemKind } from '../spec/file-types.js';
import type { TabName } from '../spec/protocol/common.js';
import type { DeviceCheckContext, CheckOutcome } from './check.js';
import { checkOnce } from './property.js';
import type { AppDriver } from '../../devices/appium-driver/app-driver.js';
import type { ExecuteParams } from '../../simulators/session/execute-methods.js';
import { expectEqual } from './device-support.js';
import { pairThroughScreens, tapBackup, withApp } from './screens-support.js';

/** A one-shot check on a new phone of the column's profile, paired through the screens. */
export function onPairedPhone(
  context: DeviceCheckContext,
  steps: (driver: AppDriver) => Promise<void>,
): Promise<CheckOutcome> {
  return checkOnce(() =>
    withApp(context, async (driver) => {
      await pairThroughScreens(driver, context.session);
      await steps(driver);
    }),
  );
}

export type Batch = Omit<ExecuteParams<'mobile: addMedia'>, 'count' | 'sizeBytes'> & { sizeBytes?: number };

/** Puts one item per batch on the phone: the names the phone gave them, in the batches' order. */
export async function addItems(driver: AppDriver, batches: readonly Batch[]): Promise<string[]> {
  const ids: string[] = [];
  for (const batch of batches) {
    const added = await driver.execute('mobile: addMedia', { sizeBytes: 400, ...batch, count: 1 });
    ids.push(added.ids[0]!);
  }
  const { media } = await driver.execute('mobile: deviceInfo');
  return ids.map((id) => media.find((m) => m.id === id)!.name);
}

/** Taps Backup and waits until the job ends; a job that does not complete breaks `requirements`. */
export async function backUp(driver: AppDriver, requirements: readonly string[]): Promise<void> {
  const seen = await tapBackup(driver);
  const why = seen.backup?.error ? ` (${seen.backup.error})` : '';
  expectEqual(requirements, `the backup job${why}`, seen.backup?.state, 'completed');
}

const KINDS: readonly ItemKind[] = ['photo', 'video', 'document'];
const TABS: readonly TabName[] = ['recent', 'archive', 'deleted'];

/** Every item the Restore file explorer lists, in all tabs: kind by name. Starts and ends on the Backup page. */
export async function heldItems(driver: AppDriver): Promise<Map<string, ItemKind>> {
  const held = new Map<string, ItemKind>();
  await driver.tap('tab-backup');
  await driver.tap('backup-restore');
  const page = await driver.pageSource();
  for (const kind of KINDS) {
    if (!page.includes(`"restore-browse-${kind}"`)) continue;
    await driver.tap(`restore-browse-${kind}`);
    await driver.tap(`explorer-kind-${kind}`);
    await driver.tap('explorer-view-all');
    for (const tab of TABS) {
      await driver.tap(`explorer-tab-${tab}`);
      for (const name of listedNames(await driver.pageSource())) held.set(name, kind);
    }
    await driver.tap('explorer-done');
  }
  await driver.tap('nav-back');
  return held;
}

/** The names of the explorer's item elements in a page source (UiAutomator2's text, XCUITest's label). */
function listedNames(source: string): string[] {
  const names: string[] = [];
  for (const line of source.split('\n')) {
    if (!/"item-[0-9a-f]{16}"/.test(line)) continue;
    const name = / (?:text|label)="([^"]*)"/.exec(line)?.[1];
    if (name !== undefined) names.push(name);
  }
  return names;
}

/** Whether the page source shows the element `id` checked (Android's checked, iOS's value of a switch). */
export function shownChecked(source: string, id: string): boolean | undefined {
  const line = source.split('\n').find((l) => l.includes(`"${id}"`));
  if (line === undefined) return undefined;
  return line.includes('checked="true"') || line.includes('value="1"');
}
