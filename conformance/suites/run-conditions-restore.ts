/**
 * Run conditions of restore (seed 000 §2.5, §6.4.2, §6.4.3): restore needs the backup machine's LAN, and with power
 * saving on it holds below 30% battery as backup does; backup while charging only never holds it. A property over
 * random conditions (half of them on the 30% boundary) starts a real restore of a backed-up photo in each.
 */
import fc from 'fast-check';
import type { Check, CheckContext } from '../framework/check.js';
import { checkProperty } from '../framework/property.js';
import { Violation } from '../framework/violation.js';
import { hashOf } from '../../simulators/app/content-registry.js';
import { addMedia, deviceNeeds, expectEqual, newWorld, serverItems, type World } from './device-support.js';

interface Conditions {
  readonly battery: number;
  readonly charging: boolean;
  readonly lan: boolean;
  readonly powerSaving: boolean;
  readonly chargingOnly: boolean;
}

const conditions = fc.record({
  battery: fc.oneof(fc.constantFrom(29, 30, 31), fc.integer({ min: 0, max: 100 })),
  charging: fc.boolean(),
  lan: fc.boolean(),
  powerSaving: fc.boolean(),
  chargingOnly: fc.boolean(),
});

/** The seed's rules for restore, written out here: the check must not ask the app which rules it follows. */
function expectedHolds(c: Conditions): string[] {
  const holds: string[] = [];
  if (!c.lan) holds.push('not-on-backup-lan');
  if (c.powerSaving && c.battery < 30) holds.push('battery-low');
  return holds;
}

const RULES_OF_REASON: Record<string, readonly string[]> = {
  'not-on-backup-lan': ['RUN-01'],
  'battery-low': ['RUN-05'],
  'not-charging': ['RUN-14'],
};

function brokenBy(actual: readonly string[], expected: readonly string[]): string[] {
  const differing = [...actual.filter((r) => !expected.includes(r)), ...expected.filter((r) => !actual.includes(r))];
  return [...new Set(differing.flatMap((r) => RULES_OF_REASON[r] ?? ['RUN-05', 'RUN-14']))];
}

function apply(world: World, c: Conditions): void {
  world.device.setNetwork(c.lan ? { wifi: 'home', backupMachineReachable: true } : { wifi: null });
  world.device.setBattery(c.battery, c.charging);
  world.app.updateSettings({ powerSaving: c.powerSaving, backupWhileChargingOnly: c.chargingOnly });
}

const GOOD: Conditions = { battery: 80, charging: true, lan: true, powerSaving: true, chargingOnly: false };

async function restoreIn(world: World, c: Conditions): Promise<void> {
  const { app, device } = world;
  const [item] = await serverItems(app);
  if (!item) throw new Error('the backed-up photo is not on the server');
  const copy = device.mediaItems().find((m) => hashOf(m) === item.sha256);
  if (copy) device.removeMedia(copy.id);
  apply(world, c);
  const expected = expectedHolds(c);
  const holds = app.holdReasons('restore');
  if (JSON.stringify(holds) !== JSON.stringify(expected)) {
    throw new Violation(brokenBy(holds, expected), `restore holds for [${holds}], the rules say [${expected}]`);
  }
  const job = await app.restore([item]);
  await job.idle();
  const state = expected.length > 0 ? 'held' : 'completed';
  if (job.state !== state) {
    const why = expected.length > 0 ? brokenBy([], expected) : brokenBy(job.holdReasons, []);
    throw new Violation(why, `the restore is ${job.state} in [${JSON.stringify(c)}]; the rules say ${state}`);
  }
  // Conditions clear: a held restore goes on by itself and finishes.
  apply(world, GOOD);
  await job.idle();
  expectEqual(['RUN-05', 'RUN-01'], 'the restore once conditions clear', job.state, 'completed');
}

export const restoreConditionsCheck: Check = {
  id: 'run-conditions-restore',
  title:
    'Restore holds off the backup LAN and below 30% battery with power saving on, never for charging only, and goes on when conditions clear',
  area: 'RUN',
  requirements: ['RUN-01', 'RUN-05', 'RUN-14'],
  scope: 'device',
  applies: deviceNeeds(),
  async run(context: CheckContext) {
    const world = await newWorld(context.session, context.column.profile!);
    addMedia(world.device, { name: 'IMG_RESTORE_1.jpg', size: 1500 });
    apply(world, GOOD);
    const backup = await world.app.backup();
    await backup.idle();
    expectEqual(['RUN-01'], 'the first backup', backup.state, 'completed');
    return checkProperty(
      fc.asyncProperty(conditions, (c) => restoreIn(world, c)),
      context,
    );
  },
};
