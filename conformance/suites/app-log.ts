/**
 * The app log (seed 000 §6.4.7: App Log): dated entries of ten types, a filter that shows only the ticked types,
 * registrations for backup and 2FA logged as Info, and failed backups and restores logged as Errors. The ten types,
 * the activities and what each must log, and the assertions on entries serve the checks through the screens too
 * (ui-app-log.ts).
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../framework/check.js';
import { checkOnce, checkProperty } from '../framework/property.js';
import { TwoFactorApp } from '../../simulators/app/authenticator/two-factor-app.js';
import type { LogCategory, LogLevel, LogType } from '../../simulators/app/app-log.js';
import { addMedia, deviceNeeds, expectEqual, expectTrue, newWorld, serverItems, type World } from './device-support.js';

const CATEGORIES: readonly LogCategory[] = ['General', 'Backup', 'Restore', '2FA', 'Free up space'];
const LEVELS: readonly LogLevel[] = ['Info', 'Error'];
export const TEN = CATEGORIES.flatMap((c) => LEVELS.map((l) => `${c} ${l}` as LogType));

/** An entry as a check reads it: from the app model, or from a row of the App Log screen. */
export interface LoggedEntry {
  readonly at: number;
  readonly type: string;
  readonly message: string;
}

/** The activities the entries check runs, an hour apart, and the types of the entries each must write. */
export const ACTIVITIES = [
  { activity: 'backup', types: ['Backup Info'] },
  { activity: 'free-up-space', types: ['Free up space Info', 'Backup Info'] },
  { activity: 'restore', types: ['Restore Info'] },
] as const satisfies readonly { activity: string; types: readonly LogType[] }[];
export type Activity = (typeof ACTIVITIES)[number]['activity'];
/** How far apart activities run: each entry's time then says which activity wrote it. */
export const APART_MS = 3_600_000 + 17;

/** `at` as shown to `resolutionMs` (the App Log screen shows seconds). */
const stamp = (at: number, resolutionMs: number) => new Date(at - (at % resolutionMs)).toISOString();

/**
 * The entries one activity wrote (oldest first): of `types` (`typesRule` says which rule asks for them), each dated
 * when the activity ran, of one of the ten types, with a message.
 */
export function expectActivityEntries(
  what: string,
  written: readonly LoggedEntry[],
  expected: { readonly at: number; readonly types: readonly LogType[]; readonly typesRule: string },
  resolutionMs = 1,
): void {
  const kinds = [...new Set(written.map((e) => e.type))].sort();
  expectEqual([expected.typesRule], `the types ${what} logged`, kinds, [...expected.types].sort());
  for (const entry of written) {
    expectEqual(
      ['LOG-01'],
      `the date and time of "${entry.message}"`,
      stamp(entry.at, resolutionMs),
      stamp(expected.at, resolutionMs),
    );
    expectTrue(
      ['LOG-01', 'LOG-02'],
      (TEN as readonly string[]).includes(entry.type),
      `"${entry.message}" has the type ${entry.type}`,
    );
    expectTrue(['LOG-01'], entry.message.length > 0, 'an entry without a message');
  }
}

/** The filter with `type` alone ticked shows exactly the entries of that type (`all`: the whole log). */
export function expectFilterAlone(type: LogType, shown: readonly LoggedEntry[], all: readonly LoggedEntry[]): void {
  expectTrue(
    ['LOG-02'],
    shown.every((e) => e.type === type),
    `the filter ${type} shows other types`,
  );
  expectEqual(['LOG-02'], `entries of type ${type}`, shown.length, all.filter((e) => e.type === type).length);
}

/** With `types` ticked the log shows the entries of those types, newest first (`all`: the whole log, oldest first). */
export function expectFiltered(
  types: readonly LogType[],
  shown: readonly LoggedEntry[],
  all: readonly LoggedEntry[],
  resolutionMs = 1,
): void {
  const asShown = (e: LoggedEntry) => ({ at: stamp(e.at, resolutionMs), type: e.type, message: e.message });
  const expected = all
    .filter((e) => (types as readonly string[]).includes(e.type))
    .reverse()
    .map(asShown);
  expectEqual(['LOG-03'], `entries shown with [${types.join(', ')}]`, shown.map(asShown), expected);
}

