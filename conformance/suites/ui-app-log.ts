/**
 * The app log through the screens (seed 000 §6.4.7: App Log): the activities run from the app's pages (pairing by
 * QR, Backup, Free up space in More, Restore), the desktop removes the device so that a restore and a backup fail,
 * and Help > App Log is read from the page source: a row an entry, newest first, with its date and time, type and
 * message. The Filter screen's checkboxes set which types show. Activities run an hour apart on the phone's
 * clock (`mobile: advanceClock`), so each row's time says which activity wrote it; the expectations and
 * assertions are app-log.ts's.
 *
 * What the screens show less of than the app model: times to the second (the rows show no milliseconds), and only
 * entries an activity writes: no screen writes a General entry or an arbitrary one, so the filter property runs
 * over the ticked types on the log the activities wrote, where app-log-filter also draws the entries.
 */
import fc from 'fast-check';
import type { Check, CheckContext, CheckOutcome } from '../framework/check.js';
import { checkOnce, checkProperty } from '../framework/property.js';
import type { AppDriver } from '../../devices/appium-driver/app-driver.js';
import type { LogType } from '../../simulators/app/app-log.js';
import {
  ACTIVITIES,
  APART_MS,
  expectActivityEntries,
  expectFiltered,
  expectFilterAlone,
  TEN,
  type Activity,
  type LoggedEntry,
} from './app-log.js';
import { expectEqual } from './device-support.js';
import { shown } from './ui-page-elements.js';
import { overWebDriverOnly, pairThroughScreens, state, withApp } from './ui-support.js';
import { whileRegistered } from './ui-two-factor-support.js';

/** What an activity must have logged, as `expectActivityEntries` takes it. */
interface Expected {
  readonly what: string;
  readonly at: number;
  readonly types: readonly LogType[];
  readonly typesRule: string;
}

const SECOND = 1000;

/** A row of the App Log screen: `2021-04-19 12:00:00 Backup Info: Backup completed: …`. */
function entryOf(row: string): LoggedEntry {
  const match = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d) (.+?): (.*)$/s.exec(row);
  if (!match) return { at: NaN, type: row, message: '' };
  return { at: Date.parse(`${match[1]}T${match[2]}Z`), type: match[3]!, message: match[4]! };
}

/** Help > App Log: its rows as entries, newest first as shown. Ends on the App Log screen. */
async function logRows(driver: AppDriver): Promise<LoggedEntry[]> {
  if ((await state(driver)).screen !== 'app-log') {
    await driver.tap('tab-more');
    await driver.tap('more-help');
    await driver.tap('help-app-log');
  }
  return (await shown(driver, /^log-\d+$/)).map((row) => entryOf(row.text));
}

/** Ticks exactly `types` on the Filter screen; the types it offers. Starts and ends on the App Log screen. */
async function tickOnly(driver: AppDriver, types: readonly string[]): Promise<string[]> {
  await driver.tap('log-filter');
  const boxes = (await shown(driver, /^filter-/)).filter((box) => box.checked !== undefined);
  for (const box of boxes) if (box.checked !== types.includes(box.text)) await driver.tap(box.id);
  await driver.tap('filter-done');
  return boxes.map((box) => box.text);
}

/** Runs `steps` an hour after the last activity; the time it ran at. */
async function later(driver: AppDriver, steps: () => Promise<void>): Promise<number> {
  const { clockMs } = await driver.execute('mobile: advanceClock', { ms: APART_MS });
  await steps();
  return clockMs;
}

async function backUp(driver: AppDriver): Promise<void> {
  await driver.tap('tab-backup');
  await driver.tap('backup-start');
  await driver.execute('mobile: waitForIdle', {});
}

