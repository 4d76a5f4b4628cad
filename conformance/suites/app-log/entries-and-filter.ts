/**
 * The app log (seed 000 §6.4.7: App Log): dated entries of ten types, a filter that shows only the ticked types,
 * registrations for backup and 2FA logged as Info, and failed backups and restores logged as Errors.
 *
 * Here: the entries the activities write and the filter, checked on the app model, and the list of the app log
 * checks; what they expect is in expectations.ts, the registrations and failures in
 * registrations-and-failures.ts.
 */
import fc from 'fast-check';
import type { Check, DeviceCheckContext } from '../../kit/check.js';
import { checkOnce, checkProperty } from '../../kit/property.js';
import type { LogCategory, LogLevel, LogType } from '../../../simulators/app/app-log.js';
import {
  ACTIVITIES,
  APART_MS,
  expectActivityEntries,
  expectFiltered,
  expectFilterAlone,
  TEN,
  type Activity,
} from './expectations.js';
import { addMedia, expectTrue, newWorld, serverItems } from '../../kit/device-support.js';
import { where } from '../../kit/applies.js';

const entries: Check = {
  id: 'app-log-entries',
  title: 'The app log lists each activity with its date and time and an Info or Error status, in ten types',
  area: 'LOG',
  requirements: ['LOG-01', 'LOG-02'],
  scope: 'device',
  applies: where({ device: 'paired' }),
  run: (context: DeviceCheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context);
      const { app, device, clock } = world;
      const stamps: { at: number; from: number; types: readonly LogType[] }[] = [];
      const run: Record<Activity, () => Promise<unknown>> = {
        backup: async () => {
          addMedia(world, { name: 'IMG_1.jpg' });
          await app.backup();
        },
        'free-up-space': async () => {
          app.updateSettings({ freeUpSpace: true, freeUpSpaceLimitGb: 2 });
          device.setFreeBytes(2e9 - 1);
          await app.backup();
        },
        restore: async () => app.restore(await serverItems(app)),
        'restore-again': async () => app.restore(await serverItems(app)),
      };
      for (const { activity, types } of ACTIVITIES) {
        clock.advance(APART_MS);
        stamps.push({ at: clock.now(), from: app.log.all().length, types });
        await run[activity]();
      }
      for (const [i, { at, from, types }] of stamps.entries()) {
        const written = app.log.all().slice(from, stamps[i + 1]?.from);
        expectActivityEntries(`activity ${i + 1}`, written, { at, types, typesRule: 'LOG-02' });
      }
      // The filter offers the ten types: each alone shows only its own entries.
      for (const type of TEN) {
        app.log.setFilter([type]);
        expectFilterAlone(type, app.log.visible(), app.log.all());
      }
    }),
};

const filter: Check = {
  id: 'app-log-filter',
  title: 'The log filter shows exactly the entries of the ticked types, newest first',
  area: 'LOG',
  requirements: ['LOG-03'],
  scope: 'device',
  applies: where({ device: 'alone' }),
  async run(context: DeviceCheckContext) {
    const world = await newWorld(context, { pair: false });
    const written = fc.array(fc.tuple(fc.constantFrom(...TEN), fc.nat(120_000)), { maxLength: 12 });
    const ticked = fc.subarray([...TEN]);
    const property = fc.asyncProperty(written, ticked, async (adds, types) => {
      const { app, clock } = world;
      const from = app.log.all().length;
      for (const [type, wait] of adds) {
        clock.advance(wait);
        const [category, level] = [type.slice(0, type.lastIndexOf(' ')), type.slice(type.lastIndexOf(' ') + 1)];
        app.record(category as LogCategory, level as LogLevel, `${type} after ${wait} ms`);
      }
      app.log.setFilter(types);
      expectFiltered(types, app.log.visible(), app.log.all());
      expectTrue(['LOG-03'], app.log.all().length === from + adds.length, 'entries went missing');
    });
    return checkProperty(property, context);
  },
};

export const appLogChecks: Check[] = [entries, filter];