/** Entries written since `from`, oldest first. */
const since = (world: World, from: number) => world.app.log.all().slice(from);

const entries: Check = {
  id: 'app-log-entries',
  title: 'The app log lists each activity with its date and time and an Info or Error status, in ten types',
  area: 'LOG',
  requirements: ['LOG-01', 'LOG-02'],
  scope: 'device',
  applies: deviceNeeds(),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context.session, context.column.profile!);
      const { app, device, clock } = world;
      const stamps: { at: number; from: number; types: readonly LogType[] }[] = [];
      const run: Record<Activity, () => Promise<unknown>> = {
        backup: async () => {
          addMedia(device, { name: 'IMG_1.jpg' });
          await app.backup();
        },
        'free-up-space': async () => {
          app.updateSettings({ freeUpSpace: true, freeUpSpaceLimitGb: 2 });
          device.setFreeBytes(2e9 - 1);
          await app.backup();
        },
        restore: async () => app.restore(await serverItems(app)),
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
  applies: deviceNeeds({ pairs: false }),
  async run(context: CheckContext) {
    const world = await newWorld(context.session, context.column.profile!, { pair: false });
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

const backupRegistration: Check = {
  id: 'app-log-backup-registration',
  title: 'Registering for backup writes a Backup Info entry',
  area: 'LOG',
  requirements: ['LOG-04'],
  scope: 'device',
  applies: deviceNeeds(),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context.session, context.column.profile!);
      const types = world.app.log.all().map((e) => e.type);
      expectEqual(['LOG-04'], 'log entries after pairing', types, ['Backup Info']);
    }),
};

const twoFactorRegistration: Check = {
  id: 'app-log-2fa-registration',
  title: 'Registering for 2FA writes a 2FA Info entry',
  area: 'LOG',
  requirements: ['LOG-04'],
  scope: 'device',
  exclusive: true,
  applies: deviceNeeds({ twoFactor: true }),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context.session, context.column.profile!, { pair: false });
      const console = context.session.console!;
      const registration = await console.call('createRegistration', { body: {} });
      const tfa = new TwoFactorApp(world.app);
      const account = await tfa.scanRegistrationQr(registration.payload);
      try {
        expectEqual(
          ['LOG-04'],
          'log entries after registering for 2FA',
          world.app.log.all().map((e) => e.type),
          ['2FA Info'],
        );
      } finally {
        const id = tfa.linkFor(account.id)?.authenticatorId;
        if (id) await console.call('removeAuthenticator', { params: { authenticatorId: id } });
      }
    }),
};

const failures: Check = {
  id: 'app-log-failures',
  title: 'A failed backup writes a Backup Error entry and a failed restore a Restore Error entry',
  area: 'LOG',
  requirements: ['LOG-05'],
  scope: 'device',
  applies: deviceNeeds(),
  run: (context: CheckContext) =>
    checkOnce(async () => {
      const world = await newWorld(context.session, context.column.profile!);
      const { app, device } = world;
      const photo = addMedia(device, { name: 'IMG_1.jpg' });
      await app.backup();
      const held = await serverItems(app);
      device.removeMedia(photo.id);
      addMedia(device, { name: 'IMG_2.jpg' });
      // The desktop side removes the device: the app's next backup and restore fail.
      await context.session.console!.call('removeDevice', { params: { deviceId: app.pairing!.deviceId } });
      let from = app.log.all().length;
      const backup = await app.backup();
      expectEqual(['LOG-05'], 'the backup', backup.state, 'failed');
      expectEqual(
        ['LOG-05'],
        'entries of the failed backup',
        since(world, from).map((e) => e.type),
        ['Backup Error'],
      );
      from = app.log.all().length;
      const restore = await app.restore(held);
      expectEqual(['LOG-05'], 'the restore', restore.state, 'failed');
      expectEqual(
        ['LOG-05'],
        'entries of the failed restore',
        since(world, from).map((e) => e.type),
        ['Restore Error'],
      );
    }),
};

export const appLogChecks: Check[] = [entries, filter, backupRegistration, twoFactorRegistration, failures];
