/**
 * Run conditions (seed 000 §2.5, §6.4.2, §6.4.3), model-based: random sequences of battery changes, plugging and
 * unplugging, Wi-Fi loss, setting toggles, new photos and taps on Backup. After every step the app must hold
 * exactly when the model says, say why, and the server must hold exactly the items the model says were backed up.
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../framework/check.js';
import { addPhoto, needsPairing, pairedWorld, type DeviceWorld } from '../framework/device-world.js';
import type { AppDriver } from '../../devices/appium-driver/app-driver.js';
import { overWebDriverOnly, pairThroughScreens, state, withApp } from './ui-support.js';
import { checkProperty, commandsOptions } from '../framework/property.js';
import { Violation } from '../framework/violation.js';

interface Model {
  battery: number;
  charging: boolean;
  lan: boolean;
  powerSaving: boolean;
  chargingOnly: boolean;
  pending: number;
  backedUp: number;
  /** A job was started and has not completed (it is held). */
  jobOpen: boolean;
}

/** The model's own statement of the rules: simpler than the app, written from the seed. */
function expectedHolds(m: Model): string[] {
  const holds: string[] = [];
  if (!m.lan) holds.push('not-on-backup-lan');
  if (m.powerSaving && m.battery < 30) holds.push('battery-low');
  if (m.chargingOnly && !m.charging) holds.push('not-charging');
  return holds;
}

/** A held job goes on by itself as soon as nothing holds it. */
function settle(m: Model): void {
  if (m.jobOpen && expectedHolds(m).length === 0) {
    m.backedUp += m.pending;
    m.pending = 0;
    m.jobOpen = false;
  }
}

/** Which requirements a wrong hold reason breaks. */
const RULES_OF_REASON: Record<string, readonly string[]> = {
  'not-on-backup-lan': ['RUN-01'],
  'battery-low': ['RUN-03', 'RUN-04', 'RUN-06', 'RUN-07', 'RUN-10'],
  'not-charging': ['RUN-12', 'RUN-13'],
};

function brokenBy(actual: readonly string[], expected: readonly string[]): string[] {
  const differing = [...actual.filter((r) => !expected.includes(r)), ...expected.filter((r) => !actual.includes(r))];
  return [...new Set(differing.flatMap((r) => RULES_OF_REASON[r] ?? []))];
}

/**
 * What the model's commands do to the app and read from it. Two adapters serve the same commands: the app model
 * on a simulated device in process, and the app driven through its screens by an AppDriver (in process or over
 * Appium), so one model checks both.
 */
export interface ConditionsApp {
  setBattery(level: number, charging: boolean): Promise<void>;
  setLan(on: boolean): Promise<void>;
  setPowerSaving(on: boolean): Promise<void>;
  setChargingOnly(on: boolean): Promise<void>;
  addPhotos(count: number): Promise<void>;
  tapBackup(): Promise<void>;
  /** Once the app is idle: why it holds backup, its job, and how many items the server lists. */
  observe(): Promise<{ holds: string[]; jobState?: string; jobHolds: string[]; stored: number }>;
}

async function verify(m: Model, app: ConditionsApp): Promise<void> {
  const seen = await app.observe();
  const expected = expectedHolds(m);
  if (JSON.stringify(seen.holds) !== JSON.stringify(expected)) {
    throw new Violation(
      brokenBy(seen.holds, expected),
      `app holds for [${seen.holds.join(', ')}], the rules say [${expected.join(', ')}]`,
    );
  }
  if (seen.stored !== m.backedUp) {
    throw new Violation(
      ['BAK-07', 'BAK-08', 'RUN-13'],
      `the server holds ${seen.stored} items, ${m.backedUp} were expected`,
    );
  }
  if (m.jobOpen && seen.jobState !== 'held') {
    throw new Violation(['RUN-10', 'RUN-12'], `the job should be held, it is ${seen.jobState}`);
  }
  if (m.jobOpen && JSON.stringify(seen.jobHolds) !== JSON.stringify(expected)) {
    throw new Violation(
      brokenBy(seen.jobHolds, expected),
      `the job says it holds for [${seen.jobHolds.join(', ')}], the rules say [${expected.join(', ')}]`,
    );
  }
}

type Step = fc.AsyncCommand<Model, ConditionsApp>;

function step(label: string, apply: (m: Model) => void, act: (app: ConditionsApp, m: Model) => Promise<void>): Step {
  return {
    check: () => true,
    async run(m, app) {
      await act(app, m);
      apply(m);
      settle(m);
      await verify(m, app);
    },
    toString: () => label,
  };
}

const steps = [
  // Half the battery levels sit on the 30% boundary, where a wrong comparison shows.
  fc.oneof(fc.constantFrom(29, 30, 31), fc.integer({ min: 0, max: 100 })).map((level) =>
    step(
      `battery ${level}%`,
      (m) => (m.battery = level),
      (app, m) => app.setBattery(level, m.charging),
    ),
  ),
  fc.boolean().map((on) =>
    step(
      on ? 'plug in' : 'unplug',
      (m) => (m.charging = on),
      (app, m) => app.setBattery(m.battery, on),
    ),
  ),
  fc.boolean().map((on) =>
    step(
      on ? 'join the backup LAN' : 'leave the backup LAN',
      (m) => (m.lan = on),
      (app) => app.setLan(on),
    ),
  ),
  fc.boolean().map((on) =>
    step(
      `power saving ${on ? 'on' : 'off'}`,
      (m) => (m.powerSaving = on),
      (app) => app.setPowerSaving(on),
    ),
  ),
  fc.boolean().map((on) =>
    step(
      `backup while charging only ${on ? 'on' : 'off'}`,
      (m) => (m.chargingOnly = on),
      (app) => app.setChargingOnly(on),
    ),
  ),
  fc.integer({ min: 1, max: 3 }).map((n) =>
    step(
      `add ${n} photo(s)`,
      (m) => (m.pending += n),
      (app) => app.addPhotos(n),
    ),
  ),
  fc.constant(
    step(
      'tap Backup',
      (m) => (m.jobOpen = true),
      (app) => app.tapBackup(),
    ),
  ),
];

