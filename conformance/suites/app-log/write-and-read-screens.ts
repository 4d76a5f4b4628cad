/**
 * The app log written and read through the screens: the activities the checks run, an hour apart on the phone's
 * clock (pairing by QR a minute in, a backup, free up space in More, a restore and the same restore again, every item
 * then skipped, then a restore and a backup that fail once the desktop removed the device) with what each must have
 * logged; and Help > App Log read back, its rows as entries
 * (date and time to the second, type, message) newest first as shown, with the Filter screen's checkboxes ticked to
 * show exactly some types.
 */
import type { CheckContext } from '../../kit/check.js';
import type { AppDriver } from '../../../devices/appium-driver/app-driver.js';
import type { LogType } from '../../../simulators/app/app-log.js';
import { ACTIVITIES, APART_MS, type Activity, type LoggedEntry } from './expectations.js';
import { shown } from '../../kit/page-elements.js';
import { pairThroughScreens, pickFreeUpLimit, state, tapBackup } from '../../kit/screens-support.js';

/** What an activity must have logged, as `expectActivityEntries` takes it. */
export interface Expected {
  readonly what: string;
  readonly at: number;
  readonly types: readonly LogType[];
  readonly typesRule: string;
}

/** A row of the App Log screen: `2021-04-19 12:00:00 Backup Info: Backup completed: …`. */
function entryOf(row: string): LoggedEntry {
  const match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) (.+?): (.*)$/s.exec(row);
  if (!match) return { at: NaN, type: row, message: '' };
  return { at: Date.parse(`${match[1]}T${match[2]}Z`), type: match[3]!, message: match[4]! };
}

/** Help > App Log: its rows as entries, newest first as shown. Ends on the App Log screen. */
export async function logRows(driver: AppDriver): Promise<LoggedEntry[]> {
  if ((await state(driver)).screen !== 'app-log') {
    await driver.tap('tab-more');
    await driver.tap('more-help');
    await driver.tap('help-app-log');
  }
  return (await shown(driver, /^log-\d+$/)).map((row) => entryOf(row.text));
}

/** Ticks exactly `types` on the Filter screen; the types it offers. Starts and ends on the App Log screen. */
export async function tickOnly(driver: AppDriver, types: readonly string[]): Promise<string[]> {
  await driver.tap('log-filter');
  const boxes = (await shown(driver, /^filter-/)).filter((box) => box.checked !== undefined);
  for (const box of boxes) if (box.checked !== types.includes(box.text)) await driver.tap(box.id);
  await driver.tap('filter-done');
  return boxes.map((box) => box.text);
}

/** Runs `steps` an hour (or `ms`) after the last activity; the time it ran at. */
async function later(driver: AppDriver, steps: () => Promise<void>, ms = APART_MS): Promise<number> {
  const { clockMs } = await driver.execute('mobile: advanceClock', { ms });
  await steps();
  return clockMs;
}

/** How far into the phone's first day it pairs: the QR code's 10 minutes are still running on the phone's clock. */
const PAIRED_AFTER_MS = 60_000 + 17;

/** Restores every photo of the latest backup from the Backup page. */
async function restorePhotos(driver: AppDriver): Promise<void> {
  await driver.tap('tab-backup');
  await driver.tap('backup-restore');
  await driver.tap('restore-select-photo');
  await driver.tap('restore-start');
  await driver.execute('mobile: waitForIdle', {});
}

/** Pairs, runs the activities of entries-and-filter.ts, then a restore and a backup that fail: what each must have logged. */
export async function writeLog(driver: AppDriver, context: CheckContext): Promise<Expected[]> {
  // A minute into the phone's first day, not at its midnight: an app that dates entries by the day shows. A minute,
  // not the hour between activities: the phone starts at the server's time, and its QR code lasts 10 minutes.
  const paired = await later(driver, () => pairThroughScreens(driver, context.session), PAIRED_AFTER_MS);
  const expected: Expected[] = [{ what: 'pairing', at: paired, types: ['Backup Info'], typesRule: 'LOG-04' }];
  const run: Record<Activity, () => Promise<void>> = {
    async backup() {
      await driver.execute('mobile: addMedia', { kind: 'photo', count: 1, sizeBytes: 1500 });
      await tapBackup(driver);
    },
    async 'free-up-space'() {
      await driver.tap('tab-more');
      await driver.tap('more-free-up-space');
      await driver.tap('more-free-up-limit');
      await pickFreeUpLimit(driver, 2);
      await driver.execute('mobile: setStorage', { freeBytes: 2e9 - 1 });
      await tapBackup(driver);
    },
    restore: () => restorePhotos(driver),
    'restore-again': () => restorePhotos(driver),
  };
  for (const { activity, types } of ACTIVITIES) {
    // Free up space's own entry type is LOG-06's (the in-process app-log-free-up-space also makes it fail).
    const typesRule = activity === 'free-up-space' ? 'LOG-06' : 'LOG-02';
    expected.push({ what: activity, at: await later(driver, run[activity]), types, typesRule });
  }
  // The photos go from the phone, and the desktop removes the device once the restore page is open: the restore
  // (which then has photos to download) and the next backup fail.
  const failedRestore = await later(driver, async () => {
    await driver.execute('mobile: deleteMedia', {});
    await driver.tap('tab-backup');
    await driver.tap('backup-restore');
    await driver.tap('restore-select-photo');
    const deviceId = (await state(driver)).pairing!.deviceId;
    await context.session.console!.call('removeDevice', { params: { deviceId } });
    await driver.tap('restore-start');
    await driver.execute('mobile: waitForIdle', {});
  });
  expected.push({ what: 'the failed restore', at: failedRestore, types: ['Restore Error'], typesRule: 'LOG-05' });
  const failedBackup = await later(driver, async () => {
    await driver.execute('mobile: addMedia', { kind: 'photo', count: 1, sizeBytes: 1700 });
    await tapBackup(driver);
  });
  expected.push({ what: 'the failed backup', at: failedBackup, types: ['Backup Error'], typesRule: 'LOG-05' });
  return expected;
}
