/**
 * Run conditions (seed 000 §2.5, §6.4.2, §6.4.3), model-based: random sequences of battery changes, plugging and
 * unplugging, Wi-Fi loss, setting toggles, new photos and taps on Backup. After every step the app must hold
 * exactly when the model says, say why, and the server must hold exactly the items the model says were backed up.
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../framework/check.js';
import { addPhoto, needsPairing, pairedWorld, type DeviceWorld } from '../framework/device-world.js';
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

async function verify(m: Model, w: DeviceWorld): Promise<void> {
  await w.app.backupJob?.idle();
  const expected = expectedHolds(m);
  const holds = w.app.holdReasons('backup');
  if (JSON.stringify(holds) !== JSON.stringify(expected)) {
    throw new Violation(
      brokenBy(holds, expected),
      `app holds for [${holds.join(', ')}], the rules say [${expected.join(', ')}]`,
    );
  }
  const stored = (await w.app.listRestorable('recent')).length;
  if (stored !== m.backedUp) {
    throw new Violation(
      ['BAK-07', 'BAK-08', 'RUN-13'],
      `the server holds ${stored} items, ${m.backedUp} were expected`,
    );
  }
  const job = w.app.backupJob;
  if (m.jobOpen && job?.state !== 'held') {
    throw new Violation(['RUN-10', 'RUN-12'], `the job should be held, it is ${job?.state}`);
  }
  const said = job?.holdReasons ?? [];
  if (m.jobOpen && JSON.stringify(said) !== JSON.stringify(expected)) {
    throw new Violation(
      brokenBy(said, expected),
      `the job says it holds for [${said.join(', ')}], the rules say [${expected.join(', ')}]`,
    );
  }
}

type Step = fc.AsyncCommand<Model, DeviceWorld>;

function step(label: string, apply: (m: Model) => void, act: (w: DeviceWorld) => void | Promise<void>): Step {
  return {
    check: () => true,
    async run(m, w) {
      await act(w);
      apply(m);
      settle(m);
      await verify(m, w);
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
      (w) => w.device.setBattery(level),
    ),
  ),
  fc.boolean().map((on) =>
    step(
      on ? 'plug in' : 'unplug',
      (m) => (m.charging = on),
      (w) => w.device.setBattery(w.device.batteryLevel, on),
    ),
  ),
  fc.boolean().map((on) =>
    step(
      on ? 'join the backup LAN' : 'leave the backup LAN',
      (m) => (m.lan = on),
      (w) => w.device.setNetwork(on ? { wifi: 'home', backupMachineReachable: true } : { wifi: null }),
    ),
  ),
  fc.boolean().map((on) =>
    step(
      `power saving ${on ? 'on' : 'off'}`,
      (m) => (m.powerSaving = on),
      (w) => w.app.updateSettings({ powerSaving: on }),
    ),
  ),
  fc.boolean().map((on) =>
    step(
      `backup while charging only ${on ? 'on' : 'off'}`,
      (m) => (m.chargingOnly = on),
      (w) => w.app.updateSettings({ backupWhileChargingOnly: on }),
    ),
  ),
  fc.integer({ min: 1, max: 3 }).map((n) =>
    step(
      `add ${n} photo(s)`,
      (m) => (m.pending += n),
      (w) => {
        for (let i = 0; i < n; i++) addPhoto(w.device);
      },
    ),
  ),
  fc.constant(
    step(
      'tap Backup',
      (m) => (m.jobOpen = true),
      async (w) => void (await w.app.backup()),
    ),
  ),
];

export const runConditionsCheck: Check = {
  id: 'run-conditions-model',
  title: 'Backup holds exactly when the run conditions say, says why, and goes on when they clear',
  area: 'RUN',
  requirements: ['RUN-01', 'RUN-03', 'RUN-04', 'RUN-06', 'RUN-07', 'RUN-10', 'RUN-12', 'RUN-13', 'BAK-07', 'BAK-08'],
  scope: 'device',
  applies: needsPairing,
  async run(context: CheckContext) {
    const profile = context.column.profile!;
    const property = fc.asyncProperty(fc.commands(steps, commandsOptions(context, 12)), async (commands) => {
      const world = await pairedWorld(context.session, profile, { battery: { level: 80, charging: false } });
      const model: Model = {
        battery: 80,
        charging: false,
        lan: true,
        powerSaving: true,
        chargingOnly: false,
        pending: 0,
        backedUp: 0,
        jobOpen: false,
      };
      await fc.asyncModelRun(() => ({ model, real: world }), commands);
    });
    return checkProperty(property, context);
  },
};
