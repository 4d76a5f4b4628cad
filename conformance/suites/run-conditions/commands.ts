/**
 * The commands of the run-conditions model: battery changes (half of them on the 30% boundary), plugging and
 * unplugging, joining the backup LAN, another Wi-Fi network or none, the power saving and charging-only switches, new photos and taps
 * on Backup, and two of those in turn that reach the combinations the rules need. Each one acts on the app through
 * the port (port.ts) and on the model, lets a held job go on if nothing holds it, then checks the app against the
 * model (after-each-step.ts).
 */
import fc from 'fast-check';
import type { ConditionsApp, Network } from './port.js';
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

const battery = (level: number) =>
  step(
    `battery ${level}%`,
    (m) => (m.battery = level),
    (app, m) => app.setBattery(level, m.charging),
  );
const plug = (on: boolean) =>
  step(
    on ? 'plug in' : 'unplug',
    (m) => (m.charging = on),
    (app, m) => app.setBattery(m.battery, on),
  );
const powerSaving = (on: boolean) =>
  step(
    `power saving ${on ? 'on' : 'off'}`,
    (m) => (m.powerSaving = on),
    (app) => app.setPowerSaving(on),
  );
const chargingOnly = (on: boolean) =>
  step(
    `backup while charging only ${on ? 'on' : 'off'}`,
    (m) => (m.chargingOnly = on),
    (app) => app.setChargingOnly(on),
  );
const NETWORK_STEPS: Record<Network, string> = {
  lan: 'join the backup LAN',
  'other-wifi': 'join another Wi-Fi network',
  off: 'turn Wi-Fi off',
};
const TAP_BACKUP = step(
  'tap Backup',
  (m) => (m.jobOpen = true),
  (app) => app.tapBackup(),
);

/** Steps one after another as one command, each checked against the model as it would be alone. */
function inTurn(...parts: Step[]): Step {
  return {
    check: () => true,
    async run(m, app) {
      for (const part of parts) await part.run(m, app);
    },
    toString: () => parts.map(String).join(', then '),
  };
}

export const steps = [
  // Half the battery levels sit on the 30% boundary, where a wrong comparison shows.
  fc.oneof(fc.constantFrom(29, 30, 31), fc.integer({ min: 0, max: 100 })).map(battery),
  fc.boolean().map(plug),
  // Leaving the LAN is turning Wi-Fi off or joining another network, where Wi-Fi is on but the machine is not.
  fc.constantFrom<Network>('lan', 'other-wifi', 'off').map((network) =>
    step(
      NETWORK_STEPS[network],
      (m) => (m.lan = network === 'lan'),
      (app) => app.setNetwork(network),
    ),
  ),
  fc.boolean().map(powerSaving),
  fc.boolean().map(chargingOnly),
  fc.integer({ min: 1, max: 3 }).map((n) =>
    step(
      `add ${n} photo(s)`,
      (m) => (m.pending += n),
      (app) => app.addPhotos(n),
    ),
  ),
  fc.constant(TAP_BACKUP),
  // The combinations the rules need, as one command each (a person does these one after another): drawn from the
  // single steps alone they are rare, and the 100 sequences of a property run could miss them all.
  fc.constant(inTurn(powerSaving(true), battery(29), TAP_BACKUP)),
  fc
    .integer({ min: 0, max: 29 })
    .map((level) => inTurn(powerSaving(true), chargingOnly(true), plug(true), battery(level), TAP_BACKUP)),
];