/** The app model on a simulated device, paired, in process. */
function modelApp(w: DeviceWorld): ConditionsApp {
  return {
    setBattery: async (level, charging) => w.device.setBattery(level, charging),
    setLan: async (on) => w.device.setNetwork(on ? { wifi: 'home', backupMachineReachable: true } : { wifi: null }),
    setPowerSaving: async (on) => w.app.updateSettings({ powerSaving: on }),
    setChargingOnly: async (on) => w.app.updateSettings({ backupWhileChargingOnly: on }),
    addPhotos: async (count) => {
      for (let i = 0; i < count; i++) addPhoto(w.device);
    },
    tapBackup: async () => void (await w.app.backup()),
    async observe() {
      await w.app.backupJob?.idle();
      const job = w.app.backupJob;
      return {
        holds: w.app.holdReasons('backup'),
        ...(job ? { jobState: job.state } : {}),
        jobHolds: job?.holdReasons ?? [],
        stored: (await w.app.listRestorable('recent')).length,
      };
    },
  };
}

/** The app through its screens: taps in More and on the Backup page, `mobile:` methods for the device. */
function screensApp(driver: AppDriver): ConditionsApp {
  const toggle = async (id: string, key: 'powerSaving' | 'backupWhileChargingOnly', on: boolean) => {
    if ((await state(driver)).settings[key] === on) return;
    await driver.tap('tab-more');
    await driver.tap(id);
  };
  return {
    setBattery: async (level, charging) => void (await driver.execute('mobile: setBattery', { level, charging })),
    setLan: async (on) => void (await driver.execute('mobile: setNetwork', { network: on ? 'lan' : 'off' })),
    setPowerSaving: (on) => toggle('more-power-saving', 'powerSaving', on),
    setChargingOnly: (on) => toggle('more-charging-only', 'backupWhileChargingOnly', on),
    addPhotos: async (count) =>
      void (await driver.execute('mobile: addMedia', { kind: 'photo', count, sizeBytes: 2000 })),
    async tapBackup() {
      await driver.tap('tab-backup');
      const job = (await state(driver)).backup?.state;
      await driver.tap(job === 'held' || job === 'stopped' ? 'backup-resume' : 'backup-start');
    },
    async observe() {
      const seen = await driver.execute('mobile: waitForIdle', {});
      // What the server lists, as the Restore page shows it: "0 of N selected, ..." or "No items".
      await driver.tap('tab-backup');
      await driver.tap('backup-restore');
      const summary = await driver.text('restore-summary-photo');
      await driver.tap('nav-back');
      return {
        holds: seen.holdReasons.backup,
        ...(seen.backup ? { jobState: seen.backup.state } : {}),
        jobHolds: seen.backup?.holdReasons ?? [],
        stored: Number(/of (\d+) selected/.exec(summary)?.[1] ?? 0),
      };
    },
  };
}

const START: Model = {
  battery: 80,
  charging: false,
  lan: true,
  powerSaving: true,
  chargingOnly: false,
  pending: 0,
  backedUp: 0,
  jobOpen: false,
};
const REQUIREMENTS = [
  'RUN-01',
  'RUN-03',
  'RUN-04',
  'RUN-06',
  'RUN-07',
  'RUN-10',
  'RUN-12',
  'RUN-13',
  'BAK-07',
  'BAK-08',
];

export const runConditionsCheck: Check = {
  id: 'run-conditions-model',
  title: 'Backup holds exactly when the run conditions say, says why, and goes on when they clear',
  area: 'RUN',
  requirements: REQUIREMENTS,
  scope: 'device',
  applies: needsPairing,
  async run(context: CheckContext) {
    const profile = context.column.profile!;
    const property = fc.asyncProperty(fc.commands(steps, commandsOptions(context, 12)), async (commands) => {
      const world = await pairedWorld(context.session, profile, { battery: { level: 80, charging: false } });
      await fc.asyncModelRun(() => ({ model: { ...START }, real: modelApp(world) }), commands);
    });
    return checkProperty(property, context);
  },
};

/** The same model through the app's screens: in process, or over WebDriver with `mbsc run --via appium`. */
export const uiRunConditionsCheck: Check = {
  id: 'ui-run-conditions-model',
  title: 'Through the screens: backup holds exactly when the run conditions say, says why, and goes on when they clear',
  area: 'RUN',
  requirements: REQUIREMENTS,
  scope: 'device',
  tags: ['ui'],
  applies: overWebDriverOnly('run-conditions-model'),
  async run(context: CheckContext) {
    const property = fc.asyncProperty(fc.commands(steps, commandsOptions(context, 12)), (commands) =>
      withApp(
        context,
        async (driver) => {
          await pairThroughScreens(driver, context.session);
          await fc.asyncModelRun(() => ({ model: { ...START }, real: screensApp(driver) }), commands);
        },
        { battery: { level: 80, charging: false } },
      ),
    );
    return checkProperty(property, context);
  },
};