/** Pairs, runs the activities of app-log.ts, then a restore and a backup that fail: what each must have logged. */
async function writeLog(driver: AppDriver, context: CheckContext): Promise<Expected[]> {
  await pairThroughScreens(driver, context.session);
  const expected: Expected[] = [
    { what: 'pairing', at: (await state(driver)).clockMs, types: ['Backup Info'], typesRule: 'LOG-04' },
  ];
  const run: Record<Activity, () => Promise<void>> = {
    async backup() {
      await driver.execute('mobile: addMedia', { kind: 'photo', count: 1, sizeBytes: 1500 });
      await backUp(driver);
    },
    async 'free-up-space'() {
      await driver.tap('tab-more');
      await driver.tap('more-free-up-space');
      await driver.tap('more-free-up-limit');
      await driver.tap('limit-2');
      await driver.execute('mobile: setStorage', { freeBytes: 2e9 - 1 });
      await backUp(driver);
    },
    async restore() {
      await driver.tap('tab-backup');
      await driver.tap('backup-restore');
      await driver.tap('restore-select-photo');
      await driver.tap('restore-start');
      await driver.execute('mobile: waitForIdle', {});
    },
  };
  for (const { activity, types } of ACTIVITIES) {
    expected.push({ what: activity, at: await later(driver, run[activity]), types, typesRule: 'LOG-02' });
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
    await backUp(driver);
  });
  expected.push({ what: 'the failed backup', at: failedBackup, types: ['Backup Error'], typesRule: 'LOG-05' });
  return expected;
}

const inSecond = (at: number) => at - (at % SECOND);

const entries: Check = {
  id: 'ui-app-log',
  title:
    'Through the screens: App Log lists what pairing, backup, free up space and restore did, each dated and of one of ten types, failures as Errors; the filter offers the ten types',
  area: 'LOG',
  // LOG-04's 2FA registration: ui-app-log-2fa-registration.
  requirements: ['LOG-01', 'LOG-02', 'LOG-04', 'LOG-05'],
  scope: 'device',
  tags: ['ui'],
  applies: overWebDriverOnly('app-log-entries, app-log-backup-registration and app-log-failures'),
  run: (context: CheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        const expected = await writeLog(driver, context);
        const rows = (await logRows(driver)).reverse();
        const times = new Set(expected.map((e) => inSecond(e.at)));
        expectEqual(
          ['LOG-01'],
          'rows dated when no activity ran',
          rows.filter((row) => !times.has(row.at)),
          [],
        );
        for (const { what, at, types, typesRule } of expected) {
          const written = rows.filter((row) => row.at === inSecond(at));
          expectActivityEntries(what, written, { at, types, typesRule }, SECOND);
        }
        const offered = await tickOnly(driver, TEN);
        expectEqual(['LOG-02'], 'the types the filter offers', [...offered].sort(), [...TEN].sort());
        for (const type of TEN) {
          await tickOnly(driver, [type]);
          expectFilterAlone(type, await logRows(driver), rows);
        }
      }),
    ),
};

const filter: Check = {
  id: 'ui-app-log-filter',
  title:
    'Through the screens: with the types ticked on the Filter screen, App Log lists exactly their entries, newest first',
  area: 'LOG',
  requirements: ['LOG-03'],
  scope: 'device',
  tags: ['ui'],
  applies: overWebDriverOnly('app-log-filter'),
  async run(context: CheckContext): Promise<CheckOutcome> {
    let outcome: CheckOutcome | undefined;
    const written = await checkOnce(() =>
      withApp(context, async (driver) => {
        await writeLog(driver, context);
        const all = (await state(driver)).log;
        await logRows(driver);
        const property = fc.asyncProperty(fc.subarray([...TEN]), async (types) => {
          await tickOnly(driver, types);
          expectFiltered(types, await logRows(driver), all, SECOND);
        });
        outcome = await checkProperty(property, context);
      }),
    );
    return outcome ?? written;
  },
};

const twoFactorRegistration: Check = {
  id: 'ui-app-log-2fa-registration',
  title: 'Through the screens: registering for 2FA by QR writes one 2FA Info row in App Log',
  area: 'LOG',
  requirements: ['LOG-04'],
  scope: 'device',
  tags: ['ui'],
  // Registering an authenticator turns 2FA on for every client of the server: nothing may run beside it.
  exclusive: true,
  applies: overWebDriverOnly('app-log-2fa-registration', { twoFactor: true }),
  run: (context: CheckContext) =>
    checkOnce(() =>
      withApp(context, async (driver) => {
        const desk = context.session.console!;
        await whileRegistered(driver, desk, async () => {
          const at = (await state(driver)).clockMs;
          const rows = await logRows(driver);
          expectActivityEntries('registering for 2FA', rows, { at, types: ['2FA Info'], typesRule: 'LOG-04' }, SECOND);
          expectEqual(['LOG-04'], 'rows after registering for 2FA', rows.length, 1);
        });
      }),
    ),
};

export const UI_APP_LOG_CHECKS: readonly Check[] = [entries, filter, twoFactorRegistration];
