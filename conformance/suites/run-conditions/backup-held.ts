/**
 * Run conditions (seed 000 §2.5, §6.4.2, §6.4.3), model-based: random sequences of battery changes, plugging and
 * unplugging, Wi-Fi loss, setting toggles, new photos and taps on Backup. After every step the app must hold
 * exactly when the model says, say why, and the server must hold exactly the items the model says were backed up.
 *
 * This file holds the two checks: the model (model.ts) and its commands (commands.ts)
 * run on the app model in process (port.ts) and on the app through its screens
 * (screens-adapter.ts).
 */
import fc from 'fast-check';
import { type Check, type DeviceCheckContext } from '../../kit/check.js';
import { pairThroughScreens, withApp } from '../../kit/screens-support.js';
import { newWorld } from '../../kit/device-support.js';
import { checkProperty, commandsOptions } from '../../kit/property.js';
import { reachingAfter, Sometimes, withReached } from '../../kit/sometimes.js';
import { modelApp } from './port.js';
import { expectedHolds, START, type Model } from './model.js';
import { screensApp } from './screens-adapter.js';
import { steps } from './commands.js';
import { where } from '../../kit/applies.js';

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

/**
 * The combinations the rules about them need reached: a charger that does not lift the battery hold, a job held
 * on exactly the boundary's wrong side, and one held for two reasons at once.
 */
const REACHED = {
  'charging-only-on-plugged-in-battery-below-30-with-job-open': (m: Model) =>
    m.chargingOnly && m.charging && m.battery < 30 && m.jobOpen,
  'battery-at-29-with-power-saving-and-job-open': (m: Model) => m.powerSaving && m.battery === 29 && m.jobOpen,
  'job-held-for-two-reasons-at-once': (m: Model) => m.jobOpen && expectedHolds(m).length >= 2,
} as const satisfies Record<string, (m: Model) => boolean>;
const RUN_CONDITION_STATES = Object.keys(REACHED) as (keyof typeof REACHED)[];

export const runConditionsCheck: Check = {
  id: 'run-conditions-model',
  title: 'Backup holds exactly when the run conditions say, says why, and goes on when they clear',
  area: 'RUN',
  requirements: REQUIREMENTS,
  scope: 'device',
  applies: where({ device: 'paired' }),
  async run(context: DeviceCheckContext) {
    const sometimes = new Sometimes(RUN_CONDITION_STATES);
    const reaching = reachingAfter(steps, sometimes, REACHED);
    const property = fc.asyncProperty(fc.commands(reaching, commandsOptions(context, 12)), async (commands) => {
      // Its commands never stop a job inside an item, so the app's own upload chunks serve (fewer appends).
      const world = await newWorld(context, { appChunks: true });
      await fc.asyncModelRun(() => ({ model: { ...START }, real: modelApp(world) }), commands);
    });
    return withReached(await checkProperty(property, context), sometimes);
  },
};

/** The same model through the app's screens: in process, or over WebDriver with `mbsc run --via appium`. */
export const uiRunConditionsCheck: Check = {
  id: 'run-conditions-model-screens',
  title: 'Through the screens: backup holds exactly when the run conditions say, says why, and goes on when they clear',
  area: 'RUN',
  requirements: REQUIREMENTS,
  scope: 'device',
  tags: ['ui'],
  applies: where({ overWebDriverOf: 'run-conditions-model', device: 'paired' }),
  async run(context: DeviceCheckContext) {
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
