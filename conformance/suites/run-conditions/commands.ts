/**
 * The commands of the run-conditions model: battery changes (half of them on the 30% boundary), plugging and
 * unplugging, joining and leaving the backup LAN, the power saving and charging-only switches, new photos and taps
 * on Backup. Each one acts on the app through the port (port.ts) and on the model, lets a held
 * job go on if nothing holds it, then checks the app against the model (after-each-step.ts).
 */
import fc from 'fast-check';
import type { ConditionsApp } from './port.js';
import { verify } from './after-each-step.js';
import { settle, type Model } from './model.js';

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

export const steps = [
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
