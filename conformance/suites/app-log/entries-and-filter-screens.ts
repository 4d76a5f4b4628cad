/**
 * The app log through the screens (seed 000 §6.4.7: App Log): the activities run from the app's pages (pairing by
 * QR, Backup, Free up space in More, Restore), the desktop removes the device so that a restore and a backup fail,
 * and Help > App Log is read from the page source: a row an entry, newest first, with its date and time, type and
 * message. The Filter screen's checkboxes set which types show. Activities run an hour apart on the phone's
 * clock (`mobile: advanceClock`), so each row's time says which activity wrote it; the expectations and
 * assertions are expectations.ts's.
 *
 * What the screens show less of than the app model: times to the second (the rows show no milliseconds), and only
 * entries an activity writes: no screen writes a General entry or an arbitrary one, so the filter property runs
 * over the ticked types on the log the activities wrote, where app-log-filter also draws the entries.
 *
 * Here: the checks and their list; the activities and the reading of Help > App Log are in
 * write-and-read-screens.ts.
 */
import fc from 'fast-check';
import type { Check, DeviceCheckContext, CheckOutcome } from '../../kit/check.js';
import { checkOnce, checkProperty } from '../../kit/property.js';
import { expectActivityEntries, expectFiltered, expectFilterAlone, TEN } from './expectations.js';
import { expectEqual } from '../../kit/device-support.js';
import { logRows, tickOnly, writeLog } from './write-and-read-screens.js';
import { state, withApp } from '../../kit/screens-support.js';
import { whileRegistered } from '../two-factor/common/screens-support.js';
import { where } from '../../kit/applies.js';

const SECOND = 1000;

const inSecond = (at: number) => at - (at % SECOND);

const entries: Check = {
  id: 'app-log-entries-screens',
  title:
    'Through the screens: App Log lists what pairing, backup, free up space and restore did, each dated and of one of ten types, failures as Errors; the filter offers the ten types',
  area: 'LOG',
  // LOG-04's 2FA registration: app-log-2fa-registration-screens. LOG-06's Error entry: app-log-free-up-space only.
  requirements: ['LOG-01', 'LOG-02', 'LOG-04', 'LOG-05', 'LOG-06'],
  scope: 'device',
  tags: ['ui'],
  applies: where({
    overWebDriverOf: 'app-log-entries, app-log-backup-registration and app-log-failures',
    device: 'paired',
  }),
  run: (context: DeviceCheckContext) =>
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
  id: 'app-log-filter-screens',
  title:
    'Through the screens: with the types ticked on the Filter screen, App Log lists exactly their entries, newest first',
  area: 'LOG',
  requirements: ['LOG-03'],
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'app-log-filter', device: 'paired' }),
  async run(context: DeviceCheckContext): Promise<CheckOutcome> {
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
  id: 'app-log-2fa-registration-screens',
  title: 'Through the screens: registering for 2FA by QR writes one 2FA Info row in App Log',
  area: 'LOG',
  requirements: ['LOG-04'],
  scope: 'device',
  tags: ['ui'],
  // Registering an authenticator turns 2FA on for every client of the server: nothing may run beside it.
  exclusive: true,
  applies: where({ overWebDriverOf: 'app-log-2fa-registration', device: 'paired', twoFactor: true }),
  run: (context: DeviceCheckContext) =>
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
